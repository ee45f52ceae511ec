// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { setUpI18n } from '../../renderer/i18n';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { noteFilesOnServer } from '../../electron/core/sync/files/on-server';
import { call, core } from '../core-harness';
import { coreClient, renderWithClient, renderWithCore } from './with-core';

/**
 * A kit whose photo is gone from the library folder, in the kit builder against a real core:
 * the item is marked where it is, with actions that work, and the export buttons say why they
 * wait instead of failing once pressed.
 */

afterEach(cleanup);

const jpeg = (r: number) => sharp({ create: { width: 80, height: 60, channels: 3, background: { r, g: 90, b: 60 } } }).jpeg().toBuffer();

async function kitWithLostPhoto(c: Core, bytes: Buffer, office?: string) {
  const photo = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'photo.jpg', data: bytes.toString('base64'), fields: { caption: 'The well in Gao', credit: 'A. Maiga' } });
  const kit = await call<{ id: string }>(c, 'kit.create', {
    title: 'Mali kit',
    language: 'en',
    ...(office ? { office } : {}),
    items: [
      { kind: 'section', sectionKind: 'text', title: 'Introduction', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Twelve wells.' }] }] } },
      { kind: 'attachment', id: photo.id },
    ],
  });
  rmSync(c.ctx.blobs.path(photo.sha256));
  return { kit: kit.id, photo: photo.id };
}

const itemRows = () => within(screen.getByRole('list', { name: 'In this kit' })).getAllByRole('listitem');

describe('a missing file in the kit builder', () => {
  it('names several missing files as a list in the words of the interface language', async () => {
    const c = await core();
    const add = async (name: string, r: number) => {
      const a = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name, data: (await jpeg(r)).toString('base64') });
      rmSync(c.ctx.blobs.path(a.sha256));
      return { kind: 'attachment' as const, id: a.id };
    };
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Two photos', language: 'en', items: [await add('well.jpg', 10), await add('school.jpg', 30)] });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    expect(await screen.findByText(/^The kit cannot be exported while a file is missing: (well\.jpg and school\.jpg|school\.jpg and well\.jpg)\./, {}, { timeout: 15_000 })).toBeTruthy();
  });

  it('is marked in its place, holds the export back with the reason, and comes back when relinked to its file', async () => {
    const c = await core();
    const bytes = await jpeg(20);
    const { kit, photo } = await kitWithLostPhoto(c, bytes);
    renderWithCore(c, <KitBuilder kitId={kit} />, 'test');

    const mark = await screen.findByText('File missing: photo.jpg — relink or remove', {}, { timeout: 15_000 });
    expect(itemRows()[1]!.contains(mark)).toBe(true);
    expect(screen.getByText(/The kit cannot be exported while a file is missing: photo\.jpg\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Download ZIP bundle' }) as HTMLButtonElement).disabled).toBe(true);
    // The preview still shows the rest of the kit.
    expect(screen.getByTitle(/Preview of/).getAttribute('srcdoc')).toContain('Twelve wells.');

    // The same file picked again: the library has it back, under the same attachment.
    const input = itemRows()[1]!.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(screen.queryByText('File missing: photo.jpg — relink or remove')).toBeNull(), { timeout: 15_000 });
    expect((screen.getByRole('button', { name: 'Download ZIP bundle' }) as HTMLButtonElement).disabled).toBe(false);
    expect(c.ctx.blobs.has((await call<{ sha256: string }>(c, 'attachment.get', { id: photo })).sha256)).toBe(true);
  });

  it('takes another file in its place, with the caption and credit of the one that is gone', async () => {
    const c = await core();
    const { kit, photo } = await kitWithLostPhoto(c, await jpeg(20));
    renderWithCore(c, <KitBuilder kitId={kit} />, 'test');
    await screen.findByText('File missing: photo.jpg — relink or remove', {}, { timeout: 15_000 });
    const input = itemRows()[1]!.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(await jpeg(200))], 'well-2.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(screen.queryByText(/File missing/)).toBeNull(), { timeout: 15_000 });
    await waitFor(async () => {
      const saved = await call<{ items: { kind: string; id: string }[] }>(c, 'kit.get', { id: kit });
      expect(saved.items[1]!.id).not.toBe(photo);
    });
    const saved = await call<{ items: { id: string }[] }>(c, 'kit.get', { id: kit });
    expect(await call(c, 'attachment.get', { id: saved.items[1]!.id })).toMatchObject({ originalName: 'well-2.jpg', caption: 'The well in Gao', credit: 'A. Maiga' });
    expect(itemRows()[1]!.textContent).toContain('well-2.jpg');
  });

  it('is taken out of the kit by its Remove button', async () => {
    const c = await core();
    const { kit } = await kitWithLostPhoto(c, await jpeg(20));
    renderWithCore(c, <KitBuilder kitId={kit} />, 'test');
    await screen.findByText('File missing: photo.jpg — relink or remove', {}, { timeout: 15_000 });
    const removeButton = screen.getByRole('button', { name: 'Remove from kit' });
    // A screen reader hears which file the button is about.
    expect(document.getElementById(removeButton.getAttribute('aria-describedby')!)!.textContent).toContain('photo.jpg');
    expect(screen.getByRole('button', { name: 'Relink to a file…' }).getAttribute('aria-describedby')).toBe(removeButton.getAttribute('aria-describedby'));
    fireEvent.click(removeButton);
    await waitFor(() => expect(itemRows()).toHaveLength(1));
    await waitFor(async () => expect((await call<{ items: unknown[] }>(c, 'kit.get', { id: kit })).items).toHaveLength(1), { timeout: 5_000 });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Download ZIP bundle' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 5_000 });
  });

  it("sends a missing office logo to Settings' offices, not to the list of items", async () => {
    const c = await core();
    const logo = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'amman-logo.png', data: (await sharp({ create: { width: 120, height: 40, channels: 3, background: '#0b4f6c' } }).png().toBuffer()).toString('base64') });
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Amman', logo: logo.id });
    const { kit } = await kitWithLostPhoto(c, await jpeg(20), office.id);
    rmSync(c.ctx.blobs.path(logo.sha256));
    renderWithCore(c, <KitBuilder kitId={kit} />, 'test');

    // The photo is dealt with in the list above; the logo is not in that list, so the words send the person to Settings.
    const said = await screen.findByText(/^The kit cannot be exported while a file is missing: photo\.jpg\./, {}, { timeout: 15_000 });
    expect(said.textContent).toBe(
      'The kit cannot be exported while a file is missing: photo.jpg. Relink or remove each one in the list above. ' +
        'The kit cannot be exported while the logo of the office “Amman” (amman-logo.png) is missing. Choose another logo for the office in Settings → Offices, or restore the library from a backup.',
    );
    expect((screen.getByRole('button', { name: 'Download ZIP bundle' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a file still on the server in the kit builder', () => {
  it('is said to be on the server, with its size, not to be relinked or removed, and does not hold the export back', async () => {
    const c = await core();
    const { kit } = await kitWithLostPhoto(c, await jpeg(20));
    // What a sync leaves when the download policy kept the file on the server: the library knows the server has it.
    const { sha256 } = await call<{ sha256: string }>(c, 'attachment.get', { id: (await call<{ items: { id: string }[] }>(c, 'kit.get', { id: kit })).items[1]!.id });
    noteFilesOnServer(c.library.replication, { found: [sha256] });
    renderWithCore(c, <KitBuilder kitId={kit} />, 'test');

    const mark = await screen.findByText(/^On the server, not on this computer yet: photo\.jpg \([^)]+\)$/, {}, { timeout: 15_000 });
    expect(itemRows()[1]!.contains(mark)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Relink to a file…' })).toBeNull();
    expect(screen.queryByText(/relink or remove/i)).toBeNull();
    expect(screen.queryByText(/cannot be exported/)).toBeNull();
    // Sync is not set up in this library, so the export could not bring it down yet: said before it is pressed.
    expect(screen.getByText(/^On the server, not on this computer yet: photo\.jpg \([^)]+\)\. Sync cannot reach the server now: sync first, then export\.$/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Download ZIP bundle' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the words for a missing office logo', () => {
  it('name the Settings screen and its offices section as each language calls them, never the list above', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const { t } = setUpI18n(lng);
      const said = t('kitBuilder.exportLogoMissing', { office: 'Amman', name: 'amman-logo.png' });
      expect(said, lng).toContain(t('nav.settings'));
      expect(said, lng).toContain(t('settings.offices'));
      expect(said, lng).toContain('amman-logo.png');
      expect(said, lng).not.toMatch(/list above|ci-dessus|de arriba|أعلاه/);
    }
  });
});

describe('the note about files on the server, when sync comes back', () => {
  it('follows the sync status without waiting for the preview to be redrawn', async () => {
    const c = await core();
    const { kit } = await kitWithLostPhoto(c, await jpeg(20));
    const { sha256 } = await call<{ sha256: string }>(c, 'attachment.get', { id: (await call<{ items: { id: string }[] }>(c, 'kit.get', { id: kit })).items[1]!.id });
    noteFilesOnServer(c.library.replication, { found: [sha256] });
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Goma' });
    // A server nobody answers on (port 9): the export's download only needs sync to be able to try.
    await call(c, 'sync.configure', { server: 'http://127.0.0.1:9', offices: [office.id] });
    await call(c, 'sync.pause', { paused: true });
    renderWithClient(coreClient(c), <KitBuilder kitId={kit} />);
    await screen.findByText(/Sync cannot reach the server now: sync first, then export\.$/, {}, { timeout: 15_000 });

    // Sync resumes: the core says so in a status event, and the note follows it at once.
    await call(c, 'sync.pause', { paused: false });
    await screen.findByText(/^On the server, not on this computer yet: photo\.jpg \([^)]+\)\. The export downloads them first\.$/, {}, { timeout: 15_000 });
    expect(screen.queryByText(/sync first, then export/)).toBeNull();
  });
});

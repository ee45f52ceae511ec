// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { href } from '../../renderer/app/router';
import { AttachmentsScreen } from '../../renderer/attachments/AttachmentsScreen';
import { setUpI18n } from '../../renderer/i18n';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core, fail, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * A file with no preview here (a PDF, a Word file, a video) is opened by saving a copy of it;
 * its page says where it is used, each a link; and "Delete…" asks first, saying where it is
 * used, then the kits that carried it name it as no longer in the library.
 */

const Shell = routedScreens((route) =>
  route.screen === 'attachment' ? (
    <AttachmentsScreen selected={route.id} />
  ) : route.screen === 'kit' ? (
    <KitBuilder kitId={route.id} />
  ) : (
    <AttachmentsScreen selected={null} />
  ),
);

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

afterEach(() => {
  vi.restoreAllMocks();
});

async function library() {
  const c = await core();
  const goma = await call<{ id: string }>(c, 'release.create', release({ headline: 'Schools reopen in Goma' }));
  const file = await call<{ id: string }>(c, 'attachment.add', { name: 'fiche-technique.pdf', data: pdf.toString('base64'), fields: { releases: [goma.id] } });
  const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Goma kit', language: 'en', items: [{ kind: 'release', id: goma.id }, { kind: 'attachment', id: file.id }] });
  return { c, goma, file, kit };
}

describe('an attachment with no preview', () => {
  it('saves a copy of its original file under its own name', async () => {
    const { c, file } = await library();
    const blobs: Blob[] = [];
    let named = '';
    // jsdom has no downloads: stand-ins keep the file the page hands over and the name it gives.
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:copy'), revokeObjectURL: () => undefined });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      named = this.download;
    });
    window.location.hash = href.attachment(file.id);
    renderWithCore(c, <Shell />, 'test');
    await screen.findByText('No preview for this kind of file.', {}, { timeout: 15_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Save a copy…' }));
    await screen.findByText('fiche-technique.pdf is ready in your downloads.', {}, { timeout: 15_000 });
    expect(named).toBe('fiche-technique.pdf');
    expect(blobs).toHaveLength(1);
    expect(Buffer.from(await blobs[0]!.arrayBuffer())).toEqual(pdf);
  });

  it('says where it is used, each a link to the release or kit', async () => {
    const { c, goma, file, kit } = await library();
    window.location.hash = href.attachment(file.id);
    renderWithCore(c, <Shell />, 'test');
    const used = (await screen.findByRole('heading', { name: 'Used in' }, { timeout: 15_000 })).closest('section')!;
    const release = await within(used).findByRole('link', { name: 'Schools reopen in Goma' }, { timeout: 15_000 });
    expect(release.getAttribute('href')).toBe(href.release(goma.id));
    expect(within(used).getByRole('link', { name: 'Goma kit' }).getAttribute('href')).toBe(href.kit(kit.id));
  });

  it('asks before deleting, saying where it is used; deleted, kits name it as no longer in the library', async () => {
    const { c, file, kit } = await library();
    window.location.hash = href.attachment(file.id);
    renderWithCore(c, <Shell />, 'test');
    await screen.findByRole('link', { name: 'Goma kit' }, { timeout: 15_000 });
    const ask = screen.getByRole('button', { name: 'Delete…' });

    // Escape is the safe answer, and the keyboard goes back to the button that asked.
    fireEvent.click(ask);
    let question = await screen.findByRole('alertdialog');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(question, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete…' }));
    expect(await call(c, 'attachment.get', { id: file.id })).toMatchObject({ id: file.id });

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    question = await screen.findByRole('alertdialog');
    expect(within(question).getByText('Delete “fiche-technique.pdf” from the library? It waits in the trash, with its file, until the trash is emptied.')).toBeTruthy();
    expect(within(question).getByText('It is used in:')).toBeTruthy();
    expect(within(question).getByRole('link', { name: 'Goma kit' })).toBeTruthy();
    expect(within(question).getByRole('link', { name: 'Schools reopen in Goma' })).toBeTruthy();
    fireEvent.click(within(question).getByRole('button', { name: 'Delete' }));

    const said = await screen.findByText('“fiche-technique.pdf” was deleted.', {}, { timeout: 15_000 });
    await waitFor(() => expect(window.location.hash).toBe(href.attachments()));
    expect(document.activeElement).toBe(said);
    expect((await fail(c, 'attachment.get', { id: file.id })).code).toBe('NOT_FOUND');
    await screen.findByText('No attachments yet', {}, { timeout: 15_000 });

    // The kit marks it in its place, to be relinked or taken out.
    window.location.hash = href.kit(kit.id);
    await screen.findByText('(no longer in the library)', { selector: '.kit-item-label' }, { timeout: 15_000 });
    await screen.findByText('File missing: fiche-technique.pdf — relink or remove', { selector: '.kit-item-missing p' }, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: 'Remove from kit' })).toBeTruthy();
  }, 60_000);

  it('asks plainly when the file is used nowhere', async () => {
    const c = await core();
    const file = await call<{ id: string }>(c, 'attachment.add', { name: 'video.mp4', data: Buffer.from('not really a video').toString('base64') });
    window.location.hash = href.attachment(file.id);
    renderWithCore(c, <Shell />, 'test');
    await screen.findByText('Not used in any release, kit or office logo.', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const question = await screen.findByRole('alertdialog');
    await within(question).findByText('It is not used in any release, kit or office logo.');
  });

  it('words the actions and the question in the four languages', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const { t } = setUpI18n(lng);
      expect(t('attachments.deleteConfirm', { name: 'fiche.pdf' }), lng).toContain('fiche.pdf');
      expect(t('attachments.deleted', { name: 'fiche.pdf' }), lng).toContain('fiche.pdf');
      for (const key of ['saveCopy', 'usedIn', 'deleteAsk', 'deleteNow', 'usedAs.kit']) expect(t(`attachments.${key}`), lng).not.toBe(`attachments.${key}`);
    }
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/** Two photos both called photo.jpg, against a real core: the kit builder shows what tells them apart. */

afterEach(cleanup);

const jpeg = (r: number, width: number) => sharp({ create: { width, height: 40, channels: 3, background: { r, g: 90, b: 60 } } }).jpeg().toBuffer();

describe('two attachments with the same name in the kit builder', () => {
  it('are told apart by caption and size in the picker and in the kit’s item list', async () => {
    const c = await core();
    const add = async (bytes: Buffer, caption: string) =>
      (await call<{ id: string }>(c, 'attachment.add', { name: 'photo.jpg', data: bytes.toString('base64'), fields: { caption, credit: 'A. Maiga' } })).id;
    const well = await add(await jpeg(10, 60), 'The new well in Gao');
    const school = await add(await jpeg(200, 3000), 'Pupils at the Timbuktu school');
    await call(c, 'attachment.add', { name: 'map.jpg', data: (await jpeg(50, 80)).toString('base64') });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Mali kit', language: 'en', items: [{ kind: 'attachment', id: well }] });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');

    const picker = await screen.findByRole('combobox', { name: 'Photo or file' }, { timeout: 15_000 });
    const listbox = screen.getByRole('listbox', { name: 'Photo or file', hidden: true });
    const option = (name: string, caption: string) =>
      within(listbox)
        .getAllByRole('option', { hidden: true })
        .find((o) => o.textContent?.startsWith(name) && o.textContent.includes(caption));
    await waitFor(() => expect(option('photo.jpg', 'Pupils at the Timbuktu school')).toBeDefined(), { timeout: 15_000 });
    // Each row says what tells it apart; the one in the kit already is marked and cannot be added twice.
    const held = option('photo.jpg', 'The new well in Gao')!;
    expect(held.getAttribute('aria-disabled')).toBe('true');
    expect(held.textContent).toContain('In the kit');
    expect(option('map.jpg', '')!.getAttribute('aria-disabled')).toBeNull();

    fireEvent.focus(picker);
    fireEvent.click(option('photo.jpg', 'Pupils at the Timbuktu school')!);
    const items = screen.getByRole('list', { name: 'In this kit' });
    await waitFor(() => expect(within(items).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(items).getAllByRole('listitem');
    expect(first!.textContent).toContain('The new well in Gao');
    expect(second!.textContent).toContain('Pupils at the Timbuktu school');
    expect(first!.textContent).not.toBe(second!.textContent);
    // The row clicked is the file the kit now holds.
    await waitFor(async () => expect((await call<{ items: { id: string }[] }>(c, 'kit.get', { id: kit.id })).items.map((i) => i.id)).toEqual([well, school]), { timeout: 5000 });
  });
});

// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { attachmentDetail } from '../../renderer/kit-builder/items';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * An attachment's caption and size under its name: an Arabic caption, or one mixing directions,
 * is isolated from the size, so that "19.8 kB" is never drawn inside the caption's words.
 */

afterEach(cleanup);

const CAPTION = "Une habitante puise de l'eau. / المياه";

describe("a kit item's caption and size", () => {
  it('are apart: in the list each in its own isolate, and in the picker’s row', async () => {
    expect(attachmentDetail({ caption: CAPTION, credit: null, size: 20_300 }, () => '19.8 kB')).toEqual({ caption: CAPTION, size: '19.8 kB' });

    const c = await core();
    const photo = await call<{ id: string }>(c, 'attachment.add', { name: 'photo.txt', data: Buffer.from('x'.repeat(20_300)).toString('base64'), fields: { caption: CAPTION } });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Goma', items: [{ kind: 'attachment', id: photo.id }] });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    await screen.findByText('photo.txt', { selector: '.kit-item-label' }, { timeout: 15_000 });
    const detail = document.querySelector('.kit-item-detail')!;
    const isolated = [...detail.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toHaveLength(2);
    expect(isolated[0]).toBe(CAPTION);
    expect(isolated[1]).toMatch(/kB$/);
    expect(detail.textContent).not.toContain('[object');
    // The picker's row of the same file: caption and size each in its own isolate too.
    await waitFor(() => expect(document.querySelector('.kit-pick-option .kit-pick-detail')).not.toBeNull(), { timeout: 15_000 });
    expect([...document.querySelector('.kit-pick-option .kit-pick-detail')!.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([CAPTION, expect.stringMatching(/kB$/)]);
  }, 60_000);
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../electron/shared/documents';
import { markdownToRichText } from '../../electron/core/markdown';
import { plainText } from '../../electron/shared/richtext';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A kit's section holds text written nowhere else: taking it out offers Undo, which puts it back
 * where it was with its text. A section with no text goes without one.
 */

afterEach(cleanup);

const labels = () => [...document.querySelectorAll('.kit-item-label')].map((el) => el.textContent);

describe('taking a section out of a kit', () => {
  it('offers Undo, which puts the section back in its place with its text, and the kit saves it', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Kasese kit',
      language: 'fr',
      items: [
        { kind: 'section', sectionKind: 'factSheet', title: 'Chiffres clés', body: markdownToRichText('40 000 personnes desservies.') },
        { kind: 'release', id: r.id },
        { kind: 'section', sectionKind: 'text', title: 'Vide', body: { type: 'doc', content: [] } },
      ],
    });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    await screen.findByText('Boreholes in Kasese', { selector: '.kit-item-label' }, { timeout: 15_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Remove Chiffres clés from the kit' }));
    expect(labels()).not.toContain('Chiffres clés');
    expect(screen.getByText(/Chiffres clés was removed from the kit\./)).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo: put Chiffres clés back in the kit' });
    expect(document.activeElement).toBe(undo);
    await waitFor(async () => expect((await call<Doc<'kit'>>(c, 'kit.get', { id: kit.id })).items).toHaveLength(2), { timeout: 15_000 });

    fireEvent.click(undo);
    expect(labels()[0]).toBe('Chiffres clés');
    expect(screen.queryByRole('button', { name: /^Undo: put/ })).toBeNull();
    await waitFor(
      async () => {
        const items = (await call<Doc<'kit'>>(c, 'kit.get', { id: kit.id })).items;
        expect(items.map((i) => i.kind)).toEqual(['section', 'release', 'section']);
        const first = items[0]!;
        expect(first.kind === 'section' && plainText(first.body).trim()).toBe('40 000 personnes desservies.');
      },
      { timeout: 15_000 },
    );
  }, 60_000);

  it('takes a section with no text out without an Undo', async () => {
    const c = await core();
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Kasese kit',
      language: 'en',
      items: [{ kind: 'section', sectionKind: 'text', title: 'Empty', body: { type: 'doc', content: [] } }],
    });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Empty from the kit' }, { timeout: 15_000 }));
    expect(labels()).toEqual([]);
    expect(screen.queryByRole('button', { name: /^Undo: put/ })).toBeNull();
  }, 60_000);
});

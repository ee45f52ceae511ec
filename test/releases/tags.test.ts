import { describe, expect, it } from 'vitest';
import type { Created, Page, ReleaseSummary } from '../../electron/shared/contract';
import { distinctTags, sameTag } from '../../electron/shared/releases/tags';
import { call, core, release } from '../core-harness';

/** A tag is one tag whatever its capitals and accents: a release keeps one spelling of it. */

describe('tags that differ only in capitals or accents', () => {
  it('are one tag: the first spelling is kept', () => {
    expect(distinctTags(['Inondations', 'inondations', 'Évacuation', 'evacuation', 'Flood', 'FLOOD', 'cash-for-work', 'Cash for work', 'الفيضانات', 'فيضانات', 'eau'])).toEqual([
      'Inondations',
      'Évacuation',
      'Flood',
      'cash-for-work',
      'الفيضانات',
      'eau',
    ]);
    expect(sameTag(['Réfugiés', 'cash'], 'refugies')).toBe('Réfugiés');
    expect(sameTag(['Réfugiés'], 'réfugiés camps')).toBeNull();
  });

  it('are stored once by release.create, release.update and an import, and listed once', async () => {
    const c = await core();
    const made = await call<Created>(c, 'release.create', release({ headline: 'Floods in Beira', tags: ['Inondations', 'inondations', 'Évacuation'] }));
    expect((await call<{ tags: string[] }>(c, 'release.get', { id: made.id })).tags).toEqual(['Inondations', 'Évacuation']);
    await call(c, 'release.update', { id: made.id, rev: made.rev, fields: { tags: ['Inondations', 'Évacuation', 'evacuation', 'EVACUATION', 'Beira'] } });
    expect((await call<{ tags: string[] }>(c, 'release.get', { id: made.id })).tags).toEqual(['Inondations', 'Évacuation', 'Beira']);
    const listed = await call<Page<ReleaseSummary>>(c, 'release.list', { limit: 10 });
    expect(listed.items[0]!.tags.map((t) => t.toLowerCase()).sort()).toEqual(['beira', 'inondations', 'évacuation']);

    const imported = await call<{ id: string }>(c, 'import.commit', {
      release: { headline: 'Lluvias en Piura', subheadline: null, datelinePlace: 'Piura', releaseDate: '2026-03-02', embargo: null, language: 'es', body: ['Las lluvias inundaron Piura.'], quotes: [], notesToEditors: null, boilerplate: null, endMark: null },
      contacts: [],
      source: { name: 'piura.txt', text: 'Lluvias en Piura\nLas lluvias inundaron Piura.' },
      tags: ['Evacuación', 'evacuacion'],
    });
    expect((await call<{ tags: string[] }>(c, 'release.get', { id: imported.id })).tags).toEqual(['Evacuación']);
  });

  it('lists a release saved before with both spellings once', async () => {
    const c = await core();
    const made = await call<Created>(c, 'release.create', release({ headline: 'Floods in Beira', tags: ['Flood'] }));
    // As an older Dateline stored it: both spellings in the document.
    c.ctx.library.db.prepare('INSERT INTO release_tag_p(doc_rowid, tag) SELECT rowid, ? FROM docs WHERE id = ?').run('flood', made.id);
    const listed = await call<Page<ReleaseSummary>>(c, 'release.list', { limit: 10 });
    expect(listed.items[0]!.tags).toHaveLength(1);
  });
});

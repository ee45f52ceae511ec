import { describe, expect, it } from 'vitest';
import { call, core, release } from '../core-harness';

/**
 * The embargo `kit.list` gives each kit, read for a whole page at once: the latest still in
 * force among the release versions the kit prints, by the export's own rules.
 */

interface Listed {
  items: { title: string; embargo: { at: string; timeZone: string } | null }[];
}

describe('kit.list embargo', () => {
  it('follows the chosen language versions, skips what the export would refuse, and ignores a past embargo', async () => {
    const c = await core();
    const en = await call<{ id: string }>(c, 'release.create', release({ embargo: { at: '2099-12-08T09:00:00.000Z', timeZone: 'Europe/Zurich' } }));
    const fr = await call<{ id: string; rev: string }>(c, 'release.translate', { id: en.id, language: 'fr' });
    const frDoc = await call<{ rev: string }>(c, 'release.get', { id: fr.id });
    await call(c, 'release.update', { id: fr.id, rev: frDoc.rev, fields: { embargo: { at: '2099-12-09T07:00:00.000Z', timeZone: 'Asia/Damascus' } } });
    const past = await call<{ id: string }>(c, 'release.create', release({ headline: 'Past', embargo: { at: '2001-01-01T09:00:00.000Z', timeZone: 'Africa/Dakar' } }));
    const none = await call<{ id: string }>(c, 'release.create', release({ headline: 'Open' }));

    const kits: [string, unknown[]][] = [
      ['own', [{ kind: 'release', id: en.id }]],
      ['both', [{ kind: 'release', id: en.id, languages: ['en', 'fr'] }]],
      ['french', [{ kind: 'release', id: en.id, languages: ['fr'] }]],
      // A chosen version that does not exist: the export refuses it, the list passes it over.
      ['missing', [{ kind: 'release', id: en.id, languages: ['fr', 'es'] }, { kind: 'release', id: none.id }]],
      ['past', [{ kind: 'release', id: past.id }, { kind: 'release', id: none.id }]],
      ['sections', [{ kind: 'section', sectionKind: 'text', title: 'Note', body: { type: 'doc', content: [] } }]],
    ];
    for (const [title, items] of kits) await call(c, 'kit.create', { title, language: 'en', items });

    const page = await call<Listed>(c, 'kit.list', { limit: 10 });
    const byTitle = Object.fromEntries(page.items.map((k) => [k.title, k.embargo]));
    expect(byTitle).toEqual({
      own: { at: '2099-12-08T09:00:00.000Z', timeZone: 'Europe/Zurich' },
      both: { at: '2099-12-09T07:00:00.000Z', timeZone: 'Asia/Damascus' },
      french: { at: '2099-12-09T07:00:00.000Z', timeZone: 'Asia/Damascus' },
      missing: null,
      past: null,
      sections: null,
    });
    // A page at a time, each page with its kits' embargoes.
    const first = await call<Listed & { nextCursor: string }>(c, 'kit.list', { limit: 4 });
    const rest = await call<Listed>(c, 'kit.list', { limit: 4, cursor: first.nextCursor });
    expect(Object.fromEntries([...first.items, ...rest.items].map((k) => [k.title, k.embargo]))).toEqual(byTitle);
  });
});

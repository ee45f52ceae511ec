import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { PROJECTION_COLUMNS, type ProjectionTable } from '../../electron/core/store/projection-columns';
import { RawPeer } from '../bench/peer';
import { tempDir } from '../helpers';

const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

const declared = (table: ProjectionTable) =>
  Object.entries(PROJECTION_COLUMNS[table]).map(([name, c]) => ({ name, type: c.sql.split(' ')[0], notnull: c.sql.endsWith('NOT NULL') ? 1 : 0, pk: 0 }));

describe('projection columns, declared once', () => {
  it("match exactly the tables a library's migrations create", async () => {
    const l = await Library.open(tempDir(), { author: 'amina' });
    opened.push(l);
    const tables = Object.keys(PROJECTION_COLUMNS) as ProjectionTable[];
    expect(tables).toEqual(['release_p', 'contact_p', 'outlet_p', 'attachment_p', 'kit_p', 'office_p']);
    for (const table of tables) {
      const actual = (l.db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as ColumnInfo[]).map((c) => ({ ...c }));
      expect(actual, table).toEqual([{ name: 'doc_rowid', type: 'INTEGER', notnull: 0, pk: 1 }, ...declared(table)]);
    }
  });

  it('carry each projected value into its own column', async () => {
    const l = await Library.open(tempDir(), { author: 'amina' });
    opened.push(l);
    const office = l.repo.create('office', { name: 'Nairobi' });
    const release = l.repo.create('release', {
      headline: 'Floods in Kasese',
      language: 'fr',
      status: 'in-review',
      office: office.id,
      releaseDate: '2026-12-03',
      embargo: { at: '2026-12-04T08:00:00Z', timeZone: 'Africa/Nairobi' },
      translationGroup: 'rel-group',
    });
    l.docs.create(
      'attachment',
      { sha256: 'a'.repeat(64), originalName: 'map.png', mediaType: 'image/png', size: 2048, width: 10, height: 10 },
      { author: 'amina' },
    );
    l.repo.create('contact', { kind: 'spokesperson', name: 'Émile Okello', organisation: 'WFP', outlet: 'out-1', office: office.id });
    l.repo.create('outlet', { name: 'Daily Nation', kind: 'newspaper' });
    l.repo.create('kit', { title: 'Floods', language: 'ar', items: [{ kind: 'release', id: release.id }] });
    const row = (table: ProjectionTable) => {
      const r = l.db.prepare(`SELECT * FROM ${table} ORDER BY doc_rowid DESC LIMIT 1`).get() as Record<string, unknown>;
      expect(typeof r.updated_at, table).toBe('string');
      delete r.doc_rowid;
      delete r.updated_at;
      return r;
    };
    expect(row('release_p')).toEqual({
      headline: 'Floods in Kasese',
      language: 'fr',
      status: 'in-review',
      office: office.id,
      release_date: '2026-12-03',
      embargo_at: '2026-12-04T08:00:00Z',
      translation_group: 'rel-group',
    });
    expect(row('contact_p')).toEqual({ kind: 'spokesperson', name: 'Émile Okello', sort_name: 'emile okello', organisation: 'WFP', outlet: 'out-1', office: office.id });
    expect(row('outlet_p')).toEqual({ name: 'Daily Nation', sort_name: 'daily nation', kind: 'newspaper' });
    expect(row('attachment_p')).toEqual({ sha256: 'a'.repeat(64), original_name: 'map.png', media_type: 'image/png', size: 2048 });
    expect(row('kit_p')).toEqual({ title: 'Floods', language: 'ar', item_count: 1 });
    expect(row('office_p')).toEqual({ name: 'Nairobi' });
  });

  it("give the bench's raw peer the same columns", () => {
    const peer = new RawPeer(`${tempDir()}/peer.sqlite`);
    opened.push(peer);
    for (const [peerTable, table] of [['releases', 'release_p'], ['contacts', 'contact_p']] as const) {
      const actual = (peer.db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`).all(peerTable) as ColumnInfo[]).map((c) => ({ ...c }));
      expect(actual).toEqual([
        { name: 'rowid', type: 'INTEGER', notnull: 0, pk: 1 },
        { name: 'id', type: 'TEXT', notnull: 1, pk: 0 },
        ...declared(table),
        { name: 'body', type: 'TEXT', notnull: 1, pk: 0 },
      ]);
    }
  });
});

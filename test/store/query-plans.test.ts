import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import { CATCH_UP_PAGE_SQL, catchUpSearch } from '../../electron/core/search/index-writer';
import { call, core } from '../core-harness';
import { pulled } from '../search/fixtures';

/**
 * The screens' reads, checked by their query plans on a library with data and statistics:
 * none may build the revisions view whole, scan the revision tree or the bodies, search inside
 * every document's body, or walk every document to find a projection's rows. Each of these once
 * made a screen's cost grow with the whole library (the search catch-up's page, a contact's
 * "Named in", the contacts facets and list filters, the office and file lists), which no test
 * with a handful of documents notices.
 */

/** The plan of `sql`, binding each parameter (positional or named) to null as the CLI would. */
function planOf(db: Database.Database, sql: string): string[] {
  const st = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const names = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const rows = (names.length > 0 ? st.all(Object.fromEntries(names.map((n) => [n, null]))) : st.all(...Array.from({ length: positional }, () => null))) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

/** Statements that read inside bodies on purpose: a handful of offices. */
const BODY_SEARCH_ALLOWED = [/FROM office_p p /];

describe('the screens read by keys and indexes, never the whole library', () => {
  it('lists, pages, references, facets, filters, search and the catch-up', async () => {
    const c = await core();
    const db = c.library.db;
    const omega = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Omega' });
    const contacts: string[] = [];
    for (let i = 0; i < 40; i++) {
      const made = await call<{ id: string }>(c, 'contact.create', {
        name: `Reporter ${i}`,
        outlet: i % 3 === 0 ? omega.id : null,
        beats: [i % 2 ? 'Health' : 'Water'],
        lists: i % 5 === 0 ? ['Nairobi desk'] : [],
        countries: ['KE'],
        languages: ['en'],
      });
      contacts.push(made.id);
    }
    const local: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await call<{ id: string }>(c, 'release.create', {
        headline: `Clean water reaches village ${i}`,
        language: i % 2 ? 'en' : 'fr',
        tags: ['water'],
        body: markdownToRichText('Twelve boreholes were drilled.'),
        contacts: [contacts[i]!],
      });
      local.push(r.id);
    }
    c.library.replication.bulkInsertRemote(
      Array.from({ length: 40 }, (_, i) => pulled(`rel-hq-${i}`, `s${i}`, 3, { headline: `Cholera response ${i}`, contacts: [contacts[i]!] })),
      { _id: '_local/pull', since: 1 },
    );
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', items: [{ kind: 'release', id: local[0]! }, { kind: 'contact', id: contacts[1]! }] });
    db.exec('ANALYZE');

    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    (db as { prepare: unknown }).prepare = (sql: string) => {
      seen.add(sql);
      return prepare(sql);
    };
    try {
      catchUpSearch(db);
      const reads: [string, unknown][] = [
        ['release.list', {}], ['release.list', { sort: 'headline' }], ['release.list', { status: 'draft', language: 'en' }], ['release.list', { tag: 'water' }],
        ['release.list', { query: 'water', passages: true }], ['release.get', { id: local[0] }], ['release.versions', { id: local[0] }],
        ['contact.list', {}], ['contact.list', { sort: 'updated' }], ['contact.list', { beat: 'Health' }], ['contact.list', { list: 'Nairobi desk' }],
        ['contact.list', { country: 'KE', language: 'en' }], ['contact.list', { outlet: omega.id }], ['contact.list', { query: 'reporter' }],
        ['contact.get', { id: contacts[0] }], ['contact.references', { id: contacts[1] }], ['contact.similar', { id: contacts[0] }], ['contact.facets', {}],
        ['outlet.list', {}], ['outlet.get', { id: omega.id }], ['outlet.references', { id: omega.id }],
        ['kit.list', {}], ['kit.get', { id: kit.id }], ['attachment.list', {}], ['attachment.list', { release: local[0] }],
        // The kit builder's pickers: a search among what a kit can take, and the names of what it holds.
        ['release.list', { query: 'village', addable: true, limit: 30 }], ['attachment.list', { query: 'logo', limit: 30 }], ['attachment.list', { ids: [local[0]!], limit: 500 }],
        ['contact.list', { kind: 'spokesperson', sort: 'updated', query: 'reporter', limit: 30 }], ['contact.list', { ids: contacts.slice(0, 3), limit: 500 }],
        ['search', { query: 'cholera', limit: 10 }], ['segment.list', {}], ['office.list', {}], ['library.info', {}], ['doc.history', { id: local[0] }], ['doc.versions', { id: local[0] }],
      ];
      for (const [method, input] of reads) await call(c, method, input);
    } finally {
      (db as { prepare: unknown }).prepare = prepare;
    }

    // The catch-up's page was prepared by the first pulled batch, before the catch began.
    seen.add(CATCH_UP_PAGE_SQL);
    const problems: string[] = [];
    for (const sql of seen) {
      if (!/^\s*(WITH|SELECT)/i.test(sql)) continue;
      const plan = planOf(db, sql);
      // `t` and `b` are the revisions view's own names for the tree and the bodies (a query's own
      // CTE may also be called t: only a statement that reads the view or the tables counts).
      const readsRevisions = /\b(revs|rev_tree|bodies)\b/.test(sql);
      const whole = plan.filter((d) => /MATERIALIZE revs|^SCAN (rev_tree|bodies)\b/.test(d) || (readsRevisions && /^SCAN (t|b)\b/.test(d)));
      // A list narrowed to named documents finds them by the documents' id key.
      if (/FROM docs WHERE id IN/.test(sql) && !plan.some((d) => /^SEARCH docs USING (COVERING )?INDEX sqlite_autoindex_docs_1 \(id=\?\)/.test(d))) {
        problems.push(`finds named documents without their key: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      // Every document walked to find a projection's few rows.
      if (plan.some((d) => /^SCAN d\b/.test(d))) problems.push(`walks every document: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      if (whole.length > 0) problems.push(`${whole.join(', ')}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      const insideBodies = /(json_each|instr|json_extract)\(\s*\w+\.body/.test(sql) && /WHERE[\s\S]*(json_each|instr)\(\s*\w+\.body|,\s*json_each\(\s*\w+\.body/.test(sql);
      if (insideBodies && plan.some((d) => /^SCAN /.test(d)) && !BODY_SEARCH_ALLOWED.some((a) => a.test(sql))) {
        problems.push(`searches inside every body: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});

import type Database from 'better-sqlite3';
import { phoneDigits } from '../../shared/contacts/phone';
import { organisationKey } from '../contacts/similar-names';
import { sortName } from '../contacts/sort-name';
import type { DocType } from '../../shared/documents';
import { TRASHED } from '../../shared/releases/rules';
import { rebuildBestLists } from '../search/champions';
import type { SearchEntry } from '../search/entry';
import { clearSearchQueue, clearSearchText, indexDocument, queueForSearch, unindexDocument } from '../search/index-writer';
import { arr, str, strs, type Body } from './body-values';
import { columnNames, type ProjectionTable } from './projection-columns';

/**
 * Projections: the relational rows and full-text entries the UI queries, derived from the
 * winning revision of each document and rewritten in the same transaction as the document.
 */

/** Lower-cased, accent-free e-mail or digits-only phone (digits of any script as ASCII), for matching the same person. */
export function contactKeys(body: Body): string[] {
  const keys = new Set<string>();
  for (const e of arr(body.emails)) {
    const a = str((e as Body | null)?.address);
    if (a) keys.add(`email:${a.trim().toLowerCase()}`);
  }
  for (const p of arr(body.phones)) {
    const n = str((p as Body | null)?.number);
    if (n) {
      const digits = phoneDigits(n);
      if (digits.length >= 6) keys.add(`phone:${digits}`);
    }
  }
  return [...keys];
}

/**
 * The documents a winning body names, for finding who names a document without reading every
 * body: a release's media contacts, a kit's contacts, a contact's outlet and past outlets.
 */
export function referenceTargets(type: string, body: Body): string[] {
  const targets = new Set<string>();
  if (type === 'release') for (const id of strs(body.contacts)) targets.add(id);
  else if (type === 'kit') {
    for (const item of arr(body.items)) {
      const i = item as Body | null;
      if (i?.kind === 'contact' && typeof i.id === 'string') targets.add(i.id);
    }
  } else if (type === 'contact') {
    const outlet = str(body.outlet);
    if (outlet) targets.add(outlet);
    for (const stint of arr(body.outletHistory)) {
      const o = str((stint as Body | null)?.outlet);
      if (o) targets.add(o);
    }
  }
  return [...targets];
}

/** The array fields of a contact the Contacts screen offers as values in use and filters by. */
export const CONTACT_FACET_FIELDS = ['beats', 'tags', 'regions', 'lists', 'countries', 'languages'] as const;
export type ContactFacetField = (typeof CONTACT_FACET_FIELDS)[number];

/**
 * The text values of a field, as SQLite's json_each over `$.<field>` gives them (the values
 * the lists and filters read from the bodies before contact_facet_p held them): an array's
 * string elements, a string itself, an object's string members; anything else, none.
 */
function facetValues(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v === null || typeof v !== 'object') return [];
  const values = Array.isArray(v) ? v : Object.values(v);
  return values.filter((x): x is string => typeof x === 'string');
}

/** A contact's facet rows, [field, value], each once. */
export function contactFacetRows(body: Body): [ContactFacetField, string][] {
  const out: [ContactFacetField, string][] = [];
  for (const field of CONTACT_FACET_FIELDS) {
    for (const value of new Set(facetValues(body[field]))) out.push([field, value]);
  }
  return out;
}

interface Statements {
  release: Database.Statement;
  releaseTagsDelete: Database.Statement;
  releaseTag: Database.Statement;
  contact: Database.Statement;
  contactKeysDelete: Database.Statement;
  contactKey: Database.Statement;
  outlet: Database.Statement;
  attachment: Database.Statement;
  attachmentLinksDelete: Database.Statement;
  attachmentLink: Database.Statement;
  kit: Database.Statement;
  office: Database.Statement;
  deleteFrom: Record<DocType, Database.Statement>;
}

const cache = new WeakMap<Database.Database, Statements>();

/**
 * Writes a projection row, replacing the document's previous one. An UPSERT, not INSERT OR
 * REPLACE: REPLACE may delete rows, so with foreign keys on SQLite gives each such statement a
 * statement journal, and opening one makes FTS5 flush its pending terms to disk, once per
 * document, which multiplied the cost of a batch write (measured: 50 vs 7 us per contact).
 */
function upsert(db: Database.Database, table: ProjectionTable): Database.Statement {
  // The values follow doc_rowid in the declared column order (projection-columns.ts).
  const columns = ['doc_rowid', ...columnNames(table)];
  const updates = columnNames(table).map((c) => `${c} = excluded.${c}`);
  return db.prepare(
    `INSERT INTO ${table}(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT(doc_rowid) DO UPDATE SET ${updates.join(', ')}`,
  );
}

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    release: upsert(db, 'release_p'),
    releaseTagsDelete: db.prepare('DELETE FROM release_tag_p WHERE doc_rowid = ?'),
    releaseTag: db.prepare('INSERT OR IGNORE INTO release_tag_p(doc_rowid, tag) VALUES (?, ?)'),
    contact: upsert(db, 'contact_p'),
    contactKeysDelete: db.prepare('DELETE FROM contact_key_p WHERE doc_rowid = ?'),
    contactKey: db.prepare('INSERT OR IGNORE INTO contact_key_p(doc_rowid, key) VALUES (?, ?)'),
    outlet: upsert(db, 'outlet_p'),
    attachment: upsert(db, 'attachment_p'),
    attachmentLinksDelete: db.prepare('DELETE FROM attachment_link_p WHERE doc_rowid = ?'),
    attachmentLink: db.prepare('INSERT OR IGNORE INTO attachment_link_p(doc_rowid, release_id) VALUES (?, ?)'),
    kit: upsert(db, 'kit_p'),
    office: upsert(db, 'office_p'),
    deleteFrom: {
      release: db.prepare('DELETE FROM release_p WHERE doc_rowid = ?'),
      contact: db.prepare('DELETE FROM contact_p WHERE doc_rowid = ?'),
      outlet: db.prepare('DELETE FROM outlet_p WHERE doc_rowid = ?'),
      attachment: db.prepare('DELETE FROM attachment_p WHERE doc_rowid = ?'),
      kit: db.prepare('DELETE FROM kit_p WHERE doc_rowid = ?'),
      office: db.prepare('DELETE FROM office_p WHERE doc_rowid = ?'),
    },
  };
  cache.set(db, s);
  return s;
}

/**
 * Statements on a projection table a later migration added, or null while the library is at a
 * schema before it: migration 5 rebuilds every projection of an older library through
 * `project`, and the migration that adds a table fills it itself. Cached only once the table
 * exists, so that a connection that migrated through 5 writes the rows from then on.
 */
function onceTableExists<T>(cache: WeakMap<Database.Database, T>, db: Database.Database, table: string, build: () => T): T | null {
  const known = cache.get(db);
  if (known) return known;
  if (db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(table) === undefined) return null;
  const made = build();
  cache.set(db, made);
  return made;
}

interface RefStatements {
  clear: Database.Statement<[number]>;
  add: Database.Statement<[string, number]>;
}

const refCache = new WeakMap<Database.Database, RefStatements>();

/** The reference links' statements (doc_ref_p, migration 15). */
const refStatements = (db: Database.Database): RefStatements | null =>
  onceTableExists(refCache, db, 'doc_ref_p', () => ({
    clear: db.prepare<[number]>('DELETE FROM doc_ref_p WHERE doc_rowid = ?'),
    add: db.prepare<[string, number]>('INSERT OR IGNORE INTO doc_ref_p(target_id, doc_rowid) VALUES (?, ?)'),
  }));

interface FacetStatements {
  clear: Database.Statement<[number]>;
  add: Database.Statement<[string, string, number]>;
}

const facetCache = new WeakMap<Database.Database, FacetStatements>();

/** The statements of contact_facet_p (migration 14). */
const facetStatements = (db: Database.Database): FacetStatements | null =>
  onceTableExists(facetCache, db, 'contact_facet_p', () => ({
    clear: db.prepare<[number]>('DELETE FROM contact_facet_p WHERE doc_rowid = ?'),
    add: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO contact_facet_p(field, value, doc_rowid) VALUES (?, ?, ?)'),
  }));

interface OrgStatements {
  clear: Database.Statement<[number]>;
  add: Database.Statement<[string, number]>;
}

const orgCache = new WeakMap<Database.Database, OrgStatements>();

/** The statements of contact_org_p (migration 18). */
const orgStatements = (db: Database.Database): OrgStatements | null =>
  onceTableExists(orgCache, db, 'contact_org_p', () => ({
    clear: db.prepare<[number]>('DELETE FROM contact_org_p WHERE doc_rowid = ?'),
    add: db.prepare<[string, number]>('INSERT OR IGNORE INTO contact_org_p(org_key, doc_rowid) VALUES (?, ?)'),
  }));

/** When a new winner's search entry is written: in this transaction, or queued for catchUpSearch. */
export type SearchIndexing = 'now' | 'later';

/**
 * Rewrites the projections of one document. `body` is the winning revision's body, or null
 * when the winner is a tombstone (the document then leaves every list and the index).
 * `isNew` skips the deletes for a document that has never been projected. `search`: a batch
 * from elsewhere queues the search entry (see search/index-writer.ts); the rows here are
 * always written at once. `entry`: the body's search entry when the writer prepared it already.
 */
export function project(
  db: Database.Database,
  type: string,
  rowid: number,
  body: Body | null,
  updatedAt: string,
  isNew = false,
  search: SearchIndexing = 'now',
  entry?: SearchEntry | null,
): void {
  const s = statements(db);
  if (!isNew) unindexDocument(db, rowid);
  const known = type in s.deleteFrom;
  if (body === null || !known) {
    if (known && !isNew) s.deleteFrom[type as DocType].run(rowid);
    if (!isNew) {
      s.releaseTagsDelete.run(rowid);
      s.contactKeysDelete.run(rowid);
      facetStatements(db)?.clear.run(rowid);
      orgStatements(db)?.clear.run(rowid);
      s.attachmentLinksDelete.run(rowid);
      refStatements(db)?.clear.run(rowid);
    }
    return;
  }
  if (type === 'release' || type === 'kit' || type === 'contact') {
    const refs = refStatements(db);
    if (refs) {
      if (!isNew) refs.clear.run(rowid);
      for (const target of referenceTargets(type, body)) refs.add.run(target, rowid);
    }
  }
  switch (type as DocType) {
    case 'release': {
      const headline = str(body.headline) ?? '';
      const embargo = body.embargo as Body | null | undefined;
      s.release.run(
        rowid,
        headline,
        str(body.language) ?? 'und',
        // A trashed release lists as "trashed" whatever its status, so every list leaves it out in one place.
        body.trashed ? TRASHED : (str(body.status) ?? 'draft'),
        str(body.office),
        str(body.releaseDate),
        str(embargo?.at),
        str(body.translationGroup),
        updatedAt,
      );
      if (!isNew) s.releaseTagsDelete.run(rowid);
      for (const t of strs(body.tags)) s.releaseTag.run(rowid, t);
      break;
    }
    case 'contact': {
      const name = str(body.name) ?? '';
      s.contact.run(rowid, str(body.kind) ?? 'journalist', name, sortName(name), str(body.organisation), str(body.outlet), str(body.office), updatedAt);
      if (!isNew) s.contactKeysDelete.run(rowid);
      for (const k of contactKeys(body)) s.contactKey.run(rowid, k);
      const f = facetStatements(db);
      if (f) {
        if (!isNew) f.clear.run(rowid);
        for (const [field, value] of contactFacetRows(body)) f.add.run(field, value, rowid);
      }
      const o = orgStatements(db);
      if (o) {
        if (!isNew) o.clear.run(rowid);
        const key = organisationKey(str(body.organisation));
        if (key !== null) o.add.run(key, rowid);
      }
      break;
    }
    case 'outlet': {
      const name = str(body.name) ?? '';
      s.outlet.run(rowid, name, sortName(name), str(body.kind) ?? 'other', updatedAt);
      break;
    }
    case 'attachment': {
      const name = str(body.originalName) ?? '';
      s.attachment.run(rowid, str(body.sha256) ?? '', name, str(body.mediaType) ?? 'application/octet-stream', Number(body.size) || 0, updatedAt);
      if (!isNew) s.attachmentLinksDelete.run(rowid);
      for (const r of strs(body.releases)) s.attachmentLink.run(rowid, r);
      break;
    }
    case 'kit': {
      const title = str(body.title) ?? '';
      const items = arr(body.items);
      s.kit.run(rowid, title, str(body.language) ?? 'en', items.length, updatedAt);
      break;
    }
    case 'office': {
      const name = str(body.name) ?? '';
      s.office.run(rowid, name, updatedAt);
      break;
    }
  }
  if (search === 'now') indexDocument(db, rowid, type, body, isNew, entry);
  else queueForSearch(db, rowid, type, body);
}

/**
 * Calls `each` with every live document of `types` and its winning body, a page of 1,000 at a
 * time in rowid order (a statement cannot write while another of the connection still reads):
 * for a migration that fills a new projection table from the winners.
 */
export function eachLiveWinner(db: Database.Database, types: readonly DocType[], each: (rowid: number, type: DocType, body: Body) => void): void {
  const page = db.prepare<[number, string], { rowid: number; type: DocType; body: string }>(
    `SELECT d.rowid, d.type, r.body FROM docs d JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
     WHERE d.rowid > ? AND d.deleted = 0 AND d.type IN (SELECT value FROM json_each(?)) AND r.body IS NOT NULL
     ORDER BY d.rowid LIMIT 1000`,
  );
  const wanted = JSON.stringify(types);
  for (let rows = page.all(0, wanted); rows.length > 0; rows = page.all(rows[rows.length - 1]!.rowid, wanted)) {
    for (const r of rows) each(r.rowid, r.type, JSON.parse(r.body) as Body);
  }
}

const REBUILD_BATCH = 1000;

/**
 * Rebuilds every projection and the search index from the winning revisions, for a migration
 * that changes what is projected (run inside its transaction). Returns the documents seen.
 */
export function rebuildProjections(db: Database.Database): number {
  db.exec(`
    DELETE FROM release_tag_p; DELETE FROM contact_key_p; DELETE FROM attachment_link_p;
    ${facetStatements(db) ? 'DELETE FROM contact_facet_p;' : ''}
    ${orgStatements(db) ? 'DELETE FROM contact_org_p;' : ''}
    ${DOC_TABLES.map((t) => `DELETE FROM ${t};`).join(' ')}
    INSERT INTO search_fts(search_fts) VALUES ('delete-all');
  `);
  if (refStatements(db)) db.exec('DELETE FROM doc_ref_p');
  clearSearchText(db);
  clearSearchQueue(db);
  const page = db.prepare<[number, number], { rowid: number; type: string; deleted: number; updated_at: string; body: string | null }>(
    `SELECT d.rowid, d.type, d.deleted, d.updated_at, r.body FROM docs d JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
     WHERE d.rowid > ? ORDER BY d.rowid LIMIT ?`,
  );
  let seen = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after, REBUILD_BATCH);
    if (rows.length === 0) {
      rebuildBestLists(db);
      return seen;
    }
    for (const r of rows) {
      const body = r.deleted === 1 || r.body === null ? null : (JSON.parse(r.body) as Body);
      project(db, r.type, r.rowid, body, r.updated_at, true);
    }
    seen += rows.length;
    after = rows[rows.length - 1]!.rowid;
  }
}

const DOC_TABLES = ['release_p', 'contact_p', 'outlet_p', 'attachment_p', 'kit_p', 'office_p'] as const;

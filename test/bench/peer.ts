import Database from 'better-sqlite3';
import { columnDefinitions, columnNames } from '../../electron/core/store/projection-columns';
import type { ContactFieldsT, ReleaseFieldsT } from '../../electron/shared/documents';
import { plainText } from '../../electron/shared/richtext';
import { foldText, indexText } from '../../electron/shared/search/text';

/**
 * The raw peer: what storing the same rows searchably costs with nothing of Dateline's own
 * around it (no revision tree, changes feed, document table or projection indexes). Plain
 * tables with the projections' declared columns and the JSON body, and the same FTS5 index (a
 * plain contentless table as in a library since schema 5, same tokenizer and prefix options,
 * same folded text; no lists of best rows), written with prepared INSERTs in one
 * transaction per batch, on a connection with the same durability settings as a library.
 */

export interface PeerRow<F> {
  id: string;
  fields: F;
}

/** The title and body text a release contributes to the index, as the store's projection composes it. */
export function releaseIndexSource(f: ReleaseFieldsT): { title: string; body: string } {
  const quotes = f.quotes.map((q) => `${q.speaker ?? ''} ${q.text}`).join('\n');
  return {
    title: `${f.headline}\n${f.subheadline ?? ''}`,
    body: [f.datelinePlace, plainText(f.body), quotes, f.notesToEditors, f.tags.join(' ')].filter(Boolean).join('\n'),
  };
}

/** The title and body text a contact contributes to the index, as the store's projection composes it. */
export function contactIndexSource(f: ContactFieldsT): { title: string; body: string } {
  return {
    title: f.name,
    body: [f.role, f.organisation, ...f.emails.map((e) => e.address), ...f.phones.map((p) => p.number), ...f.beats, f.notes]
      .filter(Boolean)
      .join('\n'),
  };
}

export class RawPeer {
  readonly db: Database.Database;
  private nextRowid = 1;
  readonly writeReleases: (rows: readonly PeerRow<ReleaseFieldsT>[]) => void;
  readonly writeContacts: (rows: readonly PeerRow<ContactFieldsT>[]) => void;

  constructor(path: string) {
    this.db = new Database(path);
    // The same journal and durability as a Dateline library, so commits cost the same.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE releases (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ${columnDefinitions('release_p')}, body TEXT NOT NULL) STRICT;
      CREATE TABLE contacts (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ${columnDefinitions('contact_p')}, body TEXT NOT NULL) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);
    // The values go in the declared column order, after rowid and id and before the body.
    const insert = (table: string, columns: readonly string[]) => {
      const names = ['rowid', 'id', ...columns, 'body'];
      return this.db.prepare(`INSERT INTO ${table}(${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    };
    const insRelease = insert('releases', columnNames('release_p'));
    const insContact = insert('contacts', columnNames('contact_p'));
    const insFts = this.db.prepare('INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)');

    // Releases and contacts share one index, as in a library, so rowids are global.
    this.writeReleases = this.db.transaction((rows: readonly PeerRow<ReleaseFieldsT>[]) => {
      for (const { id, fields: f } of rows) {
        const rowid = this.nextRowid++;
        const at = new Date().toISOString();
        insRelease.run(rowid, id, f.headline, f.language, f.status, f.office, f.releaseDate, f.embargo?.at ?? null, f.translationGroup, at, JSON.stringify(f));
        const src = releaseIndexSource(f);
        insFts.run(rowid, indexText(src.title), indexText(src.body));
      }
    });
    this.writeContacts = this.db.transaction((rows: readonly PeerRow<ContactFieldsT>[]) => {
      for (const { id, fields: f } of rows) {
        const rowid = this.nextRowid++;
        const at = new Date().toISOString();
        insContact.run(rowid, id, f.kind, f.name, foldText(f.name), f.organisation, f.outlet, f.office, at, JSON.stringify(f));
        const src = contactIndexSource(f);
        insFts.run(rowid, indexText(src.title), indexText(src.body));
      }
    });
  }

  matchCount(match: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(match) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}

import { eachLiveWinner, referenceTargets } from '../projections';
import type { Migration } from './types';

/**
 * Which documents name which: a release its media contacts, a kit the contacts it carries, a
 * contact its outlet (now and before). A contact's "Named in" and an outlet's list of people
 * were found by reading every release's or every contact's body (0.1 s per contact page with
 * 5,000 releases; an outlet's page grew with the number of contacts); they now read this table
 * by the named document's id. Also an index for the contacts list sorted by last change, which
 * sorted every contact for each page (0.9 s with 98,000 contacts).
 */
export const m0015: Migration = {
  version: 15,
  name: 'reference-links',
  up(db) {
    db.exec(`
      CREATE TABLE doc_ref_p (
        target_id TEXT NOT NULL,
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        PRIMARY KEY (target_id, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX doc_ref_p_doc ON doc_ref_p(doc_rowid);
      CREATE INDEX contact_p_updated ON contact_p(updated_at, doc_rowid);
    `);
    const add = db.prepare<[string, number]>('INSERT OR IGNORE INTO doc_ref_p(target_id, doc_rowid) VALUES (?, ?)');
    eachLiveWinner(db, ['release', 'kit', 'contact'], (rowid, type, body) => {
      for (const target of referenceTargets(type, body)) add.run(target, rowid);
    });
  },
};

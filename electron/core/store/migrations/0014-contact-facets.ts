import { contactFacetRows, eachLiveWinner } from '../projections';
import type { Migration } from './types';

/**
 * The values of a contact's beats, tags, regions, lists, countries and languages become rows of
 * their own, so that the Contacts screen's values in use and the list's filters by them (a media
 * list opened) read an index instead of every contact's winning body: in a library of 98,001
 * contacts the six lists of values in use took about 4 s of the core's time at each opening of
 * the screen or the contact editor. Outlets get an index for the filter by outlet (contacts
 * without one are left out of it: the filter never asks for them). The table is filled from each
 * live contact's winning revision, as `project` writes it; the documents are not changed.
 */
export const m0014: Migration = {
  version: 14,
  name: 'contact-facets',
  up(db) {
    db.exec(`
      CREATE TABLE contact_facet_p (
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        PRIMARY KEY (field, value, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      -- Rewriting a contact's rows deletes them by document: without this, a full scan.
      CREATE INDEX contact_facet_p_doc ON contact_facet_p(doc_rowid);
      CREATE INDEX contact_p_outlet ON contact_p(outlet, sort_name) WHERE outlet IS NOT NULL;
    `);
    const add = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO contact_facet_p(field, value, doc_rowid) VALUES (?, ?, ?)');
    eachLiveWinner(db, ['contact'], (rowid, _type, body) => {
      for (const [field, value] of contactFacetRows(body)) add.run(field, value, rowid);
    });
  },
};

import { organisationKey } from '../../contacts/similar-names';
import type { Migration } from './types';

/**
 * Contacts by their organisation's key (`organisationKey`: folded in every script, its words
 * joined by one space), for the similar names of the import and of a contact's page: the index
 * of migration 17 folded ASCII letters only, so "Société Radio-Canada" and "Societe Radio
 * Canada" were two organisations. Filled from the projection's organisations (live contacts
 * only), no body read; the index of migration 17, which nothing asks any more, goes.
 */
export const m0018: Migration = {
  version: 18,
  name: 'organisation-keys',
  up(db) {
    db.exec(`
      CREATE TABLE contact_org_p (
        org_key TEXT NOT NULL,
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        PRIMARY KEY (org_key, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      -- Rewriting a contact's row deletes it by document: without this, a full scan.
      CREATE INDEX contact_org_p_doc ON contact_org_p(doc_rowid);
      DROP INDEX IF EXISTS contact_p_organisation;
    `);
    const add = db.prepare<[string, number]>('INSERT OR IGNORE INTO contact_org_p(org_key, doc_rowid) VALUES (?, ?)');
    const rows = db.prepare<[], { doc_rowid: number; organisation: string }>('SELECT doc_rowid, organisation FROM contact_p WHERE organisation IS NOT NULL').all();
    for (const r of rows) {
      const key = organisationKey(r.organisation);
      if (key !== null) add.run(key, r.doc_rowid);
    }
  },
};

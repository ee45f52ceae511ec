import type { Body } from '../body-values';
import { searchEntry } from '../../search/entry';
import { requeueForSearch } from '../../search/index-writer';
import type { Migration } from './types';

/**
 * Search indexes a contact's phone number also without its spaces, with and without the
 * country code ("3105551005" finds "+57 310 555 1005"; search/entry.ts, phoneSearchForms).
 * Contacts indexed before hold the groups only: those whose entry now reads otherwise go back
 * to the search queue (index-writer.ts), which indexes them again before the first search answers.
 */
export const m0020: Migration = {
  version: 20,
  name: 'phone-search-forms',
  up(db) {
    const kept = db.prepare<[], { doc_rowid: number; title: string; body: string; doc: string | null }>(
      `SELECT s.doc_rowid, s.title, s.body,
          (SELECT r.body FROM revs r WHERE r.doc_rowid = s.doc_rowid AND r.rev = d.winner) AS doc
        FROM search_text s JOIN docs d ON d.rowid = s.doc_rowid
        WHERE d.type = 'contact'`,
    );
    const stale: number[] = [];
    for (const e of kept.iterate()) {
      if (e.doc === null || !e.doc.includes('"phones"')) continue;
      const now = searchEntry('contact', JSON.parse(e.doc) as Body);
      if (now !== null && (now.title !== e.title || now.body !== e.body)) stale.push(e.doc_rowid);
    }
    requeueForSearch(db, stale);
  },
};

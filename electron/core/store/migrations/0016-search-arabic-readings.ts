import type { Body } from '../body-values';
import { searchEntry } from '../../search/entry';
import { requeueForSearch } from '../../search/index-writer';
import type { Migration } from './types';

// Rows holding any character outside printable ASCII: the only ones worth testing in JavaScript.
const NOT_ASCII = "GLOB '*[^ -~]*'";
const ARABIC_LETTER = /[\u0600-\u06FF]/u;

/**
 * Search indexes an Arabic word after "لل" ("للاجئين") under both its readings ("اجئين" and
 * "لاجئين"), so that "اللاجئين" finds it (search/text.ts, indexTokens). Entries indexed before
 * hold one reading; those whose text now indexes otherwise go back to the search queue
 * (index-writer.ts), which indexes them again before the first search answers.
 */
export const m0016: Migration = {
  version: 16,
  name: 'search-arabic-readings',
  up(db) {
    const kept = db.prepare<[], { doc_rowid: number; title: string; body: string; type: string | null; doc: string | null }>(
      `SELECT s.doc_rowid, s.title, s.body, d.type,
          (SELECT r.body FROM revs r WHERE r.doc_rowid = s.doc_rowid AND r.rev = d.winner) AS doc
        FROM search_text s JOIN docs d ON d.rowid = s.doc_rowid
        WHERE s.title ${NOT_ASCII} OR s.body ${NOT_ASCII}`,
    );
    const stale: number[] = [];
    for (const e of kept.iterate()) {
      if (e.type === null || e.doc === null || !(ARABIC_LETTER.test(e.title) || ARABIC_LETTER.test(e.body))) continue;
      const now = searchEntry(e.type, JSON.parse(e.doc) as Body);
      if (now !== null && (now.title !== e.title || now.body !== e.body)) stale.push(e.doc_rowid);
    }
    requeueForSearch(db, stale);
  },
};

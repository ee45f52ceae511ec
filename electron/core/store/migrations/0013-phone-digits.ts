import { contactKeys } from '../projections';
import type { Body } from '../body-values';
import type { Migration } from './types';

// A decimal digit other than ASCII, which the old phone keys dropped.
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;

/**
 * Phone numbers typed in Arabic-Indic or Persian digits ("٠٧٩١٢٣٤٥٦٧") now give the same
 * matching key as the number in ASCII digits; the keys stored before lost those digits, so a
 * contact could not be found as a duplicate by its phone. Only the live contacts with such a
 * phone get their keys again; the documents themselves are not changed (no new revision).
 */
export const m0013: Migration = {
  version: 13,
  name: 'phone-digits',
  up(db) {
    const rows = db
      .prepare<[], { rowid: number; body: string }>(
        `SELECT d.rowid, r.body FROM docs d JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
         WHERE d.type = 'contact' AND d.deleted = 0 AND r.body GLOB '*[^ -~]*'`,
      )
      .all();
    const clear = db.prepare<[number]>('DELETE FROM contact_key_p WHERE doc_rowid = ?');
    const add = db.prepare<[number, string]>('INSERT OR IGNORE INTO contact_key_p(doc_rowid, key) VALUES (?, ?)');
    for (const r of rows) {
      const body = JSON.parse(r.body) as Body;
      const phones = Array.isArray(body.phones) ? (body.phones as unknown[]) : [];
      const stale = phones.some((p) => {
        const n = (p as Body | null)?.number;
        return typeof n === 'string' && OTHER_DIGIT.test(n);
      });
      if (!stale) continue;
      clear.run(r.rowid);
      for (const k of contactKeys(body)) add.run(r.rowid, k);
    }
  },
};

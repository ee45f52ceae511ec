import { sortName } from '../../contacts/sort-name';
import type { Migration } from './types';

/**
 * Contacts and outlets are ordered by a sort name that writes each number after its count of
 * digits (contacts/sort-name.ts), so "Radio 9" comes before "Radio 10" and "67 Radio" before
 * "307 FM". Only the names holding a digit change; their sort names are folded already, with
 * every script's digits as ASCII ones (0011), so those are the rows holding one.
 */
export const m0019: Migration = {
  version: 19,
  name: 'numeric-sort-names',
  up(db) {
    for (const table of ['contact_p', 'outlet_p'] as const) {
      const rows = db.prepare<[], { doc_rowid: number; name: string }>(`SELECT doc_rowid, name FROM ${table} WHERE sort_name GLOB '*[0-9]*'`).all();
      const update = db.prepare<[string, number]>(`UPDATE ${table} SET sort_name = ? WHERE doc_rowid = ?`);
      for (const r of rows) update.run(sortName(r.name), r.doc_rowid);
    }
  },
};

import type { Migration } from './types';

/**
 * The search index stops keeping each entry's text. A removal hands FTS5 the text the entry
 * was indexed with, and that text is searchEntry() of the winner it was indexed from, which
 * the store still holds when a new winner replaces it (an erase reads it before removing the
 * bodies); see core/search/index-writer.ts. Each entry no longer costs a second insert, each
 * removal a lookup, nor the library a second copy of its folded text. The index itself is
 * unchanged: its entries were written from the same winners by the same searchEntry(), so
 * nothing is rebuilt.
 */
export const m0006: Migration = {
  version: 6,
  name: 'search-text-derived',
  up(db) {
    db.exec('DROP TABLE search_text;');
  },
};

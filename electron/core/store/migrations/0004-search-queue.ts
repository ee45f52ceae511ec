import type { Migration } from './types';

/**
 * The search index's queue: documents whose new winner came in a batch from elsewhere and is
 * not in the full-text index yet (see core/search/index-writer.ts). Written in the batch's
 * transaction, emptied before any search answers.
 */
export const m0004: Migration = {
  version: 4,
  name: 'search-queue',
  up(db) {
    db.exec('CREATE TABLE search_pending (doc_rowid INTEGER PRIMARY KEY) STRICT;');
  },
};

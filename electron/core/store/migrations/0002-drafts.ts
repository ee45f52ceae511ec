import type { Migration } from './types';

/**
 * The draft journal: what a person is typing is saved here on every pause, and becomes a
 * revision when the editing session ends, so nothing typed is lost and history stays readable.
 */
export const m0002: Migration = {
  version: 2,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        doc_id TEXT PRIMARY KEY,
        base_rev TEXT,
        fields TEXT NOT NULL,
        session TEXT NOT NULL,
        author TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO meta(key, value) VALUES ('drafts', 'journal')
        ON CONFLICT(key) DO NOTHING;
    `);
  },
};

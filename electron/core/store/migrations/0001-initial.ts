import type { Migration } from './types';

/** The first schema: documents, revision trees, the changes feed, projections and search. */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per document: its winning revision and flags. rowid is the full-text key.
      CREATE TABLE docs (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        winner TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        conflicted INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL,
        office TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The revision tree: every revision with its parent; leaves are revisions nobody extends.
      CREATE TABLE revs (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        rev TEXT NOT NULL,
        pos INTEGER NOT NULL,
        parent TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        leaf INTEGER NOT NULL DEFAULT 1,
        body TEXT,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (doc_rowid, rev)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX revs_leaves ON revs(doc_rowid) WHERE leaf = 1;

      -- The changes feed: each changed document gets a new, higher sequence number.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_rowid INTEGER NOT NULL UNIQUE REFERENCES docs(rowid) ON DELETE CASCADE
      );

      -- Projections for the UI, rewritten with the document in the same transaction.
      CREATE TABLE release_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        headline TEXT NOT NULL,
        language TEXT NOT NULL,
        status TEXT NOT NULL,
        office TEXT,
        release_date TEXT,
        embargo_at TEXT,
        translation_group TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX release_p_updated ON release_p(updated_at DESC);
      CREATE INDEX release_p_status ON release_p(status, updated_at DESC);
      CREATE INDEX release_p_language ON release_p(language, updated_at DESC);
      CREATE INDEX release_p_office ON release_p(office, updated_at DESC);
      CREATE INDEX release_p_group ON release_p(translation_group);

      CREATE TABLE release_tag_p (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (tag, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      -- Rewriting a document's rows deletes them by document: without this, a full scan.
      CREATE INDEX release_tag_p_doc ON release_tag_p(doc_rowid);

      CREATE TABLE contact_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        organisation TEXT,
        outlet TEXT,
        office TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_p_name ON contact_p(sort_name);
      CREATE INDEX contact_p_kind ON contact_p(kind, sort_name);

      -- Normalised e-mail addresses and phone numbers, for matching imported contacts.
      CREATE TABLE contact_key_p (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        key TEXT NOT NULL,
        PRIMARY KEY (key, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_key_p_doc ON contact_key_p(doc_rowid);

      CREATE TABLE outlet_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outlet_p_name ON outlet_p(sort_name);

      CREATE TABLE attachment_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachment_p_sha ON attachment_p(sha256);
      CREATE INDEX attachment_p_updated ON attachment_p(updated_at DESC);

      CREATE TABLE attachment_link_p (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        release_id TEXT NOT NULL,
        PRIMARY KEY (release_id, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attachment_link_p_doc ON attachment_link_p(doc_rowid);

      CREATE TABLE kit_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        item_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE office_p (
        doc_rowid INTEGER PRIMARY KEY REFERENCES docs(rowid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Full-text search over folded text (see electron/shared/search-text.ts).
      -- Contentless: the text lives in the documents; rowid is docs.rowid.
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);
  },
};

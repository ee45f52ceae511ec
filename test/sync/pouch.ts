import { createRequire } from 'node:module';

/**
 * PouchDB 9 in Node: the reference client for the differential test (in memory) and the sync
 * benchmark (on disk, with LevelDB, its Node default, as a library is on disk). It ships no
 * types; this is the part of its API used here.
 */

export interface PouchReplication {
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  ok: boolean;
  status: string;
}

/** A replication under way: it resolves when it ends; `cancel` asks it to stop at its next step. */
export type PouchReplicationRun = Promise<PouchReplication> & { cancel(): void };

export interface PouchDb {
  bulkDocs(docs: Record<string, unknown>[], opts?: { new_edits?: boolean }): Promise<{ id: string; rev?: string; error?: string }[]>;
  put(doc: Record<string, unknown>): Promise<{ id: string; rev: string }>;
  get(id: string, opts?: Record<string, unknown>): Promise<Record<string, unknown> & { _rev: string }>;
  remove(id: string, rev: string): Promise<{ rev: string }>;
  destroy(): Promise<void>;
  close(): Promise<void>;
}

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDb;
  plugin(p: unknown): PouchStatic;
  replicate(source: PouchDb | string, target: PouchDb | string, opts?: { batch_size?: number; batches_limit?: number }): PouchReplicationRun;
}

const require = createRequire(import.meta.url);
let loaded: PouchStatic | null = null;

export function pouch(): PouchStatic {
  if (!loaded) {
    const PouchDB = require('pouchdb') as PouchStatic;
    loaded = PouchDB.plugin(require('pouchdb-adapter-memory'));
  }
  return loaded;
}

let n = 0;
/** A fresh in-memory database. */
export function memoryDb(): PouchDb {
  const P = pouch();
  return new P(`mem-${process.pid}-${++n}`, { adapter: 'memory' });
}

/** A fresh database on disk in `dir`, with LevelDB (PouchDB's own default in Node). */
export function diskDb(dir: string): PouchDb {
  const P = pouch();
  return new P(dir, { adapter: 'leveldb' });
}

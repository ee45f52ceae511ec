import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachmentHandlers } from '../../electron/core/attachments/handlers';
import { libraryHandlers } from '../../electron/core/library/handlers';
import { BlobStore } from '../../electron/core/attachments/blobs';
import { backupLibrary } from '../../electron/core/library/backup';
import { restoreLibrary } from '../../electron/core/library/restore';
import { exportSyncFile } from '../../electron/core/sync/sync-file';
import type { CoreContext } from '../../electron/core/context';
import { createDispatcher, type Dispatch, type Handlers } from '../../electron/core/dispatcher';
import { JobManager, type JobHandle } from '../../electron/core/jobs';
import { m0001 } from '../../electron/core/store/migrations/0001-initial';
import { LATEST_VERSION, type Migration } from '../../electron/core/store/migrations/index';
import { Library } from '../../electron/core/store/library';
import { APPLICATION_ID } from '../../electron/core/store/open';
import { API, type AttachmentAdded, type BackupResult, type RestoreResult } from '../../electron/shared/contract';
import { DatelineError } from '../../electron/shared/errors';
import { ftsQuery } from '../../electron/shared/search/terms';
import { closedAfterTest } from '../core-harness';
import { expectError, tempDir } from '../helpers';

interface TestCore {
  ctx: CoreContext;
  dispatch: Dispatch;
}

/** A core over a real library folder, as openCore builds it: the library is reopened after a restore. */
async function makeCore(dir = tempDir(), migrations?: readonly Migration[]): Promise<TestCore> {
  const opts = migrations ? { author: 'test', migrations } : { author: 'test' };
  let library = await Library.open(dir, opts);
  closedAfterTest(library);
  const ctx: CoreContext = {
    get library() {
      return library;
    },
    blobs: new BlobStore(dir),
    jobs: new JobManager(),
    dir,
    attachmentLimit: 10 * 1024 * 1024,
    async withLibraryClosed(work) {
      library.close();
      try {
        return await work(dir);
      } finally {
        // Reopened with every migration, as the app does.
        library = await Library.open(dir, { author: 'test' });
        closedAfterTest(library);
      }
    },
  };
  return { ctx, dispatch: createDispatcher(ctx, { ...attachmentHandlers, ...libraryHandlers } as Handlers) };
}

async function runJob<T>(c: TestCore, method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (!r.ok) throw new DatelineError(r.error.code, r.error.message);
  return (await c.ctx.jobs.wait((r.value as { jobId: string }).jobId)) as T;
}

function addFile(ctx: CoreContext, bytes: Uint8Array, name: string, fields: Record<string, unknown> = {}): Promise<AttachmentAdded> {
  const input = API['attachment.add'].input.parse({ name, data: Buffer.from(bytes).toString('base64'), fields });
  return attachmentHandlers['attachment.add'](input, ctx, null) as Promise<AttachmentAdded>;
}

function docCount(ctx: CoreContext): number {
  return (ctx.library.db.prepare('SELECT count(*) AS n FROM docs WHERE deleted = 0').get() as { n: number }).n;
}

function searchIds(ctx: CoreContext, text: string): string[] {
  return (
    ctx.library.db
      .prepare('SELECT d.id FROM search_fts f JOIN docs d ON d.rowid = f.rowid WHERE search_fts MATCH ? ORDER BY d.id')
      .all(ftsQuery(text)) as { id: string }[]
  ).map((r) => r.id);
}

/** A library with history, an image, a PDF and a deleted contact. */
async function populated(c: TestCore) {
  const { ctx } = c;
  const author = { author: 'amina' };
  const rel = ctx.library.docs.create('release', { headline: 'Boreholes for Kasese', language: 'en', office: null }, author);
  ctx.library.docs.update(rel.id, { headline: 'Clean water for Kasese', language: 'en', office: null }, author);
  const last = ctx.library.docs.update(rel.id, { headline: 'Clean water reaches 40,000 people in Kasese', language: 'en', office: null }, { author: 'jean' });
  const gone = ctx.library.docs.create('contact', { name: 'Old Contact' }, author);
  ctx.library.docs.remove(gone.id, author);
  const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 10, g: 90, b: 160 } } }).jpeg().toBuffer();
  const photo = await addFile(ctx, image, 'borehole.jpg', { caption: 'Handing over the borehole', releases: [rel.id] });
  const pdfBytes = Buffer.from('%PDF-1.4\n% Kasese fact sheet\n');
  const pdf = await addFile(ctx, pdfBytes, 'facts.pdf');
  return { rel, lastRev: last.rev, gone, photo, image, pdf, pdfBytes };
}

describe('library.backup', () => {
  it('writes one SQLite file with the library, a description and every attachment file', async () => {
    const c = await makeCore();
    const p = await populated(c);
    const outDir = tempDir();
    const out = join(outDir, 'kasese.backup');
    const r = await runJob<BackupResult>(c, 'library.backup', { out });
    expect(r).toMatchObject({ path: out, documents: 3, files: 2 });
    expect(readdirSync(outDir)).toEqual(['kasese.backup']);

    const db = new Database(out, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const meta = Object.fromEntries((db.prepare('SELECT key, value FROM backup_meta').all() as { key: string; value: string }[]).map((m) => [m.key, m.value]));
      expect(meta).toMatchObject({ format: '1', schemaVersion: String(LATEST_VERSION), documents: '3', files: '2' });
      expect(JSON.parse(meta.counts!)).toEqual({ release: 1, attachment: 2 });
      expect(Number.isNaN(Date.parse(meta.createdAt!))).toBe(false);
      const files = db.prepare('SELECT sha256, data FROM backup_files ORDER BY sha256').all() as { sha256: string; data: Buffer }[];
      expect(files.map((f) => f.sha256)).toEqual([p.photo.sha256, p.pdf.sha256].sort());
      for (const f of files) expect(BlobStore.hash(f.data)).toBe(f.sha256);
      expect((db.prepare('SELECT count(*) AS n FROM revs').get() as { n: number }).n).toBe(3 + 2 + 2);
    } finally {
      db.close();
    }
  });

  it('leaves no file at the target when cancelled half-way, and keeps an older backup there intact', async () => {
    const c = await makeCore();
    await populated(c);
    const outDir = tempDir();
    const out = join(outDir, 'weekly.backup');
    writeFileSync(out, 'last week');
    const controller = new AbortController();
    const job: JobHandle = {
      id: 'test',
      signal: controller.signal,
      about: () => undefined,
      // Cancel once the first attachment file is in the temporary backup.
      progress: (done) => {
        if (done >= 1) controller.abort();
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new DatelineError('CANCELLED', 'cancelled');
      },
    };
    await expectError(backupLibrary(c.ctx.library.db, c.ctx.blobs, c.ctx.dir, out, job), 'CANCELLED');
    expect(controller.signal.aborted).toBe(true);
    expect(readdirSync(outDir)).toEqual(['weekly.backup']);
    expect(readFileSync(out, 'utf8')).toBe('last week');

    const fresh = join(outDir, 'new.backup');
    const r = await c.dispatch('library.backup', { out: fresh }, { transport: 'test' });
    const jobId = (r as { ok: true; value: { jobId: string } }).value.jobId;
    c.ctx.jobs.cancel(jobId);
    await expectError(c.ctx.jobs.wait(jobId), 'CANCELLED');
    expect(c.ctx.jobs.get(jobId).state).toBe('cancelled');
    expect(readdirSync(outDir)).toEqual(['weekly.backup']);
  });

  it('refuses to write over the open library or into a missing folder', async () => {
    const c = await makeCore();
    await expectError(backupLibrary(c.ctx.library.db, c.ctx.blobs, c.ctx.dir, join(c.ctx.dir, 'library.sqlite')), 'INVALID_INPUT');
    // A missing folder is no mistake in what was typed but a place that is not there, said as the other exports say it.
    const e = await expectError(backupLibrary(c.ctx.library.db, c.ctx.blobs, c.ctx.dir, join(c.ctx.dir, 'no', 'such', 'x.backup')), 'FILE_UNWRITABLE');
    expect(e.message).toMatch(new RegExp(`^The folder ${join(c.ctx.dir, 'no', 'such').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')} does not exist`));
    expect(e.params).toMatchObject({ reason: 'folderMissing', folder: join(c.ctx.dir, 'no', 'such') });
    expect(docCount(c.ctx)).toBe(0);
  });

  it('is refused to a web caller: it touches paths on this computer', async () => {
    const c = await makeCore();
    const r = await c.dispatch('library.backup', { out: join(tempDir(), 'x.backup') }, { transport: 'http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('library.restore', () => {
  it('brings back documents, history, attachment files and search into another library, keeping the one it replaces', async () => {
    const source = await makeCore();
    const p = await populated(source);
    const out = join(tempDir(), 'kasese.backup');
    await runJob<BackupResult>(source, 'library.backup', { out });

    const target = await makeCore();
    const targetIdBefore = target.ctx.library.replication.libraryId();
    const mine = target.ctx.library.docs.create('contact', { name: 'Only in the target' }, { author: 'test' });
    const r = await runJob<RestoreResult>(target, 'library.restore', { from: out });
    const { ctx } = target;
    expect(r.documents).toBe(3);
    expect(r.files).toBe(2);
    expect(r.previous).not.toBeNull();
    expect(r.previous!.startsWith(join(ctx.dir, 'replaced'))).toBe(true);

    // The replaced library is kept, whole, and still holds its own document.
    const old = new Database(join(r.previous!, 'library.sqlite'), { readonly: true });
    try {
      expect(old.prepare('SELECT id FROM docs').all()).toEqual([{ id: mine.id }]);
    } finally {
      old.close();
    }

    // The reopened library is the backup's, under a replication id of its own: two laptops
    // restored from one backup are two peers, and neither is the library the backup came from.
    expect(() => ctx.library.docs.require(mine.id)).toThrowError(/No document/);
    const restoredId = ctx.library.replication.libraryId();
    expect(restoredId).toMatch(/^[0-9a-f-]{36}$/);
    expect(restoredId).not.toBe(source.ctx.library.replication.libraryId());
    expect(restoredId).not.toBe(targetIdBefore);
    const rel = ctx.library.docs.require(p.rel.id, 'release');
    expect(rel.rev).toBe(p.lastRev);
    expect(rel.body.headline).toBe('Clean water reaches 40,000 people in Kasese');
    const history = ctx.library.docs.revisions(p.rel.id);
    expect(history.map((h) => h.author)).toEqual(['jean', 'amina', 'amina']);
    expect(ctx.library.docs.getRevision(p.rel.id, history[2]!.rev).body.headline).toBe('Boreholes for Kasese');
    expect(ctx.library.docs.getStored(p.gone.id)?.deleted).toBe(true);

    const photo = (await attachmentHandlers['attachment.content']({ id: p.photo.id, variant: 'original' }, ctx, null)) as { data: string };
    expect(Buffer.from(photo.data, 'base64').equals(p.image)).toBe(true);
    expect(readFileSync(ctx.blobs.path(p.pdf.sha256)).equals(p.pdfBytes)).toBe(true);
    const thumb = (await attachmentHandlers['attachment.content']({ id: p.photo.id, variant: 'thumbnail' }, ctx, null)) as { data: string };
    expect((await sharp(Buffer.from(thumb.data, 'base64')).metadata()).width).toBe(320);

    expect(searchIds(ctx, 'clean water kasese')).toEqual([p.rel.id]);
    expect(searchIds(ctx, 'handing over')).toEqual([p.photo.id]);
    const links = ctx.library.db.prepare('SELECT release_id FROM attachment_link_p').all();
    expect(links).toEqual([{ release_id: p.rel.id }]);

    const tables = (ctx.library.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'backup%'").all() as unknown[]).length;
    expect(tables).toBe(0);
    expect(ctx.library.integrityCheck()).toEqual([]);
    // It keeps working: a new edit lands on top of the restored history.
    const next = ctx.library.docs.update(p.rel.id, { ...rel.body, headline: 'After the restore' }, { author: 'test' }, rel.rev);
    expect(next.rev.startsWith('4-')).toBe(true);
    expect(readdirSync(join(ctx.dir, 'tmp'))).toEqual([]);
  });

  it('restores a backup of an older library, which is migrated when it reopens', async () => {
    const oldCore = await makeCore(tempDir(), [m0001]);
    expect(oldCore.ctx.library.db.pragma('user_version', { simple: true })).toBe(1);
    const rel = oldCore.ctx.library.docs.create('release', { headline: 'Cholera vaccination in Cox’s Bazar', language: 'en' }, { author: 'old' });
    const out = join(tempDir(), 'old.backup');
    await backupLibrary(oldCore.ctx.library.db, oldCore.ctx.blobs, oldCore.ctx.dir, out);

    const target = await makeCore();
    const r = await restoreLibrary(target.ctx, out);
    expect(r).toMatchObject({ documents: 1, files: 0 });
    expect(target.ctx.library.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(target.ctx.library.docs.require(rel.id).body.headline).toBe('Cholera vaccination in Cox’s Bazar');
    expect(target.ctx.library.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });

  describe('refuses, leaving the library as it was,', () => {
    async function unchanged(c: TestCore, from: string, code: string): Promise<DatelineError> {
      const before = c.ctx.library;
      const e = await expectError(restoreLibrary(c.ctx, from), code);
      expect(c.ctx.library).toBe(before);
      expect(docCount(c.ctx)).toBe(1);
      expect(existsSync(join(c.ctx.dir, 'replaced'))).toBe(false);
      expect(readdirSync(join(c.ctx.dir, 'tmp'))).toEqual([]);
      return e;
    }

    async function withOneDoc() {
      const c = await makeCore();
      c.ctx.library.docs.create('contact', { name: 'Still here' }, { author: 'test' });
      return c;
    }

    it('a garbage file', async () => {
      const c = await withOneDoc();
      const garbage = join(tempDir(), 'holiday.backup');
      writeFileSync(garbage, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 0x41)]));
      const e = await unchanged(c, garbage, 'NOT_A_BACKUP');
      expect(e.message).toContain(garbage);
      expect(e.message).toMatch(/not a SQLite database/);
      const empty = join(tempDir(), 'empty.backup');
      writeFileSync(empty, '');
      expect((await unchanged(c, empty, 'NOT_A_BACKUP')).message).toBe(`${empty} is not a Dateline backup (it is empty, 0 bytes); nothing was changed.`);
    });

    it('a sync file, saying that a sync file merges instead', async () => {
      const c = await withOneDoc();
      const other = await makeCore();
      other.ctx.library.docs.create('contact', { name: 'From the other office' }, { author: 'test' });
      const file = join(tempDir(), 'office.dateline-sync');
      await exportSyncFile(other.ctx.library.replication, new BlobStore(other.ctx.dir), file, null);
      const e = await unchanged(c, file, 'NOT_A_BACKUP');
      expect(e.message).toBe(
        `${file} is a sync file, not a backup; nothing was changed. A sync file merges into the library (\`dateline sync import\`); a backup, made with \`dateline backup\`, replaces it.`,
      );
    });

    it('a SQLite database of another program, and a library that is not a backup', async () => {
      const c = await withOneDoc();
      const other = join(tempDir(), 'contacts.db');
      const db = new Database(other);
      db.exec("CREATE TABLE backup_meta(key, value); INSERT INTO backup_meta VALUES ('format', '1'); CREATE TABLE backup_files(sha256, data);");
      db.close();
      const e = await unchanged(c, other, 'NOT_A_BACKUP');
      expect(e.message).toMatch(/another program/);

      const lib = await makeCore();
      const copy = join(tempDir(), 'library-copy.sqlite');
      await lib.ctx.library.db.backup(copy);
      const e2 = await unchanged(c, copy, 'NOT_A_BACKUP');
      expect(e2.message).toMatch(/not a backup/);
    });

    it('a backup from a newer Dateline', async () => {
      const source = await makeCore();
      source.ctx.library.docs.create('office', { name: 'Nairobi' }, { author: 'test' });
      const out = join(tempDir(), 'future.backup');
      await backupLibrary(source.ctx.library.db, source.ctx.blobs, source.ctx.dir, out);
      const db = new Database(out);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
      const c = await withOneDoc();
      const e = await unchanged(c, out, 'LIBRARY_NEWER');
      expect(e.params).toMatchObject({ version: LATEST_VERSION + 1, supported: LATEST_VERSION });
      expect(e.message).toContain(
        `was made by a newer Dateline (library version ${LATEST_VERSION + 1}); this one reads up to ${LATEST_VERSION}; update Dateline to restore it`,
      );
    });

    it('a backup carrying a trigger, a view, an index or a changed table, which would keep acting after a restore', async () => {
      const plants = [
        // Every contact saved afterwards would send journalists to another address.
        "CREATE TRIGGER contact_redirect AFTER INSERT ON bodies BEGIN UPDATE bodies SET json = replace(json, '@example.org', '@attacker.example') WHERE id = new.id; END",
        'CREATE VIEW everything AS SELECT * FROM docs',
        'CREATE INDEX docs_by_author ON rev_tree(author)',
        'CREATE TABLE extra(x)',
      ];
      for (const plant of plants) {
        const source = await makeCore();
        source.ctx.library.docs.create('contact', { name: 'Grace Akello' }, { author: 'test' });
        const out = join(tempDir(), 'planted.backup');
        await backupLibrary(source.ctx.library.db, source.ctx.blobs, source.ctx.dir, out);
        const db = new Database(out);
        db.exec(plant);
        db.close();
        const c = await withOneDoc();
        const e = await unchanged(c, out, 'NOT_A_BACKUP');
        expect(e.message, plant).toMatch(/is not a backup Dateline made \(it has a (trigger|view|index|table) "(contact_redirect|everything|docs_by_author|extra)" that Dateline does not make\)/);
      }
    });

    it('a backup whose table was altered', async () => {
      const source = await makeCore();
      const out = join(tempDir(), 'altered.backup');
      await backupLibrary(source.ctx.library.db, source.ctx.blobs, source.ctx.dir, out);
      const db = new Database(out);
      db.exec('ALTER TABLE docs ADD COLUMN note TEXT');
      db.close();
      const c = await withOneDoc();
      const e = await unchanged(c, out, 'NOT_A_BACKUP');
      expect(e.message).toMatch(/its table "docs" is not the one Dateline makes/);
    });

    it('a backup whose file no longer matches its SHA-256', async () => {
      const source = await makeCore();
      const added = await addFile(source.ctx, Buffer.from('quarterly figures'), 'figures.csv');
      const out = join(tempDir(), 'tampered.backup');
      await backupLibrary(source.ctx.library.db, source.ctx.blobs, source.ctx.dir, out);
      const db = new Database(out);
      db.prepare('UPDATE backup_files SET data = ? WHERE sha256 = ?').run(Buffer.from('quarterly figurez'), added.sha256);
      db.close();
      const c = await withOneDoc();
      const e = await unchanged(c, out, 'LIBRARY_DAMAGED');
      expect(e.message).toContain(added.sha256.slice(0, 12));
      expect(existsSync(c.ctx.blobs.path(added.sha256))).toBe(false);
    });

    it('a file that is not there, or a folder', async () => {
      const c = await withOneDoc();
      const missing = join(tempDir(), 'nowhere.backup');
      const e = await unchanged(c, missing, 'FILE_UNREADABLE');
      expect(e.message).toContain(missing);
      await unchanged(c, tempDir(), 'NOT_A_FILE');
    });

    it('a backup cut short on its way from a USB stick', async () => {
      const source = await makeCore();
      await populated(source);
      const out = join(tempDir(), 'full.backup');
      await backupLibrary(source.ctx.library.db, source.ctx.blobs, source.ctx.dir, out);
      const cut = join(tempDir(), 'cut.backup');
      copyFileSync(out, cut);
      const bytes = readFileSync(out);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const c = await withOneDoc();
      const e = await expectError(restoreLibrary(c.ctx, cut), 'LIBRARY_DAMAGED');
      expect(e.message).toContain(cut);
      expect(docCount(c.ctx)).toBe(1);
      expect(existsSync(join(c.ctx.dir, 'replaced'))).toBe(false);
    });
  });
});

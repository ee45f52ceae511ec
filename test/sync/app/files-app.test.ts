import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { chunkRev, chunkSizeFor } from '../../../electron/core/sync/files/chunks';
import { syncLibrary } from '../../../electron/core/sync/library-sync';
import { officeDatabase } from '../../../electron/core/sync/service';
import type { SyncStatus } from '../../../electron/shared/contract';
import type { LibraryProblem } from '../../../electron/shared/library/problems';
import { tempDir } from '../../helpers';
import { photo } from '../../kits/fixtures';
import type { ApiError } from '../../../electron/shared/errors';
import type { KitPreview } from '../../../electron/shared/kits/contract';
import { setUpI18n } from '../../../renderer/i18n';
import { errorText } from '../../../renderer/i18n/errors';
import { useCouchWithProxy } from '../couch-server';
import { call } from '../library-state';

/**
 * Files as the app sees them, against a real pouchdb-server: the app's own sync moves each
 * office's files with its documents by the download policy, and says so in words when the
 * office's files database is missing and this account may not create it; a file left on the
 * server by the download policy is "not downloaded yet" for the library check and a kit export
 * (downloaded first when sync can reach the server, otherwise a refusal that names it); each
 * office syncs even when another fails.
 */

const couch = useCouchWithProxy();
const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const exists = async (url: string) => (await fetch(url)).status === 200;

async function library(author: string): Promise<Core> {
  const core = await openCore(tempDir(), { author, sync: { retry: { attempts: 1 } } });
  opened.push(core);
  await core.ctx.sync!.whenReady();
  return core;
}

/** Sync in the app set up on `office` (and any others), through the fault proxy; one sync run to its end. */
async function configure(c: Core, offices: string[]): Promise<void> {
  await call(c, 'sync.configure', { server: couch.proxy.url, user: '', prefix: 'dateline', offices, intervalMinutes: 5 });
}
async function office(c: Core, name: string): Promise<string> {
  return (await call<{ id: string }>(c, 'office.create', { name })).id;
}
async function syncNow(c: Core): Promise<SyncStatus> {
  await call(c, 'sync.now', {});
  await c.ctx.sync!.idle();
  return call<SyncStatus>(c, 'sync.status', {});
}

async function runJob<T>(c: Core, method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; params?: Record<string, unknown> } }> {
  const { jobId } = await call<{ jobId: string }>(c, method, input);
  try {
    return { ok: true, value: (await c.jobs.wait(jobId)) as T };
  } catch (e) {
    return { ok: false, error: e as { code: string; message: string } };
  }
}

/**
 * Kampala adds a photo and syncs it up with its file (as `dateline sync` does); Geneva syncs with
 * downloads "when opened" and so has the document, not the file. Both have sync in the app set up
 * on the same office, which is how Geneva fetches the file later.
 */
async function photoOnServerOnly() {
  const kampala = await library('kampala');
  const officeId = (await call<{ id: string }>(kampala, 'office.create', { name: 'Kampala' })).id;
  const db = officeDatabase({ server: couch.proxy.url, prefix: 'dateline' }, officeId);
  await fetch(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, officeId), { method: 'PUT' });
  const bytes = await photo(640, 480, 3);
  const added = await call<{ id: string; sha256: string }>(kampala, 'attachment.add', { name: 'borehole.jpg', data: bytes.toString('base64') });
  const up = await syncLibrary(kampala.library, { remote: { url: db } }, kampala.ctx.blobs);
  expect(up.files).toMatchObject({ uploaded: { files: 1 }, failed: [] });

  const geneva = await library('geneva');
  await call(geneva, 'sync.setFilesPolicy', { policy: 'opened' });
  await configure(geneva, [officeId]);
  const down = await syncLibrary(geneva.library, { remote: { url: db } }, geneva.ctx.blobs);
  expect(down.files).toMatchObject({ notHere: { files: 1, bytes: bytes.length }, failed: [] });
  expect(geneva.ctx.blobs.has(added.sha256)).toBe(false);
  return { kampala, geneva, officeId, bytes, attachmentId: added.id, sha256: added.sha256 };
}

describe("the app's sync moves files", { timeout: 120_000 }, () => {
  it("sends each office's files to its files database, and brings them down by the download policy", async () => {
    const kampala = await library('kampala');
    const [home, gulu] = [await office(kampala, 'Kampala'), await office(kampala, 'Gulu')];
    for (const o of [home, gulu]) await fetch(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, o), { method: 'PUT' });
    const shots = [await photo(640, 480, 3), await photo(640, 480, 5)];
    const mine = await call<{ sha256: string }>(kampala, 'attachment.add', { name: 'borehole.jpg', data: shots[0]!.toString('base64') });
    const guluShot = await call<{ sha256: string }>(kampala, 'attachment.add', { name: 'gulu.jpg', data: shots[1]!.toString('base64'), fields: { office: gulu } });
    // No user: pouchdb-server with no admins makes everyone one, so the files databases are made as needed.
    await configure(kampala, [home, gulu]);
    const up = await syncNow(kampala);
    expect(up.error).toBeNull();
    expect(up.offices).toEqual([
      { office: home, error: null, files: { state: 'synced', uploaded: 1, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] } },
      { office: gulu, error: null, files: { state: 'synced', uploaded: 1, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] } },
    ]);
    const filesDb = (o: string) => `${officeDatabase({ server: couch.server.url, prefix: 'dateline' }, o)}-files`;
    expect(await exists(`${filesDb(home)}/file-${mine.sha256}`)).toBe(true);
    expect(await exists(`${filesDb(home)}/file-${guluShot.sha256}`)).toBe(false);
    expect(await exists(`${filesDb(gulu)}/file-${guluShot.sha256}`)).toBe(true);

    // Geneva takes the home office only: "always" brings its file down in the same sync, nothing of Gulu's.
    const geneva = await library('geneva');
    await call(geneva, 'sync.setFilesPolicy', { policy: 'always' });
    await configure(geneva, [home]);
    const down = await syncNow(geneva);
    expect(down.offices).toEqual([{ office: home, error: null, files: { state: 'synced', uploaded: 0, downloaded: 1, notHere: 0, failed: 0, failedFiles: [] } }]);
    expect(geneva.ctx.blobs.read(mine.sha256).equals(shots[0]!)).toBe(true);
    expect(geneva.ctx.blobs.has(guluShot.sha256)).toBe(false);

    // Goma, "when opened": the document comes, the file stays on the server until someone opens it.
    const goma = await library('goma');
    await call(goma, 'sync.setFilesPolicy', { policy: 'opened' });
    await configure(goma, [home]);
    expect((await syncNow(goma)).offices[0]!.files).toEqual({ state: 'synced', uploaded: 0, downloaded: 0, notHere: 1, failed: 0, failedFiles: [] });
    expect(goma.ctx.blobs.has(mine.sha256)).toBe(false);
  });

  it('"always" brings down the file of an attachment of no office pulled from an office that is not the first', async () => {
    // Gulu's own laptop syncs Gulu alone, so its attachments of no office go to Gulu's databases.
    const gulu = await library('gulu');
    const [home, guluOffice] = [await office(gulu, 'Kampala'), await office(gulu, 'Gulu')];
    for (const o of [home, guluOffice]) await fetch(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, o), { method: 'PUT' });
    const shot = await photo(640, 480, 7);
    const added = await call<{ sha256: string }>(gulu, 'attachment.add', { name: 'market.jpg', data: shot.toString('base64') });
    await configure(gulu, [guluOffice]);
    expect((await syncNow(gulu)).offices).toEqual([{ office: guluOffice, error: null, files: { state: 'synced', uploaded: 1, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] } }]);

    // Geneva syncs Kampala first, then Gulu: the document and its file come from Gulu's databases.
    const geneva = await library('geneva');
    await call(geneva, 'sync.setFilesPolicy', { policy: 'always' });
    await configure(geneva, [home, guluOffice]);
    const s = await syncNow(geneva);
    expect(s.offices).toEqual([
      { office: home, error: null, files: { state: 'synced', uploaded: 0, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] } },
      { office: guluOffice, error: null, files: { state: 'synced', uploaded: 0, downloaded: 1, notHere: 0, failed: 0, failedFiles: [] } },
    ]);
    expect(geneva.ctx.blobs.read(added.sha256).equals(shot)).toBe(true);
    // Geneva's home office now carries it too, and Gulu's database is not asked to take it again.
    const again = await syncNow(geneva);
    expect(again.offices.map((o) => o.files)).toEqual([
      { state: 'synced', uploaded: 1, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] },
      { state: 'synced', uploaded: 0, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] },
    ]);
  });

  it("looks for an office's files database once, not at every sync, and again after the office failed", async () => {
    const a = await library('kampala');
    const home = await office(a, 'Kampala');
    await fetch(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, home), { method: 'PUT' });
    await call(a, 'attachment.add', { name: 'borehole.jpg', data: (await photo(320, 240, 2)).toString('base64') });
    await configure(a, [home]);
    const filesDbPath = new URL(`${officeDatabase({ server: couch.proxy.url, prefix: 'dateline' }, home)}-files`).pathname;
    const looks = () => couch.proxy.log.filter((r) => r.method === 'GET' && r.path === filesDbPath).length;
    const before = looks();
    expect((await syncNow(a)).offices[0]!.files).toMatchObject({ state: 'synced', uploaded: 1 });
    expect(looks() - before).toBe(1);
    await call(a, 'release.create', { headline: 'Boreholes repaired in Kotido', language: 'en' });
    expect((await syncNow(a)).offices[0]).toMatchObject({ error: null, files: { state: 'synced' } });
    expect(looks() - before).toBe(1);
    // The office fails once (its server answers 503): the next sync looks again.
    couch.proxy.add({ path: /_changes/, fault: { kind: 'status', status: 503 }, times: 10 });
    expect((await syncNow(a)).offices[0]!.error).not.toBeNull();
    couch.proxy.clear();
    expect((await syncNow(a)).offices[0]).toMatchObject({ error: null, files: { state: 'synced' } });
    expect(looks() - before).toBe(2);
  });

  it('a file that fails to come down is named in the status with why, as a code and its parameters', async () => {
    const { geneva, officeId, bytes, sha256 } = await photoOnServerOnly();
    // The server loses the file's first part: its document is deleted from the files database.
    const first = createHash('sha256').update(bytes.subarray(0, chunkSizeFor(bytes.length))).digest('hex');
    const filesDb = `${officeDatabase({ server: couch.server.url, prefix: 'dateline' }, officeId)}-files`;
    expect((await fetch(`${filesDb}/chunk-${first}?rev=${chunkRev(first)}`, { method: 'DELETE' })).status).toBe(200);
    await call(geneva, 'sync.setFilesPolicy', { policy: 'always' });
    const s = await syncNow(geneva);
    expect(s.offices).toEqual([
      {
        office: officeId,
        error: null,
        files: { state: 'synced', uploaded: 0, downloaded: 0, notHere: 1, failed: 1, failedFiles: [{ name: 'borehole.jpg', sha256, why: { code: 'chunk-missing', chunk: 1 } }] },
      },
    ]);
    expect(geneva.ctx.blobs.has(sha256)).toBe(false);
  });

  it("an office whose files database is missing, for an account that may not create it, syncs its documents and says whom to ask", async () => {
    await couch.server.addUser('amina', 'right-one');
    const a = await library('kampala');
    const home = await office(a, 'Kampala');
    const db = officeDatabase({ server: couch.server.url, prefix: 'dateline' }, home);
    await fetch(db, { method: 'PUT' });
    await call(a, 'attachment.add', { name: 'borehole.jpg', data: (await photo(320, 240, 2)).toString('base64') });
    await call(a, 'sync.configure', { server: couch.proxy.url, user: 'amina', prefix: 'dateline', offices: [home], intervalMinutes: 5 });
    await call(a, 'sync.password', { password: 'right-one', remember: false });
    const s = await syncNow(a);
    expect([s.state, s.error]).toEqual(['idle', null]);
    expect(s.offices).toEqual([{ office: home, error: null, files: { state: 'no-database', database: `dateline-${home}-files` } }]);
    expect(s.last?.sent).toBe(2);
    expect(await exists(`${db}-files`)).toBe(false);
    // Once the administrator made it, the next sync sends the file.
    await fetch(`${db}-files`, { method: 'PUT' });
    expect((await syncNow(a)).offices[0]!.files).toEqual({ state: 'synced', uploaded: 1, downloaded: 0, notHere: 0, failed: 0, failedFiles: [] });
  });
});

describe('a file on the server only is not damage', { timeout: 120_000 }, () => {
  it('library.check counts it apart from problems; a file lost from the folder is still a problem', async () => {
    const { geneva, bytes, sha256 } = await photoOnServerOnly();
    const own = await call<{ sha256: string }>(geneva, 'attachment.add', { name: 'notes.txt', data: Buffer.from('Geneva notes\n').toString('base64') });
    rmSync(geneva.ctx.blobs.path(own.sha256));
    const checked = await runJob<{ problems: LibraryProblem[]; notDownloaded: { files: number; bytes: number } }>(geneva, 'library.check', {});
    expect(checked).toEqual({
      ok: true,
      value: { problems: [{ code: 'FILE_MISSING', params: { file: own.sha256.slice(0, 12) } }], notDownloaded: { files: 1, bytes: bytes.length } },
    });
    expect(sha256).not.toBe(own.sha256);
  });

  it('a kit export refuses it by name when downloads are "never", and downloads it first when sync can reach the server', async () => {
    const { geneva, bytes, attachmentId, sha256 } = await photoOnServerOnly();
    const kit = await call<{ id: string }>(geneva, 'kit.create', { title: 'Borehole photos', items: [{ kind: 'attachment', id: attachmentId }] });
    await call(geneva, 'sync.setFilesPolicy', { policy: 'never' });
    const refused = await runJob(geneva, 'kit.export', { id: kit.id, formats: ['docx'], outDir: tempDir() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { notHere: true, sha256, size: bytes.length, download: 'on-request' } } });
    expect(!refused.ok && refused.error.message).toMatch(/The file of "borehole\.jpg" .* is on the server \(.*\), not on this computer yet; it is not damaged/);
    expect(!refused.ok && refused.error.message).toContain("This computer downloads files only when asked (Settings → Server): download it on its attachment's page, then export again.");
    expect(errorText(setUpI18n('en').t, (refused as { error: ApiError }).error)).toBe(
      'On the server, not on this computer yet (and not damaged): borehole.jpg. ' +
        'This computer downloads files only when asked (Settings → Server, “Attachment files on this computer”): download each on its page in Attachments, then export again. Nothing was exported.',
    );
    expect(geneva.ctx.blobs.has(sha256)).toBe(false);

    await call(geneva, 'sync.setFilesPolicy', { policy: 'opened' });
    const out = tempDir();
    const exported = await runJob<{ files: { path: string; format: string }[] }>(geneva, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
    expect(exported.ok).toBe(true);
    expect(geneva.ctx.blobs.read(sha256).equals(bytes)).toBe(true);
    const docx = exported.ok ? exported.value.files.find((f) => f.format === 'docx')! : null;
    // The photo is in the Word file, byte for byte (the DOCX keeps a JPEG as it is).
    expect(readFileSync(docx!.path).includes(bytes.subarray(0, 4096))).toBe(true);
    const checked = await runJob<{ notDownloaded: { files: number } }>(geneva, 'library.check', {});
    expect(checked).toMatchObject({ ok: true, value: { notDownloaded: { files: 0 } } });
  });

  it('a kit export says a file on the server is there and not damaged, not to relink or remove it: "sync first" while sync cannot reach the server, then downloads it', async () => {
    const { geneva, bytes, attachmentId, sha256 } = await photoOnServerOnly();
    const own = await call<{ id: string; sha256: string }>(geneva, 'attachment.add', { name: 'notes.txt', data: Buffer.from('Geneva notes\n').toString('base64') });
    rmSync(geneva.ctx.blobs.path(own.sha256));
    const kit = await call<{ id: string }>(geneva, 'kit.create', {
      title: 'Borehole photos',
      items: [
        { kind: 'attachment', id: attachmentId },
        { kind: 'attachment', id: own.id },
      ],
    });
    const preview = await call<KitPreview>(geneva, 'kit.preview', { id: kit.id });
    expect(preview.missingFiles).toEqual([
      { id: attachmentId, name: 'borehole.jpg', item: 1, office: null, onServer: true, size: bytes.length },
      { id: own.id, name: 'notes.txt', item: 2, office: null, onServer: false, size: 13 },
    ]);
    // Sync is set up and reachable: the export will bring it down.
    expect(preview.serverFiles).toBe('export');

    await call(geneva, 'sync.pause', { paused: true });
    expect((await call<KitPreview>(geneva, 'kit.preview', { id: kit.id })).serverFiles).toBe('sync-first');
    const refused = await runJob(geneva, 'kit.export', { id: kit.id, formats: ['docx'], outDir: tempDir() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE', params: { reason: 'kitFileMissing', serverCount: 1, server: ['borehole.jpg'], download: 'sync-first', itemCount: 1, items: ['notes.txt'] } } });
    const error = refused.ok ? null : (refused.error as ApiError);
    expect(error!.message).toMatch(/^The file of "borehole\.jpg" \([^)]+, item 1 of the kit\) is on the server \([^)]+\), not on this computer yet; it is not damaged\. It could not be downloaded now: sync is not set up, paused, offline or waiting for its password\. Sync first, then export again: the export downloads it\. Nothing was exported\. /);
    expect(error!.message).toMatch(/The file of "notes\.txt" \([^)]+, item 2 of the kit\) is missing from the library folder \(files\/[^)]+\)\. Relink it to a file or remove it from the kit, or restore the library from a backup\.$/);
    expect(errorText(setUpI18n('en').t, error!)).toBe(
      'On the server, not on this computer yet (and not damaged): borehole.jpg. ' +
        'Sync cannot reach the server now (it is not set up, paused, offline or waiting for its password): sync first, then export again, and the export downloads them. ' +
        'Nothing was exported. Missing from the library folder: notes.txt. Relink each to a file or take it out of the kit, or restore the library from a backup.',
    );
    for (const lng of ['fr', 'es', 'ar']) {
      const text = errorText(setUpI18n(lng).t, error!);
      expect(text, lng).toContain('borehole.jpg');
      expect(text, lng).toContain('notes.txt');
      expect(text, lng).not.toBe(errorText(setUpI18n('en').t, error!));
    }
    expect(geneva.ctx.blobs.has(sha256)).toBe(false);

    // Sync again, and the file lost from the folder taken out: the export downloads the photo first, saying so.
    await call(geneva, 'sync.pause', { paused: false });
    await call(geneva, 'kit.update', { id: kit.id, rev: null, fields: { items: [{ kind: 'attachment', id: attachmentId }] } });
    const steps: string[] = [];
    const off = geneva.jobs.on((e) => {
      if (e.type === 'job.progress' && e.job.method === 'kit.export' && e.job.step) steps.push(e.job.step.code);
    });
    const exported = await runJob(geneva, 'kit.export', { id: kit.id, formats: ['docx'], outDir: tempDir() });
    off();
    expect(exported.ok).toBe(true);
    expect(steps[0]).toBe('FILE_DOWNLOADING');
    expect(geneva.ctx.blobs.read(sha256).equals(bytes)).toBe(true);
  });

  it('attachment.fetch without a server address downloads through sync in the app, with progress', async () => {
    const { geneva, bytes, attachmentId, sha256 } = await photoOnServerOnly();
    const steps: { done: number; total: number | null; code?: string }[] = [];
    const off = geneva.jobs.on((e) => {
      if (e.type === 'job.progress' && e.job.method === 'attachment.fetch') steps.push({ done: e.job.done ?? 0, total: e.job.total ?? null, code: e.job.step?.code });
    });
    const fetched = await runJob<{ outcome: string }>(geneva, 'attachment.fetch', { id: attachmentId });
    off();
    expect(fetched).toMatchObject({ ok: true, value: { outcome: 'stored' } });
    expect(geneva.ctx.blobs.read(sha256).equals(bytes)).toBe(true);
    expect(steps.at(-1)).toEqual({ done: bytes.length, total: bytes.length, code: 'FILE_DOWNLOADING' });
    // A window that reports no network does not stop a download from a server that answers.
    const second = await call<{ id: string; sha256: string }>(geneva, 'attachment.add', { name: 'y.txt', data: Buffer.from('y').toString('base64') });
    const y = geneva.ctx.blobs.read(second.sha256);
    await syncNow(geneva);
    rmSync(geneva.ctx.blobs.path(second.sha256));
    await call(geneva, 'sync.online', { online: false });
    expect(await runJob(geneva, 'attachment.fetch', { id: second.id })).toMatchObject({ ok: true, value: { outcome: 'stored' } });
    expect(geneva.ctx.blobs.read(second.sha256).equals(y)).toBe(true);
    expect((await call<SyncStatus>(geneva, 'sync.status', {})).online).toBe(true);
    // Paused, it says the file is on the server and could not come down now.
    const other = await call<{ id: string }>(geneva, 'attachment.add', { name: 'x.txt', data: Buffer.from('x').toString('base64') });
    rmSync(geneva.ctx.blobs.path((await call<{ sha256: string }>(geneva, 'attachment.get', { id: other.id })).sha256));
    await call(geneva, 'sync.pause', { paused: true });
    const paused = await runJob(geneva, 'attachment.fetch', { id: other.id });
    expect(paused).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(!paused.ok && paused.error.message).toMatch(/"x\.txt" is on the server and could not be downloaded now/);
  });
});

describe('offices sync one by one', { timeout: 120_000 }, () => {
  it('an office whose database fails is reported and the others still sync', async () => {
    const a = await library('kampala');
    const good = (await call<{ id: string }>(a, 'office.create', { name: 'Kampala' })).id;
    await fetch(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, good), { method: 'PUT' });
    const released = await call<{ id: string }>(a, 'release.create', { headline: 'Water points open in Kasese', language: 'en', office: good });
    // The first office's database was never made on the server.
    await configure(a, ['nowhere', good]);
    const s = await syncNow(a);
    expect(s.offices.map((o) => [o.office, o.error?.code ?? null])).toEqual([
      ['nowhere', expect.any(String)],
      [good, null],
    ]);
    expect(s.state).toBe('failed');
    expect(await exists(`${officeDatabase({ server: couch.server.url, prefix: 'dateline' }, 'nowhere')}-files`)).toBe(false);
    const onServer = await fetch(`${officeDatabase({ server: couch.server.url, prefix: 'dateline' }, good)}/${released.id}`);
    expect(onServer.status).toBe(200);
    expect(s.lastSyncedAt).not.toBeNull();
  });
});

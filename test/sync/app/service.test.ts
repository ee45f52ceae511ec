import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core, type CoreOptions } from '../../../electron/core/index';
import { officeDatabase } from '../../../electron/core/sync/service';
import type { CoreEvent, SyncStatus } from '../../../electron/shared/contract';
import { damageLocal } from '../../damage';
import { tempDir } from '../../helpers';
import { couchState } from '../couch-state';
import { useCouchWithProxy } from '../couch-server';
import { call } from '../library-state';
import { FakeTimers } from './fake-timers';
import { memoryKeychain } from '../memory-keychain';

/**
 * Sync in the app against a real pouchdb-server: one database per office, each office's
 * documents sent only to its own; the status in words' numbers (what waits, when it last
 * synced); the schedule driven by a fake clock (no sleeps: the test moves the clock and waits
 * for the sync to end); pause, offline, and a password that is refused, kept or never stored.
 */

const couch = useCouchWithProxy();
const opened: Core[] = [];

beforeAll(async () => {
  await couch.server.addUser('amina', 'right-one');
});

afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function library(opts: CoreOptions['sync'] = {}, dir = tempDir()): Promise<Core> {
  const core = await openCore(dir, { author: 'Goma desk', sync: { retry: { attempts: 1 }, ...opts } });
  opened.push(core);
  await core.ctx.sync!.whenReady();
  return core;
}

const status = (c: Core) => call<SyncStatus>(c, 'sync.status', {});

/** Sync now, then wait for it (and any sync it queued) to end. */
async function syncNow(c: Core): Promise<SyncStatus> {
  await call(c, 'sync.now', {});
  await c.ctx.sync!.idle();
  return status(c);
}

async function office(c: Core, name: string): Promise<string> {
  return (await call<{ id: string }>(c, 'office.create', { name })).id;
}

/** The sync statuses `c` sends the window from now on, in order. */
function statusesHeard(c: Core): SyncStatus[] {
  const heard: SyncStatus[] = [];
  c.jobs.on((e: CoreEvent) => {
    if (e.type === 'sync.status') heard.push(e.status);
  });
  return heard;
}

/** An office, Goma, whose database is made on the server and which `c` syncs with `server` every five minutes. */
async function gomaSyncedEveryFive(c: Core, server = couch.server.url): Promise<{ goma: string; db: string }> {
  const goma = await office(c, 'Goma');
  const db = await couch.server.createDb(`dateline-${goma}`);
  await call(c, 'sync.configure', { server, offices: [goma], intervalMinutes: 5 });
  return { goma, db };
}

async function release(c: Core, headline: string, officeId: string | null): Promise<string> {
  return (await call<{ id: string }>(c, 'release.create', { headline, language: 'en', office: officeId })).id;
}

describe('one database per office', () => {
  it('sends each office only its own documents, documents of no office to the first, and says what waits', async () => {
    const a = await library();
    const goma = await office(a, 'Goma');
    const bukavu = await office(a, 'Bukavu');
    const rGoma = await release(a, 'Cholera vaccination reaches Goma', goma);
    const rNone = await release(a, 'Statement on the floods', null);
    const rBukavu = await release(a, 'Bukavu water points', bukavu);
    const settings = { server: couch.server.url, user: '', prefix: 'dateline', offices: [goma], intervalMinutes: 5 };
    await couch.server.createDb(`dateline-${goma}`);
    await couch.server.createDb(`dateline-${bukavu}`);

    const before = await call<SyncStatus>(a, 'sync.configure', settings);
    expect(before.state).toBe('idle');
    expect(before.waiting).toEqual({ releases: 2, contacts: 0, photos: 0, files: 0, offices: 1, others: 0, deletions: 0, bytes: 0 });
    expect(before.lastSyncedAt).toBeNull();

    const after = await syncNow(a);
    expect(after.error).toBeNull();
    expect([after.clockWarning, Math.abs(after.clockSkewMs!) < 60_000]).toEqual([false, true]);
    expect(after.state).toBe('idle');
    expect(after.waiting).toEqual({ releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 });
    expect(after.last).toEqual({ sent: 3, received: 0, merged: 0, conflicts: 0, denied: 0 });
    expect(after.lastSyncedAt).not.toBeNull();
    expect(Object.keys(await couchState(officeDatabase(settings, goma))).sort()).toEqual([goma, rGoma, rNone].sort());
    expect(await couchState(officeDatabase(settings, bukavu))).toEqual({});

    // A second library that syncs Goma receives Goma's documents and nothing of Bukavu's.
    const b = await library();
    await call(b, 'sync.configure', settings);
    const got = await syncNow(b);
    expect(got.last?.received).toBe(3);
    const ids = (await call<{ items: { id: string }[] }>(b, 'release.list', {})).items.map((r) => r.id).sort();
    expect(ids).toEqual([rGoma, rNone].sort());
    expect(ids).not.toContain(rBukavu);

    // Syncing Bukavu too, the first library sends it Bukavu's release only.
    await call(a, 'sync.configure', { ...settings, offices: [goma, bukavu] });
    expect((await syncNow(a)).last?.sent).toBe(2);
    expect(Object.keys(await couchState(officeDatabase(settings, bukavu))).sort()).toEqual([bukavu, rBukavu].sort());
  });

  it('refuses a server without an office, and an office name a database cannot carry, saying where', async () => {
    const a = await library();
    const noOffice = await a.dispatch('sync.configure', { server: couch.server.url, offices: [] }, { transport: 'test' });
    expect(noOffice.ok || noOffice.error.path).toEqual(['offices']);
    const bad = await a.dispatch('sync.configure', { server: couch.server.url, offices: ['Goma Office'] }, { transport: 'test' });
    expect(bad.ok || [bad.error.code, bad.error.path]).toEqual(['INVALID_INPUT', ['offices', 0]]);
    const ftp = await a.dispatch('sync.configure', { server: 'ftp://sync.example.org', offices: ['goma'] }, { transport: 'test' });
    expect(ftp.ok || ftp.error.message).toMatch(/server: must be an http:\/\/ or https:\/\/ address of a sync server/);
    // A password in the address would be stored in the library in clear: refused, with a reason the app words.
    const withPassword = await a.dispatch('sync.configure', { server: 'https://ana:secret@sync.example.org', offices: ['goma'] }, { transport: 'test' });
    expect(withPassword.ok || withPassword.error).toMatchObject({ code: 'INVALID_INPUT', path: ['server'], params: { field: 'server', reason: 'credentialsInAddress' } });
    const withAccount = await a.dispatch('sync.configure', { server: 'http://ana@127.0.0.1:5984', offices: ['goma'] }, { transport: 'test' });
    expect(withAccount.ok || withAccount.error.params?.reason).toBe('credentialsInAddress');
    expect(JSON.stringify(await call(a, 'sync.settings', {}))).not.toContain('secret');
    expect((await status(a)).state).toBe('not-set-up');
  });

  it('reads settings damaged outside Dateline as not set up, says why in the status, and saving them again replaces them', async () => {
    const dir = tempDir();
    const a = await library({}, dir);
    await call(a, 'sync.configure', { server: couch.server.url, offices: ['goma'] });
    a.close();
    const db = new Database(join(dir, 'library.sqlite'));
    damageLocal(db, '_local/dateline-sync-settings', JSON.stringify({ server: couch.server.url, prefix: 'Dateline!', offices: ['goma'] }));
    db.close();
    const b = await library({}, dir);
    const damaged = await status(b);
    expect(damaged.state).toBe('not-set-up');
    expect(damaged.error).toMatchObject({ code: 'INVALID_INPUT', path: ['prefix'], params: { type: 'sync settings', id: '_local/dateline-sync-settings', field: 'prefix' } });
    expect(damaged.error?.message).toMatch(/^The sync settings "_local\/dateline-sync-settings" cannot be read: prefix: a database prefix starts with a lower-case letter/);
    expect((await call<{ server: string }>(b, 'sync.settings', {})).server).toBe('');
    const saved = await call<SyncStatus>(b, 'sync.configure', { server: couch.server.url, offices: ['goma'] });
    expect(saved.error).toBeNull();
    expect(await call(b, 'sync.settings', {})).toMatchObject({ server: couch.server.url, prefix: 'dateline', offices: ['goma'] });
  });

  it('still reads settings saved with an account in the address before such addresses were refused', async () => {
    const dir = tempDir();
    const a = await library({}, dir);
    await call(a, 'sync.configure', { server: couch.server.url, offices: ['goma'] });
    a.close();
    const db = new Database(join(dir, 'library.sqlite'));
    damageLocal(db, '_local/dateline-sync-settings', JSON.stringify({ server: 'http://ana@127.0.0.1:5984', offices: ['goma'] }));
    db.close();
    const b = await library({}, dir);
    expect((await status(b)).error).toBeNull();
    expect(await call(b, 'sync.settings', {})).toMatchObject({ server: 'http://ana@127.0.0.1:5984', offices: ['goma'] });
  });
});

describe('the schedule', () => {
  it('syncs ten seconds after the last change, then on the timer; a pause plans nothing; coming online syncs at once', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const events = statusesHeard(a);
    const { goma, db } = await gomaSyncedEveryFive(a);
    const t0 = timers.now();
    // Saved settings are tried ten seconds later, as a change is (see "saving the settings" below).
    expect(timers.dueAt).toBe(t0 + 10_000);

    const r1 = await release(a, 'Goma: first', goma);
    expect(timers.dueAt).toBe(t0 + 10_000);
    expect((await status(a)).waiting.releases).toBe(1);
    expect(events.at(-1)?.nextAt).toBe(new Date(t0 + 10_000).toISOString());
    timers.advance(9_000);
    const r2 = await release(a, 'Goma: second', goma);
    timers.advance(9_999);
    expect(a.ctx.sync!.status().state).toBe('idle');
    expect(await couchState(db)).toEqual({});
    timers.advance(1);
    expect(a.ctx.sync!.status().state).toBe('syncing');
    await a.ctx.sync!.idle();
    expect(Object.keys(await couchState(db)).sort()).toEqual([goma, r1, r2].sort());
    expect(events.some((s) => s.state === 'syncing')).toBe(true);
    const done = await status(a);
    expect([done.state, done.waiting.releases, done.lastSyncedAt]).toEqual(['idle', 0, new Date(t0 + 19_000).toISOString()]);
    // The fake clock is hours from the server's: a warning, and nothing else changes.
    expect(done.clockWarning).toBe(true);
    expect(Math.abs(done.clockSkewMs! - (Date.now() - timers.now()))).toBeLessThan(60_000);
    expect(timers.dueAt).toBe(t0 + 19_000 + 5 * 60_000);

    // Written on the server by someone else: the timer brings it.
    await fetch(db, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _id: 'rel-from-hq', type: 'release', headline: 'From headquarters', office: goma }) });
    timers.advance(5 * 60_000);
    await a.ctx.sync!.idle();
    expect((await status(a)).last?.received).toBe(1);

    // Paused: nothing planned, changes wait and are counted.
    const paused = await call<SyncStatus>(a, 'sync.pause', { paused: true });
    expect([paused.state, paused.nextAt]).toEqual(['paused', null]);
    await release(a, 'Goma: while paused', goma);
    expect(timers.dueAt).toBeNull();
    timers.advance(60 * 60_000);
    expect((await status(a)).waiting.releases).toBe(1);
    await call(a, 'sync.pause', { paused: false });
    expect(timers.dueAt).toBe(timers.now() + 5 * 60_000);

    // Offline: nothing planned; back online, it syncs at once.
    const off = await call<SyncStatus>(a, 'sync.online', { online: false });
    expect([off.state, off.nextAt, timers.dueAt]).toEqual(['offline', null, null]);
    await call(a, 'sync.online', { online: true });
    await a.ctx.sync!.idle();
    expect((await status(a)).waiting.releases).toBe(0);
  });

  it('a server that cannot be reached is "offline" with the reason, and the timer tries again', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    await call(a, 'sync.configure', { server: 'http://127.0.0.1:9', offices: ['goma'], intervalMinutes: 1 });
    const s = await syncNow(a);
    expect([s.state, s.error?.code]).toEqual(['offline', 'OFFLINE']);
    // Sooner than the interval at first (30 s), never later than it.
    expect(timers.dueAt).toBe(timers.now() + 30_000);
    timers.advance(30_000);
    await a.ctx.sync!.idle();
    expect(timers.dueAt).toBe(timers.now() + 60_000);
  });

  it('tries again soon after the server could not be reached, less often each time, and syncs by itself once it is back', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const events = statusesHeard(a);
    const goma = await office(a, 'Goma');
    const db = await couch.server.createDb(`dateline-${goma}`);
    await call(a, 'sync.configure', { server: couch.proxy.url, offices: [goma], intervalMinutes: 5 });
    // The link is down: every request to the server is cut before it arrives.
    couch.proxy.add({ path: /./, fault: { kind: 'cut-upload', fraction: 0 }, times: 1000 });
    const waits: number[] = [];
    await syncNow(a);
    for (let i = 0; i < 5; i++) {
      const s = await status(a);
      expect([s.state, s.error?.code]).toEqual(['offline', 'OFFLINE']);
      const wait = timers.dueAt! - timers.now();
      waits.push(wait);
      // The window is told when the next try is.
      expect(events.at(-1)?.nextAt).toBe(new Date(timers.dueAt!).toISOString());
      timers.advance(wait);
      await a.ctx.sync!.idle();
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 300_000]);

    // The link is back: the next try (at most the interval away) syncs, and the interval is as before.
    couch.proxy.clear();
    timers.advance(timers.dueAt! - timers.now());
    await a.ctx.sync!.idle();
    const back = await status(a);
    expect([back.state, back.error, back.last?.sent]).toEqual(['idle', null, 1]);
    expect(Object.keys(await couchState(db))).toEqual([goma]);
    expect(timers.dueAt).toBe(timers.now() + 5 * 60_000);
  });
});

describe('saving the settings', () => {
  it('syncs shortly after a save, without "Sync now"; a save while paused plans nothing and says paused', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const goma = await office(a, 'Goma');
    const rel = await release(a, 'Goma: before the server was set', goma);
    const db = await couch.server.createDb(`dateline-${goma}`);
    const saved = await call<SyncStatus>(a, 'sync.configure', { server: couch.server.url, offices: [goma], intervalMinutes: 5 });
    expect([saved.state, saved.nextAt]).toEqual(['idle', new Date(timers.now() + 10_000).toISOString()]);
    timers.advance(10_000);
    expect(a.ctx.sync!.status().state).toBe('syncing');
    await a.ctx.sync!.idle();
    expect(Object.keys(await couchState(db)).sort()).toEqual([goma, rel].sort());
    expect((await status(a)).last?.sent).toBe(2);

    await call(a, 'sync.pause', { paused: true });
    const whilePaused = await call<SyncStatus>(a, 'sync.configure', { server: couch.server.url, offices: [goma], intervalMinutes: 10 });
    expect([whilePaused.state, whilePaused.nextAt, timers.dueAt]).toEqual(['paused', null, null]);
  });

  it('with an account, plans the sync once the password is stored, and again after a refused one is corrected', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const goma = await office(a, 'Goma');
    const db = await couch.server.createDb(`dateline-${goma}`);
    // No password yet: the save alone plans only the timer, which would be refused.
    const saved = await call<SyncStatus>(a, 'sync.configure', { server: couch.server.url, user: 'amina', offices: [goma], intervalMinutes: 5 });
    expect([saved.state, timers.dueAt]).toEqual(['needs-password', timers.now() + 5 * 60_000]);

    await call(a, 'sync.password', { password: 'wrong-one', remember: false });
    expect(timers.dueAt).toBe(timers.now() + 10_000);
    timers.advance(10_000);
    await a.ctx.sync!.idle();
    const refused = await status(a);
    expect([refused.state, refused.error?.code, timers.dueAt]).toEqual(['needs-password', 'SERVER_AUTH', null]);

    expect(refused.offices.map((o) => o.error?.code)).toEqual(['SERVER_AUTH']);
    const corrected = await call<SyncStatus>(a, 'sync.password', { password: 'right-one', remember: false });
    expect(corrected.nextAt).toBe(new Date(timers.now() + 10_000).toISOString());
    // The office's refusal was of the password replaced: the status no longer says the office was refused.
    expect([corrected.state, corrected.error, corrected.offices]).toEqual(['idle', null, []]);
    timers.advance(10_000);
    await a.ctx.sync!.idle();
    const ok = await status(a);
    expect([ok.state, ok.error, ok.last?.sent]).toEqual(['idle', null, 1]);
    expect(Object.keys(await couchState(db))).toEqual([goma]);
  });
});

describe('the status after a sync', () => {
  it('says when the next sync is, in the last status the window hears', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const events = statusesHeard(a);
    await gomaSyncedEveryFive(a);
    await syncNow(a);
    expect(timers.dueAt).toBe(timers.now() + 5 * 60_000);
    expect([events.at(-1)?.state, events.at(-1)?.nextAt]).toEqual(['idle', new Date(timers.now() + 5 * 60_000).toISOString()]);
  });

  it('says what a sync received: what it pulled is no local change, so no second sync follows to report "0 received"', async () => {
    const timers = new FakeTimers();
    const states: string[] = [];
    const a = await library({ auto: true, timers });
    a.jobs.on((e: CoreEvent) => {
      if (e.type === 'sync.status' && states.at(-1) !== e.status.state) states.push(e.status.state);
    });
    const { goma, db } = await gomaSyncedEveryFive(a);
    await syncNow(a);
    await fetch(db, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _id: 'rel-from-hq', type: 'release', headline: 'From headquarters', office: goma }) });
    states.length = 0;

    // The window keeps asking while it syncs (lists refresh, counts): each call looks for local writes.
    await call(a, 'sync.now', {});
    let during = 0;
    while (a.ctx.sync!.status().state === 'syncing') {
      await call(a, 'release.list', {});
      during++;
      await new Promise((r) => setImmediate(r));
    }
    await a.ctx.sync!.idle();
    expect(during).toBeGreaterThan(0);
    const done = await status(a);
    expect([done.last?.received, done.last?.sent]).toEqual([1, 0]);
    expect(states.filter((s) => s === 'syncing')).toHaveLength(1);
    expect(timers.dueAt).toBe(timers.now() + 5 * 60_000);
  });

  it('a change made here while a sync runs, too late for its push, is sent by one more sync after it', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const { goma, db } = await gomaSyncedEveryFive(a, couch.proxy.url);
    await syncNow(a);
    await release(a, 'Goma: before the sync', goma);
    // The push's upload is held until a change is made here: the push has read what it sends.
    let open!: () => void;
    const held = new Promise<void>((r) => (open = r));
    let atUpload!: () => void;
    const uploading = new Promise<void>((r) => (atUpload = r));
    couch.proxy.add({ method: 'POST', path: /\/_bulk_docs$/, fault: { kind: 'gate', open: held, onHold: () => atUpload() } });
    await call(a, 'sync.now', {});
    await uploading;
    const late = await release(a, 'Goma: written during the upload', goma);
    open();
    await a.ctx.sync!.idle();
    expect(Object.keys(await couchState(db))).toContain(late);
    expect((await status(a)).waiting.releases).toBe(0);
  });

  it("forgets the offices' failures with another server or account, which they no longer describe", async () => {
    const a = await library();
    const goma = await office(a, 'Goma');
    await call(a, 'sync.configure', { server: 'http://127.0.0.1:9', offices: [goma] });
    const failed = await syncNow(a);
    expect(failed.offices.map((o) => [o.office, o.error?.code])).toEqual([[goma, 'OFFLINE']]);
    // Only the minutes between syncs change: the failure still stands.
    expect((await call<SyncStatus>(a, 'sync.configure', { server: 'http://127.0.0.1:9', offices: [goma], intervalMinutes: 10 })).offices).toHaveLength(1);
    const moved = await call<SyncStatus>(a, 'sync.configure', { server: couch.server.url, offices: [goma] });
    expect([moved.offices, moved.error]).toEqual([[], null]);
  });
});

describe('a window that reports no network', () => {
  it('is corrected by a server that answers: a refusal asks for the password, a sync turns the schedule back on', async () => {
    const timers = new FakeTimers();
    const a = await library({ auto: true, timers });
    const goma = await office(a, 'Goma');
    await couch.server.createDb(`dateline-${goma}`);
    await call(a, 'sync.configure', { server: couch.server.url, user: 'amina', offices: [goma] });
    await call(a, 'sync.password', { password: 'wrong-one', remember: false });
    // The window sees no network (a laptop whose server is on its own network, a machine with loopback only).
    const off = await call<SyncStatus>(a, 'sync.online', { online: false });
    expect([off.state, off.online, timers.dueAt]).toEqual(['offline', false, null]);

    // Sync now still asks; the server's refusal proves the machine online, and what is shown is the password.
    const refused = await syncNow(a);
    expect([refused.state, refused.online, refused.error?.code]).toEqual(['needs-password', true, 'SERVER_AUTH']);

    await call(a, 'sync.online', { online: false });
    await call(a, 'sync.password', { password: 'right-one', remember: false });
    const ok = await syncNow(a);
    expect([ok.state, ok.online, ok.error, ok.last?.sent]).toEqual(['idle', true, null, 1]);
    expect(timers.dueAt).toBe(timers.now() + 5 * 60_000);
  });

  it('stays offline when the server does not answer either', async () => {
    const a = await library({ auto: true, timers: new FakeTimers() });
    await call(a, 'sync.configure', { server: 'http://127.0.0.1:9', offices: ['goma'] });
    await call(a, 'sync.online', { online: false });
    const s = await syncNow(a);
    expect([s.state, s.online, s.error?.code]).toEqual(['offline', false, 'OFFLINE']);
  });
});

describe('the password', () => {
  it('asks for it, stops at a refusal without asking the server again, and keeps a good one in the keychain', async () => {
    const secrets = memoryKeychain(true);
    const timers = new FakeTimers();
    const dir = tempDir();
    const a = await library({ auto: true, timers, secrets }, dir);
    const goma = await office(a, 'Goma');
    await couch.server.createDb(`dateline-${goma}`);
    const s = await call<SyncStatus>(a, 'sync.configure', { server: couch.server.url, user: 'amina', offices: [goma] });
    expect([s.state, s.password, s.keychain]).toEqual(['needs-password', 'none', true]);

    await call(a, 'sync.password', { password: 'wrong-one', remember: true });
    const refused = await syncNow(a);
    expect([refused.state, refused.error?.code, refused.password]).toEqual(['needs-password', 'SERVER_AUTH', 'none']);
    expect(secrets.kept.size).toBe(0);
    // No retry storm: the timer plans nothing until the person gives a password.
    expect(timers.dueAt).toBeNull();

    await call(a, 'sync.password', { password: 'right-one', remember: true });
    const ok = await syncNow(a);
    expect([ok.state, ok.error, ok.password, ok.last?.sent]).toEqual(['idle', null, 'kept', 1]);
    expect([...secrets.kept.values()]).toEqual(['right-one']);
    a.close();

    // The next start finds it in the keychain; the library itself holds no password.
    const again = await library({ secrets }, dir);
    expect((await status(again)).password).toBe('kept');
    expect(JSON.stringify(again.library.replication.getLocal('_local/dateline-sync-settings'))).not.toContain('right-one');
  });

  it('without a keychain, never keeps it: the next start asks again', async () => {
    const secrets = memoryKeychain(false);
    const dir = tempDir();
    const a = await library({ secrets }, dir);
    await call(a, 'sync.configure', { server: couch.server.url, user: 'amina', offices: ['goma'] });
    const s = await call<SyncStatus>(a, 'sync.password', { password: 'right-one', remember: true });
    expect([s.password, s.keychain]).toEqual(['session', false]);
    expect(secrets.kept.size).toBe(0);
    a.close();
    expect((await status(await library({ secrets }, dir))).state).toBe('needs-password');
  });
});

describe('a conflict resolved in one library', () => {
  it('delete against edit, deleted after all: the resolution syncs and the case closes in both', async () => {
    const a = await library();
    const b = await library();
    const goma = await office(a, 'Goma');
    await couch.server.createDb(`dateline-${goma}`);
    for (const c of [a, b]) await call(c, 'sync.configure', { server: couch.server.url, offices: [goma] });
    const rel = await release(a, 'Floods in Uvira', goma);
    await syncNow(a);
    await syncNow(b);
    await call(a, 'doc.delete', { id: rel, rev: null });
    await call(b, 'release.update', { id: rel, rev: null, fields: { subheadline: '12,000 people displaced' } });
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const cases = async (c: Core) => (await call<{ id: number; docId: string; kind: string }[]>(c, 'conflict.list', {})).filter((x) => x.docId === rel);
    const open = await cases(a);
    expect(open.map((x) => x.kind)).toEqual(['delete']);
    expect((await cases(b)).map((x) => x.kind)).toEqual(['delete']);
    await call(a, 'conflict.resolve', { id: open[0]!.id, choice: { kind: 'delete', keep: 'deletion' } });
    await syncNow(a);
    await syncNow(b);
    expect([await cases(a), await cases(b)]).toEqual([[], []]);
  });
});

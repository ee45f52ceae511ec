import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { officeDatabase } from '../../../electron/core/sync/service';
import { WaitingCounter } from '../../../electron/core/sync/waiting';
import type { SyncStatus } from '../../../electron/shared/contract';
import { tempDir } from '../../helpers';
import { startCouch, type CouchServer } from '../couch-server';
import { call } from '../library-state';

/**
 * "What waits to upload" is asked after every write, so it is kept rather than counted again:
 * each step here compares the kept count with one made from scratch, and checks that a write
 * makes the status read only the changes after it, across writes, a push and a restart.
 */

let couch: CouchServer;
const opened: Core[] = [];

beforeAll(async () => {
  couch = await startCouch({ keepIdle: true });
}, 60_000);
afterAll(async () => {
  await couch?.stop();
});
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function library(dir: string): Promise<Core> {
  const core = await openCore(dir, { author: 'Goma desk', sync: { retry: { attempts: 1 } } });
  opened.push(core);
  await core.ctx.sync!.whenReady();
  return core;
}

const waiting = async (c: Core) => (await call<SyncStatus>(c, 'sync.status', {})).waiting;

/** The same count made from nothing: what the kept one must always equal. */
function fromScratch(c: Core, offices: string[]) {
  const s = { server: couch.url, prefix: 'dateline' };
  return new WaitingCounter().count(c.library.replication, offices.map((office) => ({ office, url: officeDatabase(s, office) })));
}

describe('what waits to upload', () => {
  it('stays right across writes, edits, a push, a delete and a restart, reading only new changes', async () => {
    const dir = tempDir();
    const a = await library(dir);
    const goma = (await call<{ id: string }>(a, 'office.create', { name: 'Goma' })).id;
    const bukavu = (await call<{ id: string }>(a, 'office.create', { name: 'Bukavu' })).id;
    const other = (await call<{ id: string }>(a, 'office.create', { name: 'Uvira' })).id;
    const offices = [goma, bukavu];
    for (const o of offices) await couch.createDb(`dateline-${o}`);
    const r1 = await call<{ id: string }>(a, 'release.create', { headline: 'Water points in Goma', language: 'en', office: goma });
    await call(a, 'release.create', { headline: 'Statement on the floods', language: 'en', office: null });
    await call(a, 'release.create', { headline: 'Uvira stays here', language: 'en', office: other });
    await call(a, 'contact.create', { name: 'Amina Diallo' });
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2996, 7)]);
    await call(a, 'attachment.add', { name: 'well.jpg', data: photo.toString('base64'), mediaType: 'image/jpeg' });
    await call(a, 'sync.configure', { server: couch.url, offices, intervalMinutes: 5 });

    // Goma (the home office) takes its own and what names no office; Bukavu its own office document; Uvira's stay here.
    const first = { releases: 2, contacts: 1, photos: 1, files: 0, offices: 2, others: 0, deletions: 0, bytes: photo.length };
    expect(await waiting(a)).toEqual(first);
    expect(fromScratch(a, offices)).toEqual(first);

    // A write: the status reads the feed from where it stopped, not from the checkpoint.
    const changes = vi.spyOn(a.library.replication, 'changes');
    const seqBefore = a.library.docs.lastSeq();
    await call(a, 'release.create', { headline: 'Bukavu clinic', language: 'en', office: bukavu });
    expect(await waiting(a)).toEqual({ ...first, releases: 3 });
    expect(changes.mock.calls.every(([since]) => since >= seqBefore)).toBe(true);
    expect(changes).toHaveBeenCalled();
    changes.mockRestore();

    // An edit of a document already waiting counts it once.
    await call(a, 'release.update', { id: r1.id, fields: { headline: 'Water points in Goma (2)' } });
    expect(await waiting(a)).toEqual({ ...first, releases: 3 });
    expect(fromScratch(a, offices)).toEqual({ ...first, releases: 3 });

    // A push: nothing waits.
    await call(a, 'sync.now', {});
    await a.ctx.sync!.idle();
    const none = { releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 };
    expect(await waiting(a)).toEqual(none);

    // After it, a delete and a new release count again, each in its office: the delete as a deletion.
    await call(a, 'doc.delete', { id: r1.id, rev: null });
    await call(a, 'release.create', { headline: 'Bukavu: second', language: 'en', office: bukavu });
    const after = { ...none, releases: 1, deletions: 1 };
    expect(await waiting(a)).toEqual(after);
    expect(fromScratch(a, offices)).toEqual(after);

    // A restart counts the same from the library alone.
    a.close();
    opened.length = 0;
    const again = await library(dir);
    expect(await waiting(again)).toEqual(after);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { officeDatabase } from '../../../electron/core/sync/service';
import type { SyncStatus } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/errors';
import { tempDir } from '../../helpers';
import { couchState } from '../couch-state';
import { useCouchWithProxy } from '../couch-server';
import { call } from '../library-state';

/**
 * The app makes an office's database on a server that does not have it, against a real
 * pouchdb-server: the status names the missing database and whether this account may create it
 * (a server administrator: with no admins yet, pouchdb-server makes everyone one; an account of
 * `_users` is not); creating it then syncs. Anyone else, and an account the server refuses when
 * asked (401, 403, through the fault proxy), is told plainly and nothing is created.
 */

const couch = useCouchWithProxy();
const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function library(): Promise<{ core: Core; office: string }> {
  const core = await openCore(tempDir(), { author: 'kampala', sync: { retry: { attempts: 1 } } });
  opened.push(core);
  await core.ctx.sync!.whenReady();
  const office = (await call<{ id: string }>(core, 'office.create', { name: 'Kampala' })).id;
  await call(core, 'release.create', { headline: 'Boreholes repaired in Kotido', language: 'en', office });
  return { core, office };
}

async function configure(core: Core, office: string, server: string, user = ''): Promise<void> {
  await call(core, 'sync.configure', { server, user, prefix: 'dateline', offices: [office], intervalMinutes: 5 });
  if (user) await call(core, 'sync.password', { password: 'right-one', remember: false });
}

async function syncNow(core: Core): Promise<SyncStatus> {
  await call(core, 'sync.now', {});
  await core.ctx.sync!.idle();
  return call<SyncStatus>(core, 'sync.status', {});
}

function createDatabase(core: Core, office: string): Promise<Result<unknown>> {
  return core.dispatch('sync.createDatabase', { office }, { transport: 'test' });
}

const exists = async (url: string) => (await fetch(url)).status === 200;

describe("the office's database, made from the app", { timeout: 120_000 }, () => {
  it('an administrator is offered it; creating it syncs the office, files database included', async () => {
    const { core, office } = await library();
    await configure(core, office, couch.server.url);
    const db = officeDatabase({ server: couch.server.url, prefix: 'dateline' }, office);
    const before = await syncNow(core);
    expect(before.state).toBe('failed');
    expect(before.offices).toEqual([
      { office, error: expect.objectContaining({ code: 'NOT_FOUND', params: { failure: 'not-found', status: 404, database: `dateline-${office}`, url: expect.stringContaining(`dateline-${office}`) } }), files: null, missing: { database: `dateline-${office}`, mayCreate: true } },
    ]);
    expect(await exists(db)).toBe(false);

    const started = await createDatabase(core, office);
    expect(started).toMatchObject({ ok: true, value: { state: 'idle', error: null, offices: [{ office, error: null, files: null }] } });
    await core.ctx.sync!.idle();
    const after = await call<SyncStatus>(core, 'sync.status', {});
    expect([after.state, after.error]).toEqual(['idle', null]);
    expect(after.offices).toEqual([{ office, error: null, files: expect.objectContaining({ state: 'synced' }) }]);
    expect(after.last?.sent).toBe(2);
    expect(Object.keys(await couchState(db))).toHaveLength(2);
    expect(await exists(`${db}-files`)).toBe(true);
    // Made already: asked again, nothing changes and the office syncs.
    expect((await createDatabase(core, office)).ok).toBe(true);
    await core.ctx.sync!.idle();
    expect((await call<SyncStatus>(core, 'sync.status', {})).offices[0]!.error).toBeNull();
  });

  it('an account that is no administrator is not offered it, and asking anyway is refused plainly without creating it', async () => {
    await couch.server.addUser('amina', 'right-one');
    const { core, office } = await library();
    await configure(core, office, couch.server.url, 'amina');
    const s = await syncNow(core);
    expect(s.offices[0]).toMatchObject({ office, error: { code: 'NOT_FOUND' }, missing: { database: `dateline-${office}`, mayCreate: false } });
    expect(await createDatabase(core, office)).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `This account may not create databases on ${couch.server.url}: ask the server's administrator to create dateline-${office}.`,
        params: { reason: 'mayNotCreate', database: `dateline-${office}` },
      },
    });
    expect(await exists(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, office))).toBe(false);
  });

  for (const status of [401, 403]) {
    it(`a server that answers the creation with ${status} is said plainly to refuse this account, and nothing syncs`, async () => {
      const { core, office } = await library();
      await configure(core, office, couch.proxy.url);
      expect((await syncNow(core)).offices[0]!.missing).toEqual({ database: `dateline-${office}`, mayCreate: true });
      couch.proxy.add({ method: 'PUT', path: new RegExp(`^/dateline-${office}$`), fault: { kind: 'status', status, error: 'unauthorized' } });
      const r = await createDatabase(core, office);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { reason: 'mayNotCreate' } } });
      expect(await exists(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, office))).toBe(false);
      expect((await call<SyncStatus>(core, 'sync.status', {})).state).toBe('failed');
    });
  }

  it('an address with a database at its end fails by the office database it lacks, not by a /_session the core asked for', async () => {
    const { core, office } = await library();
    // What a person pastes from a server's page: a database's address where the server's goes.
    await configure(core, office, `${couch.server.url}/dateline`);
    const s = await syncNow(core);
    expect(s.state).toBe('failed');
    expect(s.offices).toEqual([
      {
        office,
        error: expect.objectContaining({ code: 'NOT_FOUND', params: expect.objectContaining({ failure: 'not-found', database: `dateline-${office}` }) }),
        files: null,
        missing: { database: `dateline-${office}`, mayCreate: false },
      },
    ]);
    expect(s.offices[0]!.error!.message).not.toMatch(/_session/);
  });

  it('refuses an office this library does not sync, and asks for the password first', async () => {
    const { core, office } = await library();
    expect(await createDatabase(core, office)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', path: ['office'] } });
    await call(core, 'sync.configure', { server: couch.server.url, user: 'amina', prefix: 'dateline', offices: [office], intervalMinutes: 5 });
    expect(await createDatabase(core, 'off-elsewhere')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await createDatabase(core, office)).toMatchObject({ ok: false, error: { code: 'SERVER_AUTH', params: { reason: 'needsPassword' } } });
    expect(await exists(officeDatabase({ server: couch.server.url, prefix: 'dateline' }, office))).toBe(false);
  });
});

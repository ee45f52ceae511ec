import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { SyncStatus } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { stateText } from '../../renderer/sync/statusText';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from '../sync/couch-server';
import { call } from '../sync/library-state';

/**
 * What Settings → Server says when a sync fails, from the errors a real core reports against a
 * real pouchdb-server, a closed port and a web server that is no sync server: in the person's
 * language, naming the server as typed and what to check, without the core's English message
 * (which names a database's URL and Node's error code).
 */

const couch = useCouchWithProxy();
const opened: Core[] = [];
let notSync: Server;

beforeAll(async () => {
  await couch.server.addUser('amina', 'right-one');
  notSync = createServer((_req, res) => res.end('<html><body>Welcome to our intranet</body></html>'));
  await new Promise<void>((done) => notSync.listen(0, '127.0.0.1', done));
});
afterAll(() => new Promise<void>((done) => notSync.close(() => done())));
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** One sync of a fresh library with the server and account given; the status after it. */
async function failedSync(server: string, account?: { user: string; password: string }): Promise<SyncStatus> {
  const core = await openCore(tempDir(), { author: 'Amman laptop', sync: { retry: { attempts: 1 } } });
  opened.push(core);
  await core.ctx.sync!.whenReady();
  const office = (await call<{ id: string }>(core, 'office.create', { name: 'Amman' })).id;
  await couch.server.createDb(`dateline-${office}`);
  await call(core, 'sync.configure', { server, user: account?.user ?? '', offices: [office] });
  if (account) await call(core, 'sync.password', { password: account.password, remember: false });
  await call(core, 'sync.now', {});
  await core.ctx.sync!.idle();
  return call<SyncStatus>(core, 'sync.status', {});
}

const words = (lng: string, error: ApiError | null | undefined) => {
  expect(error).toBeTruthy();
  return errorText(setUpI18n(lng).t, error!);
};

describe('a sync that fails, in words', () => {
  it('a port where nothing listens: the server named as typed, what to check, and not "offline"', async () => {
    const s = await failedSync('http://127.0.0.1:9');
    const fr = setUpI18n('fr').t;
    expect(words('fr', s.offices[0]?.error)).toBe(
      'Rien ne répond à 127.0.0.1:9 : le serveur de synchronisation est peut-être arrêté, ou l’adresse dans les Paramètres erronée. Rien n’est perdu ; la synchronisation réessaiera plus tard.',
    );
    expect([s.state, s.online]).toEqual(['offline', true]);
    expect(stateText(fr, s)).toBe('Le serveur est injoignable : les modifications restent sur cet ordinateur et partiront dès qu’il sera joignable.');
    // The window that sees no network still says offline.
    expect(stateText(fr, { state: 'offline', online: false })).toMatch(/^Hors ligne/);
  });

  it('a name no server has', async () => {
    const s = await failedSync('http://sync.example.invalid');
    expect(words('en', s.offices[0]?.error)).toBe(
      "No server called sync.example.invalid was found: check the address in Settings, and this computer's connection. Nothing was lost; sync tries again later.",
    );
  });

  it('a refused password, in Arabic, with no English in it', async () => {
    const s = await failedSync(couch.server.url, { user: 'amina', password: 'wrong-one' });
    const ar = words('ar', s.error);
    expect(ar).toBe('رفض خادم المزامنة الحساب أو كلمة المرور: تحقّق منهما في الإعدادات.');
    expect(words('ar', s.offices[0]?.error)).toBe(ar);
  });

  it('a web server that is no sync server', async () => {
    const port = (notSync.address() as AddressInfo).port;
    const s = await failedSync(`http://127.0.0.1:${port}`);
    expect(words('en', s.offices[0]?.error)).toBe(`127.0.0.1:${port} does not answer as a sync server does: check the server address in Settings.`);
  });

  it('a server that answers 503, in Spanish', async () => {
    couch.proxy.add({ path: /^\/dateline-/, fault: { kind: 'status', status: 503, error: 'unavailable' } });
    const s = await failedSync(couch.proxy.url);
    const host = new URL(couch.proxy.url).host;
    expect(words('es', s.offices[0]?.error)).toBe(
      `El servidor de sincronización ${host} respondió con un error (HTTP 503). No se ha perdido nada; la sincronización lo intentará de nuevo más tarde.`,
    );
  });
});

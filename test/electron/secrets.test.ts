import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';
import { safeStorage } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { KeychainSecrets } = await import('../../electron/main/secrets');
const { CoreClient } = await import('../../electron/main/core-client');
const { serveCore } = await import('../../electron/main/core-server');
const { openCore } = await import('../../electron/core/index');

/**
 * The sync password in the system keychain (Electron's safeStorage, faked: the binary cannot
 * run here): only ciphertext is written, nothing at all without a keychain, and the core in its
 * own process reaches it through the shell.
 */

beforeEach(() => {
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

const ACCOUNT = 'amina@https://sync.example.org';

describe('the keychain in the main process', () => {
  it('writes only the sealed password, opens it again, and forgets it', () => {
    const dir = tempDir();
    const keys = new KeychainSecrets(dir, 'linux');
    expect(keys.handle({ op: 'available' })).toBe(true);
    expect(keys.handle({ op: 'save', account: ACCOUNT, secret: 'right-one' })).toBe(true);
    const file = readFileSync(join(dir, 'sync-secrets.json'), 'utf8');
    expect(file).not.toContain('right-one');
    expect(Buffer.from((JSON.parse(file) as Record<string, string>)[ACCOUNT]!, 'base64').subarray(0, 7).toString()).toBe('SEALED:');
    expect(new KeychainSecrets(dir, 'linux').handle({ op: 'load', account: ACCOUNT })).toBe('right-one');
    expect(keys.handle({ op: 'load', account: 'someone@else' })).toBeNull();
    expect(keys.handle({ op: 'forget', account: ACCOUNT })).toBe(true);
    expect(keys.handle({ op: 'load', account: ACCOUNT })).toBeNull();
  });

  it('without a keychain never writes the password, and reads nothing back', () => {
    const dir = tempDir();
    new KeychainSecrets(dir, 'linux').handle({ op: 'save', account: ACCOUNT, secret: 'right-one' });
    safeStorage.available = false;
    const keys = new KeychainSecrets(dir, 'linux');
    expect(keys.handle({ op: 'available' })).toBe(false);
    expect(keys.handle({ op: 'save', account: ACCOUNT, secret: 'second' })).toBe(false);
    expect(keys.handle({ op: 'load', account: ACCOUNT })).toBeNull();
    expect(readFileSync(join(dir, 'sync-secrets.json'), 'utf8')).not.toContain('second');

    const empty = tempDir();
    new KeychainSecrets(empty, 'win32').handle({ op: 'save', account: ACCOUNT, secret: 'right-one' });
    expect(existsSync(join(empty, 'sync-secrets.json'))).toBe(false);
  });

  it("counts Linux's basic_text backend (a fixed key) as no keychain", () => {
    safeStorage.backend = 'basic_text';
    expect(new KeychainSecrets(tempDir(), 'linux').handle({ op: 'available' })).toBe(false);
    expect(new KeychainSecrets(tempDir(), 'darwin').handle({ op: 'available' })).toBe(true);
  });

  it('refuses a request that is not one of its four, saying which field is wrong', () => {
    const keys = new KeychainSecrets(tempDir(), 'linux');
    expect(() => keys.handle({ op: 'dump' })).toThrow(/op/);
    expect(() => keys.handle({ op: 'save', account: ACCOUNT })).toThrow(/secret/);
  });
});

describe('the core reaches the keychain through the shell', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closing.length) await closing.pop()!();
  });

  /** The shell and the core host in one process, messages cloned as across the real boundary. */
  function launch(library: string, userData: string) {
    const keychain = new KeychainSecrets(userData, 'linux');
    const client = new CoreClient(({ message }) => {
      const listeners: ((m: unknown) => void)[] = [];
      serveCore(
        { postMessage: (m) => setImmediate(() => message(structuredClone(m))), onMessage: (l) => listeners.push(l) },
        (secrets) => openCore(library, { author: 'Goma desk', sync: { secrets } }),
        () => undefined,
      );
      return { post: (m) => setImmediate(() => listeners.forEach((l) => l(structuredClone(m)))), kill: () => undefined };
    });
    client.handleSecrets((request) => keychain.handle(request));
    client.start();
    closing.push(() => client.close());
    return async (method: string, input: unknown) => {
      const r = await client.invoke(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as { password: string; keychain: boolean; state: string };
    };
  }

  it('keeps a remembered password for the next start, and never in the library', async () => {
    const library = tempDir();
    const userData = tempDir();
    const first = launch(library, userData);
    await first('sync.configure', { server: 'https://sync.example.org', user: 'amina', offices: ['goma'] });
    expect(await first('sync.password', { password: 'right-one', remember: true })).toMatchObject({ password: 'kept', keychain: true });
    expect(readFileSync(join(userData, 'sync-secrets.json'), 'utf8')).not.toContain('right-one');
    await closing.pop()!();

    const second = launch(library, userData);
    expect(await second('sync.status', {})).toMatchObject({ password: 'kept', state: 'idle' });
    const db = readFileSync(join(library, 'library.sqlite'));
    expect(db.includes(Buffer.from('right-one'))).toBe(false);
  });

  it('without a keychain keeps it for the session only, and asks again after a restart', async () => {
    safeStorage.available = false;
    const library = tempDir();
    const userData = tempDir();
    const first = launch(library, userData);
    await first('sync.configure', { server: 'https://sync.example.org', user: 'amina', offices: ['goma'] });
    expect(await first('sync.password', { password: 'right-one', remember: true })).toMatchObject({ password: 'session', keychain: false });
    await closing.pop()!();
    expect(existsSync(join(userData, 'sync-secrets.json'))).toBe(false);
    expect(await launch(library, userData)('sync.status', {})).toMatchObject({ password: 'none', state: 'needs-password' });
  });
});

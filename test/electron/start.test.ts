import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideLaunch,
  electronBinaryPath,
  hasDisplay,
  nativeBindingPath,
  nodeGypArgs,
  nodeGypCandidates,
} from '../../bin/launch-decision.js';
import { tempDir } from '../helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const withDisplay = { DISPLAY: ':0' };
const ready = { platform: 'linux', env: withDisplay, binary: '/opt/electron/electron', binaryExists: true, binaryExecutable: true, isRoot: false };

describe('decideLaunch', () => {
  it('starts Electron when its binary is there, runs, and there is a display', () => {
    expect(decideLaunch(ready)).toEqual({ mode: 'electron', binary: '/opt/electron/electron' });
    expect(decideLaunch({ ...ready, env: { WAYLAND_DISPLAY: 'wayland-0' } }).mode).toBe('electron');
    expect(decideLaunch({ ...ready, platform: 'darwin', env: {} }).mode).toBe('electron');
    expect(decideLaunch({ ...ready, platform: 'win32', env: {}, isRoot: true }).mode).toBe('electron');
  });

  it('falls back to web mode with one line naming the reason when the binary was never installed', () => {
    for (const facts of [{ ...ready, binary: null, binaryExists: false }, { ...ready, binaryExists: false }]) {
      const d = decideLaunch(facts);
      expect(d.mode).toBe('web');
      if (d.mode !== 'web') return;
      expect(d.message).toMatch(/^Electron cannot start here \(its binary is not installed and cannot be downloaded now;.*\); opening Dateline in your browser instead\.$/);
      expect(d.message).not.toContain('\n');
      expect(d.openBrowser).toBe(true);
    }
  });

  it('falls back to web mode without a display, and does not try to open a browser there', () => {
    const d = decideLaunch({ ...ready, env: {} });
    expect(d).toMatchObject({ mode: 'web', openBrowser: false });
    expect(d.mode === 'web' && d.message).toBe(
      'Electron cannot start here (there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set); starting Dateline in web mode instead; open the address below in a browser.',
    );
    const both = decideLaunch({ ...ready, binary: null, binaryExists: false, env: {} });
    expect(both.mode === 'web' && both.message).toMatch(/binary is not installed.*open the address below in a browser\.$/);
  });

  it('falls back to web mode for a binary that cannot run, or for root on Linux (the sandbox stays on)', () => {
    const notExec = decideLaunch({ ...ready, binaryExecutable: false });
    expect(notExec.mode === 'web' && notExec.reason).toBe('its binary /opt/electron/electron is not executable');
    const root = decideLaunch({ ...ready, isRoot: true });
    expect(root.mode === 'web' && root.reason).toBe('it will not run as root with its sandbox on');
  });

  it('knows a Linux session needs a display', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: '' })).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':1' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
  });
});

describe('finding the Electron binary', () => {
  it('reads path.txt the way the electron package does', () => {
    const files: Record<string, string> = { '/nm/electron/path.txt': 'electron\n' };
    const readText = (f: string) => files[f] ?? null;
    expect(electronBinaryPath({ electronDir: '/nm/electron', env: {}, readText })).toBe(path.join('/nm/electron', 'dist', 'electron'));
    expect(electronBinaryPath({ electronDir: '/nm/electron', env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/el' }, readText })).toBe(path.join('/opt/el', 'electron'));
    expect(electronBinaryPath({ electronDir: '/nm/other', env: {}, readText })).toBeNull();
  });

  it('finds the installed package\'s binary from its files alone, without starting its download', () => {
    const electronDir = path.join(root, 'node_modules', 'electron');
    const asked: string[] = [];
    const readText = (f: string) => {
      asked.push(f);
      return existsSync(f) ? readFileSync(f, 'utf8') : null;
    };
    const pathTxt = path.join(electronDir, 'path.txt');
    const found = electronBinaryPath({ electronDir, env: {}, readText });
    // It reads the package's own files and nothing else: no installer, no download.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((f) => f.startsWith(electronDir))).toBe(true);
    expect(found).toBe(existsSync(pathTxt) ? path.join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim()) : null);
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('lives in its own folder per Electron version, never in node_modules', () => {
    const p = nativeBindingPath('/work/app', '45.5.0');
    expect(p).toBe(path.join('/work/app', '.cache', 'electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(p).not.toContain('node_modules');
  });

  it("prefers npm's own node-gyp, then the project's", () => {
    expect(nodeGypCandidates({ root: '/app', env: { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' } })).toEqual([
      path.join('/usr/lib/node_modules/npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      path.join('/app', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    ]);
    expect(nodeGypCandidates({ root: '/app', env: { npm_execpath: '/usr/bin/yarn.js' } })).toEqual([path.join('/app', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]);
  });

  it("builds against Electron's headers", () => {
    expect(nodeGypArgs('45.5.0')).toEqual(['rebuild', '--release', '--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']);
  });
});

describe('web mode', () => {
  it('bin/start.js says in one line why it runs web mode when Electron has no binary', async () => {
    // An empty folder where the binary should be: the machine has no Electron, whatever it really has.
    const emptyDist = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, DATELINE_LIBRARY: tempDir() };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, [path.join(root, 'bin', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((r) => child.once('exit', r));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('error', reject);
      child.on('exit', () => resolve(out.split('\n')[0] ?? ''));
    });
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    expect(firstLine).toBe(
      'Electron cannot start here (its binary is not installed and cannot be downloaded now; `node node_modules/electron/install.js` fetches it when online); starting Dateline in web mode instead; open the address below in a browser.',
    );
  });

  it('bin/start.js gives the browser launcher a one-time link, never the token, and the terminal another one', async () => {
    // A stand-in for xdg-open on PATH that writes down the arguments it was given, as `ps` would show them.
    const fakeBin = tempDir();
    const log = path.join(tempDir(), 'opener-argv.txt');
    const opener = path.join(fakeBin, 'xdg-open');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$@" > "${log}.part" && mv "${log}.part" "${log}"\n`);
    chmodSync(opener, 0o755);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`,
      DISPLAY: ':99',
      ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
      DATELINE_LIBRARY: tempDir(),
    };
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, [path.join(root, 'bin', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    try {
      await expect.poll(() => existsSync(log) && /one-time link: \S+\n/.test(out), { timeout: 30_000, interval: 50 }).toBe(true);
      const argv = readFileSync(log, 'utf8').trimEnd().split('\n');
      expect(argv).toHaveLength(1);
      const launcherUrl = argv[0]!;
      expect(launcherUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[A-Za-z0-9_-]{43}$/);
      const terminalUrl = /one-time link: (\S+)\n/.exec(out)![1]!;
      expect(terminalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[A-Za-z0-9_-]{43}$/);
      expect(terminalUrl).not.toBe(launcherUrl);

      // The launcher's link is good for the token once, and the token is nowhere the launcher or the terminal saw.
      const origin = new URL(launcherUrl).origin;
      const exchange = (url: string) =>
        fetch(`${origin}/launch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nonce: new URL(url).searchParams.get('launch') }) });
      const first = await exchange(launcherUrl);
      expect(first.status).toBe(200);
      const token = ((await first.json()) as { value: { token: string } }).value.token;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(readFileSync(log, 'utf8')).not.toContain(token);
      expect(out).not.toContain(token);
      expect(out).not.toContain('token=');
      const info = await fetch(`${origin}/api/library.info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dateline-token': token }, body: '{}' });
      expect(((await info.json()) as { ok: boolean }).ok).toBe(true);
      expect((await exchange(launcherUrl)).status).toBe(401);
      expect((await exchange(terminalUrl)).status).toBe(200);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});

#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app when Electron can run on this machine,
// otherwise web mode (`dateline serve`) with a one-line reason. The choice itself is in
// launch-decision.js; this file only gathers facts and starts processes.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decideLaunch,
  electronBinaryPath,
  nativeBindingPath,
  nodeGypArgs,
  nodeGypCandidates,
} from './launch-decision.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const electron = findElectron();
let decision = decideLaunch({
  platform: process.platform,
  env: process.env,
  binary: electron.binary,
  binaryExists: electron.binary !== null && existsSync(electron.binary),
  binaryExecutable: electron.binary !== null && isExecutable(electron.binary),
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
});

let binding = null;
if (decision.mode === 'electron') {
  try {
    binding = prepareNativeBinding(electron.version);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    decision = { mode: 'web', reason, message: `Electron cannot start here (${reason}); opening Dateline in your browser instead.`, openBrowser: true };
  }
}

if (decision.mode === 'electron' && binding !== null) {
  runElectron(decision.binary, binding);
} else {
  process.stdout.write(`${decision.message}\n`);
  runWeb(decision.openBrowser);
}

/** The electron package's folder and version, read from files only: requiring it may start a download. */
function findElectron() {
  try {
    const pkgFile = require.resolve('electron/package.json');
    const electronDir = path.dirname(pkgFile);
    const version = JSON.parse(readFileSync(pkgFile, 'utf8')).version;
    const binary = electronBinaryPath({ electronDir, env: process.env, readText: readTextOrNull });
    return { binary, version: String(version) };
  } catch {
    return { binary: null, version: '' };
  }
}

function readTextOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function isExecutable(file) {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * better-sqlite3 in node_modules is built for Node (tests and the CLI need it so). Electron
 * needs its own build: made once per Electron version by node-gyp in a throwaway copy of the
 * package, then kept in .cache/electron-native/<version>/.
 */
function prepareNativeBinding(version) {
  const target = nativeBindingPath(root, version);
  if (existsSync(target)) return target;
  const gyp = nodeGypCandidates({ root, env: process.env }).find((file) => existsSync(file));
  if (!gyp) throw new Error('node-gyp, needed to build better-sqlite3 for Electron, was not found');
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(path.join(dir, 'build-'));
  const log = path.join(dir, 'build.log');
  process.stdout.write(`Building better-sqlite3 for Electron ${version} (first start only; log in ${path.relative(root, log)})...\n`);
  try {
    const copy = path.join(work, 'better-sqlite3');
    const oldBuild = path.join(source, 'build');
    cpSync(source, copy, { recursive: true, filter: (from) => from !== oldBuild && !from.startsWith(oldBuild + path.sep) });
    const fd = openSync(log, 'w');
    let result;
    try {
      result = spawnSync(process.execPath, [gyp, ...nodeGypArgs(version)], { cwd: copy, stdio: ['ignore', fd, fd], timeout: 15 * 60_000 });
    } finally {
      closeSync(fd);
    }
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      throw new Error(`better-sqlite3 could not be built for Electron ${version}; see ${path.relative(root, log)}`);
    }
    // Copy then rename, so a second start running at the same time never loads a half-written file.
    const staged = path.join(work, 'better_sqlite3.node');
    copyFileSync(built, staged);
    renameSync(staged, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runElectron(binary, nativeBinding) {
  const env = { ...process.env, DATELINE_NATIVE_BINDING: nativeBinding };
  // Set, it would make Electron run our main file as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The project folder, not out/main/index.js: Electron then reads package.json (name, "main",
  // "type": "module") exactly as in the packaged app.
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  supervise(child);
}

/**
 * Web mode. `serve --open` starts the browser itself with a one-time launch link: whatever is
 * on the opener's command line (which every local user can read) is worth nothing once used,
 * and the session's token never appears there.
 */
function runWeb(openBrowser) {
  const args = [path.join(root, 'bin', 'dateline.js'), 'serve', ...(openBrowser ? ['--open'] : [])];
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
  supervise(child);
}

/** Passes Ctrl+C and termination on to the child and leaves with its exit status. */
function supervise(child) {
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => {
    process.stderr.write(`error: could not start ${child.spawnfile}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

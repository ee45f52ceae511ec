// How `npm start` chooses between the desktop app and web mode. Pure: every fact about the
// machine (files, environment, platform) comes in as an argument, so the rules are testable
// without Electron. bin/start.js gathers the facts and acts on the decision.
import path from 'node:path';

const WEB_TAIL_BROWSER = 'opening Dateline in your browser instead.';
const WEB_TAIL_NO_BROWSER = 'starting Dateline in web mode instead; open the address below in a browser.';

/**
 * Where the Electron binary would be, found the way the electron package finds it but without
 * its fallback of downloading the binary (which waits on the network with no time limit).
 * @param {{ electronDir: string, env: Record<string, string | undefined>, readText: (file: string) => string | null }} facts
 * @returns {string | null} the binary's path, or null when the package never installed one
 */
export function electronBinaryPath({ electronDir, env, readText }) {
  const name = readText(path.join(electronDir, 'path.txt'))?.trim() || null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name ?? 'electron');
  return name ? path.join(electronDir, 'dist', name) : null;
}

/** Electron needs a graphical session; on Linux that is an X11 or Wayland display. */
export function hasDisplay(platform, env) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @param {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   binary: string | null,
 *   binaryExists: boolean,
 *   binaryExecutable: boolean,
 *   isRoot: boolean,
 * }} facts
 * @returns {{ mode: 'electron', binary: string } | { mode: 'web', reason: string, message: string, openBrowser: boolean }}
 */
export function decideLaunch({ platform, env, binary, binaryExists, binaryExecutable, isRoot }) {
  const display = hasDisplay(platform, env);
  const web = (reason) => ({
    mode: 'web',
    reason,
    message: `Electron cannot start here (${reason}); ${display ? WEB_TAIL_BROWSER : WEB_TAIL_NO_BROWSER}`,
    openBrowser: display,
  });
  if (binary === null || !binaryExists) {
    return web('its binary is not installed and cannot be downloaded now; `node node_modules/electron/install.js` fetches it when online');
  }
  if (!binaryExecutable) return web(`its binary ${binary} is not executable`);
  if (!display) return web('there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set');
  // Chromium refuses to run as root unless its sandbox is turned off, and Dateline keeps it on.
  if (platform === 'linux' && isRoot) return web('it will not run as root with its sandbox on');
  return { mode: 'electron', binary };
}

/** Where the Electron build of better-sqlite3 is kept, one folder per Electron version. */
export function nativeBindingPath(root, electronVersion) {
  return path.join(root, '.cache', 'electron-native', electronVersion, 'better_sqlite3.node');
}

/**
 * node-gyp scripts to try, best first: the one bundled with the npm that runs `npm start`
 * (npm_execpath is <npm>/bin/npm-cli.js), then one installed in the project.
 * @param {{ root: string, env: Record<string, string | undefined> }} facts
 */
export function nodeGypCandidates({ root, env }) {
  const candidates = [];
  if (env.npm_execpath && /npm-cli\.c?js$/.test(env.npm_execpath)) {
    candidates.push(path.join(path.dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  candidates.push(path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates;
}

/** The arguments that build better-sqlite3 against Electron's headers instead of Node's. */
export function nodeGypArgs(electronVersion) {
  return ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'];
}

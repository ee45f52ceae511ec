import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layer rule: every folder says what it may import (allow-lists, not deny-lists), so a file
 * in a folder nobody has thought about yet gets the strictest rules until its layer is named here.
 *
 * - electron/shared: itself and zod. Pure: no Node, no DOM, no Electron.
 * - electron/core, electron/cli: themselves, shared, Node built-ins and the packages the app ships
 *   (package.json "dependencies") plus the Chromium driver that prints PDFs from Node.
 *   Never 'electron'. Within the core, a domain's handlers.ts is the contract's door and is
 *   imported by core/index.ts only; another domain shares a lookup through its queries.ts.
 * - electron/main: the shell; also Electron and the core it hosts.
 * - electron/preload: a pipe; Electron and shared types only.
 * - renderer: itself, shared and the UI libraries.
 */

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const shipped = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});
const node = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const corePackages = [...node, ...shipped, 'playwright-core'];
const CORE_SAYS = 'Node built-ins, the dependencies in package.json and playwright-core';

export const LAYERS = {
  'electron/shared': { layers: ['electron/shared'], packages: ['zod'], says: 'zod' },
  'electron/core': { layers: ['electron/core', 'electron/shared'], packages: corePackages, says: CORE_SAYS },
  'electron/cli': { layers: ['electron/cli', 'electron/core', 'electron/shared'], packages: corePackages, says: CORE_SAYS },
  'electron/main': { layers: ['electron/main', 'electron/core', 'electron/shared'], packages: [...corePackages, 'electron'], says: `electron, ${CORE_SAYS}` },
  'electron/preload': { layers: ['electron/preload', 'electron/shared'], packages: ['electron'], says: 'electron' },
  renderer: {
    layers: ['renderer', 'electron/shared'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', '@tiptap/*', '@tanstack/*'],
    says: 'react, react-dom, react-i18next, i18next, @tiptap/*, @tanstack/*',
  },
};
/** Files outside every layer (tests, build configs, bin/) are not checked. */
const UNCHECKED = ['test/', 'bin/', 'lint/', 'renderer/vite.config.ts', 'out/', 'node_modules/'];

function layerOf(rel) {
  let best = null;
  for (const name of Object.keys(LAYERS)) if ((rel === name || rel.startsWith(`${name}/`)) && (!best || name.length > best.length)) best = name;
  return best;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(spec, allowed) {
  const name = packageName(spec);
  return allowed.some((a) => (a.endsWith('/*') ? name.startsWith(a.slice(0, -1)) : a === name || a === spec));
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Each layer imports only what its allow-list names.' } },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (file.startsWith('..') || UNCHECKED.some((u) => file.startsWith(u)) || !/\.(ts|tsx|js|mjs)$/.test(file)) return {};
    const own = layerOf(file);
    if (!own && !file.startsWith('electron/') && !file.startsWith('renderer/')) return {};
    const name = own ?? file.split('/').slice(0, 2).join('/');
    const rules = own ? LAYERS[own] : LAYERS['electron/shared'];
    const unnamed = own ? '' : ` (${name} is not a layer yet, so it has electron/shared's rules: name it in lint/layers.js)`;

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (!spec.startsWith('.')) {
        if (!packageAllowed(spec, rules.packages)) {
          context.report({ node, message: `${name} may not import "${spec}"; of packages it may import ${rules.says}${unnamed}.` });
        }
        return;
      }
      const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      const targetLayer = layerOf(target) ?? target.split('/').slice(0, 2).join('/');
      if (!rules.layers.includes(targetLayer)) {
        context.report({ node, message: `${name} may import only ${rules.layers.join(', ')}; "${spec}" is in ${targetLayer}${unnamed}.` });
        return;
      }
      if (/^electron\/core\/[^/]+\/handlers$/.test(target.replace(/\.(ts|js)$/, '')) && file !== 'electron/core/index.ts' && path.dirname(file) !== path.dirname(target)) {
        context.report({ node, message: `Only electron/core/index.ts joins the domains' handlers; share a lookup through that domain's queries.ts instead of "${spec}".` });
      }
    }
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source?.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };

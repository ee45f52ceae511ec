import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { looksLikeSvg } from '../../electron/core/attachments/images';

/**
 * Every regular expression the core and the shared rules run on text someone sent, fed 100 KB
 * of input built to make a backtracking pattern retry: runs of each character the pattern names,
 * spaces, comments, ended by a character that makes the match fail. The importer's own patterns
 * run in a worker with a time limit (import/run.ts) and are left out, except the functions below,
 * which read text of any length someone pasted; everything else here runs on the core's one
 * thread, where a slow pattern freezes the app.
 */
const ROOT = process.cwd();
const SIZE = 100_000;
/** Long enough for a linear scan of 100 KB on a loaded machine; a pattern that backtracks takes minutes or hours. */
const STALL_MS = 10_000;
/** Importer functions (and the patterns they use) that must stay linear although the worker's time limit would catch them. */
const IMPORT_FUNCTIONS = new Set(['normalisePhone', 'splitExtension', 'NUMBER_CHARS', 'bracketedRegion', 'isBracketTail', 'BRACKET_TAIL', 'allCaps']);

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function patterns(): Pattern[] {
  const files = [...sources(join(ROOT, 'electron/core')), ...sources(join(ROOT, 'electron/shared'))];
  const out: Pattern[] = [];
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const importer = f.includes(`${join('core', 'import')}/`);
    const visit = (n: ts.Node, checked: boolean): void => {
      if ((ts.isFunctionDeclaration(n) || ts.isVariableDeclaration(n)) && n.name && ts.isIdentifier(n.name) && IMPORT_FUNCTIONS.has(n.name.text)) checked = true;
      if (checked && n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const cut = text.lastIndexOf('/');
        out.push({ where: `${relative(ROOT, f)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`, source: text.slice(1, cut), flags: text.slice(cut + 1).replace(/[gy]/g, '') });
      }
      ts.forEachChild(n, (c) => visit(c, checked));
    };
    visit(sf, !importer);
  }
  return out;
}

/** Runs in a worker, so a pattern that never finishes can be stopped and named. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { patterns, size } = workerData;
const base = [' ', '\\t', '\\n', 'a', 'A', '1', '.', '-', '<!---->', 'a.', ' a', 'a ', 'é', 'ا', ':', '<', '@', 'a@', '((', ')'];
patterns.forEach((p, i) => {
  const re = new RegExp(p.source, p.flags);
  const pumps = new Set(base);
  for (const c of p.source.replace(/\\\\[a-zA-Z]/g, '').replace(/[\\\\^$*+?()[\\]{}|]/g, '')) pumps.add(c);
  for (const pump of pumps) {
    const text = pump.repeat(Math.ceil(size / pump.length)).slice(0, size) + '\\u0000!';
    parentPort.postMessage({ i, pump });
    re.test(text);
    re.test(text.slice(0, -2));
  }
});
parentPort.postMessage({ done: true });
`;

describe('patterns that run on untrusted text', () => {
  it('finds the patterns to check', () => {
    const all = patterns();
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((p) => p.where.startsWith('electron/core/attachments/'))).toBe(true);
    expect(all.filter((p) => p.where.startsWith('electron/core/import/contacts.ts')).length).toBeGreaterThan(3);
    expect(all.some((p) => p.where.startsWith('electron/core/import/dateline.ts'))).toBe(true);
    expect(all.some((p) => p.where.startsWith('electron/core/import/parse.ts'))).toBe(false);
  });

  it('every one finishes on 100 KB of adversarial input', async () => {
    const all = patterns();
    const stalled = await new Promise<string | null>((done) => {
      const worker = new Worker(WORKER, { eval: true, workerData: { patterns: all, size: SIZE } });
      let last = 'starting';
      let timer = setTimeout(() => stop(), STALL_MS);
      const stop = () => {
        void worker.terminate();
        done(last);
      };
      worker.on('message', (m: { i?: number; pump?: string; done?: boolean }) => {
        clearTimeout(timer);
        if (m.done) {
          void worker.terminate();
          done(null);
          return;
        }
        last = `${all[m.i!]!.where} /${all[m.i!]!.source}/ on ${JSON.stringify(m.pump)} repeated`;
        timer = setTimeout(stop, STALL_MS);
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        done(`worker failed: ${e.message}`);
      });
    });
    expect(stalled).toBeNull();
  }, 600_000);

  it('recognises an SVG after many comments at once, and a saved web page as not one', () => {
    const comments = '<!---->'.repeat(500);
    expect(looksLikeSvg(Buffer.from(`${comments}\n<svg xmlns="http://www.w3.org/2000/svg"/>`))).toBe(true);
    expect(looksLikeSvg(Buffer.from(`<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg width="2">`))).toBe(true);
    expect(looksLikeSvg(Buffer.from(`${comments}<html><body>Press release</body></html>`))).toBe(false);
    expect(looksLikeSvg(Buffer.from('<!-- never closed <svg>'))).toBe(false);
    expect(looksLikeSvg(Buffer.from('<svgfoo>'))).toBe(false);
  });
});

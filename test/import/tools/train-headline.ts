import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HEADLINE_FEATURES, headlineScore } from '../../../electron/core/import/headline-model';
import { observeHeadlineCandidates, type HeadlineCandidate } from '../../../electron/core/import/headline';
import { parseSource } from '../../../electron/core/import/parse';
import { loadCorpus } from '../corpus-helpers';
import { norm, readCaseFolder } from '../score-fields';

/**
 * Fits the headline reader's weights (electron/core/import/headline-weights.ts) on folders of
 * cases with expected results, kept outside the repository:
 *
 *   npm run build:cli && node out/cli/import-train.js --fit DIR… [--corpus test/import/corpus] [--check DIR…] [--write FILE]
 *
 * Each page is read by the importer itself; for every candidate line it hands over, the label is
 * whether the case's expected headline is that line (or starts with it, for a headline the page
 * breaks over two lines); "no headline" is right when the case expects none or the page's title.
 * The fit is a listwise logistic model (softmax over a page's candidates and "no headline"), by
 * full-batch gradient descent from zero with an L2 penalty: deterministic, no randomness. Only the
 * expected results are training data; no page text is written anywhere. --check prints how often
 * the top-scored candidate is right on other folders (the stand-in for unseen pages).
 */

interface Page {
  id: string;
  texts: string[];
  x: number[][];
  /** Indexes of the right candidates (a title set twice is right twice); x.length for "no headline". */
  y: number[];
  /** How much the page counts in the fit. */
  weight: number;
}

/** One page to learn from: where it is, how to read its bytes, the headline a person wrote down for it. */
interface Source {
  id: string;
  name: string;
  load(): Promise<Uint8Array>;
  headline: string | null;
  weight: number;
}

/** The cases of working-set folders (refused pages and those with no headline written down are left out). */
function folderSources(dirs: string[]): Source[] {
  return dirs.flatMap((dir) =>
    readCaseFolder(dir)
      .filter(({ want }) => !want.refused && want.headline !== undefined)
      .map(({ id, input, path, want }) => ({ id: `${dir}/${id}`, name: input, load: async () => new Uint8Array(readFileSync(path)), headline: want.headline ?? null, weight: 1 })),
  );
}

/** The project's own corpus of invented releases (test/import/corpus). */
function corpusSources(dir: string, weight: number): Source[] {
  return loadCorpus(resolve(dir)).map((c) => ({ id: `corpus/${c.id}`, name: c.name, load: c.load, headline: c.expected.release.headline, weight }));
}

async function readPages(sources: Source[]): Promise<{ pages: Page[]; unreachable: string[]; importerRight: number }> {
  let importerRight = 0;
  const pages: Page[] = [];
  const unreachable: string[] = [];
  for (const src of sources) {
    let seen: { candidates: HeadlineCandidate[]; pageTitle: string | null } | null = null;
    observeHeadlineCandidates((s) => (seen = s));
    try {
      const parsed = await parseSource({ name: src.name, bytes: await src.load() });
      if (norm(parsed.release.headline) === norm(src.headline)) importerRight++;
    } catch {
      // Refused pages have no headline to learn from.
    }
    observeHeadlineCandidates(null);
    const got = seen as { candidates: HeadlineCandidate[]; pageTitle: string | null } | null;
    if (got === null) continue;
    const target = norm(src.headline);
    const cands = got.candidates;
    let y = cands.flatMap((c, i) => (norm(c.text) === target ? [i] : []));
    if (y.length === 0 && target !== '') y = cands.flatMap((c, i) => (norm(c.text).length >= 12 && target.startsWith(`${norm(c.text)} `) ? [i] : []));
    if (y.length === 0 && (src.headline === null || norm(got.pageTitle) === target)) y = [cands.length];
    if (y.length === 0) {
      unreachable.push(src.id);
      if (process.env.SHOW_MISSES) process.stdout.write(`  unreachable ${src.id}\n`);
      continue;
    }
    pages.push({ id: src.id, texts: cands.map((c) => c.text), x: cands.map((c) => c.features), y, weight: src.weight });
  }
  return { pages, unreachable, importerRight };
}

function scores(w: number[], none: number, page: Page): number[] {
  return [...page.x.map((x) => headlineScore(x, w)), none];
}

function fit(pages: Page[], l2: number, rounds: number, rate: number): { w: number[]; none: number } {
  const n = HEADLINE_FEATURES.length;
  const w = new Array<number>(n).fill(0);
  let none = 0;
  const mass = pages.reduce((s, p) => s + p.weight, 0);
  for (let r = 0; r < rounds; r++) {
    const g = new Array<number>(n).fill(0);
    let gNone = 0;
    for (const page of pages) {
      const s = scores(w, none, page);
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const z = e.reduce((a, b) => a + b, 0);
      // The gradient of -log(the right candidates' share): each candidate's share, less its part of the right ones'.
      const right = page.y.reduce((a, i) => a + e[i]!, 0);
      e.forEach((v, i) => {
        const d = page.weight * (v / z - (page.y.includes(i) ? v / right : 0));
        if (i === page.x.length) gNone += d;
        else page.x[i]!.forEach((xv, k) => (g[k]! += d * xv));
      });
    }
    for (let k = 0; k < n; k++) w[k]! -= rate * (g[k]! / mass + l2 * w[k]!);
    none -= rate * (gNone / mass);
  }
  return { w, none };
}

function accuracy(w: number[], none: number, pages: Page[], total: number): string {
  let right = 0;
  /** For the sureness threshold: the top line's share of the scores, and whether it was right. */
  const shares: { share: number; ok: boolean }[] = [];
  for (const page of pages) {
    const s = scores(w, none, page);
    // Ties go to the lower line, and "no headline" wins unless a line scores above it, as in the importer.
    let best = -1;
    for (let i = 0; i < page.x.length; i++) if (best < 0 || s[i]! >= s[best]!) best = i;
    if (best < 0 || s[best]! <= none) best = page.x.length;
    const top = s[best]!;
    shares.push({ share: 1 / s.reduce((a, v) => a + Math.exp(v - top), 0), ok: page.y.includes(best) });
    if (page.y.includes(best)) right++;
    else if (process.env.SHOW_MISSES) {
      process.stdout.write(`  miss ${page.id}\n`);
      if (process.env.SHOW_MISSES === 'lines') page.texts.forEach((t, i) => process.stdout.write(`    ${page.y.includes(i) ? '*' : i === best ? '>' : ' '} ${s[i]!.toFixed(2)} ${t.slice(0, 90)}\n`));
    }
  }
  const sure = [0.5, 0.6, 0.75, 0.9].map((t) => {
    const above = shares.filter((x) => x.share >= t);
    return `share ≥ ${t}: ${above.filter((x) => x.ok).length}/${above.length} right`;
  });
  return `${right}/${total} top-scored right (${pages.length} reachable); ${sure.join(', ')}`;
}

async function main(args: string[]): Promise<number> {
  const take = (flag: string) => {
    const at = args.indexOf(flag);
    if (at < 0) return [];
    const end = args.findIndex((a, i) => i > at && a.startsWith('--'));
    return args.slice(at + 1, end < 0 ? undefined : end);
  };
  const fitDirs = take('--fit');
  const checkDirs = take('--check');
  const out = take('--write')[0];
  const num = (flag: string, dflt: number): number => {
    const given = take(flag)[0];
    if (given === undefined) return dflt;
    const n = Number(given);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} takes a number of 0 or more, not "${given}"`);
    return n;
  };
  const l2 = num('--l2', 0.01);
  if (fitDirs.length === 0) {
    process.stderr.write('usage: node out/cli/import-train.js --fit DIR… [--corpus DIR [--corpus-weight N]] [--check DIR…] [--write FILE] [--l2 N] [--rounds N]\n');
    return 2;
  }
  const train = await readPages([...folderSources(fitDirs), ...take('--corpus').flatMap((d) => corpusSources(d, num('--corpus-weight', 1)))]);
  const rounds = num('--rounds', 3000);
  const { w, none } = fit(train.pages, l2, rounds, num('--rate', 0.5));
  process.stdout.write(`fit: ${train.pages.length} pages, ${train.unreachable.length} with no candidate right; ${accuracy(w, none, train.pages, train.pages.length + train.unreachable.length)}; the importer as built: ${train.importerRight}\n`);
  if (checkDirs.length > 0) {
    const check = await readPages(folderSources(checkDirs));
    process.stdout.write(`check: ${accuracy(w, none, check.pages, check.pages.length + check.unreachable.length)}; the importer as built: ${check.importerRight}\n`);
  }
  const table = HEADLINE_FEATURES.map((f, k) => `  ${f}: ${w[k]!.toFixed(3)},`).join('\n');
  const text = `import type { HeadlineFeature } from './headline-model';\n\n/** Written by test/import/tools/train-headline.ts (${train.pages.length} pages, L2 ${l2}); do not edit by hand. */\nexport const HEADLINE_WEIGHTS: Readonly<Record<HeadlineFeature, number>> = {\n${table}\n};\n\nexport const HEADLINE_NONE = ${none.toFixed(3)};\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);

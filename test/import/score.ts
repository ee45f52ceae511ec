import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSource } from '../../electron/core/import/parse';
import { CaseExpectationSchema, SCORED_FIELDS, scoreCase, type ScoredField } from './score-fields';

/**
 * `npm run import:score -- DIR [--misses]`: runs the importer over a folder of cases (each an
 * input file and `<case>.expected.json` beside it, written by a person reading the page) and
 * prints how often each field came out right. Cases stay outside the repository.
 */

async function main(args: string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith('--'));
  const showMisses = args.includes('--misses');
  if (!dir) {
    process.stderr.write('usage: npm run import:score -- DIR [--misses]\n');
    return 2;
  }
  const root = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(root).sort();
  } catch (e) {
    process.stderr.write(`error: cannot read the folder ${root}: ${(e as Error).message}\n`);
    return 1;
  }
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const scored = { ...right };
  const misses: string[] = [];
  let cases = 0;
  for (const f of files.filter((x) => x.endsWith('.expected.json'))) {
    const id = f.replace(/\.expected\.json$/u, '');
    const input = files.find((x) => x.startsWith(`${id}.`) && !x.endsWith('.expected.json') && statSync(join(root, x)).isFile());
    if (!input) {
      process.stderr.write(`error: case ${id} has no input file beside ${f}\n`);
      return 1;
    }
    const parsedWant = CaseExpectationSchema.safeParse(JSON.parse(readFileSync(join(root, f), 'utf8')));
    if (!parsedWant.success) {
      process.stderr.write(`error: ${f}: ${parsedWant.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
      return 1;
    }
    const want = parsedWant.data;
    cases++;
    let got: Awaited<ReturnType<typeof parseSource>> | null = null;
    let refusal = '';
    try {
      got = await parseSource({ name: input, bytes: new Uint8Array(readFileSync(join(root, input))) });
    } catch (e) {
      refusal = (e as Error).message;
    }
    const result = scoreCase(want, got);
    for (const field of SCORED_FIELDS) {
      const ok = result[field];
      if (ok === null) continue;
      scored[field]++;
      if (ok) right[field]++;
      else if (showMisses) {
        const shown = got === null ? `refused: ${refusal}` : JSON.stringify(gotField(field, got));
        misses.push(`${id} ${field}\n    got:  ${shown}\n    want: ${JSON.stringify(want[field] ?? null)}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '    -' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
  const total = SCORED_FIELDS.reduce((s, f) => s + right[f], 0);
  const all = SCORED_FIELDS.reduce((s, f) => s + scored[f], 0);
  const rows = SCORED_FIELDS.map((f) => `${f.padEnd(14)} ${String(right[f]).padStart(4)}/${String(scored[f]).padEnd(4)} ${pct(right[f], scored[f])}`);
  process.stdout.write(`Import score over ${cases} cases in ${root}\n${'field'.padEnd(14)} right/of      %\n${rows.join('\n')}\n${'all fields'.padEnd(14)} ${String(total).padStart(4)}/${String(all).padEnd(4)} ${pct(total, all)}\n`);
  if (misses.length) process.stdout.write(`\nMisses:\n${misses.join('\n')}\n`);
  return 0;
}

function gotField(field: ScoredField, got: Awaited<ReturnType<typeof parseSource>>): unknown {
  const r = got.release;
  switch (field) {
    case 'headline':
      return r.headline;
    case 'dateline':
      return r.datelinePlace;
    case 'date':
      return r.releaseDate;
    case 'bodyStart':
      return r.body[0]?.slice(0, 80) ?? null;
    case 'bodyEnd':
      return r.body[r.body.length - 1]?.slice(-80) ?? null;
    case 'contactNames':
      return got.contacts.map((c) => c.name);
    case 'contactEmails':
      return got.contacts.map((c) => c.email);
  }
}

process.exitCode = await main(process.argv.slice(2));

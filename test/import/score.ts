import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSource } from '../../electron/core/import/parse';
import { readCaseFolder, SCORED_FIELDS, scoreCase, type FolderCase, type ScoredField } from './score-fields';

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
  let folder: FolderCase[];
  try {
    folder = readCaseFolder(root);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
  const right = Object.fromEntries(SCORED_FIELDS.map((f) => [f, 0])) as Record<ScoredField, number>;
  const scored = { ...right };
  const misses: string[] = [];
  const cases = folder.length;
  for (const { id, input, path, want } of folder) {
    let got: Awaited<ReturnType<typeof parseSource>> | null = null;
    let refusal = '';
    try {
      got = await parseSource({ name: input, bytes: new Uint8Array(readFileSync(path)) });
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

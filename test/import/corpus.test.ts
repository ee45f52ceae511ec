import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';
import { CORPUS_DIR, FIELDS, fieldMatches, loadCorpus, loadRefusedCorpus, type Expected, type Field } from './corpus-helpers';

/**
 * The importer against the corpus of invented releases (four languages, every layout the issue
 * names): prints a field-by-field accuracy table and requires 95% on every field.
 */

describe('the release importer on the corpus', () => {
  const cases = loadCorpus();

  it('has at least 30 cases covering English, French, Spanish and Arabic', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const languages = new Set(cases.map((c) => c.expected.release.language));
    expect([...languages].sort()).toEqual(['ar', 'en', 'es', 'fr']);
  });

  it('reads every field right in at least 95% of the cases', async () => {
    const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const misses: string[] = [];
    for (const c of cases) {
      const parsed = await parseSource({ name: c.name, bytes: await c.load() });
      const got: Expected = { release: parsed.release, contacts: parsed.contacts };
      for (const f of FIELDS) {
        if (fieldMatches(f, got, c.expected)) right[f]++;
        else {
          const show = (e: Expected) => JSON.stringify(f === 'contacts' ? e.contacts : e.release[f]);
          misses.push(`${c.id} ${f}\n    got:  ${show(got)}\n    want: ${show(c.expected)}`);
        }
      }
    }
    const rows = FIELDS.map((f) => `${f.padEnd(16)} ${String(right[f]).padStart(3)}/${cases.length}  ${((100 * right[f]) / cases.length).toFixed(1).padStart(5)}%`);
    console.log(`Import accuracy over ${cases.length} cases\n${'field'.padEnd(16)} right       %\n${rows.join('\n')}`);
    if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
    for (const f of FIELDS) expect(right[f] / cases.length, `accuracy of ${f}`).toBeGreaterThanOrEqual(0.95);
    // No field may lose a case it read right before: baseline.json holds the counts last reached.
    const baseline = JSON.parse(readFileSync(join(CORPUS_DIR, 'baseline.json'), 'utf8')) as Record<Field, number>;
    for (const f of FIELDS) expect(right[f], `cases whose ${f} is read right`).toBeGreaterThanOrEqual(baseline[f]);
  }, 120_000);

  it('refuses every page of the corpus with no release in it, saying so', async () => {
    const pages = loadRefusedCorpus();
    expect(pages.length).toBeGreaterThan(0);
    for (const c of pages) {
      await expect(parseSource({ name: c.name, bytes: await c.load() }), c.id).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    }
  });
});

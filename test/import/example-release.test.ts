import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { parseSource, type Parsed } from '../../electron/core/import/parse';
import { tempDir } from '../helpers';

/**
 * The release the importer was made for: an IOM news release copied from its web page with the
 * site's navigation above it. The file lives beside the repository (../shared/examples/), not in
 * it; its text is not ours to copy.
 */

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'examples', 'iom-release-scraped.txt');

/** The CLI's JSON carries each warning's English message; the parser gives the warning itself. */
function holdsTheRelease(r: Pick<Parsed, 'release' | 'contacts'> & { warnings: readonly (string | { message: string })[] }): void {
  expect(r.release.headline).toBe('IOM, United Cities and Local Governments Highlight Importance of Migration Governance in Cities');
  expect(r.release.datelinePlace).toBe('Switzerland');
  expect(r.release.releaseDate).toBeNull();
  expect(r.warnings.map((w) => (typeof w === 'string' ? w : w.message))).toContain('No release date was found; set one before storing.');
  const body = r.release.body;
  expect(body[0]).toMatch(/^IOM took part in the 5th World Summit/u);
  expect(body[body.length - 1]).toMatch(/migration provisions of the New Urban Agenda\.$/u);
  expect(body).toHaveLength(8);
  for (const nav of ['Partnerships', 'Highlights', 'Work with us', 'WHO WE ARE', 'Our Work', 'Data and Research', '2030 Agenda']) {
    expect(body.some((p) => p.includes(nav))).toBe(false);
  }
  expect(r.release.quotes).toHaveLength(1);
  expect(r.release.quotes[0]!.speaker).toBe('Marcelo Pisani');
  expect(r.release.quotes[0]!.role).toBe("IOM's Regional Director for Central America, North America and the Caribbean");
  expect(r.release.quotes[0]!.text).toMatch(/^Mayors and local authorities have a crucial role/u);
  expect(r.contacts).toEqual([{ name: 'Ioana Popp', role: null, organisation: 'IOM Geneva', email: 'ipopp@iom.int', phone: null }]);
}

describe.runIf(existsSync(EXAMPLE))('the scraped IOM release', () => {
  it('comes out exactly, pasted', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const r = await parseSource({ name: 'Pasted text', text });
    holdsTheRelease(r);
    expect(r.confidence).toMatchObject({ headline: 'sure', datelinePlace: 'sure', releaseDate: 'missing', body: 'sure', contacts: 'sure' });
  });

  it('comes out exactly from `dateline import release FILE --dry-run --json`', async () => {
    let out = '';
    let err = '';
    const code = await main(['import', 'release', EXAMPLE, '--dry-run', '--json', '--library', tempDir()], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      stdin: async () => '',
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    const [one] = JSON.parse(out) as (Parsed & { ok: boolean })[];
    expect(one!.ok).toBe(true);
    holdsTheRelease(one!);
  });
});

it('finds the example where CI puts it', () => {
  // A missing example would skip the tests above silently; CI always has it.
  expect(existsSync(EXAMPLE) || process.env.CI === undefined).toBe(true);
});

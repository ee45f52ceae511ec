import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { parseSource } from '../../electron/core/import/parse';
import { IMPORT_MAX_TEXT_CHARS, roughTextLength } from '../../electron/core/import/text-size';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { core, fail } from '../core-harness';
import { tempDir } from '../helpers';
import { CORPUS_DIR } from './corpus-helpers';

/**
 * A release is a few pages: text far longer is refused, said with its length and the limit, in
 * the person's language and on the command line, before the slow part of the reading.
 */

const RELEASE = readFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), 'utf8');
const PARAGRAPH = 'The teams reached the villages cut off by the floods and handed out water tablets, blankets and food for the next three weeks.';

/** Paragraphs of `PARAGRAPH` after the release, `chars` characters of text in all once cleaned. */
function longRelease(chars: number): string {
  const paragraphs: string[] = [];
  let left = chars - RELEASE.split('\n').map((l) => l.trim()).join('').length;
  while (left > PARAGRAPH.length) {
    paragraphs.push(PARAGRAPH);
    left -= PARAGRAPH.length;
  }
  paragraphs.push(PARAGRAPH.slice(0, left));
  // Before the contact line, where a release's paragraphs are.
  const lines = RELEASE.trim().split('\n');
  return [...lines.slice(0, -1), '', paragraphs.join('\n\n'), '', lines.at(-1)].join('\n');
}

describe('the length of text a release import reads', () => {
  it('reads a release as long as the limit, and refuses the same with a thousand characters more', async () => {
    const atLimit = longRelease(IMPORT_MAX_TEXT_CHARS - 1000);
    const read = await parseSource({ name: 'long.txt', text: atLimit });
    expect(read.source.blocks.reduce((n, b) => n + b.text.length, 0)).toBeLessThanOrEqual(IMPORT_MAX_TEXT_CHARS);
    expect(read.release.body.length).toBeGreaterThan(1000);
    await expect(parseSource({ name: 'long.txt', text: longRelease(IMPORT_MAX_TEXT_CHARS + 1000) })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      params: { reason: 'importTextTooLong', limit: IMPORT_MAX_TEXT_CHARS },
    });
  }, 60_000);

  it('refuses five million characters of pasted text, saying how long it is', async () => {
    const c = await core();
    const e = await fail(c, 'import.preview', { name: 'Pasted text.txt', text: `${PARAGRAPH}\n\n`.repeat(Math.floor(5_000_000 / (PARAGRAPH.length + 2))) });
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.params).toMatchObject({ name: 'Pasted text.txt', reason: 'importTextTooLong', limit: 300_000 });
    expect(Number(e.params!.chars)).toBeGreaterThan(4_900_000);
    expect(e.message).toMatch(/^"Pasted text\.txt" holds about 4,9\d\d,\d{3} characters of text; Dateline imports a release of at most 300,000/u);
  }, 60_000);

  it('measures a web page by its text: a large page with little text is read, a page of five million characters of paragraphs is refused unread', async () => {
    const script = `<script>${'var x = "words words words words";\n'.repeat(40_000)}</script><style>${'p { color: red }\n'.repeat(20_000)}</style>`;
    const page = `<html><head><title>Floods</title>${script}</head><body><!-- ${'x'.repeat(400_000)} --><article>${RELEASE.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(page.length).toBeGreaterThan(1_000_000);
    expect(roughTextLength(page, true)).toBeLessThan(RELEASE.length + 100);
    const read = await parseSource({ name: 'page.html', html: page });
    expect(read.release.body.length).toBeGreaterThan(0);

    const huge = `<html><body>${`<p>${PARAGRAPH}</p>`.repeat(Math.floor(5_000_000 / (PARAGRAPH.length + 7)))}</body></html>`;
    await expect(parseSource({ name: 'huge.html', html: huge })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', params: { reason: 'importTextTooLong' } });
  }, 60_000);

  it('says the refusal in each language of the window, with the numbers as that language writes them', () => {
    const error = { code: 'FILE_TOO_LARGE' as const, message: 'ENGLISH', params: { name: 'Texte collé.txt', chars: 4_950_000, limit: 300_000, reason: 'importTextTooLong' } };
    const said = Object.fromEntries(['en', 'fr', 'es', 'ar'].map((l) => [l, errorText(setUpI18n(l).t, error)]));
    expect(said.en).toBe('“Texte collé.txt” holds about 4,950,000 characters of text; Dateline imports a release of at most 300,000 (about a hundred pages). Nothing was imported: import the release on its own.');
    expect(said.fr).toContain('environ 4\u202f950\u202f000 caractères');
    expect(said.es).toContain('300.000 caracteres como máximo');
    expect(said.ar).toContain('لم يُستورد شيء');
    for (const text of Object.values(said)) expect(text).not.toContain('ENGLISH');
  });

  it('dateline import release refuses a text file longer than a release with the same words', async () => {
    const file = join(tempDir(), 'report.txt');
    writeFileSync(file, longRelease(2 * IMPORT_MAX_TEXT_CHARS));
    let out = '';
    let err = '';
    const code = await main(['import', 'release', file, '--dry-run', '--library', tempDir()], { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => '' });
    expect(code).not.toBe(0);
    expect(`${out}${err}`).toMatch(/"report\.txt" holds about 60\d,\d{3} characters of text; Dateline imports a release of at most 300,000 \(about a hundred pages\)\. Nothing was imported/u);
  }, 60_000);
});

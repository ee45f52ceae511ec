import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { openCore, type Core } from '../../electron/core/index';
import { tempDir } from '../helpers';
import { CORPUS_DIR, buildDocx } from './corpus-helpers';
import { ROUNDUP } from './helpers';

/** `dateline import release FILE... [--dry-run] [--json]` as a person runs it. */

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => '' });
  return { code, out, err };
}

const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function library(dir: string): Promise<Core> {
  const c = await openCore(dir);
  opened.push(c);
  return c;
}

async function count(dir: string, method: 'release.list' | 'contact.list' | 'attachment.list', input: Record<string, unknown> = {}): Promise<number> {
  const c = await library(dir);
  const r = await c.dispatch(method, { limit: 50, cursor: null, ...input }, { transport: 'test' });
  c.close();
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { total: number }).total;
}

describe('dateline import release', () => {
  it('--dry-run --json prints one object per file with the release fields, and stores nothing', async () => {
    const lib = tempDir();
    const files = tempDir();
    const txt = join(files, 'kasese.txt');
    copyFileSync(join(CORPUS_DIR, '01-en-menu-sentence-contact.txt'), txt);
    const docx = join(files, 'tillaberi.docx');
    writeFileSync(docx, await buildDocx(JSON.parse(readFileSync(join(CORPUS_DIR, '12-en-word.docx.json'), 'utf8'))));
    const r = await cli(['import', 'release', txt, docx, '--dry-run', '--json', '--library', lib]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { file: string; ok: boolean; release: Record<string, unknown>; contacts: Record<string, unknown>[]; id?: string }[];
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ file: txt, ok: true });
    expect(out[0]!.id).toBeUndefined();
    expect(Object.keys(out[0]!.release).sort()).toEqual(
      ['body', 'boilerplate', 'datelinePlace', 'embargo', 'endMark', 'headline', 'language', 'notesToEditors', 'quotes', 'releaseDate', 'subheadline'].sort(),
    );
    expect(out[0]!.release).toMatchObject({ headline: 'Clean water reaches 40,000 people in Kasese as floods recede', datelinePlace: 'Geneva', language: 'en' });
    expect(out[0]!.contacts).toEqual([{ name: 'John Smith', role: null, organisation: null, email: 'jsmith@example.org', phone: '+254 20 000 0000' }]);
    expect(out[1]!.release).toMatchObject({ headline: 'Solar pumps bring water back to 60 villages in Tillabéri', releaseDate: '2026-11-17', endMark: '-ENDS-' });
    expect(await count(lib, 'release.list')).toBe(0);
    expect(await count(lib, 'contact.list')).toBe(0);
    expect(await count(lib, 'attachment.list')).toBe(0);
  });

  it("--dry-run names each quote's speaker with the role the release gives them", async () => {
    const lib = tempDir();
    const r = await cli(['import', 'release', join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), '--dry-run', '--library', lib]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}Quote: {8}Marta Cossa \(Hope Waters' country director in Mozambique\): "/mu);
  });

  it('stores each release with its contacts and original; a second import matches the contacts instead of duplicating them', async () => {
    const lib = tempDir();
    const files = tempDir();
    const a = join(files, 'mozambique.txt');
    copyFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), a);
    const first = await cli(['import', 'release', a, '--json', '--library', lib]);
    expect(first.code).toBe(0);
    const [stored] = JSON.parse(first.out) as { id: string; ok: boolean }[];
    expect(stored!.id).toMatch(/^rel-/);

    const c = await library(lib);
    const rel = await c.dispatch('release.get', { id: stored!.id }, { transport: 'test' });
    if (!rel.ok) throw new Error(rel.error.message);
    const doc = rel.value as Record<string, unknown> & { body: { content: unknown[] }; contacts: string[]; quotes: unknown[] };
    expect(doc).toMatchObject({ headline: 'Hope Waters opens cholera treatment centres in three districts of northern Mozambique', datelinePlace: 'Pemba', releaseDate: '2026-03-03', endMark: '###', status: 'draft' });
    expect(doc.body.content).toHaveLength(4);
    expect(doc.quotes).toHaveLength(1);
    expect(doc.boilerplate).toEqual({ text: expect.stringContaining('Hope Waters is an independent humanitarian organisation') });
    expect(doc.contacts).toHaveLength(1);
    const atts = await c.dispatch('attachment.list', { limit: 50, cursor: null, release: stored!.id }, { transport: 'test' });
    if (!atts.ok) throw new Error(atts.error.message);
    expect((atts.value as { items: { originalName: string; mediaType: string }[] }).items).toEqual([
      expect.objectContaining({ originalName: 'mozambique.txt', mediaType: 'text/plain' }),
    ]);
    c.close();

    // The same press officer in another release: matched by e-mail, not stored twice.
    const b = join(files, 'second.txt');
    writeFileSync(b, `Second update on cholera in Cabo Delgado\n\nPEMBA, 10 March 2026 – Hope Waters has opened a fourth treatment centre in Mecufi as the number of cases keeps rising across the province this week.\n\nMedia contact: Paulo Mabunda, PMabunda@HopeWaters.example, +258 84 000 1234\n`);
    const second = await cli(['import', 'release', b, '--library', lib]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('matches existing contact Paulo Mabunda');
    expect(second.out).toContain('0 new contacts, 1 matched');
    expect(await count(lib, 'contact.list')).toBe(1);
    expect(await count(lib, 'release.list')).toBe(2);
  });

  it('skips a release the library already holds (same original, or same headline and body), unless --allow-duplicate', async () => {
    const lib = tempDir();
    const files = tempDir();
    const a = join(files, 'mozambique.txt');
    copyFileSync(join(CORPUS_DIR, '02-en-hardwrapped-email.txt'), a);
    expect((await cli(['import', 'release', a, '--library', lib])).code).toBe(0);
    const [stored] = JSON.parse((await cli(['release', 'list', '--json', '--library', lib])).out).items as { id: string; headline: string }[];

    // The same file again, and the same text under another name with its spacing changed.
    const again = await cli(['import', 'release', a, '--json', '--library', lib]);
    expect(again.code).toBe(1);
    const [refused] = JSON.parse(again.out) as { ok: boolean; error: { code: string; message: string } }[];
    expect(refused!.ok).toBe(false);
    expect(refused!.error.code).toBe('DUPLICATE');
    expect(refused!.error.message).toContain(`Already in the library: "${stored!.headline}" (${stored!.id}), stored 20`);
    const b = join(files, 'forwarded.txt');
    writeFileSync(b, readFileSync(a, 'utf8').replace(/\. /gu, '.  ').replace(/\n/gu, ' \n'));
    const dry = await cli(['import', 'release', b, '--dry-run', '--library', lib]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`Already in the library: "${stored!.headline}" (${stored!.id})`);
    const human = await cli(['import', 'release', b, '--library', lib]);
    expect(human.code).toBe(1);
    expect(human.out).toContain('forwarded.txt: error DUPLICATE: Already in the library');
    expect(human.err).toContain('the release was already in the library and skipped (--allow-duplicate stores it anyway); nothing was stored.');
    expect(await count(lib, 'release.list')).toBe(1);

    const forced = await cli(['import', 'release', b, '--allow-duplicate', '--library', lib]);
    expect(forced.code).toBe(0);
    expect(await count(lib, 'release.list')).toBe(2);
  });

  it('reports a file it cannot read, still imports the others, and exits 1', async () => {
    const lib = tempDir();
    const files = tempDir();
    const good = join(files, 'good.txt');
    copyFileSync(join(CORPUS_DIR, '05-en-no-contact.txt'), good);
    const bad = join(files, 'picture.docx');
    writeFileSync(bad, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    const r = await cli(['import', 'release', bad, good, join(files, 'missing.html'), '--dry-run', '--json', '--library', lib]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { file: string; ok: boolean; error?: { code: string; message: string } }[];
    expect(out.map((o) => o.ok)).toEqual([false, true, false]);
    expect(out[0]!.error).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('PNG image') });
    expect(out[2]!.error).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('does not exist') });
    const human = await cli(['import', 'release', bad, good, '--dry-run', '--library', lib]);
    expect(human.code).toBe(1);
    expect(human.out).toContain('picture.docx: error FILE_UNREADABLE');
    expect(human.out).toContain('Headline:     Mobile clinics reach remote villages in Tigray highlands');
    expect(human.err).toMatch(/1 of 2 files could not be imported/);
  });

  it('reads a text file saved in Windows-1252 with its curly apostrophes, dashes and euro sign', async () => {
    const lib = tempDir();
    const file = join(tempDir(), 'mopti.txt');
    // Notepad on a French Windows saves in code page 1252: ’ is 0x92, – is 0x96, € is 0x80.
    const text = [
      'Des pluies privent d’eau potable 8 000 familles à Mopti',
      'MOPTI, 3 novembre 2026 – Les équipes de l’organisation ont distribué des comprimés de purification à 8 000 familles dont les puits ont été inondés.',
      'Chaque kit coûte 12 €, a précisé l’équipe de Mopti.',
      'Contact presse : Éric Dembélé, edembele@example.org',
    ].join('\r\n');
    const bytes = Buffer.from(text, 'latin1');
    for (const [ch, byte] of [['’', 0x92], ['–', 0x96], ['€', 0x80]] as const) {
      for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) bytes[i] = byte;
    }
    writeFileSync(file, bytes);
    const r = await cli(['import', 'release', file, '--dry-run', '--json', '--library', lib]);
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.out) as { release: { headline: string; datelinePlace: string; releaseDate: string; body: string[] } }[];
    expect(out!.release.headline).toBe('Des pluies privent d’eau potable 8 000 familles à Mopti');
    expect(out!.release).toMatchObject({ datelinePlace: 'Mopti', releaseDate: '2026-11-03' });
    expect(out!.release.body[0]).toMatch(/^Les équipes de l’organisation ont distribué/);
    expect(out!.release.body[1]).toBe('Chaque kit coûte 12 €, a précisé l’équipe de Mopti.');
  });

  it('says in its own words why a file with no headline was not stored, and what to do', async () => {
    const lib = tempDir();
    const file = join(tempDir(), 'note.txt');
    // A release's first paragraph alone: a dateline and a quote, so the page is read, but no headline.
    writeFileSync(file, 'GENEVA, 3 November 2026 – The organisation distributed water kits to 8,000 families on Tuesday, its office said. "We will go on," said Ana Ruiz.\n');
    const r = await cli(['import', 'release', file, '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${file}: error INVALID_INPUT: no headline was found in it, so it was not stored. Put the headline on the file's first line, or open the file on the Import screen and write the headline there.\n\n`,
    );
    expect(await count(lib, 'release.list')).toBe(0);
    expect(await count(lib, 'attachment.list')).toBe(0);
    // --dry-run reads it and says the same, as a note, without failing.
    const dry = await cli(['import', 'release', file, '--dry-run', '--library', lib]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Note:         No headline was found; write one before storing.');
  });

  it('refuses a release laid out like a list of stories, says --allow-not-a-release, and stores it with that flag', async () => {
    const lib = tempDir();
    const files = tempDir();
    const roundup = join(files, 'winter-appeal.txt');
    writeFileSync(roundup, ROUNDUP);
    const refused = await cli(['import', 'release', roundup, '--library', lib]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('winter-appeal.txt: error NOT_A_RELEASE: This page holds no single release');
    expect(refused.err).toContain('error NOT_A_RELEASE: the file could not be imported; it was refused as no single release (--allow-not-a-release reads it as a release anyway); nothing was stored.');
    expect(await count(lib, 'release.list')).toBe(0);

    const dry = await cli(['import', 'release', roundup, '--allow-not-a-release', '--dry-run', '--json', '--library', lib]);
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.out) as { release: { headline: string } }[])[0]!.release.headline).toBe('What the winter appeal paid for in the valley');
    const stored = await cli(['import', 'release', roundup, '--allow-not-a-release', '--library', lib]);
    expect(stored.code).toBe(0);
    expect(stored.out).toMatch(/winter-appeal\.txt: stored as \S+/u);
    expect(await count(lib, 'release.list')).toBe(1);

    // The flag lets a page through as a release; it does not make a picture text.
    const picture = join(files, 'picture.txt');
    writeFileSync(picture, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 1)]));
    const still = await cli(['import', 'release', picture, '--allow-not-a-release', '--library', lib]);
    expect(still.code).toBe(1);
    expect(still.out).toContain('picture.txt: error FILE_UNREADABLE');
    expect((await cli(['--help'])).out).toContain('--allow-not-a-release');
  });

  it('says how to use it when the command line is wrong (exit 2)', async () => {
    const lib = tempDir();
    expect((await cli(['import', '--library', lib])).code).toBe(2);
    const noFiles = await cli(['import', 'release', '--library', lib]);
    expect(noFiles.code).toBe(2);
    expect(noFiles.err).toContain('import release needs at least one FILE');
    expect((await cli(['import', 'contacts', 'x.csv', '--library', lib])).err).toContain('unknown import command "contacts"');
    expect((await cli(['--help'])).out).toContain('import release FILE...');
  });
});

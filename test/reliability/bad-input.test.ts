import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { cli } from '../cli/run';
import { fixture } from '../contacts/helpers';
import { tempDir } from '../helpers';
import { libraryState } from '../sync/library-state';
import { buildChild } from './child-build';
import { runCli } from './processes';

// Every bad input the open issues name, given to the dateline command as a person would, in a
// process whose JavaScript heap is capped: each is refused with a message naming the file (and the
// row, line or field), within the cap, and the library's documents, changes feed and stored files
// are the same after as before.

/** The heap a command gets here: far below any of the large files below, so one read whole fails. */
const HEAP_MB = 64;

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

/** Files under the library's folder, apart from the database itself and its scratch folder, with their sizes. */
function storedFiles(lib: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(lib, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(lib, join(entry.parentPath, entry.name));
    if (/^(tmp|backups)\//.test(path) || /\.sqlite(-wal|-shm)?$|\.lock$/.test(path)) continue;
    out[path] = statSync(join(lib, path)).size;
  }
  return out;
}

/** What a person could see of a library: every document's winner and leaves, the changes feed's end, its files. */
async function snapshot(lib: string): Promise<unknown> {
  const core = await openCore(lib, { author: 'test' });
  try {
    return { docs: libraryState(core), lastSeq: core.library.replication.lastSeq(), files: storedFiles(lib) };
  } finally {
    core.close();
  }
}

/** A library holding a release and contacts, so that "nothing stored" has something to compare with. */
async function seededLibrary(): Promise<string> {
  const lib = tempDir('dateline-badinput-lib-');
  const release = join(tempDir('dateline-badinput-'), 'release.json');
  writeFileSync(release, JSON.stringify({ headline: 'Kasese opens water points', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: 'The office opened four water points.' }));
  for (const args of [
    ['release', 'create', '--from', release],
    ['contacts', 'import', fixture('outlook-fr-1252.csv')],
  ]) {
    const r = await cli([...args, '--library', lib]);
    expect(r.err).toBe('');
  }
  return lib;
}

/** Runs the command in the capped child and checks that it refused, and stored nothing. */
async function refused(lib: string, args: string[]): Promise<string> {
  const before = await snapshot(lib);
  const r = await runCli(child.script, [...args, '--library', lib], { heapMb: HEAP_MB });
  expect(r.err).not.toMatch(/heap out of memory|Unexpected error|at .*\.js:\d+/);
  expect(r.code).toBe(1);
  expect(await snapshot(lib)).toEqual(before);
  return r.err.trim();
}

describe('contacts files the import refuses (#13), through `dateline contacts import`', () => {
  it('an empty file, a photo named .csv, a 2 GB CSV, a row of 10,000 columns and mixed encodings: each named, in bounded memory, nothing stored', async () => {
    const lib = await seededLibrary();
    const dir = tempDir('dateline-badinput-');
    const file = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const empty = file('empty.csv', '');
    expect(await refused(lib, ['contacts', 'import', empty])).toContain(`${empty} is empty`);
    const png = file('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xc3, 0xa9, 0x08, 0xfe, 0xd2]));
    expect(await refused(lib, ['contacts', 'import', png])).toContain(`${png} is not a text file`);
    // Sparse: 2 GB that take no disk.
    const huge = file('huge.csv', 'Name,E-mail (work)\n');
    truncateSync(huge, 2 * 1024 ** 3);
    expect(await refused(lib, ['contacts', 'import', huge])).toMatch(/huge\.csv is 2048(\.0)? MB; the largest file the library accepts is 1024(\.0)? MB/);
    const wide = file('wide.csv', `Name,E-mail (work)\n${'x,'.repeat(10_000)}x\n`);
    expect(await refused(lib, ['contacts', 'import', wide])).toContain('Row 2 has more than 1,000 columns');
    // UTF-8 for its first megabyte and more, then a Windows-1252 "é": caught as it is read, by its line.
    const mixed = file('mixed.csv', Buffer.concat([Buffer.from(`Name,E-mail (work)\n${`Zoë Ba,zoe${'é'.repeat(500)}@x.example\n`.repeat(1100)}`, 'utf8'), Buffer.from([0x52, 0xe9, 0x2c, 0x78, 0x0a])]));
    expect(await refused(lib, ['contacts', 'import', mixed])).toMatch(/line 1102 holds bytes that are not/);
    const emptyCard = file('empty.vcf', '');
    expect(await refused(lib, ['contacts', 'import', emptyCard])).toContain(`${emptyCard} is empty`);
  }, 120_000);

  it('a vCard with a 50 MB photo: the card is stored without it, within the same heap', async () => {
    const lib = await seededLibrary();
    const path = join(tempDir('dateline-badinput-'), 'big-photo.vcf');
    const folded = `${'QUFB'.repeat(19)}\r\n `.repeat(Math.ceil((50 * 1024 * 1024) / 76));
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}QUFB\r\nEMAIL:big@photo.example\r\nEND:VCARD\r\n`);
    const before = storedFiles(lib);
    const r = await runCli(child.script, ['contacts', 'import', path, '--library', lib], { heapMb: HEAP_MB });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('the photo is larger than 2 MB; left out');
    expect((await cli(['contacts', 'list', '--library', lib])).out).toContain('Big Photo');
    // No attachment was kept for the photo left out.
    expect(storedFiles(lib)).toEqual(before);
  }, 120_000);
});

/** A ZIP holding one entry, as yazl writes it: a ZIP that is not a Word document. */
async function zipOf(name: string, text: string): Promise<Buffer> {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('release files the importer refuses (#8), through `dateline import release`', () => {
  it('an empty file, blank lines, a huge file, a binary file, a DOCX that is not one and a page with no release: each named, nothing stored', async () => {
    const lib = await seededLibrary();
    const dir = tempDir('dateline-badinput-');
    const file = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const teaser = 'Teams reached families in the district this week with water, food and shelter, and are now assessing the needs of the villages further up the valley.';
    const cases: [string, RegExp][] = [
      [file('empty.txt', ''), /empty\.txt: error EMPTY_FILE/],
      [file('blank.txt', '\n\n   \n\t\n'), /blank\.txt: error \w+/],
      [file('photo.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)])), /photo\.txt: error \w+/],
      [file('photo.docx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])), /photo\.docx: error FILE_UNREADABLE.*PNG image/],
      [file('notes.docx', await zipOf('notes.txt', 'Not a Word document.')), /notes\.docx: error \w+/],
      [file('index.txt', ['News releases', ...['Floods cut off three districts as rivers rise', 'Clinics reopen in the north after two years', 'A survey maps the households most at risk', 'Volunteers train to answer the cholera hotline'].flatMap((t) => [t, teaser])].join('\n\n')), /index\.txt: error NOT_A_RELEASE/],
    ];
    // Sparse: 2 GB that take no disk, refused by its size before it is read.
    const huge = file('huge.html', '<html><body><h1>Title</h1>');
    truncateSync(huge, 2 * 1024 ** 3);
    cases.push([huge, /huge\.html: error FILE_TOO_LARGE/]);
    for (const [path, said] of cases) {
      const before = await snapshot(lib);
      const r = await runCli(child.script, ['import', 'release', path, '--library', lib], { heapMb: HEAP_MB });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(said);
      expect(await snapshot(lib)).toEqual(before);
    }
  }, 240_000);
});

/** A sync file of `lib`, as `dateline sync export` writes it, and its lines. */
async function syncFileOf(lib: string): Promise<{ path: string; lines: string[] }> {
  const path = join(tempDir('dateline-badinput-'), 'office.dateline-sync');
  expect((await cli(['sync', 'export', '--out', path, '--library', lib])).code).toBe(0);
  return { path, lines: gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n') };
}

describe('sync files the import refuses (#14, #12), through `dateline sync import`', () => {
  it('cut short, damaged, newer, a broken line after good ones, a revision path that does not fit, and one endless line', async () => {
    const from = await seededLibrary();
    const lib = await seededLibrary();
    const { path, lines } = await syncFileOf(from);
    const whole = readFileSync(path);
    const dir = tempDir('dateline-badinput-');
    const file = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const docAt = lines.findIndex((l) => l.startsWith('{"doc"'));
    expect(docAt).toBeGreaterThan(0);
    const withLine = (at: number, line: string) => gzipSync([...lines.slice(0, at), line, ...lines.slice(at + 1)].join('\n') + '\n');
    const doc = JSON.parse(lines[docAt]!) as { doc: { _rev: string; _revisions: { start: number; ids: string[] } } };
    const unfit = { doc: { ...doc.doc, _revisions: { start: doc.doc._revisions.start + 1, ids: doc.doc._revisions.ids } } };
    const flipped = Buffer.from(whole);
    // Past the bytes that hold the header line, whatever the file's size.
    expect(whole.length).toBeGreaterThan(400);
    flipped[Math.max(300, Math.floor(flipped.length / 2))]! ^= 0xff;
    const cases: [string, RegExp][] = [
      [file('cut.dateline-sync', whole.subarray(0, Math.floor(whole.length / 2))), /cut\.dateline-sync was cut short/],
      // Where the flipped byte falls in the gzip decides whether a line or the file's checksum catches it: never "not a sync file".
      [file('flipped.dateline-sync', flipped), /flipped\.dateline-sync(, line \d+:| was cut short or damaged)/],
      [file('newer.dateline-sync', gzipSync(`${JSON.stringify({ dateline: 'dateline-sync-file', version: 9, library: 'x', peer: null, createdAt: '2027-01-01T00:00:00.000Z' })}\n`)), /newer\.dateline-sync, line 1: this sync file was written by a newer version of Dateline/],
      [file('broken-line.dateline-sync', withLine(lines.length - 2, '{"doc":{"_id":"rel-')), /broken-line\.dateline-sync, line \d+: not a line of a sync file/],
      [file('unfit.dateline-sync', withLine(docAt, JSON.stringify(unfit))), new RegExp(`unfit\\.dateline-sync, line ${docAt + 1}: a document that cannot be stored \\(doc: _revisions does not end in _rev\\)`)],
      // 200 MB of one line, gzipped to a few hundred KB: a line is never gathered whole without a limit.
      [file('endless.dateline-sync', gzipSync(Buffer.concat([Buffer.from(`${lines[0]}\n{"doc":"`), Buffer.alloc(200 * 1024 * 1024, 0x61)]))), /endless\.dateline-sync, line 2: a line runs past 64 MB, longer than any line a sync file holds/],
    ];
    for (const [at, said] of cases) {
      const err = await refused(lib, ['sync', 'import', at]);
      expect(err).toMatch(said);
      expect(err).toContain('nothing was imported');
    }
  }, 300_000);
});

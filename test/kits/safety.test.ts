import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { stripJpegLocation, stripPngLocation } from '../../electron/core/kits/metadata';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { Core } from '../../electron/core/index';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { safeFileName } from '../../electron/shared/file-names';
import { bundleDocumentNames, EntryNamer, isUnsafeEntryPath, kitBaseName, MAX_ENTRY_NAME } from '../../electron/shared/kits/layout';
import { tempDir } from '../helpers';
import { addPhoto, body, call, dispose, job, jobError, openLibrary, photo } from './fixtures';
import { readZip } from './zipread';

/** Hostile names, photos that give away where they were taken, and exports that must fail cleanly. */

const libraries: Core[] = [];
afterAll(async () => {
  await closePdfPrinter();
  for (const c of libraries) dispose(c);
});

async function library(): Promise<Core> {
  const c = await openLibrary();
  libraries.push(c);
  return c;
}

const outDir = () => tempDir('dateline-kit-out-');

/** The tags of a JPEG's Exif IFD0, read by hand so the test does not trust the code it checks. */
function exifTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const at = exif.indexOf('Exif\0\0', 0, 'latin1');
  const tiff = exif.subarray(at >= 0 ? at + 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}

const GPS_IFD = 0x8825;

async function photoWithLocation(): Promise<Buffer> {
  return sharp(await photo(800, 600, 3))
    .withExif({
      IFD0: { Artist: 'J. Mukasa', Copyright: 'Free for editorial use', Make: 'PhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 5/1 0/1' },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Kasese"/></rdf:RDF></x:xmpmeta>')
    .jpeg({ quality: 90 })
    .toBuffer();
}

describe('safe names', () => {
  it('makes hostile names harmless', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('/absolute/photo.jpg', { mediaType: 'image/jpeg' })).toBe('photo.jpg');
    expect(safeFileName('C:\\Windows\\system32\\photo.jpg', { mediaType: 'image/jpeg' })).toBe('photo.jpg');
    expect(safeFileName('CON.jpg', { mediaType: 'image/jpeg' })).toBe('_CON.jpg');
    expect(safeFileName('nul')).toBe('_nul');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName('photo\u202Egpj.exe', { mediaType: 'image/jpeg' })).toBe('photogpj_exe.jpg');
    expect(safeFileName('report.pdf ...')).toBe('report.pdf');
    expect(safeFileName('a:b*c?"<>|.jpg', { mediaType: 'image/jpeg' })).toBe('a_b_c_____.jpg');
    expect(safeFileName('...')).toBe('file');
    const long = safeFileName(`${'ب'.repeat(300)}.jpg`, { mediaType: 'image/jpeg', max: MAX_ENTRY_NAME });
    expect([...long].length).toBe(MAX_ENTRY_NAME);
    expect(long.endsWith('.jpg')).toBe(true);
  });

  it('gives unique names, ignoring case', () => {
    const n = new EntryNamer();
    n.reserve('kit.pdf');
    expect([n.take('Photo.jpg', 'image/jpeg'), n.take('photo.JPG', 'image/jpeg'), n.take('PHOTO.jpg', 'image/jpeg'), n.take('kit.pdf', null)]).toEqual([
      'Photo.jpg',
      'photo (2).jpg',
      'PHOTO (3).jpg',
      'kit (2).pdf',
    ]);
  });

  it('names the documents in a ZIP after the kit, made safe, keeping the embargo whatever the title\'s length', () => {
    expect(bundleDocumentNames('Kasese water kit', null)).toEqual({ docx: 'Kasese water kit.docx', pdf: 'Kasese water kit.pdf' });
    expect(bundleDocumentNames('CON', null).docx).toBe('_CON.docx');
    expect(bundleDocumentNames('Kit\u202Excod.exe', null).pdf).toBe('Kitxcod.exe.pdf');
    expect(bundleDocumentNames('...', null).pdf).toBe('press-kit.pdf');
    // A slash is part of a title, not a folder: the words before it stay in the name, and it and
    // a colon are written as a person would in a file's name, not as "_".
    expect(bundleDocumentNames('Eau — Goma & Zaatari / المياه', null).pdf).toBe('Eau — Goma & Zaatari - المياه.pdf');
    expect(kitBaseName('Goma 24/7: test')).toBe('Goma 24-7 - test');
    expect(kitBaseName('Dossier de presse : sécheresse au Sahel')).toBe('Dossier de presse - sécheresse au Sahel');
    expect(kitBaseName('ملف صحفي: الجفاف في الساحل')).toBe('ملف صحفي - الجفاف في الساحل');
    expect(kitBaseName('../../etc/passwd')).toBe('etc-passwd');
    expect(isUnsafeEntryPath(bundleDocumentNames('..\\..\\x', null).docx)).toBe(false);
    const long = bundleDocumentNames('ملف صحفي '.repeat(40), '2099-12-03T10:00:00Z');
    for (const name of [long.docx, long.pdf]) {
      expect(isUnsafeEntryPath(name), name).toBe(false);
      expect([...name].length).toBeLessThanOrEqual(MAX_ENTRY_NAME);
      expect(name.startsWith('ملف صحفي')).toBe(true);
    }
    expect(long.docx.endsWith(' (EMBARGOED until 2099-12-03 1000 UTC).docx')).toBe(true);
  });

  it('knows an unsafe entry path when it sees one', () => {
    for (const bad of ['../x', '/x', 'C:/x', 'a/../b', 'photos/CON.jpg', `photos/${'a'.repeat(121)}`, 'a\u202Eb']) expect(isUnsafeEntryPath(bad), bad).toBe(true);
    expect(isUnsafeEntryPath('photos/borehole (2).jpg')).toBe(false);
  });
});

describe('location metadata', () => {
  it('removes GPS, XMP and maker fields from a JPEG and keeps its compressed pixels byte for byte', async () => {
    const original = await photoWithLocation();
    const before = await sharp(original).metadata();
    expect(exifTags(before.exif)).toContain(GPS_IFD);
    expect(before.xmp).toBeDefined();
    const clean = stripJpegLocation(original);
    const after = await sharp(clean).metadata();
    expect(exifTags(after.exif)).not.toContain(GPS_IFD);
    expect(exifTags(after.exif)).toEqual(expect.arrayContaining([0x013b, 0x8298])); // artist and copyright stay
    expect(exifTags(after.exif).filter((t) => ![0x0112, 0x013b, 0x8298].includes(t))).toEqual([]); // and nothing else but the orientation
    expect(after.xmp).toBeUndefined();
    expect(clean.includes(Buffer.from('Kasese'))).toBe(false);
    expect(clean.includes(Buffer.from('PhoneMaker'))).toBe(false);
    // The entropy-coded data is the same bytes, so the decoded pixels are identical.
    const a = await sharp(original).raw().toBuffer();
    const b = await sharp(clean).raw().toBuffer();
    expect(b.equals(a)).toBe(true);
    const sos = original.indexOf(Buffer.from([0xff, 0xda]));
    expect(clean.includes(original.subarray(sos, original.length))).toBe(true);
  });

  it('drops what a phone appends after the image, and text chunks from a PNG', async () => {
    const jpeg = Buffer.concat([await photo(64, 48), Buffer.from('trailing depth map with GPS 0.1833N')]);
    expect(stripJpegLocation(jpeg).includes(Buffer.from('GPS'))).toBe(false);
    const png = await sharp(await photo(64, 48)).withMetadata({ exif: { IFD0: { ImageDescription: 'Camp Kasese' } } }).png().toBuffer();
    const cleanPng = stripPngLocation(png);
    expect(cleanPng.includes(Buffer.from('Kasese'))).toBe(false);
    expect((await sharp(cleanPng).raw().toBuffer()).equals(await sharp(png).raw().toBuffer())).toBe(true);
  });

  it('refuses a file that is not a JPEG with a clear error', () => {
    expect(() => stripJpegLocation(Buffer.from('not a jpeg at all'), 'The photo "x.jpg"')).toThrow(/The photo "x.jpg" is damaged/);
  });
});

describe('a bundle made of hostile attachments', () => {
  it('names every entry safely and uniquely, and strips location from the zipped photos', async () => {
    const c = await library();
    const hostile = ['../../evil.jpg', '/etc/passwd.jpg', 'CON.jpg', 'photo\u202Egpj.exe', `${'x'.repeat(300)}.jpg`, 'dup.jpg', 'DUP.jpg', 'C:\\Users\\dup.jpg'];
    const ids: string[] = [];
    for (let i = 0; i < hostile.length; i++) {
      // Different bytes each time, so the library keeps them as different attachments.
      ids.push(await addPhoto(c, hostile[i]!, i === 0 ? await photoWithLocation() : await photo(320, 240, i + 10), { caption: i === 0 ? '=HYPERLINK("http://evil")' : null }));
    }
    const kit = await call<{ id: string }>(c, 'kit.create', { title: '../../Kit: "hostile" names', items: ids.map((id) => ({ kind: 'attachment', id })) });
    const out = outDir();
    const r = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['zip'], outDir: out });
    expect(readdirSync(out)).toEqual(['Kit - \'hostile\' names.zip']);
    const entries = await readZip(r.files[0]!.path);
    const names = [...entries.keys()];
    expect(names).toContain('Kit - \'hostile\' names.docx');
    expect(names).toContain('Kit - \'hostile\' names.pdf');
    for (const n of names) {
      expect(isUnsafeEntryPath(n), n).toBe(false);
      expect(n).not.toMatch(/\u202E|\.\.|^\/|\\/);
      expect([...n.split('/').pop()!].length).toBeLessThanOrEqual(120);
    }
    const photos = names.filter((n) => n.startsWith('photos/'));
    expect(photos).toHaveLength(hostile.length);
    expect(new Set(photos.map((p) => p.toLowerCase())).size).toBe(hostile.length);
    expect(photos).toContain('photos/evil.jpg');
    expect(photos).toContain('photos/_CON.jpg');
    expect(photos).toContain('photos/photogpj_exe.jpg');
    expect(photos.filter((p) => /^photos\/dup( \(\d\))?\.jpg$/i.test(p))).toHaveLength(3);
    const zipped = entries.get('photos/evil.jpg')!;
    expect(exifTags((await sharp(zipped).metadata()).exif)).not.toContain(GPS_IFD);
    expect((await sharp(zipped).raw().toBuffer()).equals(await sharp(await photoWithLocation()).raw().toBuffer())).toBe(true);
    expect(entries.get('captions.csv')!.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil"")"`);
  }, 90_000);
});

describe('exports that cannot be made', () => {
  it('refuses an empty kit, saying what to do, and writes nothing', async () => {
    const c = await library();
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Empty kit' });
    const out = outDir();
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: out });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/"Empty kit" has no items yet/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names the attachment whose file is missing, and leaves no file behind', async () => {
    const c = await library();
    const id = await addPhoto(c, 'missing.jpg', await photo(200, 150, 7));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kit', items: [{ kind: 'section', sectionKind: 'text', title: 'Intro', body: body(['Hello.']) }, { kind: 'attachment', id }] });
    const doc = await call<{ sha256: string }>(c, 'attachment.get', { id });
    rmSync(c.ctx.blobs.path(doc.sha256));
    const out = outDir();
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'zip', 'lite'], outDir: out });
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('"missing.jpg"');
    expect(e.message).toContain(id);
    expect(e.message).toMatch(/missing from the library folder/);
    expect(readdirSync(out)).toEqual([]);
    // The app says it in the person's words: an export that wrote nothing (not "nothing was stored", an import's words).
    const said = (lng: string) => errorText(setUpI18n(lng).t, e);
    expect(said('en')).toBe(
      'The file of “missing.jpg” (item 2 of the kit) is missing from the library folder, so nothing was exported. Take it out of the kit, or restore the library from a backup.',
    );
    for (const lng of ['fr', 'es', 'ar']) {
      expect(said(lng), lng).toContain('missing.jpg');
      expect(said(lng), lng).not.toMatch(/stored|enregistré|guardó|يُحفظ|library folder/);
    }
  });

  it('names an office logo whose file is missing, in the words of the app', async () => {
    const c = await library();
    const logo = await addPhoto(c, 'office-logo.png', await sharp({ create: { width: 120, height: 40, channels: 3, background: '#0b4f6c' } }).png().toBuffer());
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Amman', logo });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kit', office: office.id, items: [{ kind: 'section', sectionKind: 'text', title: 'Intro', body: body(['Hello.']) }] });
    rmSync(c.ctx.blobs.path((await call<{ sha256: string }>(c, 'attachment.get', { id: logo })).sha256));
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['pdf'], outDir: outDir() });
    expect(e.code).toBe('FILE_UNREADABLE');
    // The core's own words (the CLI prints them) send the person to the office's settings too.
    expect(e.message).toMatch(/^The file of "office-logo\.png" \(att-\S+, the logo of office "Amman"\) is missing from the library folder \(files\/\S+\)\. Nothing was exported\. Choose another logo for the office "Amman" in Settings → Offices, or restore the library from a backup\.$/);
    expect(errorText(setUpI18n('en').t, e)).toBe(
      'The logo of the office “Amman” (office-logo.png) is missing from the library folder, so nothing was exported. Choose another logo for the office in Settings → Offices, or restore the library from a backup.',
    );
    expect(errorText(setUpI18n('ar').t, e)).toContain('Amman');
    for (const lng of ['fr', 'es', 'ar']) {
      const { t } = setUpI18n(lng);
      expect(errorText(t, e), lng).toContain(t('settings.offices'));
    }
  });

  it('refuses a kit far too long to read, and a relative output folder', async () => {
    const c = await library();
    const paragraphs = Array.from({ length: 20_500 }, (_, i) => `Paragraph ${i + 1}.`);
    const rel = await call<{ id: string }>(c, 'release.create', { headline: 'Very long', body: body(paragraphs) });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Long kit', items: [{ kind: 'release', id: rel.id }] });
    const out = outDir();
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/20,5\d\d paragraphs; a kit exports at most 20,000/);
    expect(readdirSync(out)).toEqual([]);
    // Refused with the call itself, as every path a method takes (electron/shared/methods.ts).
    const e2 = await c.dispatch('kit.export', { id: kit.id, formats: ['docx'], outDir: 'relative/folder' }, { transport: 'test' });
    expect(e2.ok ? null : e2.error.message).toMatch(/outDir: not an absolute path/);
  });

  it('writes a Word document that opens when a release holds characters XML cannot carry', async () => {
    const c = await library();
    // U+FFFE and U+FFFF are not characters at all; pasted from a broken file, they made document.xml unreadable.
    const rel = await call<{ id: string }>(c, 'release.create', { headline: 'Water \uFFFF reaches Kasese', body: body(['Twelve \uFFFE boreholes\u0001 done.']) });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kit \uFFFE', items: [{ kind: 'release', id: rel.id }] });
    const r = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: outDir() });
    const docx = await readZip(r.files[0]!.path);
    for (const [name, bytes] of docx) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      // XML 1.0's Char production: tab, newline, carriage return, and U+0020 on, less the surrogates and U+FFFE/U+FFFF.
      // eslint-disable-next-line no-control-regex
      expect(bytes.toString('utf8'), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    expect(docx.get('word/document.xml')!.toString('utf8')).toContain('Twelve  boreholes done.');
  });

  it('exports a release of 5,000 paragraphs completely', async () => {
    const c = await library();
    const paragraphs = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i + 1} of the situation report from Kasese district.`);
    const rel = await call<{ id: string }>(c, 'release.create', { headline: 'Situation report', body: body(paragraphs) });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Long kit', items: [{ kind: 'release', id: rel.id }] });
    const out = outDir();
    const r = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: out });
    const docx = await readZip(r.files[0]!.path);
    expect(docx.get('word/document.xml')!.toString('utf8')).toContain('Paragraph 5000 of the situation report');
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', [r.files[1]!.path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(text).toContain('Paragraph 5000 of the situation report');
  }, 120_000);

  it('prints a 40-megapixel photo at print size and bundles the original', async () => {
    const c = await library();
    const big = await photo(7744, 5184, 5, 70);
    const id = await addPhoto(c, 'big.jpg', big);
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Big photo', items: [{ kind: 'attachment', id }] });
    const out = outDir();
    const r = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['docx', 'zip'], outDir: out });
    const docx = await readZip(r.files[0]!.path);
    const media = [...docx.keys()].find((k) => k.startsWith('word/media/'))!;
    const m = await sharp(docx.get(media)!).metadata();
    expect(Math.max(m.width, m.height)).toBe(1600);
    const zipped = await readZip(r.files[1]!.path);
    const orig = await sharp(zipped.get('photos/big.jpg')!).metadata();
    expect([orig.width, orig.height]).toEqual([7744, 5184]);
  }, 120_000);

  it('refuses a photo over 100 megapixels with a clear message', async () => {
    const c = await library();
    // A tiny file that claims 12,000 x 9,000 pixels: what a decompression bomb looks like.
    const huge = await sharp({ create: { width: 12000, height: 9000, channels: 3, background: '#777' } }).jpeg({ quality: 10 }).toBuffer();
    const id = await addPhoto(c, 'huge.jpg', huge);
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Huge', items: [{ kind: 'attachment', id }] });
    const out = outDir();
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['pdf'], outDir: out });
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/"huge.jpg".*108 megapixels \(12000 × 9000\).*at most 100 megapixels/);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('a cancelled export leaves nothing in the folder', async () => {
    const c = await library();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await addPhoto(c, `p${i}.jpg`, await photo(3000, 2000, 20 + i, 92)));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'To cancel', items: ids.map((id) => ({ kind: 'attachment', id })) });
    const out = outDir();
    const { jobId } = await call<{ jobId: string }>(c, 'kit.export', { id: kit.id, formats: ['docx', 'pdf', 'zip', 'lite'], outDir: out });
    await new Promise<void>((resolve) => {
      const off = c.jobs.on((e) => {
        if (e.type === 'job.progress' && e.job.id === jobId && e.job.done >= 1) {
          off();
          resolve();
        }
      });
    });
    await call(c, 'job.cancel', { id: jobId });
    await expect(c.jobs.wait(jobId)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(c.jobs.get(jobId).state).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('a destination that is a file gets a clear error', async () => {
    const c = await library();
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kit', items: [{ kind: 'section', sectionKind: 'text', title: 'A', body: body(['x']) }] });
    const dir = outDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const e = await jobError(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: file });
    expect(e.message).toMatch(/is a file, not a folder/);
    mkdirSync(join(dir, 'new', 'nested'), { recursive: true });
    expect(existsSync(join(dir, 'new', 'nested'))).toBe(true);
  });
});

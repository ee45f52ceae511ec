import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachmentHandlers } from '../../electron/core/attachments/handlers';
import { BlobStore } from '../../electron/core/attachments/blobs';
import { readFileForAttach } from '../../electron/core/attachments/files';
import { sniffMediaType, thumbnailPath } from '../../electron/core/attachments/images';
import { safeFileName } from '../../electron/shared/file-names';
import type { CoreContext } from '../../electron/core/context';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { JobManager } from '../../electron/core/jobs';
import { Library } from '../../electron/core/store/library';
import { API, type AttachmentAdded, type AttachmentSummary, type InputOf, type Page, type Saved } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { closedAfterTest } from '../core-harness';
import { expectError, tempDir } from '../helpers';

/** A core context over a real library folder, as openCore builds it, with a clock that ticks 1 s per read. */
async function makeCtx(attachmentLimit = 2 * 1024 * 1024): Promise<CoreContext> {
  const dir = tempDir();
  let t = Date.parse('2026-11-30T08:00:00Z');
  const clock = () => new Date((t += 1000));
  let library = await Library.open(dir, { author: 'test', clock });
  closedAfterTest(library);
  return {
    get library() {
      return library;
    },
    blobs: new BlobStore(dir),
    jobs: new JobManager(),
    dir,
    attachmentLimit,
    async withLibraryClosed(work) {
      library.close();
      try {
        return await work(dir);
      } finally {
        library = await Library.open(dir, { author: 'test', clock });
        closedAfterTest(library);
      }
    },
  };
}

const h = attachmentHandlers;

/** Releases with the given ids, for attachments to link to. */
function withReleases(ctx: CoreContext, ...ids: string[]): void {
  for (const id of ids) {
    ctx.library.docs.create('release', { headline: `Release ${id}`, language: 'en', status: 'draft', body: { type: 'doc', content: [] } }, { author: 'test' }, id);
  }
}

function addInput(bytes: Uint8Array, name: string, over: Partial<InputOf<'attachment.add'>> = {}) {
  return API['attachment.add'].input.parse({ name, data: Buffer.from(bytes).toString('base64'), ...over });
}

function add(ctx: CoreContext, bytes: Uint8Array, name: string, over: Partial<InputOf<'attachment.add'>> = {}): Promise<AttachmentAdded> {
  return h['attachment.add'](addInput(bytes, name, over), ctx, null) as Promise<AttachmentAdded>;
}

/** Every file under a folder, relative to it, with "/" separators. */
function walk(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(root, p));
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

function photo(width: number, height: number, colour = { r: 200, g: 40, b: 40 }) {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

const png = (w = 40, h = 30, colour?: { r: number; g: number; b: number }) => photo(w, h, colour).png().toBuffer();

function countAttachments(ctx: CoreContext): number {
  return (ctx.library.db.prepare("SELECT count(*) AS n FROM docs WHERE type = 'attachment' AND deleted = 0").get() as { n: number }).n;
}

/** A ZIP with stored (uncompressed) entries: enough for the sniffer, which reads only the directory. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

describe('file names', () => {
  it('keeps only the last part of a path, whichever the separator', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\amina\\Desktop\\flood map.pdf')).toBe('flood map.pdf');
    expect(safeFileName('/var/tmp/..\\..\\boreholes.jpg')).toBe('boreholes.jpg');
  });

  it('removes control and bidi characters, so "gpj.exe" cannot pose as a photo', () => {
    expect(safeFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(safeFileName('a\u2066b\u2069c\u200e\u200fd\u202ae.txt')).toBe('abcde.txt');
    expect(safeFileName('line\nbreak\t\u0000.txt')).toBe('linebreak.txt');
    expect(safeFileName('  Kasese – rapport final.docx  ')).toBe('Kasese – rapport final.docx');
    expect(safeFileName('بيان صحفي.pdf')).toBe('بيان صحفي.pdf');
  });

  it('gives "file" when nothing usable is left', () => {
    for (const name of ['', '   ', '..', '.', 'folder/', '\u202E\u202E', '../..']) expect(safeFileName(name)).toBe('file');
  });

  it('cuts a long name to 255 characters and keeps its extension', () => {
    const long = safeFileName(`${'x'.repeat(300)}.jpeg`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('x.jpeg')).toBe(true);
    const emoji = safeFileName(`${'📷'.repeat(300)}.png`);
    expect([...emoji]).toHaveLength(255);
    expect(emoji.endsWith('📷.png')).toBe(true);
    expect(emoji.isWellFormed()).toBe(true);
    const noExt = safeFileName('y'.repeat(400));
    expect(noExt).toBe('y'.repeat(255));
  });
});

describe('media type sniffing', () => {
  it('recognises images by their bytes, whatever they claim to be', async () => {
    expect(sniffMediaType(await png(), 'text/plain')).toBe('image/png');
    expect(sniffMediaType(await photo(8, 8).jpeg().toBuffer(), 'application/pdf')).toBe('image/jpeg');
    expect(sniffMediaType(await photo(8, 8).gif().toBuffer())).toBe('image/gif');
    expect(sniffMediaType(await photo(8, 8).webp().toBuffer())).toBe('image/webp');
    expect(sniffMediaType(await photo(8, 8).tiff().toBuffer())).toBe('image/tiff');
  });

  it('recognises ISO media (HEIC, MP4), PDF and Office files', () => {
    const ftyp = (major: string, ...compat: string[]) => Buffer.from(`\0\0\0${String.fromCharCode(16 + 4 * compat.length)}ftyp${major}\0\0\0\0${compat.join('')}`, 'latin1');
    expect(sniffMediaType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('isom', 'isom', 'mp41'))).toBe('video/mp4');
    expect(sniffMediaType(ftyp('qt  '))).toBe('video/quicktime');
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
    const docx = zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
    expect(sniffMediaType(docx, 'application/octet-stream')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffMediaType(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMediaType(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office/>' }))).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(sniffMediaType(zip({ 'photos/1.jpg': 'x' }))).toBe('application/zip');
  });

  it('keeps a well-formed claimed type the bytes cannot prove, and refuses a claim they disprove', () => {
    const csv = Buffer.from('name;email\nJane;jane@example.org\n');
    expect(sniffMediaType(csv, 'text/csv; charset=utf-8')).toBe('text/csv');
    expect(sniffMediaType(csv, 'image/png')).toBe('application/octet-stream');
    expect(sniffMediaType(csv, 'not a type')).toBe('application/octet-stream');
    expect(sniffMediaType(csv)).toBe('application/octet-stream');
    expect(sniffMediaType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'text/plain')).toBe('image/svg+xml');
  });
});

describe('reading a file to attach', () => {
  it('returns the bytes and a safe name', async () => {
    const dir = tempDir();
    const p = join(dir, 'Rapport\u202Efdp.exe');
    writeFileSync(p, 'hello');
    const f = await readFileForAttach(p, 1024);
    expect(f.name).toBe('Rapportfdp.exe');
    expect(f.bytes.toString()).toBe('hello');
  });

  it('refuses a folder, a missing file, an empty file and one over the limit, with the path and sizes', async () => {
    const dir = tempDir();
    const folder = join(dir, 'photos');
    mkdirSync(folder);
    const e1 = await expectError(readFileForAttach(folder, 1024), 'NOT_A_FILE');
    expect(e1.message).toContain(folder);

    const missing = join(dir, 'nowhere.jpg');
    const e2 = await expectError(readFileForAttach(missing, 1024), 'FILE_UNREADABLE');
    expect(e2.message).toContain(missing);
    expect(e2.message).toMatch(/does not exist/);

    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await expectError(readFileForAttach(empty, 1024), 'EMPTY_FILE');

    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 1));
    const e3 = await expectError(readFileForAttach(big, 2 * 1024 * 1024), 'FILE_TOO_LARGE');
    expect(e3.params).toMatchObject({ size: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 });
    expect(e3.message).toContain('3 MB');
    expect(e3.message).toContain('2 MB');
  });
});

describe('attachment.add', () => {
  it('stores an image by its hash, with its size, sniffed type and a WebP thumbnail of at most 320 px', async () => {
    const ctx = await makeCtx();
    const bytes = await png(1200, 800);
    const r = await add(ctx, bytes, 'boreholes.txt', { mediaType: 'text/plain', fields: { caption: 'Borehole in Kasese', credit: 'A. Okello' } });
    expect(r.deduped).toBe(false);
    expect(r.sha256).toBe(BlobStore.hash(bytes));
    expect(readFileSync(ctx.blobs.path(r.sha256)).equals(bytes)).toBe(true);

    const doc = h['attachment.get']({ id: r.id }, ctx, null) as Doc<'attachment'>;
    expect(doc).toMatchObject({
      id: r.id,
      rev: r.rev,
      type: 'attachment',
      sha256: r.sha256,
      originalName: 'boreholes.txt',
      mediaType: 'image/png',
      size: bytes.length,
      width: 1200,
      height: 800,
      caption: 'Borehole in Kasese',
      credit: 'A. Okello',
      releases: [],
      conflicted: false,
    });

    const thumb = thumbnailPath(ctx.dir, r.sha256);
    expect(thumb).toBe(join(ctx.dir, 'thumbs', `${r.sha256}.webp`));
    const meta = await sharp(readFileSync(thumb)).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([320, 213]);
  });

  it('applies the EXIF orientation to the size and the thumbnail', async () => {
    const ctx = await makeCtx();
    // Stored 600x400 landscape, marked "rotate 90°": shown as 400x600 portrait.
    const bytes = await photo(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const r = await add(ctx, bytes, 'portrait.jpg');
    const doc = h['attachment.get']({ id: r.id }, ctx, null) as Doc<'attachment'>;
    expect([doc.width, doc.height]).toEqual([400, 600]);
    const meta = await sharp(readFileSync(thumbnailPath(ctx.dir, r.sha256))).metadata();
    expect([meta.width, meta.height]).toEqual([213, 320]);
    expect(meta.orientation).toBeUndefined();
  });

  it('stores the same bytes once: one file, one document, deduped, the new release link merged in', async () => {
    const ctx = await makeCtx();
    const bytes = await png(64, 64);
    withReleases(ctx, 'rel-a', 'rel-b');
    const first = await add(ctx, bytes, 'logo.png', { fields: { releases: ['rel-a'] } });
    const second = await add(ctx, bytes, 'logo (copy).png', { fields: { releases: ['rel-b', 'rel-a'] } });
    expect(second).toMatchObject({ id: first.id, sha256: first.sha256, deduped: true });
    expect(second.rev).not.toBe(first.rev);
    expect(second.rev.startsWith('2-')).toBe(true);
    expect(countAttachments(ctx)).toBe(1);
    expect(walk(ctx.blobs.root)).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`]);
    const doc = h['attachment.get']({ id: first.id }, ctx, null) as Doc<'attachment'>;
    expect(doc.releases).toEqual(['rel-a', 'rel-b']);
    expect(doc.originalName).toBe('logo.png');

    // Nothing new to link: no new revision.
    const third = await add(ctx, bytes, 'logo.png', { fields: { releases: ['rel-b'] } });
    expect(third).toMatchObject({ id: first.id, rev: second.rev, deduped: true });
    const linked = h['attachment.list'](API['attachment.list'].input.parse({ release: 'rel-b' }), ctx, null) as Page<AttachmentSummary>;
    expect(linked.items.map((i) => i.id)).toEqual([first.id]);
  });

  it('keeps a corrupt image without a size or thumbnail, and does not crash', async () => {
    const ctx = await makeCtx();
    const good = await png(100, 100);
    const corrupt = Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x5a)]);
    const r = await add(ctx, corrupt, 'broken.png');
    const doc = h['attachment.get']({ id: r.id }, ctx, null) as Doc<'attachment'>;
    expect(doc).toMatchObject({ mediaType: 'image/png', width: null, height: null, size: corrupt.length });
    expect(existsSync(thumbnailPath(ctx.dir, r.sha256))).toBe(false);
    const e = await expectError(h['attachment.content']({ id: r.id, variant: 'thumbnail' }, ctx, null), 'NOT_FOUND');
    expect(e.message).toContain('broken.png');
    const original = (await h['attachment.content']({ id: r.id, variant: 'original' }, ctx, null)) as { data: string };
    expect(Buffer.from(original.data, 'base64').equals(corrupt)).toBe(true);
  });

  it('refuses an empty file and one over the limit, storing nothing', async () => {
    const ctx = await makeCtx(1024 * 1024);
    await expectError(add(ctx, Buffer.alloc(0), 'empty.txt'), 'EMPTY_FILE');
    const e = await expectError(add(ctx, Buffer.alloc(1024 * 1024 + 1, 7), 'video.mp4'), 'FILE_TOO_LARGE');
    expect(e.params).toMatchObject({ size: 1024 * 1024 + 1, limit: 1024 * 1024 });
    expect(e.message).toContain('video.mp4');
    expect(e.message).toMatch(/1 MB/);
    expect(countAttachments(ctx)).toBe(0);
    expect(walk(ctx.blobs.root)).toEqual([]);
    // Exactly at the limit is accepted.
    const ok = await add(ctx, Buffer.alloc(1024 * 1024, 7), 'at-limit.bin');
    expect(ok.deduped).toBe(false);
  });

  it('never lets a hostile name reach the disk, and stores it sanitised', async () => {
    const ctx = await makeCtx();
    const bytes = Buffer.from('root:x:0:0:root:/root:/bin/bash\n');
    const hostile = `../../etc/passwd\u202Egnp.exe`;
    const r = await add(ctx, bytes, hostile, { mediaType: 'text/plain' });
    const doc = h['attachment.get']({ id: r.id }, ctx, null) as Doc<'attachment'>;
    expect(doc.originalName).toBe('passwdgnp.exe');
    expect(doc.mediaType).toBe('text/plain');
    const files = walk(ctx.dir);
    expect(files.filter((f) => /passwd|etc|\u202E/.test(f))).toEqual([]);
    expect(files).toContain(`files/${r.sha256.slice(0, 2)}/${r.sha256}`);
    expect(existsSync(join(ctx.dir, '..', '..', 'etc', 'passwd\u202Egnp.exe'))).toBe(false);
  });

  it('writes no document when the fields are invalid', async () => {
    const ctx = await makeCtx();
    const input = { ...addInput(Buffer.from('fact sheet'), 'facts.txt'), fields: { usageExpires: '2026-02-30' } };
    const e = await expectError(h['attachment.add'](input as never, ctx, null), 'INVALID_INPUT');
    expect(e.path).toEqual(['fields', 'usageExpires']);
    expect(countAttachments(ctx)).toBe(0);
  });

  it('works through the dispatcher, which checks the base64', async () => {
    const ctx = await makeCtx();
    const dispatch = createDispatcher(ctx, attachmentHandlers as Handlers);
    const bad = await dispatch('attachment.add', { name: 'x.png', data: 'not base64!' }, { transport: 'test' });
    expect(bad.ok).toBe(false);
    expect((bad as { error: ApiError }).error.code).toBe('INVALID_INPUT');
    const bytes = await png(10, 10);
    const ok = await dispatch('attachment.add', { name: 'x.png', data: bytes.toString('base64') }, { transport: 'test' });
    expect(ok).toMatchObject({ ok: true, value: { sha256: BlobStore.hash(bytes), deduped: false } });
    const id = (ok as { value: AttachmentAdded }).value.id;
    await dispatch('attachment.update', { id, fields: { caption: 'First caption', credit: 'UNICEF/Okello' } }, { transport: 'test' });
    // A partial change through the contract must not reset the fields it does not name.
    const u = await dispatch('attachment.update', { id, fields: { altText: 'Two girls at a water point' } }, { transport: 'test' });
    expect(u.ok).toBe(true);
    const doc = await dispatch('attachment.get', { id }, { transport: 'test' });
    expect(doc).toMatchObject({ ok: true, value: { caption: 'First caption', credit: 'UNICEF/Okello', altText: 'Two girls at a water point', width: 10 } });
  });
});

describe('attachment.add links', () => {
  it('refuses a link to a release that is not in the library, naming it, and stores nothing', async () => {
    const ctx = await makeCtx();
    withReleases(ctx, 'rel-here');
    const e = await expectError(add(ctx, await png(), 'team.png', { fields: { releases: ['rel-here', 'rel-gone'] } }), 'NOT_FOUND');
    expect(e.message).toContain('"rel-gone"');
    expect(ctx.library.docs.liveCounts().attachment).toBe(0);
  });

  it('refuses an edit that adds a link to a missing release, and leaves the attachment as it was', async () => {
    const ctx = await makeCtx();
    withReleases(ctx, 'rel-here');
    const r = await add(ctx, await png(), 'team.png', { fields: { releases: ['rel-here'] } });
    const e = await expectError(
      Promise.resolve().then(() => h['attachment.update']({ id: r.id, rev: null, fields: { releases: ['rel-here', 'rel-gone'] } }, ctx, null)),
      'NOT_FOUND',
    );
    expect(e.message).toContain('"rel-gone"');
    expect(ctx.library.docs.require(r.id).body.releases).toEqual(['rel-here']);
  });
});

describe('attachment.update', () => {
  it('changes the given fields only, keeps unknown ones, and keeps both versions of a field changed since the revision edited', async () => {
    const ctx = await makeCtx();
    withReleases(ctx, 'rel-1');
    const r = await add(ctx, await png(), 'team.png', { fields: { caption: 'Team', credit: 'B. Diallo', releases: ['rel-1'] } });
    // A field written by a newer Dateline elsewhere travels through this version's edit.
    const current = ctx.library.docs.require(r.id);
    const withUnknown = ctx.library.docs.update(r.id, { ...current.body, focalPoint: { x: 0.3, y: 0.6 } }, { author: 'hq' });

    const u = h['attachment.update']({ id: r.id, rev: withUnknown.rev, fields: { caption: 'Water committee, Kasese' } }, ctx, null) as { rev: string };
    const doc = h['attachment.get']({ id: r.id }, ctx, null) as Doc<'attachment'>;
    expect(doc.rev).toBe(u.rev);
    expect(doc).toMatchObject({
      caption: 'Water committee, Kasese',
      credit: 'B. Diallo',
      releases: ['rel-1'],
      sha256: r.sha256,
      width: 40,
      focalPoint: { x: 0.3, y: 0.6 },
      updatedBy: 'test',
    });

    // A late edit of the same field on the older revision: both versions kept, the case in the inbox.
    const late = h['attachment.update']({ id: r.id, rev: withUnknown.rev, fields: { caption: 'late edit' } }, ctx, null) as Saved;
    expect(late.meanwhile).toBe('conflict');
    expect(ctx.library.docs.inbox.list(r.id)).toEqual([expect.objectContaining({ kind: 'fields', oursRev: late.rev, theirsRev: u.rev, fields: ['caption'] })]);

    const bad = await expectError(
      Promise.resolve().then(() => h['attachment.update']({ id: r.id, rev: null, fields: { usageExpires: '2026-13-01' } }, ctx, null)),
      'INVALID_INPUT',
    );
    expect(bad.path).toEqual(['fields', 'usageExpires']);
  });
});

describe('attachment.list and attachment.content', () => {
  it('pages newest first with an opaque cursor, and filters by release and by text', async () => {
    const ctx = await makeCtx();
    withReleases(ctx, 'rel-even');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await add(ctx, await png(20 + i, 20), `photo-${i}.png`, {
        fields: { caption: i === 3 ? 'Mobile clinic in Bogotá' : `Photo ${i}`, releases: i % 2 === 0 ? ['rel-even'] : [] },
      });
      ids.push(r.id);
    }
    const list = (over: Record<string, unknown>) => h['attachment.list'](API['attachment.list'].input.parse(over), ctx, null) as Page<AttachmentSummary>;
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Page<AttachmentSummary> = list({ limit: 2, cursor });
      expect(page.total).toBe(5);
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual([...ids].reverse());

    const first = list({ limit: 1 }).items[0]!;
    expect(first).toMatchObject({ id: ids[4], originalName: 'photo-4.png', mediaType: 'image/png', hasThumbnail: true });

    const even = list({ release: 'rel-even' });
    expect(even.total).toBe(3);
    expect(even.items.map((i) => i.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect(even.nextCursor).toBeNull();

    const found = list({ query: 'bogota clin' });
    expect(found.items.map((i) => i.id)).toEqual([ids[3]]);
    expect(found.total).toBe(1);

    await expectError(Promise.resolve().then(() => list({ cursor: 'garbage' })), 'INVALID_INPUT');
  });

  it('returns the original bytes and the thumbnail, making a missing thumbnail on demand', async () => {
    const ctx = await makeCtx();
    const bytes = await png(900, 300);
    const r = await add(ctx, bytes, 'banner.png');
    const original = (await h['attachment.content']({ id: r.id, variant: 'original' }, ctx, null)) as { mediaType: string; data: string; size: number };
    expect(original.mediaType).toBe('image/png');
    expect(original.size).toBe(bytes.length);
    expect(Buffer.from(original.data, 'base64').equals(bytes)).toBe(true);

    rmSync(thumbnailPath(ctx.dir, r.sha256));
    const thumb = (await h['attachment.content']({ id: r.id, variant: 'thumbnail' }, ctx, null)) as { mediaType: string; data: string };
    expect(thumb.mediaType).toBe('image/webp');
    const meta = await sharp(Buffer.from(thumb.data, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 107]);
    expect(statSync(thumbnailPath(ctx.dir, r.sha256)).size).toBe(Buffer.from(thumb.data, 'base64').length);

    const pdf = await add(ctx, Buffer.from('%PDF-1.4\n1 0 obj\n'), 'factsheet.pdf');
    const e = await expectError(h['attachment.content']({ id: pdf.id, variant: 'thumbnail' }, ctx, null), 'NOT_FOUND');
    expect(e.message).toMatch(/not an image/);
    expect((h['attachment.list'](API['attachment.list'].input.parse({ limit: 1 }), ctx, null) as Page<AttachmentSummary>).items[0]).toMatchObject({
      id: pdf.id,
      mediaType: 'application/pdf',
      hasThumbnail: false,
    });
  });
});

import { existsSync, readFileSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../electron/core/attachments/images';
import { takeDownload } from '../../electron/core/library/downloads';
import type { AttachmentReferences } from '../../electron/shared/contract';
import { call, core, fail, release } from '../core-harness';

/**
 * An attachment's page says where it is used, saves a copy of its file, and deletes it: a
 * tombstone, its file kept while it is in the trash, and gone from the library folder once the
 * trash is emptied, unless another attachment holds the same bytes.
 */

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function addFile(c: Awaited<ReturnType<typeof core>>, name: string, bytes: Buffer, fields: Record<string, unknown> = {}) {
  return call<{ id: string; sha256: string }>(c, 'attachment.add', { name, data: bytes.toString('base64'), fields });
}

describe('where an attachment is used', () => {
  it('names its releases (trashed ones marked), the kits carrying it and the offices whose logo it is', async () => {
    const c = await core();
    const goma = await call<{ id: string }>(c, 'release.create', release({ headline: 'Schools reopen in Goma' }));
    const kasese = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    const gone = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Deleted since' }));
    const logo = await sharp({ create: { width: 24, height: 8, channels: 3, background: '#1f3a5f' } }).png().toBuffer();
    const file = await addFile(c, 'logo.png', logo, { releases: [goma.id, kasese.id, gone.id] });
    const other = await addFile(c, 'other.pdf', Buffer.concat([pdf, Buffer.from('x')]));
    await call(c, 'release.trash', { id: kasese.id, rev: null });
    await call(c, 'doc.delete', { id: gone.id, rev: null });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', language: 'en', items: [{ kind: 'release', id: goma.id }, { kind: 'attachment', id: file.id }] });
    await call(c, 'kit.create', { title: 'Another kit', language: 'en', items: [{ kind: 'attachment', id: other.id }] });
    const deletedKit = await call<{ id: string }>(c, 'kit.create', { title: 'Deleted kit', language: 'en', items: [{ kind: 'attachment', id: file.id }] });
    await call(c, 'doc.delete', { id: deletedKit.id, rev: null });
    const office = await call<{ id: string }>(c, 'office.create', { name: 'Kampala office', logo: file.id });

    expect(await call<AttachmentReferences>(c, 'attachment.references', { id: file.id })).toEqual({
      releases: [
        { id: goma.id, headline: 'Schools reopen in Goma', language: 'en', trashed: false },
        { id: kasese.id, headline: 'Boreholes in Kasese', language: 'en', trashed: true },
      ],
      kits: [{ id: kit.id, title: 'Kasese kit' }],
      offices: [{ id: office.id, name: 'Kampala office' }],
    });
    expect(await call<AttachmentReferences>(c, 'attachment.references', { id: other.id })).toMatchObject({ releases: [], offices: [] });
  });
});

describe('deleting an attachment', () => {
  it('writes a tombstone, keeps its file while it is in the trash and takes it and its preview out of the library folder when the trash is emptied', async () => {
    const c = await core();
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const a = await addFile(c, 'goma.jpg', photo);
    const file = c.ctx.blobs.path(a.sha256);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(thumbnailPath(c.ctx.dir, a.sha256))).toBe(true);

    await call(c, 'attachment.delete', { id: a.id, rev: null });
    expect((await fail(c, 'attachment.get', { id: a.id })).code).toBe('NOT_FOUND');
    const history = await call<{ rev: string; deleted: boolean }[]>(c, 'doc.history', { id: a.id });
    expect(history.some((r) => r.deleted)).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect((await call<{ total: number }>(c, 'attachment.list', { limit: 10 })).total).toBe(0);
    expect(await call(c, 'trash.empty', {})).toEqual({ releases: 0, others: 1 });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(thumbnailPath(c.ctx.dir, a.sha256))).toBe(false);
    expect((await call<{ total: number }>(c, 'attachment.list', { limit: 10 })).total).toBe(0);
  });

  it('leaves the file while another attachment holds the same bytes', async () => {
    const c = await core();
    const a = await addFile(c, 'fact-sheet.pdf', pdf);
    // Two documents of the same bytes: one added here, one that came by sync from another laptop.
    const twin = c.library.repo.create('attachment', { sha256: a.sha256, originalName: 'copy.pdf', mediaType: 'application/pdf', size: pdf.length, width: null, height: null });
    await call(c, 'attachment.delete', { id: a.id, rev: null });
    expect(existsSync(c.ctx.blobs.path(a.sha256))).toBe(true);
    expect((await call<{ data: string }>(c, 'attachment.content', { id: twin.id })).data).toBe(pdf.toString('base64'));

    await call(c, 'trash.empty', {});
    expect(existsSync(c.ctx.blobs.path(a.sha256))).toBe(true);
    await call(c, 'attachment.delete', { id: twin.id, rev: null });
    await call(c, 'trash.empty', {});
    expect(existsSync(c.ctx.blobs.path(a.sha256))).toBe(false);
  });

  it('refuses a revision that is not the latest, and an attachment already deleted', async () => {
    const c = await core();
    const a = await addFile(c, 'fact-sheet.pdf', pdf);
    const first = await call<{ rev: string }>(c, 'attachment.get', { id: a.id });
    await call(c, 'attachment.update', { id: a.id, rev: null, fields: { caption: 'Key figures' } });
    expect((await fail(c, 'attachment.delete', { id: a.id, rev: first.rev })).code).toBe('CONFLICT');
    expect(existsSync(c.ctx.blobs.path(a.sha256))).toBe(true);
    await call(c, 'attachment.delete', { id: a.id, rev: null });
    expect((await fail(c, 'attachment.delete', { id: a.id, rev: null })).code).toBe('NOT_FOUND');
  });
});

describe('saving a copy in web mode', () => {
  it('offers the original file for one download, under its own name', async () => {
    const c = await core();
    const a = await addFile(c, 'نشرة صحفية.pdf', pdf);
    const r = await c.dispatch('attachment.download', { id: a.id }, { transport: 'http' });
    expect(r.ok).toBe(true);
    const offered = r.ok ? (r.value as { download: string; name: string; mediaType: string; bytes: number }) : null;
    expect(offered).toMatchObject({ name: 'نشرة صحفية.pdf', mediaType: 'application/pdf', bytes: pdf.length });
    const taken = takeDownload(offered!.download)!;
    expect(readFileSync(taken.path)).toEqual(pdf);
    // The download is its own file: removing it after the browser fetched it leaves the library's.
    rmSync(taken.folder, { recursive: true });
    expect(readFileSync(c.ctx.blobs.path(a.sha256))).toEqual(pdf);
  });

  it('says a file still on the server is not here yet', async () => {
    const c = await core();
    const a = await addFile(c, 'video.mp4', Buffer.from('not really a video'));
    rmSync(c.ctx.blobs.path(a.sha256));
    const e = await fail(c, 'attachment.download', { id: a.id });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.params).toMatchObject({ notHere: true });
  });
});

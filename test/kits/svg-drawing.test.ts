import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { AttachmentSummary, Page } from '../../electron/shared/contract';
import type { KitExportResult, KitPreview } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { addPhoto, call, dispose, job, openLibrary, photo } from './fixtures';
import { readZip } from './zipread';

/**
 * An SVG logo added as an attachment: its preview is its own drawing (shown only in an <img>,
 * where nothing in it runs or loads), a very large one shows its kind instead; a kit carrying it
 * says, in the builder and in the export's result, that Word and the PDF name it without showing
 * it, and which PNG or JPEG would; the DOCX names it in its list of files.
 */

const SVG = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f3a5f"/></svg>\n`;

let c: Core;
let svg = '';
let big = '';
let png = '';

beforeAll(async () => {
  c = await openLibrary();
  svg = await addPhoto(c, 'office-logo.svg', Buffer.from(SVG));
  big = await addPhoto(c, 'huge-map.svg', Buffer.from(SVG.replace('</svg>', `<!-- ${'x'.repeat(600 * 1024)} --></svg>`)));
  png = await addPhoto(c, 'office-logo.png', await photo(120, 40), { caption: 'Logo', credit: 'Office' });
}, 60_000);

afterAll(() => dispose(c));

describe('an SVG drawing', () => {
  it('is its own preview, stored as an SVG; a very large one has none', async () => {
    const listed = await call<Page<AttachmentSummary>>(c, 'attachment.list', { limit: 10 });
    const by = new Map(listed.items.map((a) => [a.originalName, a]));
    expect(by.get('office-logo.svg')).toMatchObject({ mediaType: 'image/svg+xml', hasThumbnail: true });
    expect(by.get('huge-map.svg')).toMatchObject({ mediaType: 'image/svg+xml', hasThumbnail: false });
    const thumb = await call<{ mediaType: string; data: string }>(c, 'attachment.content', { id: svg, variant: 'thumbnail' });
    expect(thumb.mediaType).toBe('image/svg+xml');
    expect(Buffer.from(thumb.data, 'base64').toString('utf8')).toBe(SVG);
    const refused = await c.dispatch('attachment.content', { id: big, variant: 'thumbnail' }, { transport: 'test' });
    expect(refused.ok ? null : refused.error.params?.reason).toBe('notAnImage');
  });

  it('is named in the kit builder’s warnings and in the export’s, and listed by name in the DOCX', async () => {
    const kit = await call<{ id: string }>(c, 'kit.create', {
      title: 'Office kit',
      language: 'en',
      items: [svg, png].map((id) => ({ kind: 'attachment', id })),
    });
    const preview = await call<KitPreview>(c, 'kit.preview', { id: kit.id });
    expect(preview.warnings.filter((w) => w.code === 'KIT_SVG_NOT_PLACED').map((w) => w.params)).toEqual([{ name: 'office-logo.svg' }]);
    const out = tempDirKept('dateline-kit-svg-');
    const r = await job<KitExportResult>(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
    const said = r.warnings.find((w) => w.code === 'KIT_SVG_NOT_PLACED');
    expect(said?.message).toContain('"office-logo.svg" is an SVG drawing');
    expect(said?.message).toContain('add a PNG or JPEG of it');
    const xml = (await readZip(r.files[0]!.path)).get('word/document.xml')!.toString('utf8');
    expect(xml.indexOf('office-logo.svg')).toBeGreaterThan(xml.lastIndexOf('Files in the bundle'));
  }, 60_000);
});

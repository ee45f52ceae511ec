import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { KIT_FONT_FAMILIES } from '../../electron/shared/offices/look';
import { OFFICE_FONTS, fontFile } from '../../electron/core/kits/resources';
import { call, core, fail } from '../core-harness';

/** An office's look is checked where it is stored: each bad value refused with what and where, nothing stored. */

async function attach(c: Core, name: string, data: Buffer): Promise<string> {
  return (await call<{ id: string }>(c, 'attachment.add', { name, data: data.toString('base64') })).id;
}

const png = () => sharp({ create: { width: 60, height: 20, channels: 3, background: '#123456' } }).png().toBuffer();

async function officeCount(c: Core): Promise<number> {
  return (await call<{ items: unknown[] }>(c, 'office.list', {})).items.length;
}

describe("an office's look", () => {
  it('is stored with colours, bundled fonts, a footer line, a logo image and default spokespeople', async () => {
    const c = await core();
    const logo = await attach(c, 'logo.png', await png());
    const grace = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Grace Akello' });
    const { id } = await call<{ id: string }>(c, 'office.create', {
      name: 'Kampala',
      logo,
      colours: { primary: '#0B4F6C', accent: '#d1495b' },
      fonts: { headings: 'WenQuanYi Micro Hei', body: 'DejaVu Sans' },
      footer: '  Kampala office · press@example.org ',
      contacts: [grace.id],
    });
    const o = await call<Record<string, unknown>>(c, 'office.get', { id });
    expect(o).toMatchObject({ logo, fonts: { headings: 'WenQuanYi Micro Hei', body: 'DejaVu Sans' }, footer: 'Kampala office · press@example.org', contacts: [grace.id] });
  });

  it('refuses a colour that is not #RRGGBB, saying which', async () => {
    const c = await core();
    for (const primary of ['#12345', 'red', '#12345g', '123456']) {
      const e = await fail(c, 'office.create', { name: 'Kampala', colours: { primary, accent: '#d1495b' } });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.path).toEqual(['colours', 'primary']);
      expect(e.message).toMatch(/#RRGGBB/);
    }
    expect(await officeCount(c)).toBe(0);
  });

  it('refuses a font outside the bundled set, naming the fonts there are', async () => {
    const c = await core();
    const e = await fail(c, 'office.create', { name: 'Kampala', fonts: { headings: 'Comic Sans MS', body: 'DejaVu Sans' } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['fonts', 'headings']);
    expect(e.message).toContain('DejaVu Sans, WenQuanYi Micro Hei');
    const { id, rev } = await call<{ id: string; rev: string }>(c, 'office.create', { name: 'Kampala' });
    const u = await fail(c, 'office.update', { id, rev, fields: { fonts: { headings: 'DejaVu Sans', body: '../../etc/passwd' } } });
    expect(u.path).toEqual(['fields', 'fonts', 'body']);
    expect((await call<Record<string, unknown>>(c, 'office.get', { id })).fonts).toBeUndefined();
  });

  it('refuses a logo that is not an image, and a footer longer than a line', async () => {
    const c = await core();
    const pdf = await attach(c, 'annual-report.pdf', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'));
    const e = await fail(c, 'office.create', { name: 'Kampala', logo: pdf });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['logo']);
    expect(e.message).toMatch(/"annual-report\.pdf" cannot be the logo: a kit prints its logo from a PNG, JPEG or WebP image \(this file is application\/pdf\)/);
    const { id, rev } = await call<{ id: string; rev: string }>(c, 'office.create', { name: 'Kampala' });
    const u = await fail(c, 'office.update', { id, rev, fields: { logo: pdf } });
    expect(u.path).toEqual(['fields', 'logo']);
    const long = await fail(c, 'office.create', { name: 'Kampala', footer: 'x'.repeat(201) });
    expect(long.path).toEqual(['footer']);
    expect(await officeCount(c)).toBe(1);
  });

  it('refuses a journalist or a missing contact as a default contact, with its place in the list', async () => {
    const c = await core();
    const grace = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Grace Akello' });
    const peter = await call<{ id: string }>(c, 'contact.create', { kind: 'journalist', name: 'Peter Okoth' });
    const e = await fail(c, 'office.create', { name: 'Kampala', contacts: [grace.id, peter.id] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['contacts', 1]);
    expect(e.message).toMatch(/Peter Okoth.*journalist/);
    const gone = await fail(c, 'office.create', { name: 'Kampala', contacts: ['con-00000000-0000-4000-8000-000000000000'] });
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.path).toEqual(['contacts', 0]);
    expect(await officeCount(c)).toBe(0);
  });

  it('offers only fonts whose files are bundled', () => {
    for (const family of KIT_FONT_FAMILIES) {
      const f = OFFICE_FONTS[family];
      for (const file of [f.regular, f.bold].filter((x): x is string => x !== null)) expect(fontFile(file).subarray(0, 4).toString('hex'), `${family}: ${file}`).toBe('00010000');
    }
  });
});

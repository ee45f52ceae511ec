import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { rendition } from '../../electron/core/kits/images';
import { imagesOf, resolveKit, type KitAttachment } from '../../electron/core/kits/model';
import { addPhoto, call, dispose, openLibrary, photo } from './fixtures';

/** The print renditions of a kit's photos, cached in the library beside a note of their type and size. */

let core: Core;
let a: KitAttachment;

beforeAll(async () => {
  core = await openLibrary();
  const id = await addPhoto(core, 'wide.jpg', await photo(2400, 1600, 3));
  const kit = await call<{ id: string }>(core, 'kit.create', { title: 'Renditions', items: [{ kind: 'attachment', id }] });
  a = imagesOf(resolveKit(core.ctx, kit.id, { requireItems: true }))[0]!;
});

afterAll(() => dispose(core));

const noteOf = (path: string) => path.replace(/\.jpg$/, '.json');

describe('kit photo renditions', () => {
  it('makes a print copy at 1600 px on the long side, and notes its type, size and CRC-32 beside it', async () => {
    const r = await rendition(core.ctx, a, 'print');
    expect([r.width, r.height, r.mediaType]).toEqual([1600, 1067, 'image/jpeg']);
    const meta = await sharp(readFileSync(r.path)).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 1067]);
    expect(JSON.parse(readFileSync(noteOf(r.path), 'utf8'))).toEqual({ mediaType: 'image/jpeg', width: 1600, height: 1067, bytes: r.bytes.length, crc32: crc32(readFileSync(r.path)) });
    expect(r.crc32).toBe(crc32(r.bytes));
  });

  it('works out the CRC-32 of a copy cached before notes carried it', async () => {
    const first = await rendition(core.ctx, a, 'print');
    writeFileSync(noteOf(first.path), JSON.stringify({ mediaType: 'image/jpeg', width: 1600, height: 1067, bytes: first.bytes.length }));
    const again = await rendition(core.ctx, a, 'print');
    expect(again.crc32).toBe(crc32(first.bytes));
  });

  it('takes the cached copy as its note describes it, without decoding it again', async () => {
    const first = await rendition(core.ctx, a, 'print');
    // A note that says another size is believed: the image is not opened to measure it.
    writeFileSync(noteOf(first.path), JSON.stringify({ mediaType: 'image/jpeg', width: 1599, height: 1066, bytes: first.bytes.length }));
    const again = await rendition(core.ctx, a, 'print');
    expect([again.width, again.height]).toEqual([1599, 1066]);
    expect(again.bytes.equals(first.bytes)).toBe(true);
  });

  it('makes the copy again when the cached image is cut short or its note is damaged', async () => {
    const first = await rendition(core.ctx, a, 'print');
    truncateSync(first.path, 1000);
    const remade = await rendition(core.ctx, a, 'print');
    expect([remade.width, remade.height]).toEqual([1600, 1067]);
    expect(readFileSync(remade.path).length).toBe(remade.bytes.length);
    expect(remade.bytes.length).toBeGreaterThan(1000);

    writeFileSync(noteOf(first.path), '{"mediaType": "image/gif"');
    const fromBadNote = await rendition(core.ctx, a, 'print');
    expect([fromBadNote.width, fromBadNote.height]).toEqual([1600, 1067]);
    expect(JSON.parse(readFileSync(noteOf(first.path), 'utf8'))).toMatchObject({ mediaType: 'image/jpeg', width: 1600, height: 1067 });
  });
});

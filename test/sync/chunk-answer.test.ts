import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { liftBase64 } from '../../electron/core/sync/files/chunk-answer';

/** A `_bulk_get?attachments=true` answer as pouchdb-server and CouchDB write it, for these chunks. */
function answerFor(chunks: Buffer[]): string {
  return JSON.stringify({
    results: chunks.map((bytes, i) => ({
      id: `chunk-${i}`,
      docs: [{ ok: { _id: `chunk-${i}`, _rev: '1-a', _attachments: { data: { content_type: 'application/octet-stream', digest: 'md5-x==', revpos: 1, data: bytes.toString('base64') } } } }],
    })),
  });
}

type Parsed = { results: { docs: { ok: { _attachments: { data: { data: string } } } }[] }[] };
const dataOf = (parsed: Parsed) => parsed.results.map((r) => r.docs[0]!.ok._attachments.data.data);

describe('a _bulk_get answer of chunks, base64 lifted out before parsing', () => {
  it('gives every chunk its bytes and leaves the rest of the answer as it was', () => {
    // Lengths 0, 1 and 2 modulo 3 (no padding, two, one), and an empty chunk.
    const chunks = [randomBytes(8192), randomBytes(1), randomBytes(5), randomBytes(0)];
    const answer = liftBase64(Buffer.from(answerFor(chunks), 'latin1'));
    expect(answer.text.length).toBeLessThan(1000);
    const parsed = JSON.parse(answer.text.toString('latin1')) as Parsed;
    expect(dataOf(parsed).map((d) => answer.bytesOf(d))).toEqual(chunks);
    // Apart from the placeholders, the very answer the server sent.
    const original = JSON.parse(answerFor(chunks)) as Parsed;
    parsed.results.forEach((r, i) => (r.docs[0]!.ok._attachments.data.data = original.results[i]!.docs[0]!.ok._attachments.data.data));
    expect(parsed).toEqual(original);
  });

  it('leaves in place, and decodes as before, a string with anything but base64 in it', () => {
    const strings = ['QUJ\\u0044AAA', 'QUJ DQUJ', 'QUJéQUJ'];
    const text = `{"results":[${strings.map((d, i) => `{"id":"chunk-${i}","docs":[{"ok":{"_attachments":{"data":{"data":"${d}"}}}}]}`).join(',')}]}`;
    const answer = liftBase64(Buffer.from(text, 'utf8'));
    expect(answer.text.toString('utf8')).toBe(text);
    const parsed = dataOf(JSON.parse(text) as Parsed);
    expect(parsed.map((d) => answer.bytesOf(d))).toEqual(parsed.map((d) => Buffer.from(d, 'base64')));
  });

  it('keeps an answer that is not JSON not JSON (a control character or a bad escape inside the base64)', () => {
    for (const bad of ['QUJ\u0001QUJD', 'QUJ\\QUJD']) {
      const text = Buffer.from(`{"results":[{"id":"chunk-0","docs":[{"ok":{"_attachments":{"data":{"data":"${bad}"}}}}]}]}`, 'latin1');
      expect(() => JSON.parse(text.toString('latin1'))).toThrow();
      expect(() => JSON.parse(liftBase64(text).text.toString('latin1'))).toThrow();
    }
  });

  it('lifts only whole strings: the pattern inside a key with an escaped quote puts the placeholder in that key, not in data', () => {
    const text = '{"x\\"data":"QUJD","data":"RUZH"}';
    const answer = liftBase64(Buffer.from(text, 'latin1'));
    const parsed = JSON.parse(answer.text.toString('latin1')) as Record<string, string>;
    expect(Object.keys(parsed)).toEqual(['x"data', 'data']);
    expect(answer.bytesOf(parsed.data!).toString('latin1')).toBe('EFG');
    expect(answer.bytesOf(parsed['x"data']!).toString('latin1')).toBe('ABC');
  });

  it('takes no placeholder from the server: a string in its form is decoded as base64', () => {
    const fake = `~${'0'.repeat(24)}~0`;
    const answer = liftBase64(Buffer.from(`{"data":"QUJD","fake":"${fake}"}`, 'latin1'));
    const parsed = JSON.parse(answer.text.toString('latin1')) as Record<string, string>;
    expect(parsed.fake).toBe(fake);
    expect(answer.bytesOf(parsed.fake!)).toEqual(Buffer.from(fake, 'base64'));
    expect(answer.bytesOf(parsed.data!).toString('latin1')).toBe('ABC');
  });
});

import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../electron/shared/base64';

/** The one base64 codec of the page and the shared rules agrees with Node's, byte for byte. */
describe('base64', () => {
  it('encodes and decodes every length of every byte as Node does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 7; n++) {
      const bytes = all.subarray(250 - n, 250);
      const text = Buffer.from(bytes).toString('base64');
      expect(bytesToBase64(bytes), `${n} bytes`).toBe(text);
      expect([...base64ToBytes(text)], `${n} bytes`).toEqual([...bytes]);
    }
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  it('carries a file larger than one chunk whole (the slices meet without padding)', () => {
    const bytes = Uint8Array.from({ length: 0x6000 * 3 + 2 }, (_, i) => (i * 7919) & 0xff);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses text that is not base64, saying where', () => {
    expect(() => base64ToBytes('UEsD*A==')).toThrow('character 5 is "*"');
    expect(() => base64ToBytes('UEsDB===')).toThrow(/padding/);
    expect(() => base64ToBytes('UEsDB')).toThrow(/5 characters/);
  });
});

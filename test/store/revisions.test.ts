import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, referenceCanonicalJson, revFromJson } from '../../electron/core/store/revisions';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Keys that order differently by code unit, by number and by insertion: array indices,
// integer-looking keys beyond the index range, accents, emoji, lone surrogates, "__proto__".
const KEYS = [
  'a', 'b', 'B', 'type', 'name', 'émile', 'Zoë', 'z', '', ' ', '0', '1', '2', '9', '10', '01', '-1', '1.5', '4294967294',
  '4294967295', '99999999999', '😀', '\ud800', 'ключ', 'مفتاح', '__proto__', 'constructor', 'toString', 'a\u0000b', 'x"y',
];
const STRINGS = ['', 'plain', 'Bogotá', 'مرحبا', '😀 emoji', '\ud800 lone', 'line\nbreak', 'quote " and \\ slash', '\u2028\u2029', '\u0000\u001f'];
const NUMBERS = [0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity];

function value(next: () => number, depth: number): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const r = next();
  if (depth > 4 || r < 0.45) {
    const p = next();
    if (p < 0.3) return pick(STRINGS);
    if (p < 0.55) return pick(NUMBERS);
    if (p < 0.65) return next() < 0.5;
    if (p < 0.75) return null;
    if (p < 0.85) return undefined;
    if (p < 0.9) return () => 1;
    return Symbol('s');
  }
  if (r < 0.7) {
    const arr: unknown[] = Array.from({ length: Math.floor(next() * 5) }, () => value(next, depth + 1));
    if (next() < 0.1) arr[arr.length + 2] = 'after a hole';
    return arr;
  }
  const o: Record<string, unknown> = next() < 0.1 ? (Object.create(null) as Record<string, unknown>) : {};
  const n = Math.floor(next() * 8);
  for (let i = 0; i < n; i++) Object.defineProperty(o, pick(KEYS), { value: value(next, depth + 1), enumerable: true, configurable: true, writable: true });
  return o;
}

describe('canonical JSON', () => {
  it('is byte-identical to the reference on many generated values', () => {
    const next = rng(20240607);
    for (let i = 0; i < 20000; i++) {
      const v = value(next, 0);
      expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
    }
  });

  it('is byte-identical to the reference on document bodies, and on what round-trips through storage', () => {
    const body = {
      type: 'contact',
      name: 'José Núñez',
      emails: [{ type: 'work', address: 'j.nunez@elpais.example' }],
      phones: [],
      beats: ['salud', 'migración'],
      notes: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'amina',
      extra: { 10: 'ten', 2: 'two', b: 1, a: [1, { z: 0, y: undefined }] },
    };
    const json = canonicalJson(body);
    expect(json).toBe(referenceCanonicalJson(body));
    expect(canonicalJson(JSON.parse(json))).toBe(json);
  });

  it('hands values that are not plain data to the reference', () => {
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
    }
    const withToJson = { b: 1, toJSON: () => ({ z: 1, a: 2 }) };
    const samples: unknown[] = [
      new Date(0),
      { when: new Date(0), b: [new Date(1)] },
      new Point(1, 2),
      [new Point(3, 4)],
      withToJson,
      { nested: withToJson },
      new Map([['a', 1]]),
      Object.assign(new String('ab'), { z: 1 }),
      new Number(3),
      [1, , 3], // eslint-disable-line no-sparse-arrays
      undefined,
      'top-level string',
    ];
    for (const v of samples) expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    // The reference copies every object, so it recurses until the stack runs out; so does this.
    expect(() => referenceCanonicalJson(cyclic)).toThrow(RangeError);
    expect(() => canonicalJson(cyclic)).toThrow(RangeError);
  });

  it('digests revisions as before', () => {
    const json = canonicalJson({ headline: 'Floods in Kasese', type: 'release' });
    const old = createHash('md5').update(`["1-abc",false,${json}]`).digest('hex');
    expect(revFromJson('1-abc', false, json)).toBe(`2-${old}`);
    expect(revFromJson(null, true, json)).toBe(`1-${createHash('md5').update(`[null,true,${json}]`).digest('hex')}`);
  });
});

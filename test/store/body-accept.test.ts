import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptor, knownFieldsAccepted } from '../../electron/core/store/body-accept';
import { checkKnownFields, DOC_TYPES, type DocType } from '../../electron/shared/documents';
import { buildVocabulary, makeContact, makeRelease, Writer } from '../bench/corpus';
import { Rng } from '../bench/rng';

type Json = Record<string, unknown>;

/** Lengths at and around the limits the document schemas set. */
const LENGTHS = [0, 1, 2, 3, 35, 36, 40, 41, 60, 61, 200, 201, 300, 301, 320, 321, 500, 501, 1000, 1001, 2000, 2001, 2048, 2049, 5000, 5001, 20_001];
const TEXTS = [
  ' ', '  x  ', 'other', 'ltr', 'rtl', 'press', 'work', 'mobile', 'public', 'internal', 'journalist', 'draft', 'withdrawn', '###',
  '2026-02-28', '2026-02-30', '2026-13-01', '2026-2-1', '2026-12-03T13:00:00Z', '2026-12-03T13:00:00+01:00', '2026-12-03 13:00',
  'Europe/Zurich', 'Mars/Base', 'en', 'EN', 'pt-BR', 'ar', 'KE', 'ke', 'a@b.co', 'a.b@mail.example', 'not mail', 'a@b',
  '+41 22 123 45 67', '022 123 ext 4', '12', 'rel-1', '_bad', 'a b', 'http://x.org', 'ftp://x.org', '#00aaFF', '#00aaF',
  'A4', 'Letter', 'bold', 'link', 'text', 'paragraph', 'consent', 'a'.repeat(64), 'f'.repeat(64), 'doc',
];
const OTHERS: unknown[] = [null, undefined, true, false, 0, -1, 1, 2, 3, 4, 1.5, 120, 121, Infinity, Number.NaN, 2 ** 60, [], [1], {}, { type: 'x' }];
const STRINGS: unknown[] = [...TEXTS, ...LENGTHS.map((n) => 'x'.repeat(n))];
/** Deep in rich text, the values its own schema cares for: zod's refusals there cost a millisecond each. */
const DEEP: unknown[] = [...OTHERS, '', 'x', ' ', 'ltr', 'bold', 'paragraph', ...[35, 36, 2048, 2049].map((n) => 'x'.repeat(n))];
/** Texts where a text was (the other values everywhere): a number where a name is adds nothing a string does not. */
const replacements = (old: unknown, depth: number): unknown[] =>
  depth > 3 ? DEEP : typeof old === 'string' ? [...OTHERS, ...STRINGS] : [...OTHERS, 'x', ' ', ''];

/** Every place in a body: [container, key, depth] triples, depth first. */
function places(v: unknown, depth = 0, out: [Json | unknown[], string | number, number][] = []): [Json | unknown[], string | number, number][] {
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : v && typeof v === 'object' ? Object.entries(v) : [];
  for (const [k, item] of entries) {
    out.push([v as Json | unknown[], k, depth]);
    places(item, depth + 1, out);
  }
  return out;
}

/** Each body damaged in one place at a time: every value replaced, removed, and objects given a stranger. */
function* damaged(body: Json): Generator<Json> {
  const copy = structuredClone(body);
  for (const [at, key, depth] of places(copy)) {
    const old = (at as Record<string | number, unknown>)[key];
    for (const r of replacements(old, depth)) {
      (at as Record<string | number, unknown>)[key] = r;
      yield copy;
    }
    (at as Record<string | number, unknown>)[key] = old;
    if (!Array.isArray(at)) {
      delete (at as Json)[key as string];
      yield copy;
      (at as Json)[key as string] = old;
    }
    if (old && typeof old === 'object' && !Array.isArray(old)) {
      (old as Json).stranger = 1;
      yield copy;
      delete (old as Json).stranger;
    }
    if (Array.isArray(old)) {
      old.push(old[0] ?? 'x');
      yield copy;
      old.pop();
    }
  }
}

const RICH = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2, lang: 'fr', dir: 'ltr' }, content: [{ type: 'text', text: 'Titre' }] },
    {
      type: 'paragraph',
      attrs: { lang: null, dir: 'auto' },
      content: [
        { type: 'text', text: 'Gras', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://x.org' } }] },
        { type: 'hardBreak' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'blockquote', content: [{ type: 'paragraph' }] }] }] },
  ],
};

function bodies(): [DocType, Json][] {
  const w = new Writer(buildVocabulary(), new Rng(5));
  const out: [DocType, Json][] = [];
  const r = makeRelease(w) as unknown as Json;
  // Its text only: RICH below has every kind of block.
  r.body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] };
  out.push(['release', r], ['contact', makeContact(w, 0) as unknown as Json]);
  out.push(
    ['release', {
      headline: 'H', body: RICH, embargo: { at: '2026-12-03T13:00:00Z', timeZone: 'Africa/Nairobi' }, boilerplate: { office: 'off-1' },
      withdrawal: { reason: 'wrong figures', at: '2026-12-04T08:00:00Z' }, trashed: { at: '2026-12-05T08:00:00Z' }, quotes: [{ speaker: null, text: 'Q' }],
    }],
    ['contact', {
      name: 'N', outletHistory: [{ outlet: 'out-1', role: null, from: '2020-01-01', to: null }], socialHandles: [{ network: 'x', handle: 'h' }],
      dataProtection: { legalBasis: 'consent', consentDate: '2025-01-01', doNotContact: false }, photo: 'att-1', tags: ['t'], lists: ['l'], regions: ['r'],
    }],
    ['outlet', { name: 'Daily', kind: 'tv', website: 'https://daily.example', emails: [{ address: 'desk@daily.example' }], phones: [{ number: '+254 20 123' }] }],
    ['attachment', { sha256: 'a'.repeat(64), originalName: 'p.jpg', mediaType: 'image/jpeg', size: 10, width: 2, height: null, consent: { sensitive: true }, releases: ['rel-1'] }],
    ['kit', { title: 'Kit', items: [{ kind: 'release', id: 'rel-1', languages: ['fr'] }, { kind: 'section', sectionKind: 'faq', title: 'FAQ', body: { type: 'doc', content: [{ type: 'paragraph' }] } }], audience: 'press' }],
    ['office', { name: 'Nairobi', colours: { primary: '#112233', accent: '#445566' }, boilerplate: { en: 'We help.' }, timeZone: 'Africa/Nairobi', fonts: { headings: 'DejaVu Sans', body: 'DejaVu Sans' }, digits: 'arab', outdatedAfterMonths: 12 }],
  );
  return out;
}

describe('the document schemas decided without zod', () => {
  it('accepts and refuses exactly what zod does, over bodies damaged one place at a time', () => {
    const seen = new Map<DocType, { accepted: number; refused: number }>();
    const wrong: string[] = [];
    for (const [type, body] of bodies()) {
      expect(checkKnownFields(type, body)).toMatchObject({ ok: true });
      const tally = seen.get(type) ?? { accepted: 0, refused: 0 };
      seen.set(type, tally);
      for (const b of damaged(body)) {
        const zodSays = checkKnownFields(type, b).ok;
        if (knownFieldsAccepted(type, b) !== zodSays && wrong.length < 10) wrong.push(`${type} ${zodSays ? 'accepted' : 'refused'} by zod: ${JSON.stringify(b).slice(0, 300)}`);
        if (zodSays) tally.accepted++;
        else tally.refused++;
      }
    }
    expect(wrong).toEqual([]);
    // Every type was exercised both ways, many times.
    expect([...seen.keys()].sort()).toEqual([...DOC_TYPES].sort());
    for (const [, t] of seen) expect(Math.min(t.accepted, t.refused)).toBeGreaterThan(40);
  });

  it('leaves store fields, "_" names and fields this version does not know to the caller', () => {
    expect(knownFieldsAccepted('contact', { name: 'N', updatedAt: 5, _x: 1, futureField: { any: 'thing' } })).toBe(true);
    expect(knownFieldsAccepted('contact', { updatedAt: 5 })).toBe(false);
    expect(checkKnownFields('contact', { updatedAt: 5 }).ok).toBe(false);
  });

  it('asks zod for what it does not read itself, and follows refinements and recursion', () => {
    const even = z.number().refine((n) => n % 2 === 0);
    expect([2, 3, '2'].map(acceptor(even))).toEqual([true, false, false]);
    type Tree = { kids: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ kids: z.array(tree).max(2) }).strict());
    const accept = acceptor(tree);
    expect(accept({ kids: [{ kids: [] }, { kids: [{ kids: [] }] }] })).toBe(true);
    expect(accept({ kids: [{ kids: [{ kids: [], x: 1 }] }] })).toBe(false);
    expect(accept({ kids: [{ kids: [] }, { kids: [] }, { kids: [] }] })).toBe(false);
    const xor = z.xor([z.string(), z.string().min(2)]);
    expect(['a', 'ab'].map(acceptor(xor))).toEqual(['a', 'ab'].map((v) => xor.safeParse(v).success));
  });
});

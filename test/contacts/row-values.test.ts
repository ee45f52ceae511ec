import { describe, expect, it } from 'vitest';
import { checkRowValues, RowValues, type RowValuesIn } from '../../electron/core/contacts/row-to-contact';
import { Rng } from '../bench/rng';

/**
 * A spreadsheet row's values are checked by hand (the schema's cost was 5% of an import), and
 * the contact schema's rules word the reason when the hand check refuses. The two must give
 * the same answer for every row: what the hand check accepts, the schema accepts with the
 * same values; what it refuses, the schema refuses.
 */

type Values = RowValuesIn & { beats: string[]; emails: string[]; phones: string[] };

const x = (n: number) => 'x'.repeat(n);
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

const NAMES = ['Amélie Kaboré', '', ' ', 'A', '  Omar  ', '\u3000Nour\u3000', x(300), x(301), ` ${x(300)} `, '=cmd'];
const TEXTS = [null, '', 'Editor', x(300), x(301), ` ${x(299)} `];
const NOTES = [null, '', 'Prefers calls', x(20_000), x(20_001)];
const TAGS = ['Health', ' Water ', '', '   ', x(60), x(61), ` ${x(60)} `, 'Réfugiés', '\t'];
const EMAILS = [
  'amelie@radio-omega.example',
  'a@b.co',
  'a@b',
  'a@b.c',
  'not an address',
  ' a@b.co',
  "o'neil@press.example",
  'a..b@press.example',
  '.a@press.example',
  'é@press.example',
  'a@-press.example',
  `${x(311)}@press.co`,
  `${x(312)}@press.co`,
];
const PHONES = ['+254 71000 0001', '12', '123', '1'.repeat(40), '1'.repeat(41), '+41 22 917 12 34 ext. 12', '022 917 12 34 x12', 'abc', '(022) 1234', '+', '+1-', '0712/345.678'];

function tagLists(rng: Rng, max: number): string[][] {
  return [[], [rng.pick(TAGS)], [rng.pick(TAGS), rng.pick(TAGS), rng.pick(TAGS)], many(max, (i) => `t${i}`), many(max + 1, (i) => `t${i}`), many(max, (i) => (i === max - 1 ? ' last ' : `t${i}`))];
}

function randomValues(rng: Rng): Values {
  const v: Values = {
    name: rng.pick(NAMES),
    role: rng.pick(TEXTS),
    organisation: rng.pick(TEXTS),
    notes: rng.pick(NOTES),
    beats: rng.pick(tagLists(rng, 50)),
    emails: rng.pick([[], [rng.pick(EMAILS)], [rng.pick(EMAILS), rng.pick(EMAILS)], many(20, (i) => `p${i}@press.example`), many(21, (i) => `p${i}@press.example`)]),
    phones: rng.pick([[], [rng.pick(PHONES)], [rng.pick(PHONES), rng.pick(PHONES)], many(20, (i) => `+254 7100${i}`), many(21, (i) => `+254 7100${i}`)]),
  };
  for (const key of ['tags', 'regions', 'lists'] as const) if (rng.chance(0.5)) v[key] = rng.pick(tagLists(rng, 100));
  return v;
}

/** One value of a good row changed at a time: each rule is met at its edge, alone. */
function oneChangeAtATime(): Values[] {
  const good = (): Values => ({ name: 'Amélie Kaboré', role: 'Editor', organisation: 'Radio Omega', notes: null, beats: ['Health'], emails: ['amelie@radio-omega.example'], phones: ['+226 70 11 22 33'] });
  const out: Values[] = [good()];
  for (const name of NAMES) out.push({ ...good(), name });
  for (const t of TEXTS) out.push({ ...good(), role: t }, { ...good(), organisation: t });
  for (const notes of NOTES) out.push({ ...good(), notes });
  for (const t of TAGS) out.push({ ...good(), beats: [t] }, { ...good(), tags: [t] }, { ...good(), regions: ['North', t] }, { ...good(), lists: [t] });
  for (const e of EMAILS) out.push({ ...good(), emails: [e] });
  for (const p of PHONES) out.push({ ...good(), phones: [p] });
  return out;
}

describe("a row's values checked by hand", () => {
  it('gives the schema\'s answer and values for every row, at every limit', () => {
    const rng = new Rng(11);
    const cases = [...oneChangeAtATime(), ...Array.from({ length: 3000 }, () => randomValues(rng))];
    let accepted = 0;
    for (const v of cases) {
      const schema = RowValues.safeParse(v);
      const hand = checkRowValues(v);
      expect({ v, accepted: hand !== null }).toEqual({ v, accepted: schema.success });
      if (hand !== null) {
        accepted++;
        expect(hand).toStrictEqual(JSON.parse(JSON.stringify(schema.data)) as unknown);
      }
    }
    // Both answers are met many times over.
    expect(accepted).toBeGreaterThan(100);
    expect(cases.length - accepted).toBeGreaterThan(100);
  });

  it('trims tags and the name as the schema does, and leaves the values it was given unchanged', () => {
    const v: Values = { name: '  Omar Khatib ', role: null, organisation: null, notes: null, beats: [' Health ', 'Water'], tags: ['radio '], emails: [], phones: [] };
    expect(checkRowValues(v)).toMatchObject({ name: 'Omar Khatib', beats: ['Health', 'Water'], tags: ['radio'] });
    expect(v.beats).toEqual([' Health ', 'Water']);
  });
});

import { describe, expect, it } from 'vitest';
import { mergeRecord, unionRecords, type OfficeRecord } from '../../electron/core/contacts/suppression-record';

/** An office's suppression record merged as one value: joined, never a conflict, the same whatever the order. */

const [k1, k2, k3] = ['1'.repeat(64), '2'.repeat(64), '3'.repeat(64)];
const [h1, h2, h3, h4] = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)];
const office = (record: OfficeRecord) => ({ type: 'office', name: 'Kampala', ...record });

describe('joining two suppression records', () => {
  const a: OfficeRecord = { privacyKey: k2, suppressed: [h2] };
  const b: OfficeRecord = { privacyKey: k1, suppressed: [h1] };
  const c: OfficeRecord = { privacyKey: k3, suppressed: [h4, h3] };

  it('keeps every hash under the key it was made with, the smallest key the office\'s', () => {
    expect(unionRecords(a, b)).toEqual({ privacyKey: k1, suppressed: [h1], suppressedUnder: [{ privacyKey: k2, suppressed: [h2] }] });
    // Under one key, one sorted list with each hash once.
    expect(unionRecords({ privacyKey: k1, suppressed: [h3, h1] }, { privacyKey: k1, suppressed: [h2, h1] })).toEqual({ privacyKey: k1, suppressed: [h1, h2, h3] });
  });

  it('gives the same record whatever the order, joined in one go or in steps, and joining again changes nothing', () => {
    expect(unionRecords(b, a)).toEqual(unionRecords(a, b));
    const all = unionRecords(unionRecords(a, b), c);
    expect(unionRecords(a, unionRecords(b, c))).toEqual(all);
    expect(unionRecords(unionRecords(c, a), b)).toEqual(all);
    expect(unionRecords(all, a)).toEqual(all);
    expect(unionRecords(all, all)).toEqual(all);
    expect(all).toEqual({
      privacyKey: k1,
      suppressed: [h1],
      suppressedUnder: [
        { privacyKey: k2, suppressed: [h2] },
        { privacyKey: k3, suppressed: [h3, h4] },
      ],
    });
  });

  it('joins lists kept under a key on either side, as the office\'s or beside it', () => {
    const withUnder: OfficeRecord = { privacyKey: k3, suppressed: [h3], suppressedUnder: [{ privacyKey: k2, suppressed: [h1] }] };
    expect(unionRecords(withUnder, a)).toEqual({ privacyKey: k2, suppressed: [h1, h2], suppressedUnder: [{ privacyKey: k3, suppressed: [h3] }] });
  });
});

describe('the record in a merge of two versions of an office', () => {
  const base = office({});

  it('takes the one side that changed it, and joins two that both did', () => {
    expect(mergeRecord(base, office({ privacyKey: k2, suppressed: [h2] }), base)).toEqual({ privacyKey: k2, suppressed: [h2] });
    expect(mergeRecord(base, office({ privacyKey: k2, suppressed: [h2] }), office({ privacyKey: k1, suppressed: [h1] }))).toEqual(
      unionRecords({ privacyKey: k2, suppressed: [h2] }, { privacyKey: k1, suppressed: [h1] }),
    );
    // Without the ancestor, the two join.
    expect(mergeRecord(null, office({ privacyKey: k1, suppressed: [h2] }), office({ privacyKey: k1, suppressed: [h1] }))).toEqual({ privacyKey: k1, suppressed: [h1, h2] });
  });

  it('leaves other documents, and a record that does not read, to the field-by-field rule', () => {
    expect(mergeRecord(null, { type: 'release', suppressed: [h1] }, { type: 'release', suppressed: [h2] })).toBeNull();
    expect(mergeRecord(base, office({ privacyKey: k1, suppressed: [h1] }), { ...base, privacyKey: k2, suppressed: ['not a hash'] })).toBeNull();
  });
});

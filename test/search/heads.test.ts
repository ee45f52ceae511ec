import { describe, expect, it } from 'vitest';
import { Heads } from '../../electron/core/search/heads';

describe('the beginnings of the listed keys', () => {
  it('answers as a scan of the keys would, for ASCII, Latin, Arabic and short tokens', () => {
    const keys = ['wat', 'water', 'hea', 'z99', '2026', 'søre', 'łód', 'منظ', 'نير'];
    const heads = new Heads(keys);
    const tokens = ['water', 'wat', 'wa', 'w', '', 'watershed', 'wax', 'health', 'heb', 'z99x', 'z98', '2026', '202', '2027', 'søren', 'sør', 'sxr', 'łódź', 'lodz', 'منظمة', 'منت', 'نيروبي', 'ab'];
    for (const t of tokens) expect(heads.has(t), t).toBe(t.length >= 3 && keys.some((k) => k.slice(0, 3) === t.slice(0, 3)));
  });

  it('has nothing when there are no keys', () => {
    const none = new Heads([]);
    expect(['water', 'منظمة', 'søren'].some((t) => none.has(t))).toBe(false);
  });
});

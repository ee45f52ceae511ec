import { OfficeFields, type OfficeFieldsT } from '../../shared/documents';
import { canonicalJson } from '../store/revisions';

/**
 * An office's suppression record as one value, for the merges of two versions of the office
 * (sync's, the conflicts inbox's): pure, no I/O, as the store's merge rules are.
 *
 * Devices of one office that erase different people before they sync each add to the record,
 * and the first erase on a device with no key yet makes a key of its own. Field by field that
 * is a conflict, and either side picked lets the other side's person back in. The record only
 * ever grows, so the two versions join instead: every hash under the key it was made with (a
 * keyed hash cannot be remade under another key: the addresses are gone), the office's key the
 * smallest of the two sides' keys, the other key's list in `suppressedUnder`. The join is a
 * function of the two records alone, whatever their order or the ancestor, and joining a record
 * already joined changes nothing, so every device that merges writes the same revision.
 */

export type OfficeRecord = Pick<OfficeFieldsT, 'privacyKey' | 'suppressed' | 'suppressedUnder'>;

/** The fields of an office's body that hold its suppression record. */
export const RECORD_FIELDS: ReadonlySet<string> = new Set(['privacyKey', 'suppressed', 'suppressedUnder']);

const RecordSchema = OfficeFields.pick({ privacyKey: true, suppressed: true, suppressedUnder: true });

/** The record's fields as the body holds them (absent ones left out). */
function fieldsOf(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of RECORD_FIELDS) if (body[k] !== undefined) out[k] = body[k];
  return out;
}

/** Two records as one: every hash under its key, the smallest of their keys the office's. */
export function unionRecords(a: OfficeRecord, b: OfficeRecord): OfficeRecord {
  const lists = new Map<string, Set<string>>();
  const add = (key: string, hashes: readonly string[] = []) => {
    const list = lists.get(key) ?? new Set<string>();
    for (const h of hashes) list.add(h);
    lists.set(key, list);
  };
  for (const r of [a, b]) {
    // Hashes with no key could never be tested against an address: nothing to keep.
    if (r.privacyKey !== undefined) add(r.privacyKey, r.suppressed);
    for (const u of r.suppressedUnder ?? []) add(u.privacyKey, u.suppressed);
  }
  const key = [a.privacyKey, b.privacyKey].filter((k): k is string => k !== undefined).sort()[0];
  const sorted = (k: string) => [...lists.get(k)!].sort();
  const under = [...lists.keys()]
    .filter((k) => k !== key && lists.get(k)!.size > 0)
    .sort()
    .map((privacyKey) => ({ privacyKey, suppressed: sorted(privacyKey) }));
  return { ...(key !== undefined ? { privacyKey: key, suppressed: sorted(key) } : {}), ...(under.length > 0 ? { suppressedUnder: under } : {}) };
}

/**
 * The record of a merge of two versions of an office, taken as one value: the side that changed
 * it when only one did, else both joined (`unionRecords`). Without an ancestor, the two join.
 * Null when the bodies are not an office's, or a side's record does not read: the field-by-field
 * rule decides then, and a person sees what is wrong.
 */
export function mergeRecord(
  base: Readonly<Record<string, unknown>> | null,
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  if (mine.type !== 'office' || theirs.type !== 'office') return null;
  const [m, t] = [fieldsOf(mine), fieldsOf(theirs)];
  const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  if (same(m, t)) return m;
  if (base && same(m, fieldsOf(base))) return t;
  if (base && same(t, fieldsOf(base))) return m;
  const [a, b] = [RecordSchema.safeParse(m), RecordSchema.safeParse(t)];
  if (!a.success || !b.success) return null;
  return unionRecords(a.data, b.data);
}

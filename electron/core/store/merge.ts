import { mergeRecord, RECORD_FIELDS } from '../contacts/suppression-record';
import { canonicalJson } from './revisions';

type Body = Record<string, unknown>;

/** Fields that describe a revision rather than the document: never merged, never in conflict. */
const REVISION_FIELDS: ReadonlySet<string> = new Set(['type', 'schema', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

export interface MergeResult {
  /** Both sides' changes; a field in conflict holds the value of `ours` here. */
  merged: Body;
  /** Fields changed on both sides to different values, sorted. */
  conflicts: string[];
}

const same = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));

/**
 * The three-way merge of two versions of a document against the version both started from,
 * field by field (a top-level field is the unit a person edits): a field changed on one side
 * only takes that side's value; changed on both sides to the same value, that value; changed
 * on both sides differently, it is a conflict. Without a base (compacted away) every field
 * that differs is a conflict. An office's suppression record only grows: two sides that both
 * added to it are joined, never a conflict. Pure and deterministic: the same three versions
 * give the same result on every machine.
 */
export function threeWayMerge(base: Readonly<Body> | null, ours: Readonly<Body>, theirs: Readonly<Body>): MergeResult {
  const merged: Body = {};
  const conflicts: string[] = [];
  // An office's suppression record is one value, joined rather than in conflict (contacts/suppression-record.ts).
  const record = mergeRecord(base, ours, theirs);
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...(base ? Object.keys(base) : []), ...Object.keys(record ?? {})]);
  for (const k of [...keys].sort()) {
    if (REVISION_FIELDS.has(k) || k === '__proto__') continue;
    const o = ours[k];
    const t = theirs[k];
    let v: unknown;
    if (record && RECORD_FIELDS.has(k)) v = record[k];
    else if (same(o, t)) v = o;
    else if (base && same(o, base[k])) v = t;
    else if (base && same(t, base[k])) v = o;
    else {
      conflicts.push(k);
      v = o;
    }
    if (v !== undefined) merged[k] = v;
  }
  return { merged, conflicts };
}

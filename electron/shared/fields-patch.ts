/**
 * What an editor sends when it saves: only the fields the person changed, so the core's
 * three-way merge sees the person's edit and nothing else (a field the form merely shows in
 * its own way, an empty list for a missing one, say, is not an edit and must not meet a
 * change made elsewhere as a conflict).
 */

type Fields = Readonly<Record<string, unknown>>;

/** Deep equality of JSON values; object keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => sameValue(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(bo, k) && sameValue(ao[k], bo[k]));
}

/**
 * The fields of `next` that differ from `base`, plus every field changed earlier in the
 * session (`touched`, which this adds to): a field changed and then put back is sent with its
 * old value, so the draft journal, which merges what each save sends, forgets the change.
 */
export function fieldsPatch<F extends Fields>(base: F, next: F, touched: Set<string>): Partial<F> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(next)) {
    if (touched.has(k) || !sameValue(base[k], next[k])) {
      touched.add(k);
      patch[k] = next[k];
    }
  }
  return patch as Partial<F>;
}

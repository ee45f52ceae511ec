import { searchTokens } from '../search/text';

/**
 * When two tags are one: they read the same as the releases list's tag filter reads them,
 * capitals, accents and punctuation aside ("Inondations" and "inondations", "Évacuation" and
 * "evacuation", "cash-for-work" and "Cash for work"), and in Arabic the article and the forms
 * of alef. A French or Spanish office types a tag with or without its accents from one day to
 * the next; both would list the same releases, so the library keeps one.
 */
export function tagKey(tag: string): string {
  return searchTokens(tag).join(' ');
}

/** The tags with each one once, in the spelling it was first given; a tag with no words to read is kept as it is. */
export function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = tagKey(t) || t;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The tag among `tags` that is the same as `tag` (in another spelling, or the same), or null. */
export function sameTag(tags: readonly string[], tag: string): string | null {
  const key = tagKey(tag) || tag;
  return tags.find((t) => (tagKey(t) || t) === key) ?? null;
}

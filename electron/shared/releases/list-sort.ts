/**
 * The orders of the releases list: last changed (the default), the date of the release, the
 * headline (A to Z in the collation of the list's language) and the embargo. Releases without
 * a date, an embargo or a headline come last in either direction.
 */
export const RELEASE_SORTS = ['updated', 'releaseDate', 'headline', 'embargo'] as const;
export type ReleaseSort = (typeof RELEASE_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The direction a sort starts in when chosen: the newest first, A to Z, the embargo lifting soonest first. */
export function naturalDirection(sort: ReleaseSort): SortDirection {
  return sort === 'headline' || sort === 'embargo' ? 'asc' : 'desc';
}

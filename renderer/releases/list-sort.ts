import { rememberChoice, rememberedChoice } from '../ui/remembered';
import { RELEASE_SORTS, SORT_DIRECTIONS, type ReleaseSort, type SortDirection } from '../../electron/shared/releases/list-sort';

/**
 * The order of the releases list, remembered on this computer (not in the shared library), as
 * the date style and the interface language are: each person keeps the order they work in.
 */
export interface ReleaseOrder {
  sort: ReleaseSort;
  direction: SortDirection;
}

const STORAGE_KEY = 'dateline.releaseOrder';
export const DEFAULT_ORDER: ReleaseOrder = { sort: 'updated', direction: 'desc' };

/** The order saved on this computer, or the default (last changed first) when none is, or what is saved is not one. */
export function savedReleaseOrder(): ReleaseOrder {
  return rememberedChoice(
    STORAGE_KEY,
    (v) => {
      if (!v || typeof v !== 'object') return null;
      const { sort, direction } = v as Record<string, unknown>;
      return (RELEASE_SORTS as readonly unknown[]).includes(sort) && (SORT_DIRECTIONS as readonly unknown[]).includes(direction)
        ? { sort: sort as ReleaseSort, direction: direction as SortDirection }
        : null;
    },
    DEFAULT_ORDER,
  );
}

export function rememberReleaseOrder(order: ReleaseOrder): void {
  rememberChoice(STORAGE_KEY, order);
}

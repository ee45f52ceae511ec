import { saidOnce } from '../ui/said-once';

/**
 * The release just moved to the trash from the editor, handed to the releases list the editor
 * goes back to, which says so once with Undo.
 */
export interface Trashed {
  id: string;
  headline: string;
}

const trashed = saidOnce<Trashed>();

export const noteTrashed = trashed.note;

/** The release to report, once: a second call (or another visit to the list) gets null. */
export const takeTrashed = trashed.take;

import { saidOnce } from '../ui/said-once';

/**
 * The kit just deleted from the kit builder, handed to the kits list the builder goes back to,
 * which says so once with Undo: `rev` is the revision deleted, the one Undo brings back.
 */
export interface DeletedKit {
  id: string;
  title: string;
  rev: string;
}

const deleted = saidOnce<DeletedKit>();

export const noteKitDeleted = deleted.note;

/** The kit to report, once: a second call (or another visit to the list) gets null. */
export const takeKitDeleted = deleted.take;

import type { DeletedDoc } from '../ui/DeletedNotice';
import { saidOnce } from '../ui/said-once';

/** The contact just deleted from its page, handed to the contacts list, which says so once with Undo. */
const deleted = saidOnce<DeletedDoc>();

export const noteContactDeleted = deleted.note;

/** The contact to report, once: a second call (or another visit to the list) gets null. */
export const takeContactDeleted = deleted.take;

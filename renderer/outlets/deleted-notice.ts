import { saidOnce } from '../ui/said-once';

/**
 * The name of the outlet just deleted from its page, handed to the outlets list the page goes
 * back to, which says so once.
 */
const deleted = saidOnce<string>();

export const noteOutletDeleted = deleted.note;

/** The outlet to report, once: a second call (or another visit to the list) gets null. */
export const takeOutletDeleted = deleted.take;

import type { EraseResult } from '../../electron/shared/contacts/person-contract';
import { saidOnce } from '../ui/said-once';

/**
 * What an erase removed, handed from the person's page (which closes with the person) to the
 * contacts list it goes to, which says it once.
 */
const erased = saidOnce<EraseResult>();

export const noteErased = erased.note;

/** The erase to report, once: a second call (or another visit to the list) gets null. */
export const takeErased = erased.take;

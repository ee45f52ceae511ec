import type { FileFailure } from '../../../shared/sync/app-contract';
import { SyncError, type SyncFailure } from '../errors';

/**
 * One file refused on its way down, with why as a code and parameters (the status carries them
 * to the UI, which says them in the person's language) beside the English message for the CLI
 * and the log. Only that file fails; the others go on.
 */
export class FileFailed extends SyncError {
  constructor(
    readonly why: FileFailure,
    message: string,
    failure: SyncFailure = 'damaged',
  ) {
    super(failure, message);
    this.name = 'FileFailed';
  }
}

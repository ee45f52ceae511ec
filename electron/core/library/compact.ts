import type { CompactResult } from '../../shared/contract';
import { DatelineError } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import type { JobHandle } from '../jobs';
import type { DocStore } from '../store/docstore';

/** Documents compacted per transaction: short enough that an edit or a sync never waits long. */
const SLICE = 2000;

/**
 * Removes the bodies of old revisions (DocStore.compact keeps the tree, the leaves, the branch
 * points and the bases of editing sessions and open cases), one document or the whole library
 * a slice at a time with progress. A cancel stops between slices: what was compacted stays so.
 */
export function compactLibrary(docs: DocStore, input: { id?: string | undefined }, job: JobHandle): CompactResult {
  if (input.id !== undefined) {
    job.progress(0, 1, jobStep('COMPACT_REMOVING'));
    const removed = docs.compact(input.id);
    job.progress(1, 1);
    return { removed };
  }
  const last = docs.lastDocRow();
  let removed = 0;
  job.progress(0, last, jobStep('COMPACT_REMOVING'));
  for (let from = 1; from <= last; from += SLICE) {
    if (job.signal.aborted) {
      throw new DatelineError('CANCELLED', `Compaction stopped; ${removed} old version${removed === 1 ? ' was' : 's were'} already removed.`, {
        params: { removed },
      });
    }
    const to = Math.min(last, from + SLICE - 1);
    removed += docs.compactRange(from, to);
    job.progress(to, last);
  }
  return { removed };
}

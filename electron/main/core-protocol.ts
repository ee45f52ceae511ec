import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';

/**
 * Messages between the shell (main process) and the core host (utility process). Each call
 * carries an id the answer repeats, so many calls can be in flight at once and answer out of
 * order; events are pushed without an id.
 */
export type ToCore =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close' };

export type FromCore =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: CoreEvent }
  | { type: 'closed' };

export function isFromCore(m: unknown): m is FromCore {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as { type?: unknown; id?: unknown; result?: unknown; event?: unknown };
  switch (msg.type) {
    case 'result':
      return typeof msg.id === 'number' && typeof msg.result === 'object' && msg.result !== null;
    case 'event':
      return typeof msg.event === 'object' && msg.event !== null;
    case 'closed':
      return true;
    default:
      return false;
  }
}

export function isToCore(m: unknown): m is ToCore {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as { type?: unknown; id?: unknown; method?: unknown };
  if (msg.type === 'close') return true;
  return msg.type === 'call' && typeof msg.id === 'number' && typeof msg.method === 'string';
}

import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { PageSize } from '../shared/kits/layout';

/**
 * Messages between the shell (main process) and the core host (utility process). Each call
 * carries an id the answer repeats, so many calls can be in flight at once and answer out of
 * order; events are pushed without an id.
 *
 * Printing runs the other way: only the main process has Electron's Chromium, so the core asks
 * it to print a kit (`print`, numbered by the core), may withdraw the request (`print-cancel`)
 * and gets the PDF, or why there is none, under the same id (`printed`).
 *
 * The sync password's keychain runs the same way: only the main process has safeStorage, so
 * the core asks it (`secret`, numbered by the core) and gets the answer under that id
 * (`secret-reply`).
 */
export type ToCore =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'printed'; id: number; result: Result<Uint8Array> }
  | { type: 'secret-reply'; id: number; result: Result<unknown> }
  | { type: 'close' };

export type FromCore =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: CoreEvent }
  | { type: 'print'; id: number; request: PrintRequest }
  | { type: 'print-cancel'; id: number }
  | { type: 'secret'; id: number; request: unknown }
  | { type: 'closed' };

/**
 * One kit to print: the page, the paper, and every URL the page may load with the local file
 * that answers it (pairs, not a Map, so the request survives structured cloning unchanged).
 */
export interface PrintRequest {
  html: string;
  pageSize: PageSize;
  files: [url: string, localPath: string][];
  tagged?: boolean;
}

export function isFromCore(m: unknown): m is FromCore {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as { type?: unknown; id?: unknown; result?: unknown; event?: unknown; request?: unknown };
  switch (msg.type) {
    case 'result':
      return typeof msg.id === 'number' && typeof msg.result === 'object' && msg.result !== null;
    case 'event':
      return typeof msg.event === 'object' && msg.event !== null;
    case 'print':
      // Only the envelope here; print.ts checks the request itself before acting on it.
      return typeof msg.id === 'number' && typeof msg.request === 'object' && msg.request !== null;
    case 'print-cancel':
      return typeof msg.id === 'number';
    case 'secret':
      // The request is checked by the keychain (secrets.ts) before it acts on it.
      return typeof msg.id === 'number' && typeof msg.request === 'object' && msg.request !== null;
    case 'closed':
      return true;
    default:
      return false;
  }
}

export function isToCore(m: unknown): m is ToCore {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as { type?: unknown; id?: unknown; method?: unknown; result?: unknown };
  if (msg.type === 'close') return true;
  if (msg.type === 'printed' || msg.type === 'secret-reply') return typeof msg.id === 'number' && typeof msg.result === 'object' && msg.result !== null;
  return msg.type === 'call' && typeof msg.id === 'number' && typeof msg.method === 'string';
}

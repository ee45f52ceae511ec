import type { CoreEvent } from '../shared/contract';
import type { Result } from '../shared/errors';
import { toApiError } from '../core/jobs';
import { isToCore, type FromCore } from './core-protocol';

/** What the core host needs of the opened core (openCore's result has this shape). */
export interface HostedCore {
  dispatch(method: string, input: unknown, caller: { transport: 'ipc' }): Promise<Result<unknown>>;
  jobs: { on(listener: (event: CoreEvent) => void): () => void };
  close(): void;
}

export interface CorePort {
  postMessage(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * The core host's side of the link: answers every call with its Result under the call's id and
 * pushes the core's events. A library that fails to open (newer version, damaged, not a
 * library) does not kill the host: every call is answered with that error, so the window can
 * say what is wrong instead of showing a dead app.
 */
export function serveCore(port: CorePort, open: () => Promise<HostedCore>, exit: () => void): void {
  const opening = open().then((core) => {
    core.jobs.on((event) => send(port, { type: 'event', event }));
    return core;
  });
  // Reported to each caller below; an unobserved rejection would crash the host instead.
  opening.catch(() => undefined);
  let closing = false;

  port.onMessage((message) => {
    if (!isToCore(message)) return;
    if (message.type === 'close') {
      if (closing) return;
      closing = true;
      void opening
        .then((core) => core.close(), () => undefined)
        .catch(() => undefined)
        .finally(() => {
          send(port, { type: 'closed' });
          exit();
        });
      return;
    }
    const { id, method, input } = message;
    void answer(opening, closing, method, input).then((result) => send(port, { type: 'result', id, result }));
  });

  async function answer(core: Promise<HostedCore>, isClosing: boolean, method: string, input: unknown): Promise<Result<unknown>> {
    if (isClosing) return { ok: false, error: { code: 'INTERNAL', message: 'Dateline is closing; the request was not run.' } };
    try {
      return await (await core).dispatch(method, input, { transport: 'ipc' });
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }
}

function send(port: CorePort, message: FromCore): void {
  try {
    port.postMessage(message);
  } catch (e) {
    // A value that cannot cross processes (a function, say) must still get its caller an answer.
    if (message.type === 'result') {
      port.postMessage({ type: 'result', id: message.id, result: { ok: false, error: toApiError(e) } });
    }
  }
}

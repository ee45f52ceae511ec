import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { asCoreEvent, asResult, unreachable, type CoreListener, type DatelineClient, type PreloadBridge } from './types';

/** The desktop app's client: the preload's pipe to the main process. */
export function createIpcClient(bridge: PreloadBridge): DatelineClient {
  return {
    async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<CallResult<M>>> {
      try {
        return asResult<CallResult<M>>(await bridge.invoke(method, input), method);
      } catch (e) {
        return unreachable(e instanceof Error ? e.message : String(e));
      }
    },
    on(listener: CoreListener) {
      return bridge.on((raw) => {
        const event = asCoreEvent(raw);
        if (event) listener(event);
      });
    },
    // The desktop shell trusts its own window; there is no token to lose.
    onUnauthorized() {
      return () => undefined;
    },
  };
}

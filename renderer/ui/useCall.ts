import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: ApiError };

/**
 * Calls one contract method when `key` changes and keeps the latest answer. Answers to
 * older calls are dropped, so a slow reply never overwrites a newer one.
 */
export function useCall<M extends MethodName>(method: M, input: InputOf<M>, key: string): Loaded<CallResult<M>> & { reload: () => void } {
  const client = useClient();
  const [state, setState] = useState<Loaded<CallResult<M>>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    let live = true;
    setState((s) => (s.status === 'ok' ? s : { status: 'loading' }));
    void client.call(method, inputRef.current).then((res) => {
      if (!live) return;
      setState(res.ok ? { status: 'ok', value: res.value } : { status: 'error', error: res.error });
    });
    return () => {
      live = false;
    };
  }, [client, method, key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

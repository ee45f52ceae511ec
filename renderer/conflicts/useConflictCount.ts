import { useEffect, useState } from 'react';
import { useClient } from '../client/context';

/** Said on the window when the person settles a case here, so the count follows at once. */
export const CONFLICTS_CHANGED = 'dateline:conflicts-changed';

/**
 * How many cases wait in the conflicts inbox: asked again after every sync, every change from
 * elsewhere and every case settled in this window. Null until the first answer (or when the
 * library cannot say), so no badge shows a guess.
 */
export function useConflictCount(): number | null {
  const client = useClient();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void client.call('conflict.list', {}).then((res) => {
        if (live) setCount(res.ok ? res.value.length : null);
      });
    ask();
    const stop = client.on((e) => {
      if (e.type === 'library.changed' || e.type === 'sync.status' || (e.type === 'job.done' && e.job.method === 'sync.run')) ask();
    });
    window.addEventListener(CONFLICTS_CHANGED, ask);
    return () => {
      live = false;
      stop();
      window.removeEventListener(CONFLICTS_CHANGED, ask);
    };
  }, [client]);
  return count;
}

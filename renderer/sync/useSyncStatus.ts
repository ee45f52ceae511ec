import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';

/**
 * Of two statuses, the one the core produced last (a reply can arrive after a later event); a
 * status from another run of the core (restarted under this window) is newer than any of the old.
 */
function latestStatus(held: SyncStatus | null, next: SyncStatus): SyncStatus {
  return held !== null && held.run === next.run && held.seq > next.seq ? held : next;
}

/**
 * The core's sync status: asked once, then kept current by its `sync.status` events and by the
 * status each sync call replies with, whichever the core produced last.
 */
export function useSyncStatus(): { status: SyncStatus | null; error: ApiError | null; set: (s: SyncStatus) => void } {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const set = useCallback((next: SyncStatus) => setStatus((held) => latestStatus(held, next)), []);
  useEffect(() => {
    let live = true;
    const stop = client.on((e) => {
      if (e.type === 'sync.status' && live) set(e.status);
    });
    void client.call('sync.status', {}).then((res) => {
      if (!live) return;
      if (res.ok) set(res.value);
      else setError(res.error);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client, set]);
  return { status, error, set };
}

/**
 * Tells the core when the machine goes offline and comes back (the window's own events), so
 * sync waits while there is no network and starts as soon as there is.
 */
export function useOnlineReport(): void {
  const client = useClient();
  useEffect(() => {
    const report = () => void client.call('sync.online', { online: navigator.onLine });
    report();
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, [client]);
}

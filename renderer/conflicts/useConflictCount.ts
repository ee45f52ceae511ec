import { useCallback, useSyncExternalStore } from 'react';
import { useClient } from '../client/context';
import type { DatelineClient } from '../client/types';

/** Said on the window when the person settles a case here, so the count follows at once. */
export const CONFLICTS_CHANGED = 'dateline:conflicts-changed';

/**
 * The count of one client's conflicts inbox, shared by every badge and panel that shows it. A
 * sync that pulls hundreds of documents sends as many change events: each used to ask the core
 * for the whole inbox, once per component showing the count, so 300 writes from elsewhere made
 * 600 requests at once (more than the browser would hold open). Now one question is in flight at
 * a time for the window, and the events that arrive meanwhile ask once more when it is answered:
 * the count is never older than the last event, and a burst costs two questions.
 */
interface CountStore {
  count: number | null;
  listeners: Set<() => void>;
  inFlight: boolean;
  again: boolean;
  stop: (() => void) | null;
}

const stores = new WeakMap<DatelineClient, CountStore>();

function storeOf(client: DatelineClient): CountStore {
  let store = stores.get(client);
  if (!store) {
    store = { count: null, listeners: new Set(), inFlight: false, again: false, stop: null };
    stores.set(client, store);
  }
  return store;
}

function ask(client: DatelineClient, store: CountStore): void {
  if (store.inFlight) {
    store.again = true;
    return;
  }
  store.inFlight = true;
  store.again = false;
  void client.call('conflict.list', {}).then(
    (res) => answered(client, store, res.ok ? res.value.length : null),
    () => answered(client, store, null),
  );
}

function answered(client: DatelineClient, store: CountStore, count: number | null): void {
  store.inFlight = false;
  // Nobody shows the count any more: nothing to keep current.
  if (store.listeners.size === 0) return;
  if (count !== store.count) {
    store.count = count;
    for (const l of store.listeners) l();
  }
  if (store.again) ask(client, store);
}

function subscribe(client: DatelineClient, listener: () => void): () => void {
  const store = storeOf(client);
  store.listeners.add(listener);
  if (store.listeners.size === 1) {
    const askNow = () => ask(client, store);
    const stopEvents = client.on((e) => {
      if (e.type === 'library.changed' || e.type === 'sync.status' || (e.type === 'job.done' && e.job.method === 'sync.run')) askNow();
    });
    window.addEventListener(CONFLICTS_CHANGED, askNow);
    store.stop = () => {
      stopEvents();
      window.removeEventListener(CONFLICTS_CHANGED, askNow);
    };
    askNow();
  }
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size === 0) {
      store.stop?.();
      store.stop = null;
      store.again = false;
      // Asked again from scratch by the next to show it: no badge shows a count kept while nobody listened.
      store.count = null;
    }
  };
}

/**
 * How many cases wait in the conflicts inbox: asked again after every sync, every change from
 * elsewhere and every case settled in this window. Null until the first answer (or when the
 * library cannot say), so no badge shows a guess.
 */
export function useConflictCount(): number | null {
  const client = useClient();
  const sub = useCallback((listener: () => void) => subscribe(client, listener), [client]);
  return useSyncExternalStore(sub, () => storeOf(client).count);
}

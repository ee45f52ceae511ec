import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { CoreEvent } from '../../electron/shared/contract';
import type { DatelineClient } from './types';

const ClientContext = createContext<DatelineClient | null>(null);

export function ClientProvider({ client, children }: { client: DatelineClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): DatelineClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider above it');
  return client;
}

/** Subscribes to the core's events for the component's life; the latest handler is used. */
export function useCoreEvents(handler: (event: CoreEvent) => void): void {
  const client = useClient();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => client.on((e) => ref.current(e)), [client]);
}

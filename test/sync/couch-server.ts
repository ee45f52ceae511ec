import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startCouch, type CouchServer } from './couch-process';
import { FaultProxy } from './fault-proxy';

export { startCouch, stopChild, type CouchServer } from './couch-process';

/**
 * A pouchdb-server and the fault proxy in front of it for one test file: started before the
 * first test, stopped after the last, the proxy's rules cleared before each test.
 */
export interface CouchWithProxy {
  readonly server: CouchServer;
  readonly proxy: FaultProxy;
  /** A new empty database: its name, its URL straight to the server and through the proxy. */
  freshDb(prefix?: string): Promise<{ name: string; direct: string; proxied: string }>;
}

export function useCouchWithProxy(): CouchWithProxy {
  let server: CouchServer | null = null;
  let proxy: FaultProxy | null = null;
  let n = 0;
  beforeAll(async () => {
    server = await startCouch({ keepIdle: true });
    proxy = await FaultProxy.start(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });
  beforeEach(() => proxy?.clear());
  const started = <T>(v: T | null): T => {
    if (v === null) throw new Error('useCouchWithProxy: the server starts in beforeAll; use it inside a test');
    return v;
  };
  return {
    get server() {
      return started(server);
    },
    get proxy() {
      return started(proxy);
    },
    async freshDb(prefix = 'office') {
      const name = `${prefix}${++n}`;
      const direct = await started(server).createDb(name);
      return { name, direct, proxied: started(proxy).db(name) };
    },
  };
}

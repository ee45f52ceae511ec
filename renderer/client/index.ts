import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc';
import { takeToken } from './token';
import type { DatelineClient } from './types';

export type ClientSetup = { kind: 'ready'; client: DatelineClient } | { kind: 'no-token' };

/** Picks the transport: the preload's pipe in the desktop app, HTTP with the page's token in web mode. */
export function setUpClient(win: Window = window): ClientSetup {
  if (win.dateline) return { kind: 'ready', client: createIpcClient(win.dateline) };
  const token = takeToken(win);
  if (!token) return { kind: 'no-token' };
  return { kind: 'ready', client: createHttpClient({ token, baseUrl: win.location.origin }) };
}

import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc';
import { takeToken, type LaunchRefusal } from './token';
import type { DatelineClient } from './types';

export type ClientSetup = { kind: 'ready'; client: DatelineClient } | { kind: 'no-token' } | { kind: 'launch-refused'; reason: LaunchRefusal };

/**
 * Picks the transport: the preload's pipe in the desktop app, HTTP with the session's token in
 * web mode (exchanged for the launch link the page was opened with, or kept from before a reload).
 */
export async function setUpClient(win: Window = window, doFetch?: typeof fetch): Promise<ClientSetup> {
  if (win.dateline) return { kind: 'ready', client: createIpcClient(win.dateline) };
  const outcome = await takeToken(win, doFetch);
  if (outcome.kind === 'none') return { kind: 'no-token' };
  if (outcome.kind === 'refused') return { kind: 'launch-refused', reason: outcome.reason };
  return { kind: 'ready', client: createHttpClient({ token: outcome.token, baseUrl: win.location.origin }) };
}

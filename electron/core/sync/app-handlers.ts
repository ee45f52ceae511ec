import { DatelineError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { SyncService } from './service';

/** The core's sync service, once it has asked the keychain (so no answer says "no password" too early). */
async function service(ctx: CoreContext): Promise<SyncService> {
  if (!ctx.sync) throw new DatelineError('INTERNAL', 'Sync in the app is not running in this Dateline.', { params: { reason: 'syncNotRunning' } });
  await ctx.sync.whenReady();
  return ctx.sync;
}

/** Contract handlers of sync in the app; the work is the core's SyncService (service.ts). */
export const syncAppHandlers: Pick<Handlers, 'sync.settings' | 'sync.configure' | 'sync.password' | 'sync.status' | 'sync.now' | 'sync.pause' | 'sync.online' | 'sync.createDatabase'> = {
  'sync.settings': async (_input, ctx) => (await service(ctx)).settings(),
  'sync.configure': async (input, ctx) => (await service(ctx)).configure(input),
  'sync.password': async (input, ctx) => (await service(ctx)).setPassword(input.password, input.remember),
  'sync.status': async (_input, ctx) => (await service(ctx)).status(),
  'sync.now': async (_input, ctx) => (await service(ctx)).syncNow(),
  'sync.pause': async (input, ctx) => (await service(ctx)).setPaused(input.paused),
  'sync.online': async (input, ctx) => (await service(ctx)).setOnline(input.online),
  'sync.createDatabase': async (input, ctx) => (await service(ctx)).createDatabase(input.office),
};

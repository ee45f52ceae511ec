import { DatelineError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { SyncService } from './service';

function service(ctx: CoreContext): SyncService {
  if (!ctx.sync) throw new DatelineError('INTERNAL', 'Sync in the app is not running in this Dateline.');
  return ctx.sync;
}

/** Contract handlers of sync in the app; the work is the core's SyncService (service.ts). */
export const syncAppHandlers: Pick<Handlers, 'sync.settings' | 'sync.configure' | 'sync.password' | 'sync.status' | 'sync.now' | 'sync.pause' | 'sync.online'> = {
  'sync.settings': (_input, ctx) => service(ctx).settings(),
  'sync.configure': (input, ctx) => service(ctx).configure(input),
  'sync.password': (input, ctx) => service(ctx).setPassword(input.password, input.remember),
  'sync.status': (_input, ctx) => service(ctx).status(),
  'sync.now': (_input, ctx) => service(ctx).syncNow(),
  'sync.pause': (input, ctx) => service(ctx).setPaused(input.paused),
  'sync.online': (input, ctx) => service(ctx).setOnline(input.online),
};

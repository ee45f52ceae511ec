import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { BackupDialogReplySchema, type BackupDialogReply, type BackupDialogRequest } from '../../electron/shared/library/backup-dialog';
import { SyncFileDialogReplySchema, type SyncFileDialogReply, type SyncFileDialogRequest } from '../../electron/shared/sync/file-dialog';
import { asCoreEvent, asResult, brokenReply, unreachable, type CoreListener, type DatelineClient, type PreloadBridge } from './types';

/** The desktop app's client: the preload's pipe to the main process. */
export function createIpcClient(bridge: PreloadBridge): DatelineClient {
  const syncFile = bridge.syncFile?.bind(bridge);
  const backupFile = bridge.backupFile?.bind(bridge);
  return {
    async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<CallResult<M>>> {
      try {
        return asResult<CallResult<M>>(await bridge.invoke(method, input), method);
      } catch (e) {
        return unreachable(e instanceof Error ? e.message : String(e));
      }
    },
    on(listener: CoreListener) {
      return bridge.on((raw) => {
        const event = asCoreEvent(raw);
        if (event) listener(event);
      });
    },
    // The desktop shell trusts its own window; there is no token to lose.
    onUnauthorized() {
      return () => undefined;
    },
    ...(syncFile ? { syncFileDialog: (request: SyncFileDialogRequest) => syncFileDialog(syncFile, request) } : {}),
    ...(backupFile ? { backupDialog: (request: BackupDialogRequest) => backupDialog(backupFile, request) } : {}),
  };
}

async function syncFileDialog(syncFile: NonNullable<PreloadBridge['syncFile']>, request: SyncFileDialogRequest): Promise<Result<SyncFileDialogReply>> {
  let raw: unknown;
  try {
    raw = await syncFile(request);
  } catch (e) {
    return unreachable(e instanceof Error ? e.message : String(e));
  }
  const r = asResult<unknown>(raw);
  if (!r.ok) return r;
  const reply = SyncFileDialogReplySchema.safeParse(r.value);
  return reply.success ? { ok: true, value: reply.data } : brokenReply();
}

async function backupDialog(backupFile: NonNullable<PreloadBridge['backupFile']>, request: BackupDialogRequest): Promise<Result<BackupDialogReply>> {
  let raw: unknown;
  try {
    raw = await backupFile(request);
  } catch (e) {
    return unreachable(e instanceof Error ? e.message : String(e));
  }
  const r = asResult<unknown>(raw);
  if (!r.ok) return r;
  const reply = BackupDialogReplySchema.safeParse(r.value);
  return reply.success ? { ok: true, value: reply.data } : brokenReply();
}

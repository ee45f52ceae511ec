import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { BackupDialogReplySchema, type BackupDialogReply, type BackupDialogRequest } from '../../electron/shared/library/backup-dialog';
import { RestoreDialogReplySchema, type RestoreDialogReply, type RestoreDialogRequest } from '../../electron/shared/library/restore-dialog';
import {
  ContactFileChosenSchema,
  ContactFileOpenReplySchema,
  ContactFileReadReplySchema,
  type ContactFileChosen,
  type ContactFileOpenReply,
  type ContactFileOpenRequest,
  type ContactFileReadReply,
  type ContactFileReadRequest,
} from '../../electron/shared/contacts/file-dialog';
import { SyncFileDialogReplySchema, type SyncFileDialogReply, type SyncFileDialogRequest } from '../../electron/shared/sync/file-dialog';
import { asCoreEvent, asResult, brokenReply, unreachable, type CoreListener, type DatelineClient, type PreloadBridge } from './types';

/** The desktop app's client: the preload's pipe to the main process. */
export function createIpcClient(bridge: PreloadBridge): DatelineClient {
  const syncFile = bridge.syncFile?.bind(bridge);
  const backupFile = bridge.backupFile?.bind(bridge);
  const restoreFile = bridge.restoreFile?.bind(bridge);
  const contactFileOpen = bridge.contactFileOpen?.bind(bridge);
  const contactFileDropped = bridge.contactFileDropped?.bind(bridge);
  const contactFileRead = bridge.contactFileRead?.bind(bridge);
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
    ...(syncFile ? { syncFileDialog: (request: SyncFileDialogRequest) => dialogCall<SyncFileDialogRequest, SyncFileDialogReply>(syncFile, request, SyncFileDialogReplySchema) } : {}),
    ...(backupFile ? { backupDialog: (request: BackupDialogRequest) => dialogCall<BackupDialogRequest, BackupDialogReply>(backupFile, request, BackupDialogReplySchema) } : {}),
    ...(restoreFile ? { restoreDialog: (request: RestoreDialogRequest) => dialogCall<RestoreDialogRequest, RestoreDialogReply>(restoreFile, request, RestoreDialogReplySchema) } : {}),
    ...(contactFileOpen && contactFileRead
      ? {
          contactFileDialog: (request: ContactFileOpenRequest) => dialogCall<ContactFileOpenRequest, ContactFileOpenReply>(contactFileOpen, request, ContactFileOpenReplySchema),
          contactFileRead: (request: ContactFileReadRequest) => dialogCall<ContactFileReadRequest, ContactFileReadReply>(contactFileRead, request, ContactFileReadReplySchema),
        }
      : {}),
    ...(contactFileDropped && contactFileRead
      ? { contactFileFromDrop: (file: File) => dialogCall<File, ContactFileChosen | null>(contactFileDropped, file, ContactFileChosenSchema.nullable()) }
      : {}),
  };
}

/** A shared schema's check, as the dialogs' reply schemas offer it. */
type ReplySchema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/**
 * One of the main process's file dialogs (sync file, backup, restore): its reply checked against the
 * dialog's schema, a bridge that throws or answers out of shape said as such.
 */
async function dialogCall<Req, Reply>(send: (request: Req) => Promise<unknown>, request: Req, schema: ReplySchema<Reply>): Promise<Result<Reply>> {
  let raw: unknown;
  try {
    raw = await send(request);
  } catch (e) {
    return unreachable(e instanceof Error ? e.message : String(e));
  }
  const r = asResult<unknown>(raw);
  if (!r.ok) return r;
  const reply = schema.safeParse(r.value);
  return reply.success ? { ok: true, value: reply.data } : brokenReply();
}

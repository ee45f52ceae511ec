import type { AttachmentSummary, ContactSummary, Page } from '../../electron/shared/contract';
import type { ApiError, Result } from '../../electron/shared/errors';
import type { DatelineClient } from '../client/types';

/** The core names at most this many documents in one list call (ListIds). */
const IDS_PER_CALL = 500;

/** Every row of `ids`, asked `IDS_PER_CALL` ids at a time (a kit holds up to 2,000 items); the first failure, if any. */
async function byIds<T>(ids: readonly string[], ask: (ids: string[]) => Promise<Result<Page<T>>>): Promise<{ rows: T[]; error: ApiError | null }> {
  const chunks: string[][] = [];
  for (let at = 0; at < ids.length; at += IDS_PER_CALL) chunks.push(ids.slice(at, at + IDS_PER_CALL));
  const answers = await Promise.all(chunks.map(ask));
  const failed = answers.find((a) => !a.ok);
  return { rows: answers.flatMap((a) => (a.ok ? a.value.items : [])), error: failed && !failed.ok ? failed.error : null };
}

/**
 * The list rows of the files and contacts a kit holds, read by id: what they are called, told
 * apart by, and whether the file is here. An id no longer in the library has no row (the builder
 * says so in its place).
 */
export async function knownRows(
  client: DatelineClient,
  ids: { attachments: readonly string[]; contacts: readonly string[] },
): Promise<{ attachments: AttachmentSummary[]; contacts: ContactSummary[]; error: ApiError | null }> {
  const [att, con] = await Promise.all([
    byIds(ids.attachments, (some) => client.call('attachment.list', { ids: some, limit: IDS_PER_CALL })),
    byIds(ids.contacts, (some) => client.call('contact.list', { ids: some, limit: IDS_PER_CALL })),
  ]);
  return { attachments: att.rows, contacts: con.rows, error: att.error ?? con.error };
}

import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { OfficeFieldsT } from '../../shared/documents';
import type { Library } from '../store/library';
import { decodeDoc } from '../store/repository';

/**
 * The suppression record of erased people: keyed hashes (HMAC-SHA-256) of their normalised
 * e-mails and phones, kept on the office document with the key, so every device of the office
 * gets both by sync and no later import brings the person back. It is pseudonymisation, not
 * anonymity: whoever holds the office's data holds the key and can test an address against it.
 * A library with no office keeps the record in a `_local` document of its own (this computer
 * only, carried by a backup): an erase must not invent an office to hold it. Once the library
 * has an office (set up here, or arrived by sync or a sync file), that record moves into the
 * office's (joinOfficeSuppression), so the people it keeps out stay out on every device of the
 * office. A keyed hash cannot be remade under another key (the addresses it was made from are
 * gone), so an office with no key yet takes the record's key and list; one with a key of its
 * own keeps the record under its key in `suppressedUnder`. Either way the office's new body is
 * a function of the two records (sorted, no clock), as an erase's is. Two versions of the
 * office's record, from devices that erased people before they synced, join in the merge
 * (suppression-record.ts), and the import checks every key's list.
 */

export interface OfficeSuppression {
  privacyKey: string;
  suppressed: string[];
}

const LOCAL_ID = 'contact-suppression';
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const LocalSuppression = z.object({ privacyKey: Hex64, suppressed: z.array(Hex64) });

/** The record of a library that has no office, or null when it has none. */
export function localSuppression(ctx: CoreContext): OfficeSuppression | null {
  return ownRecord(ctx.library);
}

function ownRecord(library: Library): OfficeSuppression | null {
  return library.repo.local(LOCAL_ID, LocalSuppression, 'suppression list') ?? null;
}

type OfficeRecord = Pick<OfficeFieldsT, 'privacyKey' | 'suppressed' | 'suppressedUnder'>;

const sortedUnion = (a: readonly string[] = [], b: readonly string[] = []): string[] => [...new Set([...a, ...b])].sort();

/**
 * The office's record with a library's own record joined to it: under the office's key when
 * it has none yet or the same one, else beside it under its own key. Pure and sorted, so the
 * same two records always give the same body.
 */
export function joinRecords(office: OfficeRecord, own: OfficeSuppression): OfficeRecord {
  if (office.privacyKey === undefined || office.privacyKey === own.privacyKey) {
    return { privacyKey: own.privacyKey, suppressed: sortedUnion(office.suppressed, own.suppressed) };
  }
  const under = new Map((office.suppressedUnder ?? []).map((u) => [u.privacyKey, u.suppressed]));
  under.set(own.privacyKey, sortedUnion(under.get(own.privacyKey), own.suppressed));
  return {
    suppressedUnder: [...under.keys()].sort().map((privacyKey) => ({ privacyKey, suppressed: under.get(privacyKey)! })),
  };
}

/** The office that holds a library's suppression record: its first, as an erase with no office of the person's picks. */
function firstOffice(library: Library): string | undefined {
  return library.db.prepare<[], string>('SELECT d.id FROM office_p p JOIN docs d ON d.rowid = p.doc_rowid ORDER BY d.rowid LIMIT 1').pluck().get();
}

/**
 * Moves the record this library kept on its own into its office's, once it has one; the
 * local record goes. Returns the office written, or null (no local record, or no office yet).
 * Runs after a sync or a sync file brought documents and before an erase adds to the record.
 */
export function joinOfficeSuppression(library: Library): string | null {
  return library.db.transaction((): string | null => {
    const own = ownRecord(library);
    if (!own) return null;
    const id = firstOffice(library);
    if (id === undefined) return null;
    if (own.suppressed.length > 0) {
      const stored = library.docs.require(id, 'office');
      const joined = joinRecords(decodeDoc('office', stored), own);
      // Written without a clock, as an erase writes the record: the stored body with only these fields changed.
      library.docs.writeExact(stored.id, stored.rev, { ...stored.body, ...joined }, false, { author: library.author });
    }
    forgetOwnRecord(library);
    return id;
  }).immediate();
}

/**
 * An office being set up in a library that has none yet: its fields with the library's own
 * record joined in, and that record gone, in the caller's transaction with the office's creation.
 */
export function withOwnRecord<T>(library: Library, fields: OfficeFieldsT, create: (fields: OfficeFieldsT) => T): T {
  return library.db.transaction((): T => {
    const own = firstOffice(library) === undefined ? ownRecord(library) : null;
    if (!own) return create(fields);
    const made = create(own.suppressed.length > 0 ? { ...fields, ...joinRecords(fields, own) } : fields);
    forgetOwnRecord(library);
    return made;
  }).immediate();
}

function forgetOwnRecord(library: Library): void {
  library.db.prepare('DELETE FROM local_docs WHERE id = ?').run(LOCAL_ID);
}

export function setLocalSuppression(ctx: CoreContext, record: OfficeSuppression): void {
  ctx.library.replication.putLocal({ _id: LOCAL_ID, ...record });
}

export function keyedHash(privacyKey: string, contactKey: string): string {
  return createHmac('sha256', Buffer.from(privacyKey, 'hex')).update(contactKey).digest('hex');
}

export function newPrivacyKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * A test for contact keys against every office's record: the reason to refuse, or null. Each
 * office is read through the one decoder: a record damaged outside Dateline stops the import
 * with the error naming it, rather than reading as an empty list and letting erased people back.
 */
export function suppressionCheck(ctx: CoreContext): (keys: string[]) => string | null {
  const offices = ctx.library.db
    .prepare<[], string>(`SELECT d.id FROM office_p p JOIN docs d ON d.rowid = p.doc_rowid`)
    .pluck()
    .all()
    .map((id) => ctx.library.repo.get('office', id))
    .flatMap((o) => [
      ...(o.privacyKey !== undefined && (o.suppressed ?? []).length > 0 ? [{ key: o.privacyKey, set: new Set(o.suppressed) }] : []),
      // Lists that joined the office's from a library that kept its own, each under its key.
      ...(o.suppressedUnder ?? []).map((u) => ({ key: u.privacyKey, set: new Set(u.suppressed) })),
    ]);
  const own = localSuppression(ctx);
  if (own && own.suppressed.length > 0) offices.push({ key: own.privacyKey, set: new Set(own.suppressed) });
  if (offices.length === 0) return () => null;
  return (keys) => {
    for (const o of offices) {
      for (const k of keys) {
        if (o.set.has(keyedHash(o.key, k))) {
          return `this person was erased from the library at their request (${k.startsWith('email:') ? 'e-mail' : 'phone'} on the suppression list); not imported again`;
        }
      }
    }
    return null;
  };
}

import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../context';

/**
 * The suppression record of erased people: keyed hashes (HMAC-SHA-256) of their normalised
 * e-mails and phones, kept on the office document with the key, so every device of the office
 * gets both by sync and no later import brings the person back. It is pseudonymisation, not
 * anonymity: whoever holds the office's data holds the key and can test an address against it.
 * A library with no office keeps the record in a `_local` document of its own (this computer
 * only, carried by a backup): an erase must not invent an office to hold it.
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
  return ctx.library.repo.local(LOCAL_ID, LocalSuppression, 'suppression list') ?? null;
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
    .filter((o): o is typeof o & OfficeSuppression => o.privacyKey !== undefined && (o.suppressed ?? []).length > 0)
    .map((o) => ({ key: o.privacyKey, set: new Set(o.suppressed) }));
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

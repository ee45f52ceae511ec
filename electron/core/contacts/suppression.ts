import { createHmac, randomBytes } from 'node:crypto';
import type { CoreContext } from '../context';

/**
 * The suppression record of erased people: keyed hashes (HMAC-SHA-256) of their normalised
 * e-mails and phones, kept on the office document with the key, so every device of the office
 * gets both by sync and no later import brings the person back. It is pseudonymisation, not
 * anonymity: whoever holds the office's data holds the key and can test an address against it.
 */

export interface OfficeSuppression {
  privacyKey: string;
  suppressed: string[];
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

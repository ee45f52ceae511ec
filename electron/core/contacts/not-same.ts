import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { StoredDoc } from '../store/docstore';
import { livesIn } from './private-notes';

/**
 * Where the person's answers "Not the same person" are kept: a `_local` record per contact, on
 * this computer only (never replicated: another colleague may judge otherwise), naming the other
 * contacts. They follow the person: a merge carries the duplicate's answers to the contact that
 * stays, an erase forgets the person's; and so does a merge or an erase arriving from another
 * library, which never had these answers (followNotSame, run by the store as it receives them).
 */

/** Answers "not the same person" kept per contact; the oldest go first. */
export const NOT_SAME_MAX = 500;

export const notSameId = (contact: string): string => `contact-not-same:${contact}`;
export const StoredNotSame = z.object({ others: z.array(z.string()) });

/**
 * The duplicate's answers join the survivor's (inside the merge's transaction): who was not the
 * same person as either record is not the same as the one left, and their own records now name
 * the survivor. Records that cannot be read are left as they are.
 */
export function moveNotSame(db: Database.Database, duplicate: string, survivor: string): void {
  const theirs = storedNotSame(db, duplicate);
  if (theirs === null || theirs.length === 0) return;
  const write = (contact: string, others: string[]) => {
    const kept = [...new Set(others)].filter((o) => o !== contact).slice(-NOT_SAME_MAX);
    db.prepare('INSERT INTO local_docs(id, rev, body) VALUES (?, 1, ?) ON CONFLICT(id) DO UPDATE SET rev = rev + 1, body = excluded.body').run(
      notSameId(contact),
      JSON.stringify({ others: kept }),
    );
  };
  const ours = storedNotSame(db, survivor);
  if (ours !== null) write(survivor, [...ours, ...theirs].filter((o) => o !== duplicate));
  for (const other of theirs) {
    const list = storedNotSame(db, other);
    if (list !== null && other !== survivor) write(other, list.map((o) => (o === duplicate ? survivor : o)));
  }
  forgetNotSame(db, duplicate);
}

/** A contact's answers as stored; none when there are none, null when the record cannot be read. */
function storedNotSame(db: Database.Database, contact: string): string[] | null {
  const body = db.prepare<[string], string>('SELECT body FROM local_docs WHERE id = ?').pluck().get(notSameId(contact));
  if (body === undefined) return [];
  const parsed = StoredNotSame.safeParse(safeJson(body));
  return parsed.success ? parsed.data.others : null;
}

/** Removes the person's own record of answers (an erase, inside its transaction). */
export function forgetNotSame(db: Database.Database, contact: string): void {
  db.prepare('DELETE FROM local_docs WHERE id = ?').run(notSameId(contact));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The answers about a contact merged or erased in another library (inside the store's
 * transaction): a merged one's join the survivor's, found along a chain of merges (livesIn), as
 * a merge made here carries them; an erased one's go.
 */
export function followNotSame(db: Database.Database, contact: string, mergedInto: unknown, stored: (id: string) => StoredDoc | undefined): void {
  const survivor = livesIn(mergedInto, stored);
  if (survivor !== null) moveNotSame(db, contact, survivor);
  else forgetNotSame(db, contact);
}

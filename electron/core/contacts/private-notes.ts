import type Database from 'better-sqlite3';
import type { StoredDoc } from '../store/docstore';

/**
 * Where a contact's private note is kept (a `_local` document of this library: never in a sync,
 * see organise.ts), and how it follows the person when an erase or a merge arrives from another
 * library, which never had the note: the store runs these as it removes what the erase left here.
 */

export const privateNoteId = (contact: string): string => `contact-note:${contact}`;

/** The notes of two records of one person as one, as a merge keeps them: the survivor's first. */
export function joinedNotes(survivor: string | null, other: string | null): string | null {
  const notes = [survivor, other].filter((n): n is string => n !== null && n !== '');
  return notes.length > 0 ? notes.join('\n\n') : null;
}

/** undefined: no note; null: a note whose stored text is not one (damaged outside Dateline). */
function storedText(db: Database.Database, contact: string): string | null | undefined {
  const body = db.prepare<[string], string>('SELECT body FROM local_docs WHERE id = ?').pluck().get(privateNoteId(contact));
  if (body === undefined) return undefined;
  try {
    const text = (JSON.parse(body) as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** Removes the note about a person erased (inside the caller's transaction). */
export function forgetNote(db: Database.Database, contact: string): void {
  db.prepare('DELETE FROM local_docs WHERE id = ?').run(privateNoteId(contact));
}

/**
 * Joins the duplicate's note onto the survivor's and removes it (inside the caller's transaction).
 * A note that cannot be read is left where it is, with the other: nothing is lost, and opening
 * it names the damage.
 */
export function moveNote(db: Database.Database, duplicate: string, survivor: string): void {
  const theirs = storedText(db, duplicate);
  if (theirs === undefined) return;
  const ours = storedText(db, survivor);
  if (theirs === null || ours === null) return;
  const text = joinedNotes(ours ?? null, theirs);
  if (text !== null) {
    db.prepare('INSERT INTO local_docs(id, rev, body) VALUES (?, 1, ?) ON CONFLICT(id) DO UPDATE SET rev = rev + 1, body = excluded.body').run(privateNoteId(survivor), JSON.stringify({ text }));
  }
  forgetNote(db, duplicate);
}

/**
 * Where a contact merged or erased in another library now lives: the survivor it was merged into,
 * or the one that was merged into in turn (a chain of merges arrives in any order); null when it
 * was erased, or its line ends in an erase. A survivor not here yet counts: what follows the
 * person waits for it there.
 */
export function livesIn(mergedInto: unknown, stored: (id: string) => StoredDoc | undefined): string | null {
  const seen = new Set<string>();
  let at = typeof mergedInto === 'string' ? mergedInto : null;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const d = stored(at);
    if (!d?.deleted || (d.body.erased !== true && typeof d.body.mergedInto !== 'string')) return at;
    at = typeof d.body.mergedInto === 'string' ? d.body.mergedInto : null;
  }
  return null;
}

/**
 * The note about a contact erased elsewhere (`mergedInto` null) goes; one about a contact merged
 * elsewhere joins the note of the contact it now lives in (livesIn), or goes when that one was erased.
 */
export function followNote(db: Database.Database, contact: string, mergedInto: unknown, stored: (id: string) => StoredDoc | undefined): void {
  const survivor = livesIn(mergedInto, stored);
  if (survivor !== null) moveNote(db, contact, survivor);
  else forgetNote(db, contact);
}

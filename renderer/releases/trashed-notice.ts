/**
 * The release just moved to the trash from the editor, handed to the releases list the editor
 * goes back to, which says so once with Undo. The editor is gone by then, so it waits here
 * rather than in either screen's state.
 */
export interface Trashed {
  id: string;
  headline: string;
}

let pending: Trashed | null = null;

export function noteTrashed(release: Trashed): void {
  pending = release;
}

/** The release to report, once: a second call (or another visit to the list) gets null. */
export function takeTrashed(): Trashed | null {
  const r = pending;
  pending = null;
  return r;
}

import type { HistoryRevision } from './contract';

/**
 * The versions a person reads in a document's history, made from its revisions.
 *
 * An editor commits a revision at every pause in typing (see "How saving works"), which keeps
 * lists, search and sync current but would make the history a list of every pause. So the saves
 * of one editing session (one opening of the editor, by one person) that follow each other
 * within VERSION_WINDOW_MS of the version's first save are one version, shown by its last
 * revision. A version ends when its session does (the editor closed, another release opened),
 * when the window is over, and wherever anything else comes between: another person's or another
 * session's save, a restore, a life-cycle action, a revision from elsewhere. Those have no
 * session and are each a version of their own. Every revision stays in the store and in sync;
 * only this list is shorter.
 */

export const VERSION_WINDOW_MS = 10 * 60_000;

export interface HistoryVersion {
  /** The version's first revision: its parent is the version before (what the version changed is against it). */
  first: HistoryRevision;
  /** The version's last revision: the one shown, viewed and restored. */
  last: HistoryRevision;
  /** When its first save was made (the same as `last.at` for a version of one revision). */
  since: string;
  /** How many saves it holds. */
  saves: number;
}

/**
 * The versions of a history, newest first (by the time of their last save). Deleted revisions
 * are left out unless `deletions` asks for them (each is then a version of its own: the history
 * panel says who deleted the document and when); a branch is followed from each revision to
 * its first child of the same session.
 */
export function historyVersions(revisions: readonly HistoryRevision[], windowMs = VERSION_WINDOW_MS, deletions = false): HistoryVersion[] {
  const byRev = new Map(revisions.map((r) => [r.rev, r]));
  // Each revision's first child (by time) that continues its session: the next save of a version.
  const next = new Map<string, HistoryRevision>();
  const ordered = [...revisions].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const r of ordered) {
    const parent = r.parent === null ? undefined : byRev.get(r.parent);
    if (!parent || !continues(parent, r) || next.has(parent.rev)) continue;
    next.set(parent.rev, r);
  }
  return finish(versions(ordered, next, windowMs), deletions);
}

function continues(parent: HistoryRevision, child: HistoryRevision): boolean {
  return parent.session !== null && child.session === parent.session && child.author === parent.author && !parent.deleted && !child.deleted;
}

function within(start: number, at: string, windowMs: number): boolean {
  const t = Date.parse(at);
  // A clock set back (t before the start) ends the version too: the window is only ever forward.
  return Number.isFinite(start) && Number.isFinite(t) && t >= start && t - start <= windowMs;
}

/** Versions by walking each session chain from its start, cutting it where the window ends. */
function versions(ordered: readonly HistoryRevision[], next: Map<string, HistoryRevision>, windowMs: number): HistoryVersion[] {
  const continued = new Set([...next.values()].map((r) => r.rev));
  const out: HistoryVersion[] = [];
  for (const head of ordered) {
    if (continued.has(head.rev)) continue;
    let first: HistoryRevision | undefined = head;
    while (first) {
      let last: HistoryRevision = first;
      let saves = 1;
      const start = Date.parse(first.at);
      let r = next.get(last.rev);
      while (r && within(start, r.at, windowMs)) {
        last = r;
        saves++;
        r = next.get(last.rev);
      }
      out.push({ first, last, since: first.at, saves });
      // The rest of a session that outlasted the window starts a version of its own.
      first = r;
    }
  }
  return out;
}

function finish(versions: HistoryVersion[], deletions: boolean): HistoryVersion[] {
  return versions.filter((v) => deletions || !v.last.deleted).sort((a, b) => (a.last.at < b.last.at ? 1 : a.last.at > b.last.at ? -1 : 0));
}

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryNotice } from '../../shared/library/notices';

/**
 * The notes a library leaves for the person: moveAside writes why.json into each
 * damaged/<stamp>/ folder, and `seen` beside it once the person was told (the UI's dismiss,
 * or a CLI command that printed it). Reading a notice never marks it, so the app that starts
 * after a damage report still shows it even if something else opened the library first.
 */
export const DAMAGED_DIR = 'damaged';
export const MOVED_NOTE = 'why.json';
const SEEN = 'seen';
/** The mark earlier versions left when they printed the notice at open. */
const TOLD_BEFORE = 'told';

/** The newest moved-aside library nobody has been told about, if any. */
export function pendingNotice(dir: string): LibraryNotice | null {
  const damaged = join(dir, DAMAGED_DIR);
  if (!existsSync(damaged)) return null;
  for (const name of readdirSync(damaged).sort().reverse()) {
    const folder = join(damaged, name);
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name) || !existsSync(join(folder, MOVED_NOTE))) continue;
    if (existsSync(join(folder, SEEN)) || existsSync(join(folder, TOLD_BEFORE))) continue;
    let reason = 'unknown';
    try {
      reason = String((JSON.parse(readFileSync(join(folder, MOVED_NOTE), 'utf8')) as { reason?: unknown }).reason ?? reason);
    } catch {
      // A note that cannot be read still means a library was moved aside.
    }
    return { id: name, code: 'MOVED_ASIDE', params: { dir, movedTo: folder, reason } };
  }
  return null;
}

/** Records that the person has seen the notice; false when there is no such pending notice. */
export function markNoticeSeen(dir: string, id: string): boolean {
  const folder = join(dir, DAMAGED_DIR, id);
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id) || !existsSync(join(folder, MOVED_NOTE)) || existsSync(join(folder, SEEN))) return false;
  writeFileSync(join(folder, SEEN), '');
  return true;
}

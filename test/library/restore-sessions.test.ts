import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult, RestoreResult } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import { call, core, fail, job } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * An editor left open while the library is restored from a backup holds typing made against
 * the library that was replaced: the core refuses to save it into the restored one.
 */

describe('editing sessions across a restore', () => {
  async function restoredWhileEditing() {
    const c = await core();
    const { id, rev } = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Floods', language: 'en' });
    const out = join(tempDir(), 'before.dateline-backup');
    await job<BackupResult>(c, 'library.backup', { out });
    // Edited after the backup: this revision is not in the backup.
    await call(c, 'draft.save', { id, baseRev: rev, session: 'tab-1', fields: { headline: 'Floods in Beledweyne' } });
    const later = await call<{ rev: string }>(c, 'draft.commit', { id });
    // Another tab starts typing and has not saved when the library is restored.
    await call(c, 'draft.save', { id, baseRev: later.rev, session: 'tab-2', fields: { headline: 'Typed before the restore' } });
    await job<RestoreResult>(c, 'library.restore', { from: out });
    return { c, id, rev, laterRev: later.rev };
  }

  it('refuses a draft from a session of the replaced library, in words, and keeps the restored document as it was', async () => {
    const { c, id, rev } = await restoredWhileEditing();
    const e = await fail(c, 'draft.save', { id, baseRev: rev, session: 'tab-1', fields: { headline: 'Old typing' } });
    expect(e).toMatchObject({ code: 'CONFLICT', params: { id, reason: 'libraryReplaced' } });
    expect(e.message).toMatch(/restored from a backup/);
    expect((await call<Doc<'release'>>(c, 'release.get', { id })).headline).toBe('Floods');
    expect(await call(c, 'draft.get', { id })).toBeNull();
  });

  it('refuses a new session id whose base revision came from the replaced library, and accepts a session begun after the restore', async () => {
    const { c, id, rev, laterRev } = await restoredWhileEditing();
    expect(await fail(c, 'draft.save', { id, baseRev: laterRev, session: 'tab-9', fields: { headline: 'Old typing' } })).toMatchObject({
      code: 'CONFLICT',
      params: { reason: 'libraryReplaced' },
    });
    await call(c, 'draft.save', { id, baseRev: rev, session: 'tab-3', fields: { headline: 'Floods, after the restore' } });
    await call(c, 'draft.commit', { id });
    expect((await call<Doc<'release'>>(c, 'release.get', { id })).headline).toBe('Floods, after the restore');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { BackupResult, RestoreResult } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import type { Result } from '../../electron/shared/errors';
import { Autosave, isLibraryReplaced } from '../../renderer/releases/autosave';
import { call, core, job } from '../core-harness';
import { tempDir } from '../helpers';

/** The release editor's autosave, against the real core, when the library is restored under it. */

type Fields = { headline: string };

function editor(c: Core, id: string, baseRev: string, session: string) {
  const sent: string[] = [];
  const autosave = new Autosave<Fields>(
    {
      saveDraft: (fields, base) => {
        sent.push(`save:${fields.headline}`);
        return c.dispatch('draft.save', { id, baseRev: base, session, fields }, { transport: 'test' }) as Promise<Result<unknown>>;
      },
      commit: () => {
        sent.push('commit');
        return c.dispatch('draft.commit', { id }, { transport: 'test' }) as Promise<Result<{ rev: string } | null>>;
      },
    },
    baseRev,
  );
  return { autosave, sent };
}

describe('an editor open during a restore', () => {
  it('drops its unsaved typing when the core says the library was replaced, and writes nothing more, even on close', async () => {
    const c = await core();
    const { id, rev } = await call<{ id: string; rev: string }>(c, 'release.create', { headline: 'Floods', language: 'en' });
    const out = join(tempDir(), 'b.dateline-backup');
    await job<BackupResult>(c, 'library.backup', { out });
    const { autosave, sent } = editor(c, id, rev, 'tab-1');
    autosave.change({ headline: 'Floods in Beledweyne' });
    await autosave.flush();
    expect(autosave.state.kind).toBe('saved');

    await job<RestoreResult>(c, 'library.restore', { from: out });
    autosave.change({ headline: 'Typed in the old library' });
    await autosave.flush();
    const state = autosave.state;
    expect(state.kind === 'error' && isLibraryReplaced(state.error)).toBe(true);
    const before = sent.length;
    autosave.change({ headline: 'Still typing' });
    await autosave.close();
    expect(sent.length, 'nothing sent after the refusal').toBe(before);
    expect((await call<Doc<'release'>>(c, 'release.get', { id })).headline).toBe('Floods');
    expect(await call(c, 'draft.get', { id })).toBeNull();
  });
});

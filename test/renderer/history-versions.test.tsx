// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { HistoryRevision } from '../../electron/shared/contract';
import { historyVersions } from '../../electron/shared/library/history-versions';
import { HistoryPanel } from '../../renderer/releases/HistoryPanel';
import { call, closedAfterTest, release } from '../core-harness';
import { tempDir } from '../helpers';
import { renderWithCore } from './with-core';

/**
 * The release editor commits a revision at every pause in typing. The history a person reads
 * shows the saves of one editing session within ten minutes as one version; the revisions all
 * stay in the store (sync and merges need them), and restoring a version still works.
 */

afterEach(cleanup);

/** A core whose clock the test moves. */
async function clocked(): Promise<{ c: Core; at: (iso: string) => void }> {
  let now = new Date('2026-12-06T09:00:00.000Z');
  const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', clock: () => now }));
  return { c, at: (iso) => (now = new Date(iso)) };
}

/** One pause in typing: the journal, then the revision, as the editor's autosave does. */
async function pause(c: Core, id: string, session: string, headline: string): Promise<void> {
  await call(c, 'draft.save', { id, baseRev: null, session, fields: { headline } });
  await call(c, 'draft.commit', { id });
}

describe('the history of a release edited in pauses', () => {
  it('shows the saves of one editing session as one version, while every revision stays in the store', async () => {
    const { c, at } = await clocked();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Floods' }));
    // Six pauses in about two minutes of typing.
    for (let i = 1; i <= 6; i++) {
      at(new Date(Date.parse('2026-12-06T09:01:00.000Z') + i * 20_000).toISOString());
      await pause(c, a.id, 'editor-1', `Floods ${'!'.repeat(i)}`);
    }
    const revisions = await call<HistoryRevision[]>(c, 'doc.history', { id: a.id });
    expect(revisions).toHaveLength(7);
    expect(revisions.filter((r) => r.session === 'editor-1')).toHaveLength(6);

    renderWithCore(c, <HistoryPanel id={a.id} currentRev={null} beforeRestore={async () => undefined} onRestored={() => undefined} />);
    const list = await screen.findByRole('list', { name: 'Version history' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const [newest, created] = within(list).getAllByRole('listitem');
    expect(newest!.textContent).toContain('6 saves');
    expect(newest!.textContent).toContain('Current');
    expect(created!.textContent).not.toContain('saves');
  });

  it('starts a new version after ten minutes, for another session, and for a restore', async () => {
    const { c, at } = await clocked();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Floods' }));
    at('2026-12-06T09:01:00.000Z');
    await pause(c, a.id, 'editor-1', 'Floods in Beledweyne');
    at('2026-12-06T09:09:00.000Z');
    await pause(c, a.id, 'editor-1', 'Floods in Beledweyne displace');
    // Still typing in the same session, but past ten minutes from the version's first save.
    at('2026-12-06T09:12:00.000Z');
    await pause(c, a.id, 'editor-1', 'Floods in Beledweyne displace thousands');
    // The editor closed and opened again.
    at('2026-12-06T09:13:00.000Z');
    await pause(c, a.id, 'editor-2', 'Floods displace thousands in Beledweyne');

    const versions = historyVersions(await call<HistoryRevision[]>(c, 'doc.history', { id: a.id }));
    expect(versions.map((v) => [v.last.at, v.saves])).toEqual([
      ['2026-12-06T09:13:00.000Z', 1],
      ['2026-12-06T09:12:00.000Z', 1],
      ['2026-12-06T09:09:00.000Z', 2],
      ['2026-12-06T09:00:00.000Z', 1],
    ]);

    // Restoring the first wording from the panel writes a revision of its own, which is a version of its own.
    at('2026-12-06T09:14:00.000Z');
    renderWithCore(c, <HistoryPanel id={a.id} currentRev={null} beforeRestore={async () => undefined} onRestored={() => undefined} />);
    const list = await screen.findByRole('list', { name: 'Version history' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    fireEvent.click(within(within(list).getAllByRole('listitem')[2]!).getByRole('button', { name: /^View the version of/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore this version' }));
    await waitFor(async () => expect(await call(c, 'release.get', { id: a.id })).toMatchObject({ headline: 'Floods in Beledweyne displace' }));
    const after = historyVersions(await call<HistoryRevision[]>(c, 'doc.history', { id: a.id }));
    expect(after).toHaveLength(5);
    expect(after[0]).toMatchObject({ saves: 1, last: { session: null, winner: true } });
  });

  it('never joins saves that another person, or anything else, came between', async () => {
    const { c, at } = await clocked();
    const a = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Floods' }));
    at('2026-12-06T09:01:00.000Z');
    await pause(c, a.id, 'editor-1', 'Floods in Beledweyne');
    at('2026-12-06T09:02:00.000Z');
    // A life-cycle action (or a sync, an import) writes a revision with no session between two pauses.
    await call(c, 'release.update', { id: a.id, rev: null, fields: { tags: ['floods'] } });
    at('2026-12-06T09:03:00.000Z');
    await pause(c, a.id, 'editor-1', 'Floods in Beledweyne displace');
    const versions = historyVersions(await call<HistoryRevision[]>(c, 'doc.history', { id: a.id }));
    expect(versions.map((v) => v.saves)).toEqual([1, 1, 1, 1]);
  });
});

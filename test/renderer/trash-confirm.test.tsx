// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { TrashScreen } from '../../renderer/releases/TrashScreen';
import { call, core, release } from '../core-harness';
import { focusAtChange } from './focus-at-commit';
import { giveListsAHeight } from './list-height';
import { renderWithCore } from './with-core';

/** The trash by keyboard, against a real core: the question's focus and Escape; restoring keeps focus in the list. */

afterEach(cleanup);
giveListsAHeight();

function mount(c: Core) {
  renderWithCore(c, <TrashScreen />, 'test');
}

describe('the trash', () => {
  it('asks before emptying with focus on Cancel; Escape or Cancel closes the question and gives focus back to the button that asked', async () => {
    const c = await core();
    const r = await call<{ id: string; rev: string }>(c, 'release.create', release());
    await call(c, 'release.trash', { id: r.id, rev: null });
    mount(c);
    fireEvent.click(await screen.findByRole('button', { name: 'Empty the trash…' }, { timeout: 15_000 }));
    const question = screen.getByRole('alertdialog', { name: 'Empty the trash' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Empty the trash…' }));

    fireEvent.click(screen.getByRole('button', { name: 'Empty the trash…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Empty the trash…' }));
    expect((await call<{ trashed: unknown }>(c, 'release.get', { id: r.id })).trashed).not.toBeNull();
  });

  it('says what was restored and keeps focus in the list: on the next release to restore, then on the heading', async () => {
    const c = await core();
    for (const headline of ['Boreholes in Kasese', 'Seeds for Mopti']) {
      const r = await call<{ id: string }>(c, 'release.create', release({ headline }));
      await call(c, 'release.trash', { id: r.id, rev: null });
    }
    mount(c);
    const first = await screen.findByRole('button', { name: 'Restore “Boreholes in Kasese”' }, { timeout: 15_000 });
    first.focus();
    // Focus is in the list in the change that removes the restored release, not a moment later.
    const focusedOnRemoval = focusAtChange(document.body, () => screen.queryByRole('button', { name: 'Restore “Boreholes in Kasese”' }) === null);
    fireEvent.click(first);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore “Boreholes in Kasese”' })).toBeNull());
    expect(screen.getByRole('status').textContent).toContain('“Boreholes in Kasese” is back among the releases.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore “Seeds for Mopti”' })));
    expect(await focusedOnRemoval).toBe(screen.getByRole('button', { name: 'Restore “Seeds for Mopti”' }));

    const focusedOnEmpty = focusAtChange(document.body, () => screen.queryByText('The trash is empty.') !== null);
    fireEvent.click(document.activeElement!);
    await screen.findByText('The trash is empty.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Trash' })));
    expect(await focusedOnEmpty).toBe(screen.getByRole('heading', { name: 'Trash' }));
    expect(screen.getByRole('status').textContent).toContain('“Seeds for Mopti” is back among the releases.');
  });
});

describe('restoring from the trash', () => {
  it('restores once on a double-click, with no "not in the trash" beside "is back"', async () => {
    const c = await core();
    const r = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    await call(c, 'release.trash', { id: r.id, rev: null });
    mount(c);
    const restore = await screen.findByRole('button', { name: 'Restore “Boreholes in Kasese”' }, { timeout: 15_000 });
    fireEvent.click(restore);
    fireEvent.click(restore);
    await screen.findByText('“Boreholes in Kasese” is back among the releases.', {}, { timeout: 15_000 });
    await screen.findByText('The trash is empty.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await call<{ trashed: unknown }>(c, 'release.get', { id: r.id })).trashed).toBeNull();
  });
});

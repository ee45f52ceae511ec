// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { syncLibrary } from '../../electron/core/sync/library-sync';
import { ConflictsScreen } from '../../renderer/conflicts/ConflictsScreen';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from '../sync/couch-server';
import { call } from '../sync/library-state';
import { renderWithCore } from './with-core';

// The Conflicts screen in the library whose own edit lost: the two columns are named by who
// wrote them ("Your version", "Geneva HQ’s version"), whichever the library shows now, never
// "this version" over the other laptop's text.

const couch = useCouchWithProxy();
const open: Core[] = [];
afterEach(() => {
  cleanup();
  while (open.length) open.pop()!.close();
});

async function library(author: string): Promise<Core> {
  const core = await openCore(tempDir(), { author });
  open.push(core);
  return core;
}

describe('the Conflicts screen, same field changed on two laptops', () => {
  it('names each column by who wrote it, "Your version" for this library’s, in both libraries, and says which is shown now', async () => {
    const { direct: db } = await couch.freshDb();
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const sync = (c: Core) => syncLibrary(c.library, { remote: { url: db } });
    const id = (await call<{ id: string }>(amman, 'release.create', { headline: 'Cash assistance resumes in Mafraq', language: 'en' })).id;
    await sync(amman);
    await sync(geneva);
    await call(amman, 'release.update', { id, rev: null, fields: { headline: 'Cash assistance resumes for 12,000 families in Mafraq', subheadline: 'From Amman' } });
    await call(geneva, 'release.update', { id, rev: null, fields: { headline: 'Cash assistance restarts in Mafraq governorate', releaseDate: '2026-12-08' } });
    await sync(amman);
    await sync(geneva);
    await sync(amman);

    const own = new Map([
      [amman, { headline: 'Cash assistance resumes for 12,000 families in Mafraq', other: 'Geneva HQ’s version' }],
      [geneva, { headline: 'Cash assistance restarts in Mafraq governorate', other: 'Amman laptop’s version' }],
    ]);
    for (const [lib, mine] of own) {
      const shown = (await call<{ headline: string }>(lib, 'release.get', { id })).headline;
      renderWithCore(lib, <ConflictsScreen />);
      const table = await screen.findByRole('table');
      await waitFor(() => expect(within(table).getAllByRole('columnheader')[1]!.textContent).toMatch(/^(Your version|.+’s version)/));
      const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent ?? '');
      const yours = headers.findIndex((h) => h.startsWith('Your version'));
      const theirs = headers.findIndex((h) => h.startsWith(mine.other));
      expect([yours, theirs].sort()).toEqual([1, 2]);
      // The column of the version the library shows now says so.
      const shownColumn = shown === mine.headline ? yours : theirs;
      expect(headers[shownColumn]).toMatch(/, shown now$/);
      expect(headers[3 - shownColumn]).not.toMatch(/shown now/);
      // Under "Your version", this library's own headline.
      const row = within(table).getByRole('row', { name: /Headline/ });
      expect(within(row).getAllByRole('cell')[yours - 1]!.textContent).toContain(mine.headline);
      expect(screen.getByRole('button', { name: 'Keep all of your version' })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Keep all of ${mine.other}` })).toBeTruthy();
      expect(screen.getByRole('radio', { name: `Headline: keep your version ${mine.headline}` })).toBeTruthy();
      // What each side changed besides, kept whatever is chosen, said by side.
      const kept = screen.getByText('Kept whatever you choose: the other changes of each side.').parentElement!;
      const lines = within(kept).getAllByRole('listitem').map((li) => li.textContent);
      expect(lines.sort()).toEqual(
        lib === amman ? ['Geneva HQ’s version: Release date', 'Your version: Subheadline'] : ['Amman laptop’s version: Subheadline', 'Your version: Release date'],
      );
      cleanup();
    }
  });
});

describe('the Conflicts screen, a release emptied from the trash on one laptop and edited on the other', () => {
  it('shows the deleted version as in the trash since a date, not as a raw "trashed" field', async () => {
    const { direct: db } = await couch.freshDb();
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const sync = (c: Core) => syncLibrary(c.library, { remote: { url: db } });
    const id = (await call<{ id: string }>(amman, 'release.create', { headline: 'Winter kits reach 5,000 families in Zarqa', language: 'en' })).id;
    await sync(amman);
    await sync(geneva);
    await call(amman, 'release.trash', { id, rev: null });
    await call(amman, 'release.emptyTrash', {});
    await call(geneva, 'release.update', { id, rev: null, fields: { subheadline: 'Blankets, stoves and fuel vouchers' } });
    await sync(amman);
    await sync(geneva);
    await sync(amman);

    renderWithCore(amman, <ConflictsScreen />);
    await screen.findByText('Release: deleted in one place and edited in another.');
    const deleted = (await screen.findByRole('radio', { name: 'Delete it' })).closest('.conflict-side') as HTMLElement;
    const facts = within(deleted).getAllByRole('term').map((dt) => dt.textContent);
    expect(facts).toContain('In the trash');
    expect(facts).not.toContain('trashed');
    expect(within(deleted).getByText(/^since /).textContent).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});

describe('the Conflicts screen, resolved from the keyboard', () => {
  it('moves focus to the next case once one is resolved, and to the empty inbox after the last', async () => {
    const { direct: db } = await couch.freshDb();
    const amman = await library('Amman laptop');
    const geneva = await library('Geneva HQ');
    const sync = (c: Core) => syncLibrary(c.library, { remote: { url: db } });
    const ids: string[] = [];
    for (const headline of ['Clinic opens in Azraq camp', 'Cash assistance resumes in Mafraq']) {
      ids.push((await call<{ id: string }>(amman, 'release.create', { headline, language: 'en' })).id);
    }
    await sync(amman);
    await sync(geneva);
    for (const id of ids) {
      await call(amman, 'release.update', { id, rev: null, fields: { subheadline: 'From Amman' } });
      await call(geneva, 'release.update', { id, rev: null, fields: { subheadline: 'From Geneva' } });
    }
    await sync(amman);
    await sync(geneva);
    await sync(amman);

    renderWithCore(amman, <ConflictsScreen />);
    const resolveFirst = async () => {
      const card = (await screen.findAllByRole('region'))[0]!;
      fireEvent.click(await within(card).findByRole('button', { name: 'Keep all of your version' }));
      fireEvent.click(within(card).getByRole('button', { name: 'Resolve' }));
      await waitFor(() => expect(card.isConnected).toBe(false));
    };
    await resolveFirst();
    const next = (await screen.findAllByRole('region'))[0]!;
    await waitFor(() => expect(document.activeElement).toBe(within(next).getByRole('heading')));
    await resolveFirst();
    const none = await screen.findByText('No conflicts to resolve.');
    await waitFor(() => expect(document.activeElement).toBe(none));
  });
});

// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';

/** The releases list with nothing to show: a first start, or every release in the trash. */

afterEach(cleanup);
beforeEach(() => localStorage.clear());

describe('an empty releases list', () => {
  it('invites a first release in a new library', async () => {
    const c = await core();
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByRole('heading', { name: 'No releases yet' }, { timeout: 15_000 });
  });

  it('says the releases are in the trash, with a way to it, rather than "No releases yet"', async () => {
    const c = await core();
    const r = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Seeds for Mopti' }));
    await call(c, 'release.trash', { id: r.id, rev: r.rev });
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByRole('heading', { name: 'No releases outside the trash' }, { timeout: 15_000 });
    expect(screen.queryByRole('heading', { name: 'No releases yet' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open the trash' }).getAttribute('href')).toBe('#/releases/trash');
  });
});

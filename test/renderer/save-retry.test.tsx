// @vitest-environment jsdom
import Database from 'better-sqlite3';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A save that failed (a full disk, the library busy with another program's write) keeps what was
 * typed, and the editor offers "Try again" beside the message: once the cause is gone, the edit
 * is saved without having to type again. The failure here is real: another connection holds the
 * library's write lock past the busy timeout.
 */

afterEach(cleanup);

describe('a release edit that could not be saved', () => {
  it('is saved by "Try again" once the library can be written again', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    renderWithCore(c, <ReleaseEditor id={id} />, 'test');
    const headline = await screen.findByRole('textbox', { name: 'Headline' }, { timeout: 15_000 });

    const other = new Database(join(c.library.dir, 'library.sqlite'));
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      fireEvent.change(headline, { target: { value: 'Boreholes and schools in Kasese' } });
      await screen.findByText('Not saved', {}, { timeout: 40_000 });
      expect(screen.getByText('The library is busy with other work. Try again in a moment.')).toBeTruthy();
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(document.querySelector('.save-state')!.textContent).toBe('Saved'), { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect((await call<{ headline: string }>(c, 'release.get', { id })).headline).toBe('Boreholes and schools in Kasese');
  }, 90_000);
});

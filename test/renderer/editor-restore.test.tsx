// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupResult, RestoreResult } from '../../electron/shared/contract';
import { ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { call, core, job, release } from '../core-harness';
import { tempDir } from '../helpers';
import { renderWithCore } from './with-core';

/**
 * A release editor left open while the library is restored from a backup (another tab in web
 * mode): its next save is refused by the core, the editor says so in words, offers the typing
 * for the clipboard, and the restored release keeps the backup's text.
 */

afterEach(cleanup);

describe('a release editor open during a restore', () => {
  it('says the typing was not kept, copies it on request, and never writes it', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    const out = join(tempDir(), 'b.dateline-backup');
    renderWithCore(c, <ReleaseEditor id={id} />, 'test');
    const headline = await screen.findByRole('textbox', { name: 'Headline' }, { timeout: 15_000 });
    fireEvent.change(headline, { target: { value: 'Boreholes in Kasese and Bundibugyo' } });
    await waitFor(() => expect(document.querySelector('.save-state')!.textContent).toBe('Saved'), { timeout: 15_000 });
    await job<BackupResult>(c, 'library.backup', { out });
    await job<RestoreResult>(c, 'library.restore', { from: out });

    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void copied.push(s) } });
    fireEvent.change(headline, { target: { value: 'Typed after the restore' } });
    await screen.findByText(/The library was restored from a backup while this release was open/, {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy my typing' }));
    await screen.findByText('Copied: you can paste it into the release.');
    expect(copied[0]!.startsWith('Typed after the restore')).toBe(true);

    cleanup();
    expect((await call<{ headline: string }>(c, 'release.get', { id })).headline).toBe('Boreholes in Kasese and Bundibugyo');
    expect(await call(c, 'draft.get', { id })).toBeNull();
  }, 60_000);
});

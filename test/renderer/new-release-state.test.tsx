// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, ReleaseSummary } from '../../electron/shared/contract';
import { NewRelease } from '../../renderer/releases/ReleaseEditor';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A new release is stored by its first keystroke, not by the "New release" click: until then the
 * editor must not say "Saved" (nothing is), and once the release exists it does.
 */

afterEach(cleanup);

const saveState = () => document.querySelector('.save-state');

describe('the save state of a new release', () => {
  it('says nothing before the first keystroke, then "Saved" once the release is stored', async () => {
    const c = await core();
    renderWithCore(c, <NewRelease language={null} />, 'test');
    const headline = await screen.findByRole('textbox', { name: 'Headline' }, { timeout: 15_000 });
    expect(saveState()).not.toBeNull();
    expect(saveState()!.textContent).toBe('');
    expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).total).toBe(0);

    fireEvent.change(headline, { target: { value: 'Boreholes in Kasese' } });
    await waitFor(() => expect(saveState()!.textContent).toBe('Saved'), { timeout: 15_000 });
    expect((await call<Page<ReleaseSummary>>(c, 'release.list', {})).total).toBe(1);
  });
});

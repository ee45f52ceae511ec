// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDrop } from '../../renderer/attachments/FileDrop';
import { core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * The line over "Choose files…" reads as one sentence: the size limit sits inside it, not between
 * its last word ("or") and the button ("…anywhere on this window, or (up to 200 MB each) Choose files…").
 */

afterEach(cleanup);

describe('the file drop hint', () => {
  it('says the size limit inside the sentence that leads to the button', async () => {
    renderWithCore(await core(), <FileDrop onAdded={() => undefined} />, 'test');
    const hint = await screen.findByText(/^Drop photos/, {}, { timeout: 15_000 });
    await screen.findByText(/200 MB/, {}, { timeout: 15_000 });
    expect(hint.textContent).toBe('Drop photos, logos or documents (up to 200 MB each) anywhere on this window, or');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { giveListsAHeight } from './list-height';
import { renderWithCore } from './with-core';

/** A search in the releases list shows, under each release found, the passage where its words are, the words marked. */

afterEach(cleanup);
beforeEach(() => localStorage.clear());

giveListsAHeight();

describe('search results in the releases list', () => {
  it('show the passage with the words marked, as text', async () => {
    const c = await core();
    await call(c, 'release.create', release({
      headline: 'Wells for Gao',
      body: markdownToRichText('The new wells near <img src=x onerror=alert(1)> the market of Gao serve **12,000 people** every day, and the cholera cases fell.'),
    }));
    await call(c, 'release.create', release({ headline: 'Seeds for Mopti', body: markdownToRichText('Seeds were handed out in Mopti.') }));
    renderWithCore(c, <ReleasesScreen />, 'test');
    await screen.findByText('2 releases', {}, { timeout: 15_000 });
    expect(document.querySelector('.row-passage')).toBeNull();

    fireEvent.change(screen.getByLabelText('Search releases'), { target: { value: 'cholera market' } });
    await screen.findByText('1 release', {}, { timeout: 15_000 });
    const passage = await waitFor(() => {
      const p = document.querySelector('.row-passage');
      expect(p).not.toBeNull();
      return p!;
    });
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['market', 'cholera']);
    expect(passage.textContent).toContain('the market of Gao serve 12,000 people every day, and the cholera cases fell.');
    // What looked like markup in the release is text on screen.
    expect(passage.querySelector('img')).toBeNull();
    expect(passage.getAttribute('lang')).toBe('en');
  });
});

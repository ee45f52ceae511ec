// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * "Withdraw…" by keyboard: the reason's box takes focus as it opens (the button pressed is gone),
 * Escape closes it as Cancel does, and either way focus goes back to "Withdraw…".
 */

const Shell = routedScreens((route) => (route.screen === 'release' ? <ReleaseEditor key={route.id} id={route.id} /> : <ReleasesScreen />));

describe('withdrawing a release by keyboard', () => {
  it('focuses the reason, closes on Escape or Cancel, and gives focus back to Withdraw…', async () => {
    const c = await core();
    const { id } = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese', status: 'approved' }));
    window.location.hash = href.release(id);
    renderWithCore(c, <Shell />, 'test');
    const ask = await screen.findByRole('button', { name: 'Withdraw…' }, { timeout: 15_000 });
    fireEvent.click(ask);
    const reason = screen.getByRole('textbox', { name: 'Why is it withdrawn?' });
    expect(document.activeElement).toBe(reason);

    fireEvent.change(reason, { target: { value: 'The figures were wrong.' } });
    fireEvent.keyDown(reason, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Why is it withdrawn?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Withdraw…' }));

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw…' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Why is it withdrawn?' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Withdraw…' }));
    // Nothing was withdrawn on the way.
    expect((await call<{ status: string }>(c, 'release.get', { id })).status).toBe('approved');
  });
});

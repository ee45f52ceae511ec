// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { href } from '../../renderer/app/router';
import { ReleaseEditor } from '../../renderer/releases/ReleaseEditor';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { call, core, release } from '../core-harness';
import { renderWithCore, routedScreens } from './with-core';

/**
 * "Withdraw…" is offered only where the core accepts it: on a release that went out. A draft or
 * a release in review says why not and points to the trash; approving it in the editor offers
 * withdrawal at once, and the withdrawal goes through.
 */

afterEach(cleanup);

const Shell = routedScreens((route) => (route.screen === 'release' ? <ReleaseEditor key={route.id} id={route.id} /> : <ReleasesScreen />));

async function open(status: string): Promise<{ id: string; c: Awaited<ReturnType<typeof core>> }> {
  const c = await core();
  const { id } = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese', status }));
  window.location.hash = href.release(id);
  renderWithCore(c, <Shell />, 'test');
  await screen.findByRole('button', { name: 'Move to trash' }, { timeout: 15_000 });
  return { id, c };
}

describe('the editor’s withdrawal', () => {
  it('is not offered on a draft, which is told why and pointed to the trash', async () => {
    await open('draft');
    expect(screen.queryByRole('button', { name: 'Withdraw…' })).toBeNull();
    screen.getByText('Only an approved or released release can be withdrawn; this draft never went out. If it is not needed, move it to the trash.');
  });

  it('is not offered on a release in review either', async () => {
    await open('in-review');
    expect(screen.queryByRole('button', { name: 'Withdraw…' })).toBeNull();
    screen.getByText(/this release is still in review and never went out/);
  });

  it('is offered once the draft is approved in the editor, and withdraws it', async () => {
    const { id, c } = await open('draft');
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'approved' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw…' }));
    expect(screen.queryByText(/never went out/)).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is it withdrawn?' }), { target: { value: 'The figures were wrong.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw release' }));
    await waitFor(async () => expect((await call<{ status: string }>(c, 'release.get', { id })).status).toBe('withdrawn'), { timeout: 10_000 });
    // A withdrawn release is not offered withdrawal again.
    await screen.findByText(/Withdrawn on .*Reason:/, undefined, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: 'Withdraw…' })).toBeNull();
  });
});

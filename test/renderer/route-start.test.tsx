// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRoute } from '../../renderer/app/router';

/**
 * The address changed while the app was still starting (after its first render, before it
 * listened for changes: a link followed, a script, a quick person) is the screen shown, not lost
 * with the releases list left on screen under a kit's address.
 */

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function Shown({ changeOnFirstRender }: { changeOnFirstRender?: string }) {
  const route = useRoute();
  if (changeOnFirstRender && window.location.hash !== changeOnFirstRender && route.screen !== 'kit') window.location.hash = changeOnFirstRender;
  return <p>{JSON.stringify(route)}</p>;
}

describe('the screen the address names', () => {
  it('follows an address changed between the first render and the listener', async () => {
    window.location.hash = '#/releases';
    render(<Shown changeOnFirstRender="#/kits/kit-1" />);
    // The hashchange event of that change comes after the listener is in place.
    await act(async () => new Promise((done) => setTimeout(done, 20)));
    expect(screen.getByText(/"screen":"kit"/).textContent).toContain('kit-1');
  });

  it('still follows a change made later', async () => {
    window.location.hash = '#/releases';
    render(<Shown />);
    await act(async () => {
      window.location.hash = '#/contacts';
      await new Promise((done) => setTimeout(done, 20));
    });
    expect(screen.getByText(/"screen":"contacts"/)).toBeTruthy();
  });
});

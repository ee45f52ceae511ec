// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KitsScreen } from '../../renderer/kits/KitsScreen';
import { call, core } from '../core-harness';
import { renderWithCore } from './with-core';

/** Starting a kit, against a real core: Create kit with no title says why it cannot, instead of being greyed out. */

afterEach(cleanup);

describe('the kits screen', () => {
  it('asks for a title when Create kit is pressed without one, with focus on the title, and stores nothing', async () => {
    const c = await core();
    renderWithCore(c, <KitsScreen />, 'test');
    const create = await screen.findByRole('button', { name: 'Create kit' }, { timeout: 15_000 });
    expect((create as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(create);
    const title = screen.getByLabelText('Title');
    expect(screen.getByText('Give the kit a title first.')).toBeTruthy();
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('aria-describedby')).not.toBeNull();
    expect((await call<{ items: unknown[] }>(c, 'kit.list', { limit: 10 })).items).toHaveLength(0);
    fireEvent.change(title, { target: { value: 'Mopti seeds' } });
    expect(screen.queryByText('Give the kit a title first.')).toBeNull();
  });
});

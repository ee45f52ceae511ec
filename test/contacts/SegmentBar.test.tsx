// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { SegmentBar } from '../../renderer/contacts/SegmentBar';
import { damageLocal } from '../damage';
import { call, core } from './helpers';
import { renderWithCore } from '../renderer/with-core';

/** The saved segments above the contact list, against a real core. */

afterEach(() => cleanup());

function mount(c: Core) {
  renderWithCore(c, <SegmentBar filter={{}} onApply={() => undefined} />);
}

describe('the segment bar', () => {
  it('offers the saved segments, and says so when their record was damaged outside Dateline instead of showing none', async () => {
    const c = await core();
    await call(c, 'segment.save', { name: 'Colombia', filter: { country: 'CO' } });
    mount(c);
    const select = await screen.findByRole('combobox', { name: 'Saved segment' });
    await within(select).findByRole('option', { name: 'Colombia' });
    cleanup();

    damageLocal(c.library.db, 'contact-segments', '{"segments":[{"name":"Colombia","filter":{"country":7}}]}');
    mount(c);
    const alert = await screen.findByText(/^Data stored in this library cannot be read: it was changed outside Dateline/);
    expect(alert.textContent).toContain('The saved segments "contact-segments" cannot be read: segments.0.filter.country');
  });
});

// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { call, core, release } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A release moved to the trash after a kit took it: the kit builder marks the item "In the trash"
 * (as it marks a withdrawn one), and the preview says why the kit cannot go out with it.
 */

afterEach(cleanup);

describe('the kit builder with a release now in the trash', () => {
  it('marks the item and says in the preview to restore it or take it out', async () => {
    const c = await core();
    const kept = await call<{ id: string }>(c, 'release.create', release({ headline: 'Schools reopen in Goma' }));
    const gone = await call<{ id: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', language: 'en', items: [{ kind: 'release', id: kept.id }, { kind: 'release', id: gone.id }] });
    await call(c, 'release.trash', { id: gone.id, rev: null });
    renderWithCore(c, <KitBuilder kitId={kit.id} />, 'test');

    await screen.findByText('“Boreholes in Kasese” is in the trash, so this kit cannot go out with it: restore it from the trash, or take it out of the kit.', {}, { timeout: 15_000 });
    const item = (await screen.findByText('Boreholes in Kasese', { selector: '.kit-item-label' }, { timeout: 15_000 })).closest('li')!;
    expect(within(item).getByText('In the trash').className).toContain('badge');
    const other = screen.getByText('Schools reopen in Goma', { selector: '.kit-item-label' }).closest('li')!;
    expect(within(other).queryByText('In the trash')).toBeNull();
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * The country and language pickers of a long form, in a real Chromium: near the bottom of the
 * window the list of suggestions opens above its field, whole and in view, so that nobody has to
 * scroll to see it; with room below, it opens under the field as before.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer', viewport: { width: 1100, height: 560 } });
  page = h.page;
  await page.goto(h.server.launchUrl());
  await h.goto('#/outlets/new');
  await page.getByRole('combobox', { name: 'Languages', exact: true }).waitFor();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Puts the field's box at the bottom (`end`) or the top (`start`) of what its scrolling pane shows. */
const scrollTo = (field: Locator, block: 'start' | 'end') => field.evaluate((el, b) => el.closest('.code-picker-box')!.scrollIntoView({ block: b }), block);

describe('the suggestions of a picker', () => {
  it('open above a field at the bottom of the window, all of the list in view, and under it again once there is room', async () => {
    const languages = page.getByRole('combobox', { name: 'Languages', exact: true });
    const list = page.getByRole('listbox', { name: 'Languages', exact: true });
    await scrollTo(languages, 'end');
    const field = (await languages.boundingBox())!;
    // The field is low enough that a list of suggestions under it would run off the window.
    expect(field.y + field.height + 200).toBeGreaterThan(560);
    await languages.fill('a');
    await list.waitFor();
    const above = (await list.boundingBox())!;
    expect(above.y + above.height).toBeLessThanOrEqual(field.y + 1);
    expect(above.y).toBeGreaterThanOrEqual(0);
    // The keys work the same way up there: Up goes round to the last suggestion, Enter takes it.
    await languages.press('ArrowUp');
    expect(await languages.getAttribute('aria-activedescendant')).toBe(await list.getByRole('option').last().getAttribute('id'));
    await languages.press('Enter');
    await expect.poll(() => page.getByRole('list', { name: 'Languages', exact: true }).getByRole('listitem').count()).toBe(1);

    await scrollTo(languages, 'start');
    const top = (await languages.boundingBox())!;
    await languages.fill('fr');
    await list.waitFor();
    const below = (await list.boundingBox())!;
    expect(below.y).toBeGreaterThanOrEqual(top.y + top.height - 1);
    await languages.press('Escape');
    await h.expectAccessible('outlet editor with a picker at the bottom of the window');
  });

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});

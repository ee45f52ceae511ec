import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * An office's time zone as a new user sets it, in a real Chromium (web mode): the field says what
 * to type and what the zone is for, takes a city's name and saves the zone it means, and refuses
 * a name no zone has with a clear message and no save; in Arabic, a city typed in Arabic is read
 * the same, and the zone's name and offset still read left to right.
 */

let h: Harness;
let office = '';

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  office = (await h.api('office.create', { name: 'Nairobi office' })).id;
  await h.page.goto(h.server.launchUrl());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('the office time zone', () => {
  it('hints what to type, reads a city as its zone, and refuses an unknown one without saving', async () => {
    const page = h.page;
    await h.goto(`#/settings/offices/${office}`);
    const field = page.getByRole('combobox', { name: 'Time zone' });
    await field.waitFor();
    expect(await field.getAttribute('aria-describedby')).toBeTruthy();
    const hint = await page.locator(`[id="${(await field.getAttribute('aria-describedby'))!.split(' ')[0]}"]`).textContent();
    expect(hint).toContain('type the city it takes its time from, or a zone name such as Africa/Nairobi');

    await field.fill('Kasese');
    await page.getByRole('alert').filter({ hasText: '“Kasese” is not a time zone Dateline knows, nor a city one is named for.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    expect((await h.api('office.get', { id: office })).timeZone).toBeNull();

    await field.fill('nairobi');
    await page.getByText('Saved as the time of Nairobi: Africa/Nairobi · UTC+3').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await h.expectAccessible('office time zone');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await h.api('office.get', { id: office })).timeZone).toBe('Africa/Nairobi');
  }, 60_000);

  it('in Arabic, takes a city typed in Arabic, the zone and its offset left to right', async () => {
    const page = h.page;
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/settings/offices/${office}`);
      const field = page.getByRole('combobox', { name: 'المنطقة الزمنية' });
      await field.waitFor();
      // Each value in a right-to-left sentence comes isolated (FSI…PDI), so the words are matched around it.
      await page.getByText(/يُحفظ بتوقيت \u2068?نيروبي\u2069?:/).waitFor();
      await field.fill('عمّان');
      const meant = page.locator('p.hint').filter({ hasText: /يُحفظ بتوقيت \u2068?عمّان\u2069?:/ });
      await meant.waitFor();
      const bdi = meant.locator('bdi');
      expect(await bdi.textContent()).toBe('Asia/Amman · UTC+3');
      expect(await bdi.evaluate((b) => getComputedStyle(b).direction)).toBe('ltr');
      // The suggestions name the cities in Arabic.
      expect(await page.locator('datalist option[value="Asia/Amman"]').textContent()).toBe('عمّان');
      await field.fill('كاسيسي');
      await page.getByRole('alert').filter({ hasText: 'ليست منطقة زمنية يعرفها Dateline' }).waitFor();
      await h.expectAccessible('office time zone in Arabic');
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  }, 60_000);
});

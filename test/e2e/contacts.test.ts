import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../contacts/helpers';
import { drawnText, expectScrolledToLastRow, startHarness, type Harness } from './harness';

/**
 * Media contacts in headless Chromium against the real core and web server, as a new user
 * would: import an Outlook export, a Google Contacts export and a phone's vCards from the contacts
 * screen, map the columns of an Arabic Excel sheet, then merge a duplicate and erase a person from a contact's page.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer', stepTimeout: 15_000, acceptDownloads: true });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

async function upload(name: string) {
  await page.getByLabel('CSV or vCard file').setInputFiles({ name, mimeType: 'text/plain', buffer: readFileSync(fixture(name)) });
}

const contactCount = async () => (await h.api('library.info', {})).counts.contact;

describe('media contacts in the browser', () => {
  it('imports an Outlook export: reviewed first, stored only on Import', async () => {
    await page.goto(h.server.launchUrl());
    await h.nav('Contacts').click();
    await page.getByRole('link', { name: 'Import contacts' }).click();
    await upload('outlook-fr-1252.csv');
    await page.getByText('Columns recognised: Outlook (French).').waitFor();
    await page.getByText('4 read: 2 to create, 1 to merge, 1 refused, 0 skipped.', { exact: false }).waitFor();
    // Before anything is stored, a duplicate row is said to be the same person, not "merged".
    await page.getByRole('cell', { name: 'The same person as Amélie Kaboré (same e-mail or phone)' }).waitFor();
    expect(await page.getByLabel('Encoding').inputValue()).toBe('windows-1252');
    await h.expectAccessible('contact import review');
    expect(await contactCount()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 2 created, 1 merged, 1 refused, 0 skipped.').waitFor();
    expect(await contactCount()).toBe(2);
  });

  it('imports vCards from a phone and an Arabic Excel sheet after mapping its columns', async () => {
    await page.getByRole('button', { name: 'Import another file' }).click();
    await upload('phone.vcf');
    await page.getByText('Read as vCards.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 4 created, 0 merged, 1 refused, 0 skipped.').waitFor();
    // The phone's photo of a person shows on their page.
    const abena = (await h.api('contact.list', { limit: 5, query: 'Abena' })).items[0]!;
    await h.goto(`#/contacts/${abena.id}`);
    const photo = page.getByRole('img', { name: 'Photo of Abena Mensah' });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await h.goto('#/contacts/import');

    await upload('excel-ar-1256.csv');
    await page.getByText(/These columns are not from an Outlook or Google export/).waitFor();
    await page.getByLabel('Where “الاسم” goes').selectOption('name');
    await page.getByLabel('Where “المؤسسة” goes').selectOption('organisation');
    await page.getByRole('button', { name: 'Read the file with this mapping' }).click();
    await page.getByText('3 read: 2 to create, 1 to merge', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 2 created, 1 merged, 0 refused, 0 skipped.').waitFor();
    expect(await contactCount()).toBe(8);
  });

  it('merges a duplicate from the contact page and erases a person', async () => {
    const dup = await h.api('contact.create', { name: 'Amélie Kaboré (Savane FM)', phones: [{ type: 'work', number: '+226 25 00 00 00' }] });
    const list = await h.api('contact.list', { limit: 50, query: 'Kaboré' });
    const keep = list.items.find((c) => c.id !== dup.id)!;
    await h.goto(`#/contacts/${keep.id}`);
    await page.getByLabel('Find the duplicate').fill('Savane');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Amélie Kaboré (Savane FM)' }).click();
    await h.expectAccessible('merge side by side');
    await page.getByRole('button', { name: 'Merge Amélie Kaboré (Savane FM) into this contact' }).click();
    await page.getByText('Merged: 0 releases and 0 kits now name this contact.').waitFor();
    const kept = await h.api('contact.get', { id: keep.id });
    expect(kept.phones.map((p) => p.number)).toContain('+226 25 00 00 00');

    // Side by side, the buttons keep a gap between them: two buttons, not one.
    const gap = async (left: string, right: string) => {
      const [a, b] = await Promise.all([page.getByRole('button', { name: left }).boundingBox(), page.getByRole('button', { name: right }).boundingBox()]);
      return b!.x - (a!.x + a!.width);
    };
    expect(await gap('Export everything about this person (JSON)', 'Erase this person…')).toBeGreaterThanOrEqual(6);
    await page.getByRole('button', { name: 'Erase this person…' }).click();
    expect(await gap('Erase for good', 'Cancel')).toBeGreaterThanOrEqual(6);
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(/#\/contacts$/);
    expect(await contactCount()).toBe(7);
    expect(h.consoleErrors).toEqual([]);
  });

  it('fits the review of an import in the narrowest window, every row’s reason in view', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts/import`);
    await page.setViewportSize({ width: 720, height: 900 });
    try {
      // The same file twice: the second reading offers "Already in the library, unchanged", the widest choice.
      await upload('outlook-fr-1252.csv');
      await page.getByText('Columns recognised: Outlook (French).').waitFor();
      const importButton = page.getByRole('button', { name: 'Import', exact: true });
      if (await importButton.isEnabled()) {
        await importButton.click();
        await page.getByRole('button', { name: 'Import another file' }).click();
        await upload('outlook-fr-1252.csv');
      }
      await page.getByRole('option', { name: 'Already in the library, unchanged' }).first().waitFor({ state: 'attached' });
      await page.getByRole('cell', { name: /is not an e-mail address/ }).waitFor();
      // The content pane scrolls down, never sideways: the "Why" column is not cut off.
      const sideways = () => page.locator('#main').evaluate((m) => m.scrollWidth - m.clientWidth);
      expect(await sideways()).toBeLessThanOrEqual(0);
      // Nor by the first values of a column to map, a long e-mail address among them.
      const sheet = 'Full name;Mail\r\nNour Khalil;nour.khalil.jerusalem.bureau@international-broadcaster.example\r\n';
      await page.getByLabel('CSV or vCard file').setInputFiles({ name: 'desk.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
      await page.getByText(/These columns are not from an Outlook or Google export/).waitFor();
      expect(await sideways()).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('shows the merged contact at once after a merge, and saves on top of it', async () => {
    const keep = await h.api('contact.create', { name: 'Ruth Achan', emails: [{ type: 'work', address: 'ruth.achan@monitor.example' }], notes: 'Covers Gulu' });
    const dup = await h.api('contact.create', { name: 'Ruth Achan (Monitor)', emails: [{ type: 'personal', address: 'ruthachan@mail.example' }], notes: 'Health desk' });
    await h.api('contact.setPrivateNote', { id: keep.id, text: 'Met in Gulu' });
    await h.api('contact.setPrivateNote', { id: dup.id, text: 'Prefers calls' });
    await page.goto(`${h.server.launchUrl()}#/contacts/${keep.id}`);
    await page.getByRole('heading', { name: 'Ruth Achan', exact: true }).waitFor();
    await page.getByLabel('Find the duplicate').fill('Monitor');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Ruth Achan (Monitor)' }).click();
    // Keeping this contact's notes keeps both, joined: the choice shows what the merge will write.
    const notesRow = page.getByRole('row', { name: /^Notes/ });
    expect((await notesRow.getByRole('cell').first().innerText()).trim()).toMatch(/^Covers Gulu\s+Health desk$/);
    await page.getByRole('button', { name: 'Merge Ruth Achan (Monitor) into this contact' }).click();
    await page.getByText('Merged: 0 releases and 0 kits now name this contact.').waitFor();
    // The form and the private note are the merged contact's, not what the page held before.
    await expect.poll(() => page.locator('form.contact-form input[type=email]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'ruth.achan@monitor.example',
      'ruthachan@mail.example',
    ]);
    await expect.poll(() => page.getByLabel('Note', { exact: true }).inputValue()).toBe('Met in Gulu\n\nPrefers calls');
    await page.getByLabel('Role').fill('Health reporter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    expect(await h.api('contact.get', { id: keep.id })).toMatchObject({ role: 'Health reporter', emails: [{ address: 'ruth.achan@monitor.example' }, { address: 'ruthachan@mail.example' }] });
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('keeps outlets, an outlet history, beats from the office, E.164 phones, a private note and do-not-contact; filters, saves a segment and exports it', async () => {
    const office = await h.api('office.create', { name: 'Nairobi', beats: ['health'] });
    await h.goto(`#/settings/offices/${office.id}`);
    // The office's one country, chosen by its name.
    await page.getByRole('combobox', { name: 'Country', exact: true }).fill('keny');
    await page.getByRole('option', { name: 'Kenya KE' }).click();
    await page.getByRole('list', { name: 'Country', exact: true }).getByText('Kenya', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Beats of this office' }).fill('drought');
    await page.getByRole('textbox', { name: 'Beats of this office' }).press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await h.api('office.get', { id: office.id })).toMatchObject({ country: 'KE', beats: ['health', 'drought'] });
    // The outdated period is set, then cleared again: no period, no contact of the office outdated.
    const months = page.getByLabel('Contacts outdated after (months)');
    await months.fill('12');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await h.api('office.get', { id: office.id })).outdatedAfterMonths).toBe(12);
    await months.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await h.api('office.get', { id: office.id })).outdatedAfterMonths ?? 'none').toBe('none');
    await page.reload();
    await page.getByRole('list', { name: 'Country', exact: true }).getByText('Kenya', { exact: true }).waitFor();
    expect(await months.inputValue()).toBe('');
    expect(await h.api('office.get', { id: office.id })).toMatchObject({ country: 'KE', beats: ['health', 'drought'] });

    await h.nav('Contacts').click();
    await page.getByRole('link', { name: 'Outlets', exact: true }).click();
    await page.getByRole('link', { name: 'New outlet' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Daily Nation');
    await page.getByLabel('Type').selectOption('newspaper');
    await page.getByLabel('Website').fill('https://nation.example');
    // Countries and languages by name, with the keyboard: the first suggestion is the one Enter takes.
    const outletCountries = page.getByRole('combobox', { name: 'Countries', exact: true });
    await outletCountries.fill('tanz');
    await outletCountries.press('Enter');
    await outletCountries.fill('ke');
    await page.getByRole('option', { name: 'Kenya KE' }).waitFor();
    await outletCountries.press('Enter');
    const outletLanguages = page.getByRole('combobox', { name: 'Languages', exact: true });
    await outletLanguages.fill('swah');
    await outletLanguages.press('ArrowDown');
    await outletLanguages.press('ArrowUp');
    await outletLanguages.press('Enter');
    await page.getByRole('button', { name: 'Create outlet' }).click();
    await page.getByText('No contact names this outlet, now or in the past.').waitFor();
    const nation = (await h.api('outlet.list', { limit: 5, query: 'Daily Nation' })).items[0]!;
    expect(await h.api('outlet.get', { id: nation.id })).toMatchObject({ countries: ['TZ', 'KE'], languages: ['sw'] });
    await page.getByRole('list', { name: 'Countries', exact: true }).getByText('Tanzania', { exact: true }).waitFor();
    await h.expectAccessible('outlet editor');
    const citizen = await h.api('outlet.create', { name: 'Citizen TV', kind: 'tv' });

    await h.goto('#/contacts/new');
    await page.getByLabel('Name', { exact: true }).fill('Peter Okoth');
    await page.getByLabel('Office').selectOption({ label: 'Nairobi' });
    // The hint names the country and its calling code, not the office's two-letter code.
    await page.getByText('A number typed without its country code is saved with +254 (Kenya) in front.').waitFor();
    await page.getByRole('combobox', { name: 'Outlet', exact: true }).fill('Daily');
    await page.getByRole('option', { name: 'Daily Nation' }).click();
    await page.getByRole('checkbox', { name: 'drought' }).check();
    await page.getByRole('button', { name: 'Add a phone number' }).click();
    await page.getByLabel('Phone 1', { exact: true }).fill('0712 345 678');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Private note' }).waitFor();
    const peter = (await h.api('contact.list', { limit: 5, query: 'Okoth' })).items[0]!;
    expect(await h.api('contact.get', { id: peter.id })).toMatchObject({ beats: ['drought'], phones: [{ type: 'mobile', number: '+254712345678' }] });
    await page.getByText('Only on this computer: never synced, colleagues do not see it.').waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Prefers WhatsApp after 6 pm');
    await page.getByRole('button', { name: 'Save the note' }).click();
    await expect.poll(async () => (await h.api('contact.privateNote', { id: peter.id })).text).toBe('Prefers WhatsApp after 6 pm');

    // He moves to Citizen TV and asks not to be contacted any more.
    await page.getByRole('combobox', { name: 'Outlet', exact: true }).fill('Citizen');
    await page.getByRole('option', { name: 'Citizen TV' }).click();
    expect(citizen.id).toBeTruthy();
    await page.getByLabel('Do not contact').check();
    await page.getByRole('button', { name: 'Add a phone number' }).click();
    await page.getByLabel('Phone 2', { exact: true }).fill('0733 000 111');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Outlets before' }).waitFor();
    // Saved, the form shows the number as stored, with Kenya's calling code.
    await expect.poll(() => page.getByLabel('Phone 2', { exact: true }).inputValue()).toBe('+254733000111');
    await page.getByRole('listitem').filter({ hasText: 'Daily Nation' }).first().waitFor();
    await h.expectAccessible('contact editor with outlet history and data protection');

    await h.nav('Contacts').click();
    await page.getByLabel('Beat').selectOption('drought');
    await page.getByText('1 contact', { exact: true }).waitFor();
    await page.getByRole('link', { name: /Peter Okoth/ }).getByText('Do not contact').waitFor();
    // The row names the outlet he writes for now (he gave no organisation).
    await page.getByRole('link', { name: /Peter Okoth/ }).getByText('Citizen TV', { exact: true }).waitFor();
    await page.getByLabel('Save these filters as').fill('Drought desk');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText('Segment “Drought desk” saved.').waitFor();
    expect(await h.api('segment.list', {})).toEqual([{ name: 'Drought desk', filter: { beat: 'drought' } }]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const file = await download;
    // Named after the segment shown, not "contacts.csv" whatever it holds.
    expect(file.suggestedFilename()).toBe('Drought desk.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('Peter Okoth');
    expect(csv).not.toContain('Kaboré');
    await page.getByText('1 contact exported.').waitFor();
    await page.getByLabel('Beat').selectOption('');
    await page.getByLabel('Saved segment').selectOption('Drought desk');
    await page.getByText('1 contact', { exact: true }).waitFor();

    await h.goto(`#/outlets/${citizen.id}`);
    await page.getByText('1 contact names this outlet, so it cannot be deleted; give them another outlet first.').waitFor();
    expect(await page.getByRole('button', { name: 'Delete this outlet' }).count()).toBe(0);
    expect(h.consoleErrors).toEqual([]);
  });

  it('writes the calling code of the phone hint left to right in Arabic: +254, not 254+', async () => {
    const peter = (await h.api('contact.list', { limit: 5, query: 'Okoth' })).items[0]!;
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/contacts/${peter.id}`);
      const hint = page.locator('form.contact-form p.hint').filter({ hasText: '254' });
      await hint.waitFor();
      // Where the "+" and the first digit are drawn: the plus sign comes first, on the left.
      const [plus, digit] = await hint.evaluate((p) => {
        const node = p.firstChild!;
        const text = node.textContent!;
        const x = (i: number) => {
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          return r.getBoundingClientRect().left;
        };
        return [x(text.indexOf('+254')), x(text.indexOf('+254') + 1)];
      });
      expect(plus).toBeLessThan(digit);
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  });

  it('chooses a contact’s countries by their names in French and in Arabic, the suggestions right to left in Arabic', async () => {
    const peter = (await h.api('contact.list', { limit: 5, query: 'Okoth' })).items[0]!;
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'fr'));
    try {
      await page.goto(`${h.server.launchUrl()}#/contacts/${peter.id}`);
      // "cote", without its accent, finds Côte d’Ivoire by its French name.
      await page.getByRole('combobox', { name: 'Pays', exact: true }).fill('cote');
      await page.getByRole('option', { name: 'Côte d’Ivoire CI' }).click();
      await page.getByRole('list', { name: 'Pays', exact: true }).getByText('Côte d’Ivoire', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await expect.poll(async () => (await h.api('contact.get', { id: peter.id })).countries).toEqual(['CI']);

      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
      await page.reload();
      await page.getByRole('list', { name: 'البلدان', exact: true }).getByText('ساحل العاج', { exact: true }).waitFor();
      const countries = page.getByRole('combobox', { name: 'البلدان', exact: true });
      // Off the window's bottom edge, where the list would open above the box (code-picker-room.test.ts).
      await countries.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await countries.fill('بوركي');
      const option = page.getByRole('option', { name: /بوركينا فاسو/ });
      await option.waitFor();
      // Right to left: the name at the option's right, its code at its left, and the list under the box.
      const [row, name, code, list, box] = await Promise.all(
        [option, option.locator('span').first(), option.locator('.code-tag'), page.getByRole('listbox', { name: 'البلدان' }), countries].map(async (l) => (await l.boundingBox())!),
      );
      expect(row!.x + row!.width - (name!.x + name!.width)).toBeLessThan(20);
      expect(code!.x - row!.x).toBeLessThan(20);
      expect(list!.y).toBeGreaterThanOrEqual(box!.y + box!.height);
      await countries.press('Enter');
      await page.getByRole('button', { name: 'حفظ', exact: true }).click();
      await expect.poll(async () => (await h.api('contact.get', { id: peter.id })).countries).toEqual(['CI', 'BF']);
      await h.expectAccessible('contact editor in Arabic with countries chosen');
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  });

  it('reads each contact row as one unit in Arabic, a Latin name at the right above its badge and outlet as an Arabic one is', async () => {
    await h.api('contact.create', { name: 'سلمى الخطيب', organisation: 'صحيفة الصباح' });
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/contacts`);
      const list = page.getByRole('list', { name: 'جهات الاتصال' });
      for (const name of ['Peter Okoth', 'سلمى الخطيب']) {
        const row = list.getByRole('link', { name: new RegExp(name) });
        await row.waitFor();
        const title = await drawnText(row.locator('.row-title'));
        const [box, badge, meta] = await Promise.all([row, row.locator('.badge').first(), row.locator('.row-meta > :not(.badge)').last()].map(async (l) => (await l.boundingBox())!));
        const right = (b: { x: number; width: number }) => b.x + b.width;
        // The name ends where the badge ends, at the row's right (its padding apart), whatever its script...
        expect(Math.abs(right(title) - right(badge!)), name).toBeLessThanOrEqual(2);
        expect(right(box!) - right(title), name).toBeLessThan(24);
        // ...and the organisation or outlet follows the badge leftwards, on the same side of the row.
        expect(right(meta!), name).toBeLessThanOrEqual(badge!.x);
        expect(title.x, name).toBeGreaterThan(box!.x + box!.width / 2);
      }
      // The Latin name keeps its own direction inside the row.
      expect(await list.getByRole('link', { name: /Peter Okoth/ }).locator('.row-title > *').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await h.screenshot('contacts-list-ar');
      // The outlets list, one step from the contacts, the same way.
      await h.goto('#/outlets');
      const outlet = page.getByRole('list', { name: 'وسائل الإعلام' }).getByRole('link', { name: /Citizen TV/ });
      await outlet.waitFor();
      const nameEnd = (await drawnText(outlet.locator('.row-title'))).right;
      const badgeBox = (await outlet.locator('.badge').boundingBox())!;
      expect(Math.abs(nameEnd - (badgeBox.x + badgeBox.width))).toBeLessThanOrEqual(2);
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  });

  it('guesses a hand-made sheet’s Twitter column as social handles, and the contact shows them', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts/import`);
    const sheet = 'Name,Email,Twitter\r\nZainab Bello,zainab@daily.example,@zainab_b\r\n';
    await page.getByLabel('CSV or vCard file').setInputFiles({ name: 'desk.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await page.getByText(/These columns are not from an Outlook or Google export/).waitFor();
    const twitter = page.getByLabel('Where “Twitter” goes');
    expect(await twitter.inputValue()).toBe('social');
    expect(await twitter.locator('option:checked').innerText()).toBe('Social handles');
    await page.getByRole('button', { name: 'Read the file with this mapping' }).click();
    await page.getByText('1 read: 1 to create', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 1 created, 0 merged, 0 refused, 0 skipped.').waitFor();
    const zainab = (await h.api('contact.list', { limit: 5, query: 'Zainab' })).items[0]!;
    await h.goto(`#/contacts/${zainab.id}`);
    await expect.poll(() => page.getByLabel('Network 1', { exact: true }).inputValue()).toBe('X');
    expect(await page.getByLabel('Handle 1', { exact: true }).inputValue()).toBe('@zainab_b');
    expect(h.consoleErrors).toEqual([]);
  });

  it('reads a contacts file dropped anywhere on the import screen, as one chosen', async () => {
    await page.goto(`${h.server.launchUrl()}#/contacts/import`);
    await page.getByText('You can also drop the file anywhere on this window.', { exact: false }).waitFor();
    const sheet = 'Name,E-mail Address\r\nKofi Mensah,kofi@joy.example\r\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return data;
    }, sheet);
    // Dragged over the window, it says where the file goes; dropped, the file is read.
    await page.dispatchEvent('h1', 'dragenter', { dataTransfer });
    await page.getByText('Drop the contacts file to read it').waitFor();
    await page.dispatchEvent('h1', 'drop', { dataTransfer });
    await page.getByText('dropped.csv', { exact: true }).waitFor();
    expect(await page.getByText('Drop the contacts file to read it').count()).toBe(0);
    await page.getByLabel('Where “Name” goes').selectOption('name');
    await page.getByRole('button', { name: 'Read the file with this mapping' }).click();
    await page.getByText('1 read: 1 to create', { exact: false }).waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('imports a Google Contacts export as it comes: no mapping asked, labels typing e-mails and phones, Google’s own labels dropped', async () => {
    const before = await contactCount();
    await page.goto(`${h.server.launchUrl()}#/contacts/import`);
    await upload('google.csv');
    await page.getByText('Columns recognised: Google Contacts.').waitFor();
    expect(await page.getByRole('heading', { name: 'Where each column goes' }).count()).toBe(0);
    expect(await page.getByLabel('Encoding').inputValue()).toBe('utf-8');
    await page.getByText('3 read: 2 to create, 0 to merge, 1 refused, 0 skipped.', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'Column “Phone 1 - Value”: “call me” is not a phone number: it has no digits.' }).waitFor();
    expect(await contactCount()).toBe(before);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported in one go: 2 created, 0 merged, 1 refused, 0 skipped.').waitFor();
    expect(await contactCount()).toBe(before + 2);

    const found = async (query: string) => h.api('contact.get', { id: (await h.api('contact.list', { limit: 5, query })).items[0]!.id });
    const grace = await found('Akello');
    expect(grace).toMatchObject({
      name: 'Grace Akello',
      organisation: 'Daily Monitor',
      role: 'Health correspondent',
      notes: 'Met at the Kasese launch',
      beats: ['Health', 'Water'],
      emails: [{ type: 'work', address: 'grace.akello@daily-monitor.example' }],
      phones: [
        { type: 'mobile', number: '+256 772 123456' },
        { type: 'work', number: '+256 414 000111' },
      ],
    });
    const jose = await found('Ramírez');
    expect(jose.emails).toMatchObject([
      { type: 'personal', address: 'jose.ramirez@mail.example' },
      { type: 'personal', address: 'jramirez@el-tiempo.example' },
    ]);
    // Her page shows what the export held.
    await h.goto(`#/contacts/${grace.id}`);
    await page.getByRole('heading', { name: 'Grace Akello', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('Daily Monitor');
    expect(await page.getByLabel('Phone 2', { exact: true }).inputValue()).toBe('+256 414 000111');
    expect(h.consoleErrors).toEqual([]);
  });

  it('suggests on a contact’s page the people who may be the same: one answered “not the same person”, another merged from its suggestion', async () => {
    const keep = await h.api('contact.create', {
      name: 'Dr. Marc-André Tremblay',
      organisation: 'Société Radio-Canada',
      emails: [{ type: 'work', address: 'marc.tremblay@src.example' }],
    });
    const byEmail = await h.api('contact.create', { name: 'M. A. Tremblay', emails: [{ type: 'personal', address: 'Marc.Tremblay@src.example' }] });
    await h.api('contact.create', { name: 'Marc André Tremblay', organisation: 'Societe Radio Canada', role: 'Chroniqueur' });
    await page.goto(`${h.server.launchUrl()}#/contacts/${keep.id}`);
    const panel = page.getByRole('region', { name: 'Possibly the same person' });
    const item = (name: string) => panel.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await item('M. A. Tremblay').getByText('Same e-mail address').waitFor();
    await item('Marc André Tremblay').getByText('Same name at the same organisation or outlet').waitFor();
    await item('Marc André Tremblay').getByText('Societe Radio Canada').waitFor();
    await h.expectAccessible('possibly the same person');

    await item('M. A. Tremblay').getByRole('button', { name: 'Not the same person' }).click();
    await expect.poll(() => panel.getByRole('listitem').count()).toBe(1);
    // Focus stays in the list, on what is left.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Merge…');

    await item('Marc André Tremblay').getByRole('button', { name: 'Merge…' }).click();
    // The merge opens with the two side by side, nothing to search for.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Merge a duplicate into this contact');
    await page.getByRole('row', { name: /^Role/ }).getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Merge Marc André Tremblay into this contact' }).click();
    await page.getByText('Merged: 0 releases and 0 kits now name this contact.').waitFor();
    await panel.waitFor({ state: 'detached' });
    expect(await h.api('contact.get', { id: keep.id })).toMatchObject({ name: 'Dr. Marc-André Tremblay', role: 'Chroniqueur' });

    // Opened again, the page still knows the answer: nothing to suggest, no empty box.
    await page.reload();
    await page.getByRole('heading', { name: 'Merge a duplicate into this contact' }).waitFor();
    expect(await panel.count()).toBe(0);
    expect(await h.api('contact.similar', { id: byEmail.id })).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('reads the contacts and the outlets lists a page at a time as the person scrolls to their end', async () => {
    for (let i = 0; i < 110; i++) {
      const n = String(i).padStart(3, '0');
      await h.api('outlet.create', { name: `Radio ${n}`, kind: 'radio' });
      await h.api('contact.create', { name: `Reporter ${n}` });
    }
    const lists = [
      { route: '#/contacts', name: 'Contacts', total: (await h.api('contact.list', { limit: 1 })).total },
      { route: '#/outlets', name: 'Outlets', total: (await h.api('outlet.list', { limit: 1 })).total },
    ];
    for (const { route, name, total } of lists) {
      expect(total, name).toBeGreaterThan(100);
      await page.goto(`${h.server.launchUrl()}${route}`);
      const list = page.getByRole('list', { name });
      await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(5);
      await expectScrolledToLastRow(page, list, total);
    }
  });
});

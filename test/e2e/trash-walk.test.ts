import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { startHarness, type Harness } from './harness';

/**
 * The trash as a new user finds it, in a real Chromium (web mode): a contact, its outlet, a kit
 * and an attachment deleted wait there beside a release moved to it, each row saying its kind,
 * name, who deleted it and when under labelled columns; restoring says what stands in the way
 * (the outlet in the trash too, a name taken since); in Arabic the screen reads right to left
 * and emptying it, asked first, deletes everything for good with the attachment's file.
 */

let h: Harness;
const ids: Record<string, string> = {};
let sha = '';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  const release = await h.api('release.create', { headline: 'Boreholes in Kasese', language: 'en', body: richTextFromParagraphs(['Twelve boreholes now serve 8,000 people.']) });
  ids.release = release.id;
  ids.outlet = (await h.api('outlet.create', { name: 'Radio Okapi' })).id;
  ids.contact = (await h.api('contact.create', { name: 'Amina Diallo', outlet: ids.outlet })).id;
  ids.kit = (await h.api('kit.create', { title: 'Kasese water kit', language: 'en', items: [] })).id;
  const file = await h.api('attachment.add', { name: 'fact-sheet.pdf', data: pdf.toString('base64'), fields: {} });
  ids.attachment = file.id;
  sha = file.sha256;
  await h.api('release.trash', { id: release.id, rev: null });
  for (const id of [ids.contact, ids.outlet, ids.kit]) await h.api('doc.delete', { id: id!, rev: null });
  await h.api('attachment.delete', { id: ids.attachment, rev: null });
  await h.page.goto(h.server.launchUrl());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('the trash in web mode', () => {
  it('lists every kind deleted under labelled columns, and restores each or says what stands in the way', async () => {
    const page = h.page;
    await h.goto('#/releases/trash');
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Boreholes in Kasese' }).waitFor();
    expect(await page.getByText(/^Release · English · moved to the trash /).count()).toBe(1);

    const table = page.getByRole('table', { name: 'Contacts, outlets, kits and attachments' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Kind', 'Name', 'Deleted by', 'Deleted on', 'Action']);
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(5);
    const amina = rows.filter({ hasText: 'Amina Diallo' });
    expect(await amina.getByRole('cell').allTextContents()).toEqual(['Contact', 'Amina Diallo', 'Press Officer', expect.stringMatching(/\d/), 'Restore']);
    for (const [kind, name] of [['Outlet', 'Radio Okapi'], ['Kit', 'Kasese water kit'], ['Attachment', 'fact-sheet.pdf']]) {
      expect((await rows.filter({ hasText: name! }).getByRole('cell').allTextContents()).slice(0, 3)).toEqual([kind, name, 'Press Officer']);
    }
    await h.expectAccessible('trash with every kind');
    await h.screenshot('trash-every-kind');

    // The contact's outlet is in the trash too: said, and nothing restored.
    await page.getByRole('button', { name: 'Restore “Amina Diallo” (Contact)' }).click();
    await page.getByRole('alert').filter({ hasText: '“Amina Diallo” works for the outlet “Radio Okapi”, which is in the trash too' }).waitFor();
    await page.getByRole('button', { name: 'Restore “Radio Okapi” (Outlet)' }).click();
    await page.getByRole('status').filter({ hasText: '“Radio Okapi” (Outlet) is back in the library.' }).waitFor();
    await page.getByRole('button', { name: 'Restore “Amina Diallo” (Contact)' }).click();
    await page.getByRole('status').filter({ hasText: '“Amina Diallo” (Contact) is back in the library.' }).waitFor();
    expect((await h.api('contact.get', { id: ids.contact! })).outlet).toBe(ids.outlet);

    // A kit of the same title made since: said, then restored anyway when asked.
    await h.api('kit.create', { title: 'Kasese water kit', language: 'en', items: [] });
    await page.getByRole('button', { name: 'Restore “Kasese water kit” (Kit)' }).click();
    await page.getByRole('alert').filter({ hasText: 'Another item named “Kasese water kit” is already in the library' }).waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByRole('button', { name: 'Restore anyway' }).click();
    await page.getByRole('status').filter({ hasText: '“Kasese water kit” (Kit) is back in the library.' }).waitFor();
    expect((await h.api('kit.get', { id: ids.kit! })).title).toBe('Kasese water kit');
    expect(await page.getByRole('button', { name: 'Restore anyway' }).count()).toBe(0);
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('reads right to left in Arabic, and empties the trash for good after asking', async () => {
    const page = h.page;
    await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'ar'));
    try {
      await page.goto(`${h.server.launchUrl()}#/releases/trash`);
      await page.getByRole('heading', { name: 'سلة المهملات', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const table = page.getByRole('table', { name: 'جهات الاتصال ووسائل الإعلام والملفات الصحفية والمرفقات' });
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(['النوع', 'الاسم', 'حذفه', 'تاريخ الحذف', 'إجراء']);
      const row = table.getByRole('row').filter({ hasText: 'fact-sheet.pdf' });
      expect((await row.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['مرفق', 'fact-sheet.pdf', 'Press Officer']);
      // The author's Latin name inside the right-to-left row keeps its own direction.
      expect(await row.locator('bdi').evaluate((b) => getComputedStyle(b).direction)).toBe('ltr');
      await h.expectAccessible('trash in Arabic');
      await h.screenshot('trash-arabic');

      await page.getByRole('button', { name: 'تفريغ سلة المهملات…' }).click();
      await page.getByRole('alertdialog').getByText('هل تريد حذف عنصرين نهائياً مع ملفاتهما؟ لا يمكن التراجع عن ذلك.').waitFor();
      await page.getByRole('button', { name: 'حذف نهائي' }).click();
      await page.getByRole('status').filter({ hasText: 'حُذف عنصران نهائياً.' }).waitFor();
      await page.getByText('سلة المهملات فارغة.').waitFor();
      expect(existsSync(h.core.ctx.blobs.path(sha))).toBe(false);
      expect((await h.api('trash.list', {})).total).toBe(0);
      const gone = await h.core.dispatch('release.get', { id: ids.release! }, { transport: 'test' });
      expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    } finally {
      await page.evaluate(() => localStorage.setItem('dateline.uiLanguage', 'en'));
    }
  }, 90_000);
});

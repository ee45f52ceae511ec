import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { startHarness, type Harness } from './harness';

/**
 * Deleting in a real Chromium (web mode): an attachment from its page, asked first with where it
 * is used, then the kit carrying it marks it missing in place; and a kit from the kit builder,
 * which the kits list then offers to bring back with Undo.
 */

let h: Harness;
let sheet = '';
let kit = '';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer' });
  const release = await h.api('release.create', { headline: 'Boreholes in Kasese', language: 'en', body: richTextFromParagraphs(['Twelve boreholes now serve 8,000 people.']) });
  sheet = (await h.api('attachment.add', { name: 'fact-sheet.pdf', data: pdf.toString('base64'), fields: { releases: [release.id] } })).id;
  kit = (await h.api('kit.create', { title: 'Kasese kit', language: 'en', items: [{ kind: 'release', id: release.id }, { kind: 'attachment', id: sheet }] })).id;
  await h.page.goto(h.server.launchUrl());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('deleting in web mode', () => {
  it('deletes an attachment after saying where it is used; the kit then marks it missing', async () => {
    const page = h.page;
    await h.goto(`#/attachments/${sheet}`);
    await page.getByRole('region', { name: 'Used in' }).getByRole('link', { name: 'Kasese kit' }).waitFor();
    await page.getByRole('button', { name: 'Delete…', exact: true }).click();
    const question = page.getByRole('alertdialog');
    await question.getByText('It is used in:').waitFor();
    await question.getByRole('link', { name: 'Boreholes in Kasese' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await h.expectAccessible('attachment delete question');
    await h.screenshot('attachment-delete-question');
    await question.getByRole('button', { name: 'Delete', exact: true }).click();

    await page.getByText('“fact-sheet.pdf” was deleted.').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/attachments');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('“fact-sheet.pdf” was deleted.');

    await h.goto(`#/kits/${kit}`);
    await page.getByText('File missing: fact-sheet.pdf — relink or remove', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Remove from kit', exact: true }).waitFor();
  }, 60_000);

  it('deletes a kit from the kit builder, and Undo on the kits list brings it back', async () => {
    const page = h.page;
    await h.goto(`#/kits/${kit}`);
    await page.getByRole('heading', { name: 'Kit builder' }).waitFor();
    await page.getByRole('button', { name: 'Delete kit…', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete kit', exact: true }).click();

    await page.getByText('The kit “Kasese kit” was deleted.').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/kits');
    const undo = page.getByRole('button', { name: 'Undo: bring back the kit “Kasese kit”', exact: true });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('link', { name: 'Kasese kit', exact: true }).count()).toBe(0);
    await h.expectAccessible('kits list after a kit was deleted');

    await undo.click();
    await page.getByText('The kit “Kasese kit” is back.').waitFor();
    await page.getByRole('link', { name: 'Kasese kit', exact: true }).waitFor();
    expect((await h.api('kit.get', { id: kit })).title).toBe('Kasese kit');
  }, 60_000);
});

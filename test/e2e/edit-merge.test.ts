import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/**
 * A contact changed behind its open editor (a sync, another window: here the core's API) while
 * the person edits it: saving keeps both changes and shows the merged contact; the same field
 * changed on both sides keeps both versions, and the Conflicts screen the editor links to settles it;
 * so does a contact deleted elsewhere, whose edit is kept beside the deletion.
 */

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ author: 'Press Officer', stepTimeout: 15_000 });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('saving a contact changed elsewhere meanwhile', () => {
  it('keeps the change made behind the editor, shows it, and sends only what the person changed', async () => {
    const made = await h.api('contact.create', { name: 'Fatou Sow', role: 'Reporter', tags: ['health'] });
    await page.goto(`${h.server.launchUrl()}#/contacts/${made.id}`);
    await page.getByRole('heading', { name: 'Fatou Sow', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Role', { exact: true }).inputValue()).toBe('Reporter');

    // Behind the open editor: another window adds a tag and a note.
    await h.api('contact.update', { id: made.id, rev: null, fields: { tags: ['health', 'sahel'], notes: 'Prefers WhatsApp' } });
    await page.getByLabel('Role', { exact: true }).fill('Health editor');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved — changes made elsewhere meanwhile were kept too' }).waitFor();

    expect(await h.api('contact.get', { id: made.id })).toMatchObject({ role: 'Health editor', tags: ['health', 'sahel'], notes: 'Prefers WhatsApp', conflicted: false });
    // The form shows the merged contact: saving again does not take the note back out.
    await expect.poll(() => page.getByLabel('Notes', { exact: true }).inputValue()).toBe('Prefers WhatsApp');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('keeps both versions of a field changed on both sides and links to the Conflicts screen, where it is settled', async () => {
    const made = await h.api('contact.create', { name: 'Awa Diallo', role: 'Reporter' });
    await page.goto(`${h.server.launchUrl()}#/contacts/${made.id}`);
    await page.getByRole('heading', { name: 'Awa Diallo', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Role', { exact: true }).inputValue()).toBe('Reporter');

    await h.api('contact.update', { id: made.id, rev: null, fields: { role: 'Editor' } });
    await page.getByLabel('Role', { exact: true }).fill('Senior health reporter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'both versions are kept until you choose' }).waitFor();
    await h.expectAccessible('contact editor after a save that met a conflict');
    // The person's version stays in the form until they choose.
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('Senior health reporter');

    await page.getByRole('link', { name: 'Choose on the Conflicts screen' }).click();
    const card = page.getByRole('region', { name: 'Awa Diallo' });
    await card.getByText('Contact: one field was changed on both sides.').waitFor();
    await card.getByRole('radio', { name: 'Role: keep the version shown now Senior health reporter' }).check();
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No conflicts to resolve.').waitFor();
    expect(await h.api('contact.get', { id: made.id })).toMatchObject({ role: 'Senior health reporter', conflicted: false });
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('keeps the edit of a contact deleted meanwhile, says so, and the Conflicts screen keeps it or lets the deletion stand', async () => {
    const made = await h.api('contact.create', { name: 'Mariam Traoré', role: 'Reporter' });
    await page.goto(`${h.server.launchUrl()}#/contacts/${made.id}`);
    await page.getByRole('heading', { name: 'Mariam Traoré', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Role', { exact: true }).inputValue()).toBe('Reporter');

    // Behind the open editor: another window deletes the contact.
    await h.api('doc.delete', { id: made.id, rev: made.rev });
    await page.getByLabel('Role', { exact: true }).fill('Radio producer');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'this was deleted elsewhere meanwhile: your version is kept beside the deletion' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('Radio producer');
    await h.expectAccessible('contact editor after a save that met a deletion');

    await page.getByRole('link', { name: 'Choose on the Conflicts screen' }).click();
    const card = page.getByRole('region', { name: 'Mariam Traoré' });
    await card.getByText('Contact: deleted in one place and edited in another.').waitFor();
    await card.getByRole('radio', { name: 'Keep the edited document' }).check();
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No conflicts to resolve.').waitFor();
    expect(await h.api('contact.get', { id: made.id })).toMatchObject({ role: 'Radio producer', conflicted: false });
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});

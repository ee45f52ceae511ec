import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScrolledToLastRow, startHarness, type Harness } from './harness';

/**
 * A trash of more releases than one page: the list reads on as it scrolls to the last one, and
 * "Empty the trash" deletes every release in it, not only the rows read so far, and says how many.
 */

const TRASHED = 230;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ author: 'amina', viewport: { width: 1400, height: 900 } });
  for (let i = 1; i <= TRASHED; i++) {
    const r = await h.api('release.create', { headline: `Old draft ${i}`, language: 'en' });
    await h.api('release.trash', { id: r.id, rev: r.rev });
  }
  await h.api('release.create', { headline: 'Boreholes in Kasese', language: 'en' });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('a trash of more than one page', () => {
  it('lists every trashed release and empties them all', async () => {
    const { page } = h;
    await page.goto(`${h.server.launchUrl()}#/releases/trash`);
    const list = page.getByRole('list', { name: 'Trash' });
    await list.getByRole('listitem').first().waitFor();
    await expectScrolledToLastRow(page, list, TRASHED);

    await page.getByRole('button', { name: 'Empty the trash…' }).click();
    const question = page.getByRole('alertdialog', { name: 'Empty the trash' });
    await question.getByText(`Delete ${TRASHED} releases for good? This cannot be undone.`).waitFor();
    await question.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText(`${TRASHED} releases deleted for good.`).waitFor();
    await page.getByText('The trash is empty.').waitFor();
    expect((await h.api('release.list', { trashed: true, limit: 1 })).total).toBe(0);
    // The releases outside the trash stay.
    expect((await h.api('release.list', { limit: 10 })).items.map((r) => r.headline)).toEqual(['Boreholes in Kasese']);
  });
});

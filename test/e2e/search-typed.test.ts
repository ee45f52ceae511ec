import { describe, expect, it } from 'vitest';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { SEED, openIn, seededHarness, withPage } from './i18n-screens';

/**
 * The top bar's search (Ctrl+K), typed as a field officer types: a figure without its separator
 * or with another language's, a phrase in quotation marks. The release written with the figure
 * in its own language's way is found, and its passage marks the figure and the phrase whole.
 */

const FLOODS = 'Inondations dans la région de Ségou';
const APART = 'Convois vers Mopti';

const seeded = seededHarness({}, async (h) => {
  await h.api('release.create', {
    headline: FLOODS,
    language: 'fr',
    // A narrow no-break space between the thousands, as French typography writes them.
    body: richTextFromParagraphs(['Les crues ont déplacé 12\u202F000 personnes, qui reçoivent une aide alimentaire depuis lundi.']),
  });
  await h.api('release.create', {
    headline: APART,
    language: 'fr',
    body: richTextFromParagraphs(['Une aide est arrivée par la route ; la situation alimentaire reste grave pour 120 familles.']),
  });
});

describe('the top bar search, typed as people write', () => {
  it('finds a figure typed without its separator and a phrase in quotation marks, each marked whole in the passage', async () => {
    await withPage(openIn(seeded.h, 'fr-FR'), async (page) => {
      await page.keyboard.press('Control+k');
      const search = page.getByRole('combobox', { name: 'Rechercher dans la bibliothèque' });
      const hits = page.getByRole('listbox', { name: 'Résultats de la recherche' }).getByRole('option');

      await search.fill('12000');
      const floods = page.getByRole('option', { name: new RegExp(FLOODS) });
      await floods.locator('.row-passage mark').first().waitFor();
      expect(await floods.locator('.row-passage mark').allInnerTexts()).toEqual(['12\u202F000']);
      expect(await hits.count()).toBe(1);

      // Spanish writes it 12.000: the same number.
      await search.fill('12.000 personnes');
      await expect.poll(() => floods.locator('.row-passage mark').allInnerTexts()).toEqual(['12\u202F000', 'personnes']);

      // The two words side by side, not one here and one there.
      await search.fill('aide alimentaire');
      await page.getByRole('option', { name: new RegExp(APART) }).waitFor();
      await search.fill('« aide alimentaire »');
      await expect.poll(() => hits.count()).toBe(1);
      expect(await floods.locator('.row-passage mark').allInnerTexts()).toEqual(['aide alimentaire']);

      // The English release of the seed writes 1,200: typed without the comma, it is found and marked.
      await search.fill('1200 farmers');
      const seedHit = page.getByRole('option', { name: new RegExp(SEED.headline) });
      await expect.poll(() => seedHit.locator('.row-passage mark').allInnerTexts()).toEqual(['1,200', 'farmers']);
    });
  }, 120_000);
});

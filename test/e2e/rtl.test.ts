import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openIn, screens, SEED, seededHarness, show, withPage } from './i18n-screens';

/**
 * Right to left beyond the layout: the kit builder's drag and drop with a real pointer in
 * Arabic, and every free-text field on every screen taking the direction of what is typed.
 */

let kit: string;
const MARYAM = 'مريم الحسن';

// Beyond the seed: an Arabic kit of the Arabic release and two spokespeople, to reorder.
const seeded = seededHarness({}, async (h, s) => {
  const maryam = await h.api('contact.create', { kind: 'spokesperson', name: MARYAM, emails: [{ type: 'work', address: 'maryam@example.org' }] });
  const created = await h.api('kit.create', {
    title: 'ملف البذور',
    language: 'ar',
    items: [
      { kind: 'release', id: s.arabicRelease },
      { kind: 'contact', id: s.contact },
      { kind: 'contact', id: maryam.id },
    ],
  });
  kit = created.id;
});

/** The items as the person sees them: labels sorted by where they are on the screen, top first. */
async function seenOrder(page: Page): Promise<string[]> {
  const rows = await page.locator('#main ol.kit-items > li').all();
  const placed = await Promise.all(rows.map(async (r) => ({ y: (await r.boundingBox())!.y, label: await r.locator('.kit-item-label').innerText() })));
  return placed.sort((a, b) => a.y - b.y).map((p) => p.label);
}

describe('the kit builder in Arabic', () => {
  it('is mirrored, and a pointer drag by the handle on the right puts the item where it is dropped', async () => {
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      await show(page, { hash: `#/kits/${kit}`, ready: '#main ol.kit-items > li' });
      expect(await seenOrder(page)).toEqual([SEED.arabicHeadline, SEED.contact, MARYAM]);

      // Mirrored: each row's handle is at its right edge, its move buttons at its left, and a
      // Latin name keeps its own direction inside the Arabic list.
      for (const row of await page.locator('#main ol.kit-items > li').all()) {
        const [rowBox, handle, label, actions] = await Promise.all(
          [row, row.locator('.drag-handle'), row.locator('.kit-item-label'), row.locator('.kit-item-actions')].map(async (l) => (await l.boundingBox())!),
        );
        expect(handle!.x + handle!.width).toBeGreaterThan(label!.x + label!.width);
        expect(actions!.x + actions!.width).toBeLessThanOrEqual(label!.x + 1);
        expect(rowBox!.x + rowBox!.width - (handle!.x + handle!.width)).toBeLessThan(handle!.x - rowBox!.x);
      }
      const latin = page.locator('#main .kit-item-label', { hasText: SEED.contact });
      expect(await latin.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

      // A real pointer: press on Maryam's handle, move over the first row in steps, release.
      const from = (await page.locator('#main ol.kit-items > li', { hasText: MARYAM }).locator('.drag-handle').boundingBox())!;
      const to = (await page.locator('#main ol.kit-items > li').first().boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width - 20, to.y + to.height / 2, { steps: 12 });
      await page.mouse.up();

      await expect.poll(() => seenOrder(page)).toEqual([MARYAM, SEED.arabicHeadline, SEED.contact]);
      // What the person sees is what is stored, once the pause has passed.
      await expect
        .poll(async () => (await seeded.h.api('kit.get', { id: kit })).items.map((i) => (i.kind === 'contact' && i.id === seeded.s.contact ? 'awa' : i.kind)), { timeout: 15_000 })
        .toEqual(['contact', 'release', 'awa']);
    });
  }, 120_000);
});

/** Free-text fields on the page that decide no direction: no dir attribute at all. */
function fieldsWithoutDirection(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TEXT = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password']);
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (el instanceof HTMLInputElement && !TEXT.has(el.getAttribute('type') ?? '')) continue;
      if (el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
      if (['auto', 'ltr', 'rtl'].includes(el.getAttribute('dir') ?? '')) continue;
      const label = el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '';
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${label}”`);
    }
    return out;
  });
}

describe('text fields take the direction of what is typed', () => {
  it('leaves no free-text field on any screen without a direction', async () => {
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      const missing: string[] = [];
      for (const screen of [...screens(seeded.s), { name: 'kit-builder-ar', hash: `#/kits/${kit}`, ready: '#main ol.kit-items > li' }]) {
        await show(page, screen);
        missing.push(...(await fieldsWithoutDirection(page)).map((f) => `${screen.name}: ${f}`));
      }
      // The link form of the body editor opens only on demand.
      await show(page, { hash: `#/releases/${seeded.s.release}`, ready: '#main .body-editor' });
      await page.locator('#main .body-editor .toolbar').getByRole('button', { name: 'رابط', exact: true }).click();
      await page.locator('#main .link-form input').waitFor();
      missing.push(...(await fieldsWithoutDirection(page)).map((f) => `link form: ${f}`));
      expect(missing).toEqual([]);
    });
  }, 180_000);

  it('shows an Arabic hit of the top bar\'s search right to left, from the right edge, in an English interface', async () => {
    await withPage(openIn(seeded.h, 'en-GB'), async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('البذور');
      const hit = page.getByRole('option', { name: SEED.arabicHeadline });
      const title = hit.locator('.hit-title');
      await title.waitFor();
      expect(await title.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
      const [row, text] = await Promise.all([hit.boundingBox(), title.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { x: r.x, width: r.width };
      })]);
      // Set from the right: the text ends near the row's right edge, far from its left one.
      expect(row!.x + row!.width - (text.x + text.width)).toBeLessThan(text.x - row!.x);
    });
  }, 60_000);

  it('sets an empty box and its placeholder right to left in the Arabic interface, and Latin typed into it left to right', async () => {
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      await show(page, { hash: '#/import', ready: '#main textarea' });
      const direction = (l: Locator) => l.evaluate((el) => getComputedStyle(el).direction);
      const search = page.getByRole('combobox').first();
      const paste = page.locator('#main textarea');
      expect([await direction(search), await direction(paste)]).toEqual(['rtl', 'rtl']);
      await paste.fill('Floods in the Tana River delta');
      expect(await direction(paste)).toBe('ltr');
      await paste.fill('');
      expect(await direction(paste)).toBe('rtl');
    });
  }, 60_000);

  it('turns a search box right to left for Arabic and back for Latin text, in an English interface', async () => {
    await withPage(openIn(seeded.h, 'en-GB'), async (page) => {
      await show(page, { hash: '#/contacts', ready: '#main a.row-link' });
      const search = page.locator('#main input[type="search"]').first();
      await search.fill(MARYAM);
      expect(await search.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
      await search.fill(SEED.contact);
      expect(await search.evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
    });
  }, 60_000);
});

/**
 * Latin and numeric tokens (a file type, a phone code, a path, an address) on the page whose
 * characters are not laid out left to right: inside Arabic text the bidirectional algorithm
 * moves a leading "." or "+" or "/" to the wrong end unless the token is isolated.
 */
function misorderedTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TOKEN = /mailto:|[.+/@#]*[A-Za-z0-9]+(?:[-+./@:_~#,]+[A-Za-z0-9]+)*(?::\/\/|\/)?/g;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, [hidden]') || el.getClientRects().length === 0) continue;
      const text = n.textContent ?? '';
      for (const m of text.matchAll(TOKEN)) {
        if (m[0].length < 2) continue;
        const boxes = Array.from(m[0], (_, i) => {
          const range = document.createRange();
          range.setStart(n, m.index + i);
          range.setEnd(n, m.index + i + 1);
          return range.getBoundingClientRect();
        });
        // A token broken over two lines has no single order to check.
        if (new Set(boxes.map((b) => Math.round(b.y))).size > 1) continue;
        if (boxes.some((b, i) => i > 0 && b.x < boxes[i - 1]!.x)) out.push(`“${m[0]}” in “${text.trim()}”`);
      }
    }
    return out;
  });
}

describe('Latin and numbers inside Arabic text', () => {
  it('shows the library folder in Settings as the path it is', async () => {
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      await show(page, { hash: '#/settings', ready: '#main dl.facts code' });
      const path = await page.locator('#main dl.facts code').innerText();
      expect(path.startsWith('/')).toBe(true);
      expect(await misorderedTokens(page)).toEqual([]);
    });
  }, 60_000);

  it('shows file types, phone codes and web addresses in their own order on every screen', async () => {
    await withPage(openIn(seeded.h, 'ar-EG'), async (page) => {
      const found: string[] = [];
      const more = [
        { name: 'new contact', hash: '#/contacts/new', ready: '#main form' },
        { name: 'contact import', hash: '#/contacts/import', ready: '#main input[type="file"]' },
      ];
      for (const screen of [...screens(seeded.s), ...more]) {
        await show(page, screen);
        found.push(...(await misorderedTokens(page)).map((f) => `${screen.name}: ${f}`));
      }
      await show(page, { hash: `#/releases/${seeded.s.arabicRelease}`, ready: '#main .body-editor' });
      await page.locator('#main .body-editor .toolbar').getByRole('button', { name: 'رابط', exact: true }).click();
      await page.locator('#main .link-form input').waitFor();
      found.push(...(await misorderedTokens(page)).map((f) => `link form: ${f}`));
      expect(found).toEqual([]);
    });
  }, 180_000);
});

describe('icons that point a way', () => {
  /** The undo and redo arrows as drawn: mirrored (a negative horizontal scale) or not. */
  async function arrowsMirrored(page: Page, names: [string, string]): Promise<boolean[]> {
    return Promise.all(
      names.map((name) =>
        page
          .locator('#main .body-editor .toolbar')
          .getByRole('button', { name, exact: true })
          .locator('[aria-hidden="true"]')
          .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a < 0),
      ),
    );
  }

  it('turns undo and redo round in Arabic, where going back is to the right', async () => {
    const arabic = await openIn(seeded.h, 'ar-EG');
    const english = await openIn(seeded.h, 'en-GB');
    try {
      const release = { hash: `#/releases/${seeded.s.arabicRelease}`, ready: '#main .body-editor' };
      await show(arabic.page, release);
      await show(english.page, release);
      expect(await arrowsMirrored(arabic.page, ['تراجع', 'إعادة'])).toEqual([true, true]);
      expect(await arrowsMirrored(english.page, ['Undo', 'Redo'])).toEqual([false, false]);
    } finally {
      await arabic.context.close();
      await english.context.close();
    }
  }, 60_000);
});

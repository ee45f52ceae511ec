import type { BrowserContext, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { useCouchWithProxy } from '../sync/couch-server';
import { call } from '../sync/library-state';
import { tempDir } from '../helpers';
import { ARTIFACTS, startHarness, type Harness } from './harness';

/**
 * Two offices that disagree, walked in Spanish and French in a narrow window: Amina's laptop (the
 * page) and Omar's (another library) edit the same release, kit and contact while offline and
 * sync through a real pouchdb-server. The Conflicts screen names each side by who wrote it and
 * lists what else each changed, kept whatever is chosen; Settings keeps its buttons and labels
 * apart and its values readable at 800 pixels.
 */

const couch = useCouchWithProxy();
let h: Harness;
let omar: Core;
let goma: string;
let ids: { release: string; contact: string; kit: string };

async function syncNow(c: Core): Promise<void> {
  await call(c, 'sync.now', {});
  await c.ctx.sync!.idle();
}

beforeAll(async () => {
  h = await startHarness({ author: 'Amina Diallo', stepTimeout: 20_000, sync: { retry: { attempts: 1 } } });
  omar = await openCore(tempDir(), { author: 'Omar Haddad', sync: { retry: { attempts: 1 } } });
  await omar.ctx.sync!.whenReady();
  const amina = h.core;
  goma = (await h.api('office.create', { name: 'Goma' })).id;
  await couch.server.createDb(`dateline-${goma}`);
  for (const c of [amina, omar]) await call(c, 'sync.configure', { server: couch.server.url, offices: [goma] });
  const release = await h.api('release.create', { headline: 'Floods in Uvira', language: 'fr', office: goma, body: richTextFromParagraphs(['Heavy rain since Sunday.']) });
  const contact = await h.api('contact.create', { name: 'Grace Akello', kind: 'journalist', office: goma, role: 'Reporter' });
  const kit = await h.api('kit.create', { title: 'Uvira floods kit', office: goma });
  ids = { release: release.id, contact: contact.id, kit: kit.id };
  await syncNow(amina);
  await syncNow(omar);
  // Both laptops offline: the same headline changed on both, and each changes something else too.
  await h.api('release.update', { id: release.id, rev: null, fields: { headline: 'Inondations à Uvira : 12 000 déplacés', body: richTextFromParagraphs(['12,000 people displaced.']) } });
  await call(omar, 'release.update', { id: release.id, rev: null, fields: { headline: 'Inondations à Uvira', subheadline: 'La Croix-Rouge distribue des kits' } });
  await h.api('contact.update', { id: contact.id, rev: null, fields: { role: 'Health correspondent' } });
  await call(omar, 'doc.delete', { id: contact.id, rev: null });
  await h.api('kit.update', { id: kit.id, rev: null, fields: { title: 'Kit presse Uvira' } });
  await call(omar, 'kit.update', { id: kit.id, rev: null, fields: { title: 'Uvira kit', pageSize: 'Letter' } });
  await syncNow(amina);
  await syncNow(omar);
  await syncNow(amina);
}, 180_000);

afterAll(async () => {
  omar?.close();
  await h?.close();
});

/** The app in `locale`, in a window of `width` × `height`. */
async function openIn(locale: string, width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Africa/Kinshasa' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(h.server.launchUrl());
  await page.locator('#main h1').first().waitFor();
  return { context, page };
}

const go = (page: Page, hash: string) => page.evaluate((x) => (window.location.hash = x), hash);
const box = async (l: Locator) => (await l.boundingBox())!;
/** The main pane scrolls sideways: something is wider than the window. */
const overflows = (page: Page) => page.evaluate(() => (document.getElementById('main')!.scrollWidth > document.getElementById('main')!.clientWidth + 1));

describe('the Conflicts screen, in Spanish at 800 × 600', () => {
  it('names each side by who wrote it, lists the other changes kept, and keeps them all after a whole side is chosen', async () => {
    const { context, page } = await openIn('es-ES', 800, 600);
    try {
      await go(page, '#/conflicts');
      const card = page.getByRole('region', { name: /^Inondations à Uvira/ });
      const table = card.getByRole('table');
      await table.getByRole('columnheader', { name: /^Su versión/ }).waitFor();
      await table.getByRole('columnheader', { name: /^La versión de Omar Haddad/ }).waitFor();
      await card.getByRole('radio', { name: 'Titular: conservar su versión Inondations à Uvira : 12 000 déplacés' }).waitFor();
      await card.getByText('Se conservan elija lo que elija: los demás cambios de cada lado.').waitFor();
      expect((await card.getByRole('listitem').allInnerTexts()).sort()).toEqual(['La versión de Omar Haddad: Subtítulo', 'Su versión: Cuerpo']);
      expect(await overflows(page)).toBe(false);
      // "Choose a version of each field first." stands apart from Resolve under it.
      const hint = await box(card.getByText('Elija primero una versión de cada campo.'));
      const resolve = await box(card.getByRole('button', { name: 'Resolver' }));
      expect(resolve.y - (hint.y + hint.height)).toBeGreaterThanOrEqual(6);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'conflicts-walk-es-800.png') });

      await card.getByRole('button', { name: 'Conservar toda la versión de Omar Haddad' }).click();
      await card.getByRole('button', { name: 'Resolver' }).click();
      await page.getByText('«Inondations à Uvira : 12 000 déplacés» quedó resuelto', { exact: false }).or(page.getByText('«Inondations à Uvira» quedó resuelto', { exact: false })).waitFor();
      // Omar's headline and subheadline, and Amina's body: nothing either laptop changed is lost.
      const settled = await h.api('release.get', { id: ids.release });
      expect([settled.headline, settled.subheadline, JSON.stringify(settled.body)]).toEqual(['Inondations à Uvira', 'La Croix-Rouge distribue des kits', expect.stringContaining('12,000 people displaced.')]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the Conflicts screen, in French at 1280 × 800', () => {
  it('keeps the contact edited on this laptop and deleted on the other, and carries focus to the next case', async () => {
    const { context, page } = await openIn('fr-FR', 1280, 800);
    try {
      await go(page, '#/conflicts');
      const card = page.getByRole('region', { name: 'Grace Akello' });
      await card.getByText('Contact : supprimé à un endroit et modifié à un autre.').waitFor();
      await card.getByRole('radio', { name: 'Garder le document modifié' }).check();
      await card.getByRole('button', { name: 'Résoudre' }).click();
      await page.getByText('« Grace Akello » est réglé', { exact: false }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      expect(await h.api('contact.get', { id: ids.contact })).toMatchObject({ role: 'Health correspondent' });
      const kit = page.getByRole('region', { name: /Uvira/ });
      await kit.getByRole('columnheader', { name: /^Votre version/ }).waitFor();
      // "modifiée par": French elides "de" before a vowel ("d’Omar"), which a name put in a sentence cannot.
      await kit.getByRole('button', { name: 'Garder toute la version modifiée par Omar Haddad' }).waitFor();
      await kit.getByText(/^La version modifiée par Omar Haddad : /).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'conflicts-walk-fr-1280.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('Settings in French at 800 × 600', () => {
  it('keeps Save apart from the download choice under it, the library folder readable, and the office form apart from its history', async () => {
    const { context, page } = await openIn('fr-FR', 800, 600);
    try {
      await go(page, '#/settings');
      const server = page.getByRole('region', { name: 'Serveur' });
      const save = await box(server.getByRole('button', { name: 'Enregistrer' }));
      const policy = await box(server.getByText('Fichiers des pièces jointes sur cet ordinateur', { exact: true }));
      expect(policy.y - (save.y + save.height)).toBeGreaterThanOrEqual(12);
      // The library's folder is not squeezed into a column of a few letters by the long label beside it.
      const folder = page.getByRole('region', { name: 'Bibliothèque' }).locator('code').first();
      expect(await folder.evaluate((el) => el.getClientRects().length)).toBeLessThanOrEqual(2);
      await server.getByRole('button', { name: 'Enregistrer' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'conflicts-walk-fr-800-settings.png') });

      await go(page, `#/settings/offices/${goma}`);
      await page.getByRole('region', { name: 'Historique des versions' }).waitFor();
      const form = await box(page.getByRole('form'));
      const history = await box(page.getByRole('region', { name: 'Historique des versions' }));
      expect(history.y - (form.y + form.height)).toBeGreaterThanOrEqual(12);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the trash in Spanish at 800 × 600', () => {
  it('puts its explanation under its heading, not a blank line lower', async () => {
    const { id, rev } = await h.api('release.create', { headline: 'Vacunación contra el cólera en Goma', language: 'es', office: goma });
    await h.api('release.trash', { id, rev });
    const { context, page } = await openIn('es-ES', 800, 600);
    try {
      await go(page, '#/releases/trash');
      const heading = await box(page.getByRole('heading', { name: 'Papelera', level: 1 }));
      const explain = await box(page.getByText(/^Los comunicados movidos a la papelera/));
      expect(explain.y - (heading.y + heading.height)).toBeLessThanOrEqual(24);
      await page.screenshot({ path: join(ARTIFACTS, 'conflicts-walk-es-800-trash.png') });
    } finally {
      await context.close();
    }
  }, 60_000);
});

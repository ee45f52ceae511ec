import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchSystemChromium } from '../../electron/core/chromium';
import { startWebServer, type WebServer } from '../../electron/core/http/server';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { ensureRendererBuilt, RENDERER_OUT, ROOT } from './build-renderer';
import { tempDirKept } from '../helpers';

/**
 * What every end-to-end file stands on: a real core on a fresh library, the web server in front
 * of it, and one headless Chromium page at the app, with the helpers the tests drive it by.
 */

export { ROOT };
/** Screenshots and downloaded files, kept for a person to look at after the run. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The options of axe.run that a file changes; none given, axe runs with its defaults. */
export interface AxeRunOptions {
  iframes?: boolean;
}

export interface HarnessOptions {
  /** Who the core records as the author of every change. */
  author: string;
  /** The library folder to open; a fresh one when not given. */
  library?: string;
  viewport?: { width: number; height: number };
  /** How long one step waits before it fails with the locator's own message. */
  stepTimeout?: number;
  /** Browser permissions granted to the server's origin before the page opens. */
  permissions?: string[];
  acceptDownloads?: boolean;
  axe?: AxeRunOptions;
  /** Sync in the core as the app has it (`auto`: planned by itself, as in web mode and the desktop app). */
  sync?: CoreOptions['sync'];
}

export interface Harness {
  core: Core;
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the page, in the order they happened. */
  consoleErrors: string[];
  /** Calls the core's dispatcher as a client would, and throws on an error result. */
  api<M extends MethodName>(method: M, input: InputOf<M>): Promise<CallResult<M>>;
  /** Runs axe-core on the page as it is and fails on serious or critical problems. */
  expectAccessible(name: string): Promise<void>;
  /** A link of the app's main navigation. */
  nav(name: string): Locator;
  /** A full-page screenshot into ARTIFACTS. */
  screenshot(name: string): Promise<void>;
  /** Moves the app to a route (a hash) as a link inside it would, without reloading. */
  goto(hash: string): Promise<void>;
  close(): Promise<void>;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** What an Arabic version says in place of the English: its headline, dateline place and paragraphs. */
export interface ArabicText {
  headline: string;
  datelinePlace: string;
  paragraphs: string[];
}

/** A release made from `english`, and its Arabic version (release.translate) given `arabic`'s words. */
export async function releaseWithArabic(h: Harness, english: InputOf<'release.create'>, arabic: ArabicText): Promise<{ en: string; ar: string }> {
  const en = await h.api('release.create', english);
  const ar = await h.api('release.translate', { id: en.id, language: 'ar' });
  await h.api('release.update', {
    id: ar.id,
    rev: null,
    fields: { headline: arabic.headline, datelinePlace: arabic.datelinePlace, body: richTextFromParagraphs(arabic.paragraphs) },
  });
  return { en: en.id, ar: ar.id };
}

/**
 * `count` releases written straight into the core's library in one transaction, the oldest
 * first (`headline(i)` names the i-th): a library of a thousand releases in about a second,
 * where as many calls through the dispatcher each commit on their own. Their ids, oldest first.
 */
export function seedReleases(h: Harness, count: number, headline: (i: number) => string): string[] {
  const { db, repo } = h.core.ctx.library;
  return db.transaction(() => Array.from({ length: count }, (_, i) => repo.create('release', { headline: headline(i), language: 'en' }).id))();
}

/**
 * Scrolls a virtual list to its end again whenever a page of rows has arrived (a page holds 100),
 * until its last row is drawn, and expects that row to be the list's `total`th.
 */
/** Where an element's text is drawn (its contents' box), not its own box: a block is as wide as its row. */
export function drawnText(element: Locator): Promise<{ x: number; width: number; right: number }> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.x, width: r.width, right: r.right };
  });
}

export async function expectScrolledToLastRow(page: Page, list: Locator, total: number | null): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return Number(await list.getByRole('listitem').last().getAttribute('aria-posinset'));
      },
      { timeout: 20_000 },
    )
    .toBe(total);
}

/** Runs each step even when one before it failed, then throws the first failure. */
async function inTurn(steps: (() => unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length) throw failures[0];
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  ensureRendererBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const opened: (() => unknown)[] = [];
  const close = () => inTurn(opened.splice(0).reverse());
  try {
    const core = await openCore(opts.library ?? join(tempDirKept(), 'library'), { author: opts.author, ...(opts.sync ? { sync: opts.sync } : {}) });
    opened.push(() => core.close());
    const server = await startWebServer({ core, staticDir: RENDERER_OUT, port: 0 });
    opened.push(() => server.close());
    const browser = await launchSystemChromium();
    opened.push(() => browser.close());
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1400, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'Africa/Nairobi',
      ...(opts.acceptDownloads === undefined ? {} : { acceptDownloads: opts.acceptDownloads }),
    });
    if (opts.permissions) await context.grantPermissions(opts.permissions, { origin: server.origin });
    const page = await context.newPage();
    // Fail a step with the locator's own message well before the test's time is up.
    page.setDefaultTimeout(opts.stepTimeout ?? 10_000);
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));

    return {
      core,
      server,
      browser,
      context,
      page,
      consoleErrors,
      async api(method, input) {
        const res = (await core.dispatch(method, input, { transport: 'test' })) as Result<CallResult<typeof method>>;
        if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
        return res.value;
      },
      async expectAccessible(name) {
        // addScriptTag would add an inline <script>, which the page's CSP (rightly) blocks; an
        // evaluation from the test driver is not page content and runs regardless.
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
        const violations: AxeViolation[] = await page.evaluate(async (options) => {
          const w = window as unknown as {
            axe: { run: (ctx: Document, opts?: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> };
          };
          const r = await (options ? w.axe.run(document, options) : w.axe.run(document));
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
        }, opts.axe ?? null);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`)).toEqual([]);
      },
      nav(name) {
        return page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
      },
      async screenshot(name) {
        // The content pane scrolls, not the page: show each screen from its top.
        await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      },
      async goto(hash) {
        await page.evaluate((h) => {
          window.location.hash = h;
        }, hash);
      },
      close,
    };
  } catch (e) {
    // The failure to start is the news; one in closing what did start would only hide it.
    await close().catch(() => undefined);
    throw e;
  }
}

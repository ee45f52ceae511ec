import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DatelineError } from '../shared/errors';

/**
 * The machine's own Chromium, driven through playwright-core: the CLI, web mode and tests print
 * kits to PDF with it (kits/pdf.ts), and the end-to-end tests run the UI in it. The desktop app
 * prints with Electron's Chromium instead and never comes here.
 */

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Headless, and none of the background work that would reach the network or change the browser. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the system Chromium is: DATELINE_CHROMIUM when set, else the first of the usual paths. */
export function systemChromiumPath(): string {
  const given = process.env.DATELINE_CHROMIUM;
  if (given) {
    if (!existsSync(given)) throw new DatelineError('NOT_FOUND', `DATELINE_CHROMIUM points to ${given}, which does not exist.`, { params: { path: given, reason: 'noChromium' } });
    return given;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new DatelineError(
      'NOT_FOUND',
      'Printing a kit to PDF outside the desktop app needs Chromium: install it (on Debian or Ubuntu: apt install chromium) or set DATELINE_CHROMIUM to its path.',
      { params: { reason: 'noChromium' } },
    );
  }
  return found;
}

/** The system Chromium started headless with HEADLESS_CHROMIUM_ARGS: a browser of its own, with no profile kept. */
export async function launchSystemChromium(): Promise<Browser> {
  // Loaded only when a browser is wanted: most runs of the CLI never start one.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: systemChromiumPath(), args: [...HEADLESS_CHROMIUM_ARGS] });
}

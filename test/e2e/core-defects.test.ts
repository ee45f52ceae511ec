import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_TEXT_CHARS } from '../../electron/core/import/text-size';
import { ROOT, startHarness, type Harness } from './harness';

/**
 * Screens that must hold up at the sizes an office reaches: the review of the longest release
 * the importer accepts.
 */

const WORKER = join(ROOT, 'out', 'cli', 'import-worker.js');
const RELEASE = readFileSync(join(ROOT, 'test', 'import', 'corpus', '01-en-menu-sentence-contact.txt'), 'utf8').trim().split('\n');
const PARAGRAPH = 'The teams reached the villages cut off by the floods and handed out water tablets, blankets and food for the next three weeks';

let h: Harness;
let page: Page;

beforeAll(async () => {
  if (!existsSync(WORKER)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  h = await startHarness({ author: 'Press Officer', stepTimeout: 20_000 });
  page = h.page;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/**
 * The milliseconds from a keystroke (one letter typed at the end of `box`, as the keyboard
 * inserts it) to the page being ready for the next: the median of `times`.
 */
function keystrokeMs(box: Locator, times: number): Promise<number> {
  return box.evaluate(async (el, n) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    const took: number[] = [];
    for (let i = 0; i < n; i++) {
      input.setSelectionRange(input.value.length, input.value.length);
      const started = performance.now();
      document.execCommand('insertText', false, i % 2 ? 'a' : 'e');
      // React renders a keystroke's change before the next task.
      await new Promise((resolve) => setTimeout(resolve, 0));
      took.push(performance.now() - started);
    }
    took.sort((a, b) => a - b);
    return took[Math.floor(took.length / 2)]!;
  }, times);
}

describe('the review of the longest release the importer reads', () => {
  it('keeps each keystroke in the headline and the body quick', async () => {
    const paragraphs: string[] = [];
    for (let chars = RELEASE.join('').length; chars < IMPORT_MAX_TEXT_CHARS - 1000; chars += paragraphs.at(-1)!.length) paragraphs.push(`${PARAGRAPH}, ${paragraphs.length + 1} of them.`);
    const text = [...RELEASE.slice(0, -1), '', ...paragraphs.flatMap((p) => [p, '']), RELEASE.at(-1)].join('\n');
    await page.goto(h.server.launchUrl());
    await h.goto('#/import');
    const box = page.getByLabel('Paste a release', { exact: true });
    // As a paste would put it there, in one input event (typed by Playwright, it takes minutes).
    await box.evaluate((el, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    const review = page.getByRole('region', { name: 'Import of Pasted text' });
    const headline = review.getByRole('form', { name: 'Extracted fields' }).getByLabel('Headline', { exact: true });
    await expect.poll(() => headline.inputValue(), { timeout: 30_000 }).toBe('Clean water reaches 40,000 people in Kasese as floods recede');
    const body = review.getByRole('form', { name: 'Extracted fields' }).getByLabel('Body (a blank line between paragraphs)', { exact: true });
    expect((await body.inputValue()).length).toBeGreaterThan(IMPORT_MAX_TEXT_CHARS * 0.9);

    // What the browser itself takes for a keystroke at the end of a box holding this body: the floor.
    await page.evaluate((value) => {
      const box = document.createElement('textarea');
      box.className = 'bare-box';
      box.rows = 12;
      box.style.width = '40em';
      box.value = value;
      document.body.append(box);
    }, await body.inputValue());
    const plain = await keystrokeMs(page.locator('textarea.bare-box'), 9);
    await page.locator('textarea.bare-box').evaluate((box) => box.remove());
    const inHeadline = await keystrokeMs(headline, 9);
    const inBody = await keystrokeMs(body, 9);
    console.log(`keystroke with ${text.length} characters: in a bare box ${plain.toFixed(1)} ms, the review's headline ${inHeadline.toFixed(1)} ms, its body ${inBody.toFixed(1)} ms`);
    // The review adds little to what the browser takes anyway; it added 280 ms and more (over a second with React's checks on).
    expect(inHeadline).toBeLessThan(plain + 50);
    expect(inBody).toBeLessThan(plain + 50);
    expect(await headline.inputValue()).toMatch(/recede(ea)+e$/u);
    // Typed at the end of the body, the last paragraph is the person's: the cleaned source marks the one before as in the body still, not that one.
    const line = (text: string) => review.locator('.import-source-line').filter({ has: page.getByRole('button', { name: text, exact: true }) });
    await expect.poll(() => line(paragraphs.at(-1)!).getAttribute('class')).not.toContain('import-source-is-body');
    expect(await line(paragraphs.at(-2)!).getAttribute('class')).toContain('import-source-is-body');
  }, 180_000);
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { richTextFromParagraphs } from '../../electron/shared/richtext';
import { tempDirKept } from '../helpers';
import { call, dispose, job, openLibrary } from './fixtures';
import { hasPhrase, pagesText, rowsOf } from './page-layout';

/**
 * The contents of a kit name each release's language beside its title, in the kit's language
 * and as its other labels are written: "العربية" in an Arabic kit, not the code "AR".
 */

let core: Core;
let work: string;
const kits = new Map<string, string>();

beforeAll(async () => {
  core = await openLibrary();
  work = tempDirKept('dateline-kit-toc-');
  const en = await call<{ id: string }>(core, 'release.create', { headline: 'Clean water for Kasese', language: 'en', body: richTextFromParagraphs(['Twelve boreholes.']) });
  const ar = await call<{ id: string }>(core, 'release.create', { headline: 'مياه نظيفة في كاسيسي', language: 'ar', body: richTextFromParagraphs(['اثنا عشر بئرا.']) });
  for (const language of ['ar', 'en', 'fr', 'es']) {
    const kit = await call<{ id: string }>(core, 'kit.create', {
      title: `Kit ${language}`,
      language,
      items: [
        { kind: 'release', id: ar.id },
        { kind: 'release', id: en.id },
      ],
    });
    kits.set(language, kit.id);
  }
}, 60_000);

afterAll(async () => {
  await closePdfPrinter();
  dispose(core);
});

/** The language labels of the contents, in order, from the kit's HTML (what the PDF prints and the preview shows). */
async function contentsLabels(language: string): Promise<string[]> {
  const { html } = await call<{ html: string }>(core, 'kit.preview', { id: kits.get(language)! });
  const toc = /<nav class="toc">([\s\S]*?)<\/nav>/.exec(html)![1]!;
  return [...toc.matchAll(/<span class="toc-kind">([^<]*)<\/span>/g)].map((m) => m[1]!);
}

describe("the contents' language labels", () => {
  it('name the languages in the kit’s language, capitalised as its other labels', async () => {
    expect(await contentsLabels('ar')).toEqual(['العربية', 'الإنجليزية']);
    expect(await contentsLabels('en')).toEqual(['Arabic', 'English']);
    expect(await contentsLabels('fr')).toEqual(['Arabe', 'Anglais']);
    expect(await contentsLabels('es')).toEqual(['Árabe', 'Inglés']);
  });

  it('PDF: an Arabic kit’s contents print العربية, and no language code in Latin letters', async () => {
    const r = await job<KitExportResult>(core, 'kit.export', { id: kits.get('ar')!, formats: ['pdf'], outDir: join(work, 'ar') });
    const pdf = r.files.find((f) => f.format === 'pdf')!.path;
    const rows = pagesText(pdf).flatMap(rowsOf);
    // The entry of the Arabic release: its title, its language, its page.
    expect(rows.some((row) => hasPhrase(row, 'مياه نظيفة كاسيسي') && hasPhrase(row, 'العربية'))).toBe(true);
    expect(rows.flatMap((row) => row.words.map((w) => w.text)).filter((w) => /^(AR|EN)$/.test(w))).toEqual([]);
  }, 120_000);
});

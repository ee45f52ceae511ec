import { describe, expect, it } from 'vitest';
import { directionOf, hasRightToLeft, isRtlLanguage, mostlyRightToLeft, textDirection } from '../../electron/shared/direction';
import { markdownToRichText } from '../../electron/core/markdown';
import { sourceBlocks } from '../../electron/core/import/html';

/** Direction is decided one way: by language, or for text alone by its first letter, in every layer. */
describe('text direction', () => {
  it('takes the first letter of mixed text, skipping digits and punctuation', () => {
    expect(textDirection('2026: الفيضانات في Kasese')).toBe('rtl');
    expect(textDirection('« UNICEF » يقول إن المياه وصلت')).toBe('ltr');
    expect(textDirection('١٢٣ — (Mopti)')).toBe('ltr');
    expect(textDirection('שלום world')).toBe('rtl');
    expect(textDirection('Ελλάδα, مصر')).toBe('ltr');
    expect(textDirection('北京 القاهرة')).toBe('ltr');
    expect(textDirection('123 — 456 ١٢٣')).toBe(null);
    expect(textDirection('')).toBe(null);
  });

  it('knows the right-to-left languages by their base subtag, whatever the case or region', () => {
    for (const tag of ['ar', 'AR-eg', 'fa', 'he', 'ur', 'ckb', 'syr', 'sd', 'ug']) expect(isRtlLanguage(tag), tag).toBe(true);
    for (const tag of ['en', 'fr-CA', 'es-419', 'sw', 'zh-Hant']) expect(directionOf(tag), tag).toBe('ltr');
  });

  it('tells a Word run with any Arabic from one without, and a mostly Arabic text from a quote in one', () => {
    expect(hasRightToLeft('Kasese (كاسيسي)')).toBe(true);
    expect(hasRightToLeft('Kasese 2026 ١٢')).toBe(false);
    expect(mostlyRightToLeft('قال المدير إن UNICEF وصلت إلى القرية')).toBe(true);
    expect(mostlyRightToLeft('The director said «شكرا» to the villagers of Kasese')).toBe(false);
  });

  it('gives a paragraph the same direction from Markdown, from an imported page and as typed', () => {
    const paragraphs = ['2026: وصلت المياه إلى كاسيسي', 'UNICEF وصلت إلى القرية', 'Water reached Kasese'];
    const fromMarkdown = markdownToRichText(paragraphs.join('\n\n')).content.map((b) => ('attrs' in b && b.attrs?.dir) || 'ltr');
    const fromImport = sourceBlocks(paragraphs.map((text, group) => ({ text, hint: 'p', group }))).map((b) => b.dir);
    const typed = paragraphs.map((p) => textDirection(p) ?? 'ltr');
    expect(typed).toEqual(['rtl', 'ltr', 'ltr']);
    expect(fromMarkdown).toEqual(typed);
    expect(fromImport).toEqual(typed);
  });
});

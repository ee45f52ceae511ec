import { describe, expect, it } from 'vitest';
import { directionOf, hasRightToLeft, isRtlLanguage, leftToRightNumbers, mostlyRightToLeft, textDirection } from '../../electron/shared/direction';
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

describe('numbers set apart as left to right in right-to-left text', () => {
  const numbers = (text: string): string[] => leftToRightNumbers(text).filter((p) => p.number).map((p) => p.text);

  it('finds phone numbers and spaced figures, whatever their brackets and separators', () => {
    expect(numbers('للتواصل: +41 22 717 9111.')).toEqual(['+41 22 717 9111']);
    expect(numbers('هاتف (022) 717 91 11 أو +962-79-555-0142')).toEqual(['(022) 717 91 11', '+962-79-555-0142']);
    expect(numbers('وصل 40 000 شخص')).toEqual(['40 000']);
    expect(numbers('+41 22 717 9111')).toEqual(['+41 22 717 9111']);
  });

  it('leaves numbers the bidirectional algorithm keeps in order, and numbers after a Latin letter', () => {
    expect(numbers('وصل 4,500 شخص في 2026-03-12 الساعة 10:30 و 12/03')).toEqual([]);
    expect(numbers('COVID-19 2020 في المخيم')).toEqual([]);
    expect(numbers('Call +41 22 717 9111 now')).toEqual([]);
    expect(numbers('قال Ali إن 40 000 وصلوا')).toEqual(['40 000']);
  });

  it('gives back the text whole when joined', () => {
    for (const t of ['للتواصل: +41 22 717 9111.', '', 'بلا أرقام', '+1 2', 'a +1 2 ب +3 4 c']) {
      expect(leftToRightNumbers(t).map((p) => p.text).join(''), t).toBe(t);
    }
  });
});

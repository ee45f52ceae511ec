import { Paragraph, TextRun, type IContext } from 'docx';
import { describe, expect, it } from 'vitest';
import { PlainParagraph, PlainRun, type PlainParagraphOptions, type PlainRunOptions } from '../../electron/core/kits/docx-plain';

/** Plain paragraphs write what `docx` writes for the same options, in every combination of them. */

const context = (): IContext => ({ stack: [] }) as unknown as IContext;

/** Every subset of the entries, as one object each. */
function combinations<T extends object>(entries: [keyof T, T[keyof T]][]): Partial<T>[] {
  return Array.from({ length: 2 ** entries.length }, (_, mask) => Object.fromEntries(entries.filter((_, i) => mask & (1 << i))) as Partial<T>);
}

const runOptions = combinations<PlainRunOptions>([
  ['text', 'Clean water & <safe> "wells"'],
  ['bold', true],
  ['italics', true],
  ['rightToLeft', true],
  ['style', 'Dateline'],
  ['break', 1],
]).concat([{ text: 'مياه', break: 2 }, { text: '' }]);

const paragraphOptions = combinations<PlainParagraphOptions>([
  ['style', 'Quote'],
  ['keepNext', true],
  ['pageBreakBefore', true],
  ['bidirectional', true],
]);

describe('plain paragraphs', () => {
  it('write each run as a docx TextRun with the same options does', () => {
    for (const o of runOptions) {
      const theirs = new TextRun({ ...o, ...(o.bold ? { boldComplexScript: true } : {}) }).prepForXml(context());
      expect(new PlainRun(o).xml(), JSON.stringify(o)).toEqual(theirs);
    }
  });

  it('write each paragraph as a docx Paragraph with the same options and runs does', () => {
    const runSets = [[], [runOptions[1]!], runOptions.slice(5, 9)];
    for (const o of paragraphOptions) {
      for (const runs of runSets) {
        const theirs = new Paragraph({ ...o, children: runs.map((r) => new TextRun(r)) }).prepForXml(context());
        expect(new PlainParagraph(o, runs.map((r) => new PlainRun(r))).prepForXml(), JSON.stringify({ o, runs })).toEqual(theirs);
      }
    }
  });

  it('give a new object each time, so what docx adds to one (a heading bookmark) is not written twice', () => {
    const p = new PlainParagraph({ style: 'Heading1' }, [new PlainRun({ text: 'Photos' })]);
    const first = p.prepForXml();
    (first['w:p'] as unknown[]).push({ 'w:bookmarkStart': {} });
    expect(p.prepForXml()).toEqual({ 'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }] }, { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'Photos'] }] }] });
  });
});

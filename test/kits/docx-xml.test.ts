import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { contentOf, partsOf } from '../../electron/core/kits/docx-package';
import { bookmark, esc, externalLink, fieldRuns, internalLink, paragraph, picture, run, type ParagraphOptions, type RunOptions } from '../../electron/core/kits/docx-xml';

/**
 * The kit's XML writer writes what `docx` writes for the same shapes: every combination of a
 * run's and a plain paragraph's options, lists, tab stops, spacing, links, bookmarks, pictures
 * and fields. Both sides go into one document each; `docx`'s is packed and read back.
 */

/** Every subset of the entries, as one object each. */
function combinations<T extends object>(entries: [keyof T, T[keyof T]][]): Partial<T>[] {
  return Array.from({ length: 2 ** entries.length }, (_, mask) => Object.fromEntries(entries.filter((_, i) => mask & (1 << i))) as Partial<T>);
}

const runOptions = combinations<RunOptions>([
  ['text', 'Clean water & <safe> "wells" it\'s'],
  ['bold', true],
  ['italics', true],
  ['rightToLeft', true],
  ['style', 'Dateline'],
  ['break', 1],
]).concat([{ text: 'مياه', break: 2 }, { text: '' }, { text: 'tab\there, bell\u0007 gone' }]);

const paragraphOptions = combinations<ParagraphOptions>([
  ['style', 'Quote'],
  ['keepNext', true],
  ['pageBreakBefore', true],
  ['bidirectional', true],
]);

const theirRun = (o: RunOptions) => new TextRun({ ...o, ...(o.bold ? { boldComplexScript: true } : {}) });

/** `docx`'s paragraph options for ours. */
function theirOptions(o: ParagraphOptions): IParagraphOptions {
  const { list, rightTab, center, ...rest } = o;
  return {
    ...rest,
    ...(list ? (list.numId === 1 ? { bullet: { level: list.level } } : { numbering: { reference: 'numbers', level: list.level, instance: list.numId } }) : {}),
    ...(rightTab ? { tabStops: [{ type: TabStopType.RIGHT, position: rightTab.position, ...(rightTab.leader ? { leader: rightTab.leader } : {}) }] } : {}),
    ...(center ? { alignment: AlignmentType.CENTER } : {}),
  };
}

const picturesOf = [
  { widthPx: 657, heightPx: 438, name: 'borehole-1.jpg', title: 'Families & "friends"', description: 'A <long> description' },
  { widthPx: 227, heightPx: 76, name: 'logo', title: 'Office', description: 'Office' },
];

async function docxBody(children: Paragraph[]): Promise<string> {
  const doc = new Document({
    numbering: { config: [{ reference: 'numbers', levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.` })) }] },
    sections: [{ children }],
  });
  const part = partsOf(await Packer.toBuffer(doc)).find((p) => p.name.toString() === 'word/document.xml')!;
  const xml = contentOf(part).toString('utf8');
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

/** Ids `docx` numbers across documents or at random, and the relationship ids, which each side gives its own way. */
const withoutIds = (xml: string) => xml.replace(/(r:id|r:embed|w:id|wp:docPr id)="[^"]*"/g, '$1="_"');

describe('the kit XML writer', () => {
  it('escapes the five entities and drops the control characters XML cannot hold', () => {
    expect(esc('a & b < c > "d" \'e\'\u0001\tf')).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;\tf');
    expect(esc('x\uFFFEy\uFFFFz')).toBe('xyz');
  });

  it('writes runs, paragraphs, lists, links, bookmarks, pictures and fields as docx does', async () => {
    const runSets = [[], [runOptions[1]!], runOptions.slice(5, 9)];
    const ours: string[] = [];
    const theirs: Paragraph[] = [];
    const both = (o: ParagraphOptions, runs: RunOptions[]) => {
      ours.push(paragraph(o, runs.map(run).join('')));
      theirs.push(new Paragraph({ ...theirOptions(o), children: runs.map(theirRun) }));
    };
    for (const o of runOptions) both({}, [o]);
    for (const o of paragraphOptions) for (const runs of runSets) both(o, runs);
    both({ list: { numId: 2, level: 1 } }, [{ text: 'numbered' }]);
    both({ list: { numId: 2, level: 0 }, style: 'Quote', bidirectional: true }, [{ text: 'quoted item' }]);
    both({ list: { numId: 1, level: 0 }, bidirectional: true }, [{ text: 'report.pdf' }]);
    both({ style: 'TOC1', rightTab: { position: 9866, leader: 'dot' } }, [{ text: 'entry' }]);
    both({ style: 'HeaderText', rightTab: { position: 10200 }, bidirectional: true }, [{ text: 'footer' }]);
    both({ spacing: { before: 1200, after: 600 } }, []);
    both({ spacing: { before: 2400 } }, []);
    both({ keepNext: true, center: true }, [{ text: 'x' }]);

    ours.push(paragraph({}, run({ text: 'Read the ' }) + externalLink('rId11', run({ text: 'report', style: 'Hyperlink', bold: true }))));
    theirs.push(new Paragraph({ children: [new TextRun('Read the '), new ExternalHyperlink({ link: 'https://example.org/r', children: [theirRun({ text: 'report', style: 'Hyperlink', bold: true })] })] }));
    ours.push(paragraph({ style: 'Heading1' }, bookmark('part_1', 1, run({ text: 'Photos' }))));
    theirs.push(new Paragraph({ style: 'Heading1', children: [new Bookmark({ id: 'part_1', children: [new TextRun({ text: 'Photos' })] })] }));
    ours.push(paragraph({}, internalLink('part_1', run({ text: 'to photos' }))));
    theirs.push(new Paragraph({ children: [new InternalHyperlink({ anchor: 'part_1', children: [new TextRun({ text: 'to photos' })] })] }));
    for (const [i, p] of picturesOf.entries()) {
      ours.push(paragraph({ keepNext: true, center: true }, picture({ ...p, relationshipId: `rId${20 + i}`, drawingId: i + 1 })));
      theirs.push(
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'jpg', data: Buffer.from(`picture ${i}`), transformation: { width: p.widthPx, height: p.heightPx }, altText: { name: p.name, title: p.title, description: p.description } })],
        }),
      );
    }
    ours.push(paragraph({}, fieldRuns('PAGE', undefined) + fieldRuns('NUMPAGES', undefined, '<w:rPr><w:rtl/></w:rPr>')));
    theirs.push(new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT] }), new TextRun({ children: [PageNumber.TOTAL_PAGES], rightToLeft: true })] }));

    const expected = withoutIds(await docxBody(theirs));
    const actual = withoutIds(ours.join(''));
    // Paragraph by paragraph, so a failure names the shape that differs.
    const split = (xml: string) => xml.split(/(?=<w:p[ >/])/);
    expect(split(actual)).toEqual(split(expected));
  });
});

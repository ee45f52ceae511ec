import { FileChild, type IXmlableObject } from 'docx';

/**
 * Paragraphs of plain text, written straight as the objects `docx` turns into XML, without
 * its tree of components. Most of a kit is such paragraphs (a release's body, quotes,
 * captions, contacts), and building and walking `docx`'s components for them was about a
 * third of the Word document's time on the bench's kit. What they write is what a `docx`
 * Paragraph and TextRun write for the same options (test/kits/docx-plain.test.ts compares
 * them for every combination); anything else (links, bookmarks, pictures, lists, spacing)
 * stays with `docx`.
 */

export interface PlainRunOptions {
  text?: string;
  /** Bold in every script: `docx` writes w:b and w:bCs for it. */
  bold?: true;
  /** Italic in every script: `docx` writes w:i and w:iCs for it. */
  italics?: true;
  rightToLeft?: true;
  /** A character style. */
  style?: string;
  /** Line breaks before the text. */
  break?: number;
}

/** A run of text with the few properties a plain paragraph's runs have. */
export class PlainRun {
  constructor(readonly options: PlainRunOptions) {}

  xml(): IXmlableObject {
    const o = this.options;
    const props: IXmlableObject[] = [];
    if (o.style !== undefined) props.push({ 'w:rStyle': { _attr: { 'w:val': o.style } } });
    if (o.bold) props.push({ 'w:b': {} }, { 'w:bCs': {} });
    if (o.italics) props.push({ 'w:i': {} }, { 'w:iCs': {} });
    if (o.rightToLeft) props.push({ 'w:rtl': {} });
    const children: IXmlableObject[] = props.length ? [{ 'w:rPr': props }] : [];
    for (let i = 0; i < (o.break ?? 0); i++) children.push({ 'w:br': {} });
    if (o.text !== undefined) children.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, o.text] });
    return { 'w:r': children.length ? children : {} };
  }
}

export interface PlainParagraphOptions {
  style?: string;
  keepNext?: true;
  pageBreakBefore?: true;
  bidirectional?: true;
}

/** The option names a plain paragraph takes: a paragraph with any other goes to `docx`. */
export const PLAIN_PARAGRAPH_OPTIONS: ReadonlySet<string> = new Set(['style', 'keepNext', 'pageBreakBefore', 'bidirectional']);

export class PlainParagraph extends FileChild {
  constructor(
    private readonly options: PlainParagraphOptions,
    private readonly runs: readonly PlainRun[],
  ) {
    super('w:p');
  }

  /** A new object every time: `docx` adds bookmarks to the headings it lists in a table of contents. */
  override prepForXml(): IXmlableObject {
    const o = this.options;
    const props: IXmlableObject[] = [];
    if (o.style !== undefined) props.push({ 'w:pStyle': { _attr: { 'w:val': o.style } } });
    if (o.keepNext) props.push({ 'w:keepNext': {} });
    if (o.pageBreakBefore) props.push({ 'w:pageBreakBefore': {} });
    if (o.bidirectional) props.push({ 'w:bidi': {} });
    const children = [...(props.length ? [{ 'w:pPr': props }] : []), ...this.runs.map((r) => r.xml())];
    return { 'w:p': children.length ? children : {} };
  }
}

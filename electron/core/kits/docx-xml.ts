/**
 * The WordprocessingML of a kit's body, headers and footers, written straight as text: the few
 * shapes a kit uses (paragraphs, runs, links, bookmarks, pictures, fields). Building `docx`'s
 * component tree, walking it and serialising it was most of a DOCX export's time (and its
 * Packer ~25 ms even for an empty body); these functions write the same XML, element for
 * element and attribute for attribute (test/kits/docx-xml.test.ts compares them with `docx`).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text or an attribute value as XML: the five entities, and what XML 1.0 cannot hold dropped (control
 * characters, and U+FFFE/U+FFFF, which a broken file can bring in; Word refuses to open a document
 * holding one). A lone surrogate needs nothing here: it is written to UTF-8 as U+FFFD.
 */
export function esc(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (c) => ESCAPES[c] ?? '');
}

export interface RunOptions {
  text?: string;
  /** Bold in every script (w:b and w:bCs). */
  bold?: true;
  /** Italic in every script (w:i and w:iCs). */
  italics?: true;
  rightToLeft?: true;
  /** A character style. */
  style?: string;
  /** Line breaks before the text. */
  break?: number;
}

/** A run of text. */
export function run(o: RunOptions): string {
  let props = '';
  if (o.style !== undefined) props += `<w:rStyle w:val="${esc(o.style)}"/>`;
  if (o.bold) props += '<w:b/><w:bCs/>';
  if (o.italics) props += '<w:i/><w:iCs/>';
  if (o.rightToLeft) props += '<w:rtl/>';
  let inner = props ? `<w:rPr>${props}</w:rPr>` : '';
  inner += '<w:br/>'.repeat(o.break ?? 0);
  if (o.text !== undefined) inner += `<w:t xml:space="preserve">${esc(o.text)}</w:t>`;
  return inner ? `<w:r>${inner}</w:r>` : '<w:r/>';
}

export interface ParagraphOptions {
  style?: string;
  keepNext?: true;
  /** The paragraph's lines on one page. */
  keepLines?: true;
  pageBreakBefore?: true;
  /** A list paragraph: its w:num and level. Without a style, it takes Word's List Paragraph style. */
  list?: { numId: number; level: number };
  /** A right-aligned tab stop at this position (twips), with its leader. */
  rightTab?: { position: number; leader?: 'dot' };
  bidirectional?: true;
  spacing?: { before?: number; after?: number };
  center?: true;
}

/** A paragraph holding `children` (runs, links, bookmarks, as XML). */
export function paragraph(o: ParagraphOptions, children = ''): string {
  let props = '';
  if (o.list && o.style === undefined) props += '<w:pStyle w:val="ListParagraph"/>';
  if (o.style !== undefined) props += `<w:pStyle w:val="${esc(o.style)}"/>`;
  if (o.keepNext) props += '<w:keepNext/>';
  if (o.keepLines) props += '<w:keepLines/>';
  if (o.pageBreakBefore) props += '<w:pageBreakBefore/>';
  if (o.list) props += `<w:numPr><w:ilvl w:val="${o.list.level}"/><w:numId w:val="${o.list.numId}"/></w:numPr>`;
  if (o.rightTab) props += `<w:tabs><w:tab w:val="right" w:pos="${o.rightTab.position}"${o.rightTab.leader ? ` w:leader="${o.rightTab.leader}"` : ''}/></w:tabs>`;
  if (o.bidirectional) props += '<w:bidi/>';
  if (o.spacing) props += `<w:spacing${o.spacing.after !== undefined ? ` w:after="${o.spacing.after}"` : ''}${o.spacing.before !== undefined ? ` w:before="${o.spacing.before}"` : ''}/>`;
  if (o.center) props += '<w:jc w:val="center"/>';
  const inner = (props ? `<w:pPr>${props}</w:pPr>` : '') + children;
  return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

/** A link to an address outside the document, by its relationship id. */
export const externalLink = (relationshipId: string, runs: string) => `<w:hyperlink w:history="1" r:id="${esc(relationshipId)}">${runs}</w:hyperlink>`;

/** A link to a bookmark in the document. */
export const internalLink = (anchor: string, runs: string) => `<w:hyperlink w:history="1" w:anchor="${esc(anchor)}">${runs}</w:hyperlink>`;

/** `children` inside a bookmark. */
export const bookmark = (name: string, id: number, children: string) => `<w:bookmarkStart w:name="${esc(name)}" w:id="${id}"/>${children}<w:bookmarkEnd w:id="${id}"/>`;

const EMU_PER_PIXEL = 9525;

export interface PictureOptions {
  /** The picture's relationship id. */
  relationshipId: string;
  /** Unique in the document, from 1. */
  drawingId: number;
  widthPx: number;
  heightPx: number;
  name: string;
  title: string;
  description: string;
}

/** A picture in the line, at its size in pixels (96 dpi), as a run. */
export function picture(o: PictureOptions): string {
  const cx = Math.round(o.widthPx * EMU_PER_PIXEL);
  const cy = Math.round(o.heightPx * EMU_PER_PIXEL);
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${o.drawingId}" name="${esc(o.name)}" descr="${esc(o.description)}" title="${esc(o.title)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${esc(o.relationshipId)}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

/**
 * A field's runs (PAGE, NUMPAGES), each with `runProps`: begin, instruction, separate with the
 * result when one is known, end.
 */
export function fieldRuns(instruction: string, result: string | undefined, runProps = ''): string {
  const r = (inner: string) => `<w:r>${runProps}${inner}</w:r>`;
  return (
    r('<w:fldChar w:fldCharType="begin"/>') +
    r(`<w:instrText xml:space="preserve">${esc(instruction)}</w:instrText>`) +
    r(`<w:fldChar w:fldCharType="separate"/>${result === undefined ? '' : `<w:t xml:space="preserve">${esc(result)}</w:t>`}`) +
    r('<w:fldChar w:fldCharType="end"/>')
  );
}

/** A PAGEREF field in one run: the page of `bookmarkName`, or blank and marked for the word processor to fill in. */
export function pageRef(bookmarkName: string, page: number | undefined): string {
  return (
    `<w:r><w:fldChar w:fldCharType="begin"${page === undefined ? ' w:dirty="true"' : ''}/><w:instrText xml:space="preserve">PAGEREF ${esc(bookmarkName)} \\h</w:instrText>` +
    `<w:fldChar w:fldCharType="separate"/>${page === undefined ? '' : `<w:t xml:space="preserve">${page}</w:t>`}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

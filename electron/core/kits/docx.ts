import { patchDocument } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { hasRightToLeft, isRtlLanguage, leftToRightNumbers, textDirection } from '../../shared/direction';
import { DEFAULT_COLOURS } from '../../shared/documents';
import { commaFor, labelsFor, releaseLines, sectionLabel } from '../../shared/kits/layout';
import { linkPieces } from '../../shared/kits/text-links';
import type { BlockNode, InlineNode, RichText } from '../../shared/richtext';
import { DEFAULT_BULLETS_NUM_ID, LISTS, lookOf, type ListReference, type Look } from './docx-look';
import { contentOf, packParts, partOf, partsOf, type Part } from './docx-package';
import { bookmark, esc, externalLink, fieldRuns, internalLink, pageRef, paragraph, picture, run, type ParagraphOptions, type RunOptions } from './docx-xml';
import type { RenderedImage } from './images';
import type { KitAttachment, KitContact, KitModel, KitRelease } from './model';

/**
 * The kit as a Word document: real styles (Title, Heading 1-3, Quote, Caption, and the parts of
 * a release: Headline, Subheadline, Dateline), a table of contents, headers and footers with
 * page numbers, and right-to-left paragraphs and runs for Arabic.
 *
 * The body, headers and footers are written as XML here (docx-xml.ts); what depends only on the
 * office's look (styles, numbering, fonts, theme, settings) is written by `docx` once per look
 * (docx-look.ts). Both together write what `docx` wrote for the whole document, byte for byte
 * but for the ids of links and bookmarks, which are now numbered per document.
 */

const PAGE = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1020; // 18 mm in twips
const textWidth = (size: 'A4' | 'Letter') => PAGE[size].width - 2 * MARGIN;
/** The text width in pixels at 96 dpi (what pictures are sized in). */
const textWidthPx = (size: 'A4' | 'Letter') => Math.floor((textWidth(size) / 1440) * 96);
const MAX_IMAGE_HEIGHT_PX = 560;
/**
 * Kits of up to this many words get their contents' page numbers worked out and written in.
 * Laying the pages out as Word does measures every word (over a second for the bench's
 * 6,300-word kit, against 0.1 s of CPU for the rest of the document), so a longer kit
 * is written with the contents' entries and links but no numbers, marked for Word and
 * LibreOffice to fill in (Word on opening; LibreOffice with Tools ▸ Update ▸ Update All).
 */
export const PAGE_NUMBERS_UP_TO_WORDS = 1500;

const hex = (c: string) => c.replace('#', '').toUpperCase();

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The document's relationships before its links and pictures, as `docx` numbers them. */
const FIXED_RELATIONSHIPS: [string, string][] = [
  ['styles', 'styles.xml'],
  ['numbering', 'numbering.xml'],
  ['footnotes', 'footnotes.xml'],
  ['endnotes', 'endnotes.xml'],
  ['settings', 'settings.xml'],
  ['header', 'header1.xml'],
  ['header', 'header2.xml'],
  ['footer', 'footer1.xml'],
  ['footer', 'footer2.xml'],
  ['theme', 'theme/theme1.xml'],
];
const [HEADER_DEFAULT, HEADER_FIRST, FOOTER_DEFAULT, FOOTER_FIRST] = ['rId6', 'rId7', 'rId8', 'rId9'];

/** Page numbers worked out for a short kit: each contents entry's page by its bookmark, and the number of pages. */
interface PageNumbers {
  pages: Map<string, number>;
  total?: number;
}

interface Media {
  relationshipId: string;
  path: string;
  bytes: Buffer;
  crc32: number;
}

/** What is gathered while the body is written: links, pictures, list instances, ids. */
class Ctx {
  readonly links: { id: string; target: string }[] = [];
  readonly media = new Map<string, Media>();
  readonly numIds = new Map<string, { numId: number; list: ListReference }>();
  private readonly perExtension = new Map<string, number>();
  private nextRelationship = FIXED_RELATIONSHIPS.length + 1;
  private nextDrawing = 1;
  listInstance = 0;

  constructor(
    readonly model: KitModel,
    readonly images: Map<string, RenderedImage>,
  ) {}

  /** A relationship for a link; the pictures' come after all the links, as `docx` numbered them. */
  link(target: string): string {
    const id = `rId${this.nextRelationship++}`;
    this.links.push({ id, target });
    return id;
  }

  /** The relationship of an image (once per image), and a drawing id for this use of it. */
  embed(key: string, img: RenderedImage): { relationshipId: string; drawingId: number } {
    let m = this.media.get(key);
    if (!m) {
      const ext = img.mediaType === 'image/png' ? 'png' : 'jpg';
      const n = (this.perExtension.get(ext) ?? 0) + 1;
      this.perExtension.set(ext, n);
      m = { relationshipId: '', path: `media/image${n}.${ext}`, bytes: img.bytes, crc32: img.crc32 };
      this.media.set(key, m);
    }
    return { relationshipId: key, drawingId: this.nextDrawing++ };
  }

  /** Gives the pictures their relationship ids, after the links: called once the body is written. */
  numberMedia(): void {
    for (const m of this.media.values()) m.relationshipId = `rId${this.nextRelationship++}`;
  }

  /** The w:num of a list instance, numbered in the order the lists first appear (1 is `docx`'s default bullets). */
  numId(list: ListReference, instance: number): number {
    const key = `${list}:${instance}`;
    let n = this.numIds.get(key);
    if (!n) {
      n = { numId: this.numIds.size + DEFAULT_BULLETS_NUM_ID + 1, list };
      this.numIds.set(key, n);
    }
    return n.numId;
  }

  get fontTableRelationship(): string {
    return `rId${this.nextRelationship}`;
  }
}

const LRM = '\u200E';
const RLM = '\u200F';

/**
 * A name as its owner writes it (a photo's credit) inside a paragraph of the other direction:
 * between marks of its own direction, as <bdi> sets it apart in the PDF, so that "© ONG / J. Diallo"
 * keeps its © before the name under an Arabic caption, where the bidirectional algorithm alone
 * puts it after ("ONG / J. Diallo ©"). The marks are invisible; in a paragraph of its own
 * direction the name is left as typed.
 */
function setApart(name: string, paragraph: 'ltr' | 'rtl'): string {
  const own = textDirection(name);
  if (own === null || own === paragraph) return name;
  const mark = own === 'ltr' ? LRM : RLM;
  return `${mark}${name}${mark}`;
}

/** A picture's relationship is known only once the links are counted: a placeholder, replaced at the end. */
const mediaMark = (key: string) => `\uE000${key}\uE001`;

function textRun(text: string, extra: Omit<RunOptions, 'text'> = {}): string {
  return run({ ...extra, text, ...(hasRightToLeft(text) ? { rightToLeft: true } : {}) });
}

/**
 * Runs of text where right-to-left text may be around: each phone number or other spaced
 * number in a run of its own, left to right, after a left-to-right mark, as the contact
 * block writes a phone, so that it reads "+41 22 717 9111" and not "9111 717 22 41+".
 * The mark is invisible: the words read and copy as typed.
 */
function bidiRuns(opts: RunOptions & { text: string }): string {
  const pieces = leftToRightNumbers(opts.text);
  if (pieces.length === 1) return run(opts);
  const { break: lineBreak, rightToLeft, ...marks } = opts;
  return pieces
    .map((p, i) =>
      run({
        ...marks,
        // The line break goes before the first piece only.
        ...(i === 0 && lineBreak !== undefined ? { break: lineBreak } : {}),
        ...(rightToLeft && !p.number ? { rightToLeft } : {}),
        text: p.number ? `${LRM}${p.text}` : p.text,
      }),
    )
    .join('');
}

/**
 * The runs of one line of plain text (a headline, a caption, a contents entry, a line of notes)
 * in a paragraph that is right to left (`rtl`) or has right-to-left letters: its numbers set
 * apart as the body's are. Other text is one run, as textRun makes it.
 */
function lineRuns(text: string, rtl: boolean, extra: Omit<RunOptions, 'text'> = {}): string {
  if (!rtl && !hasRightToLeft(text)) return textRun(text, extra);
  return bidiRuns({ ...extra, text, ...(hasRightToLeft(text) ? { rightToLeft: true } : {}) });
}

/**
 * The runs of text a person typed, its web and e-mail addresses made links (left to right, in
 * the Hyperlink style, as the editor's links are), the rest as `plain` writes it; `extra`'s
 * line break goes before them all.
 */
function linkedRuns(c: Ctx, text: string, extra: Omit<RunOptions, 'text'>, plain: (text: string, extra: Omit<RunOptions, 'text'>) => string): string {
  const pieces = linkPieces(text);
  if (pieces.length === 1) return plain(text, extra);
  const { break: lineBreak, ...marks } = extra;
  const link = (href: string, t: string) =>
    externalLink(c.link(href), run({ ...(marks.bold ? { bold: true } : {}), ...(marks.italics ? { italics: true } : {}), style: 'Hyperlink', text: t }));
  return (lineBreak ? run({ break: lineBreak }) : '') + pieces.map((p) => (p.href === null ? plain(p.text, marks) : link(p.href, p.text))).join('');
}

function runs(c: Ctx, nodes: InlineNode[] | undefined, rtlParagraph: boolean): string {
  let out = '';
  const bidi = rtlParagraph || (nodes ?? []).some((n) => n.type === 'text' && hasRightToLeft(n.text));
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      out += run({ break: 1 });
      continue;
    }
    const marks = n.marks ?? [];
    const opts: RunOptions = {
      text: n.text,
      ...(marks.some((m) => m.type === 'bold') ? { bold: true } : {}),
      // Arabic is not slanted: italics for Latin only.
      ...(marks.some((m) => m.type === 'italic') ? { italics: true } : {}),
      ...(rtlParagraph || hasRightToLeft(n.text) ? { rightToLeft: true } : {}),
    };
    const link = marks.find((m) => m.type === 'link');
    if (link && link.type === 'link' && /^(https?:\/\/|mailto:)/i.test(link.attrs.href)) {
      out += externalLink(c.link(link.attrs.href), run({ ...opts, style: 'Hyperlink' }));
    } else out += linkedRuns(c, n.text, opts, (text, o) => (bidi ? bidiRuns({ ...o, text }) : run({ ...o, text })));
  }
  return out;
}

function isRtl(lang: string | null | undefined, dir: string | null | undefined, fallbackLang: string): boolean {
  if (dir === 'rtl') return true;
  if (dir === 'ltr') return false;
  return isRtlLanguage(lang ?? fallbackLang);
}

/** Arabic is not slanted, and its quote bar stands on the right, where its lines begin. */
const quoteStyle = (rtl: boolean) => (rtl ? 'QuoteRtl' : 'Quote');

/** A paragraph, right to left when `rtl`. */
const para = (rtl: boolean, opts: ParagraphOptions, children = '') => paragraph(rtl ? { ...opts, bidirectional: true } : opts, children);

function richText(c: Ctx, doc: RichText, lang: string, headingShift: number, lead = ''): string {
  let out = '';
  let leadLeft = lead;
  const walk = (b: BlockNode, quote: boolean, list: { ref: ListReference; level: number; instance: number } | null): void => {
    switch (b.type) {
      case 'paragraph': {
        const rtl = isRtl(b.attrs?.lang, b.attrs?.dir, lang);
        const children = leadLeft + runs(c, b.content, rtl);
        leadLeft = '';
        out += para(rtl, { ...(quote ? { style: quoteStyle(rtl) } : {}), ...(list ? { list: { numId: c.numId(list.ref, list.instance), level: list.level } } : {}) }, children);
        break;
      }
      case 'heading': {
        const rtl = isRtl(b.attrs.lang, b.attrs.dir, lang);
        const level = Math.min(3, b.attrs.level + headingShift);
        out += para(rtl, { style: `Heading${level}` }, runs(c, b.content, rtl));
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const ref: ListReference = b.type === 'bulletList' ? 'kit-bullets' : 'kit-numbers';
        const level = list ? Math.min(list.level + 1, 2) : 0;
        // Each numbered list counts from 1 again: its own instance of the numbering.
        const instance = list && list.ref === ref ? list.instance : ++c.listInstance;
        for (const li of b.content) for (const child of li.content) walk(child, quote, { ref, level, instance });
        break;
      }
      case 'blockquote':
        for (const child of b.content) walk(child, true, list);
        break;
    }
  };
  for (const b of doc.content) walk(b, false, null);
  if (leadLeft) out += para(false, {}, leadLeft);
  return out;
}

function textParagraphs(c: Ctx, text: string, lang: string, style?: string, keep: Pick<ParagraphOptions, 'keepNext' | 'keepLines'> = {}): string {
  const rtl = isRtlLanguage(lang);
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const lines = p.split(/\r?\n/);
      const bidi = rtl || hasRightToLeft(p);
      const children = lines
        .map((line, i) => {
          const extra = i > 0 ? { break: 1 } : {};
          return linkedRuns(c, line, extra, (text, o) => lineRuns(text, bidi, o));
        })
        .join('');
      return para(rtl, { ...(style ? { style: style === 'Quote' ? quoteStyle(rtl) : style } : {}), ...keep }, children);
    })
    .join('');
}

function contactParagraphs(c: Ctx, contacts: KitContact[], rtl: boolean, language: string): string {
  let out = '';
  const line = { style: 'ContactBlock', keepNext: true } as const;
  for (const ct of contacts) {
    out += para(rtl, line, textRun(ct.name, { bold: true }));
    const role = [ct.role, ct.organisation].filter((x): x is string => !!x).join(commaFor(language));
    if (role) out += para(rtl, line, textRun(role));
    for (const e of ct.emails) out += para(rtl, line, externalLink(c.link(`mailto:${e.address}`), run({ text: e.address, style: 'Hyperlink' })));
    // A left-to-right mark first: in a right-to-left paragraph the number keeps its order (+962 79 ...),
    // where the bidirectional algorithm would otherwise put its groups, and the +, the other way round.
    for (const p of ct.phones) out += para(rtl, line, run({ text: rtl ? `${LRM}${p.number}` : p.number }));
    out += para(false, { style: 'ContactBlock' });
  }
  return out;
}

function pictureRun(c: Ctx, key: string, img: RenderedImage, widthPx: number, heightPx: number, alt: { name: string; title: string; description: string }): string {
  const { relationshipId, drawingId } = c.embed(key, img);
  return picture({ relationshipId: mediaMark(relationshipId), drawingId, widthPx, heightPx, ...alt });
}

function imageParagraphs(c: Ctx, a: KitAttachment, lang: string): string {
  const img = c.images.get(a.id);
  if (!img) return '';
  const rtl = isRtlLanguage(lang);
  const scale = Math.min(1, textWidthPx(c.model.pageSize) / img.width, MAX_IMAGE_HEIGHT_PX / img.height);
  const l = labelsFor(lang);
  let out = paragraph(
    { keepNext: true, center: true },
    pictureRun(c, `${a.id}:${a.sha256}`, img, Math.max(1, Math.round(img.width * scale)), Math.max(1, Math.round(img.height * scale)), {
      name: a.originalName.slice(0, 200),
      title: (a.caption ?? a.originalName).slice(0, 200),
      description: (a.altText ?? a.caption ?? a.originalName).slice(0, 1000),
    }),
  );
  // The caption's own words decide its direction, as dir="auto" does in the PDF; the credit
  // label alone follows the kit. An English caption set right to left in an Arabic kit puts its
  // full stop at the wrong end in Word.
  const captionDir = textDirection(a.caption ?? '') ?? (rtl ? 'rtl' : 'ltr');
  let caption = '';
  if (a.caption) caption += lineRuns(a.caption, captionDir === 'rtl');
  if (a.credit) caption += lineRuns(`${a.caption ? ' — ' : ''}${l.credit}${l.colon}${setApart(a.credit, captionDir)}`, captionDir === 'rtl');
  if (caption) out += para(captionDir === 'rtl', { style: 'Caption' }, caption);
  return out;
}

/** A part's heading: the contents link to it by its `_Toc` bookmark, the kit's own anchors by `part_N`. */
interface Entry {
  text: string;
  tocName: string;
}

function anchored(entries: Entry[], index: number, children: string): string {
  const n = index + 1;
  return bookmark(entries[index]!.tocName, entries.length + n, bookmark(`part_${n}`, n, children));
}

function releaseParagraphs(c: Ctx, r: KitRelease, entries: Entry[], index: number): string {
  const rtl = r.dir === 'rtl';
  const l = labelsFor(r.language);
  const headline = r.headline || '—';
  const line = releaseLines(r.notApproved, r.embargo?.notice ?? null, r.language)
    .map((text, i) => textRun(text, i > 0 ? { break: 1 } : {}))
    .join('');
  let out = para(rtl, { style: 'ReleaseLine', pageBreakBefore: true }, line);
  out += para(rtl, { style: 'Headline' }, anchored(entries, index, lineRuns(headline, rtl)));
  if (r.subheadline) out += para(rtl, { style: 'Subheadline' }, lineRuns(r.subheadline, rtl));
  const lead = r.datelineText ? lineRuns(`${r.datelineText} – `, rtl, { style: 'Dateline' }) : '';
  out += richText(c, r.body, r.language, 1, lead);
  for (const q of r.quotes) {
    const who = [q.speaker, q.role].filter((x): x is string => !!x).join(commaFor(r.language));
    // A quote on one page, and its speaker under it: as the PDF keeps the quote's box whole.
    out += textParagraphs(c, q.text, r.language, 'Quote', { keepLines: true, ...(who ? { keepNext: true } : {}) });
    if (who) out += para(rtl, { style: 'QuoteSource' }, lineRuns(`— ${who}`, rtl));
  }
  if (r.endMark) out += para(rtl, { style: 'EndMark' }, lineRuns(r.endMark, rtl));
  if (r.notesToEditors) out += para(rtl, { style: 'Heading3' }, textRun(l.notesToEditors)) + textParagraphs(c, r.notesToEditors, r.language);
  if (r.boilerplate) out += para(rtl, { style: 'Heading3' }, textRun(l.about)) + textParagraphs(c, r.boilerplate, r.language, 'Boilerplate');
  if (r.contacts.length) out += para(rtl, { style: 'Heading3' }, textRun(l.mediaContacts)) + contactParagraphs(c, r.contacts, rtl, r.language);
  return out;
}

const heading1 = (entries: Entry[], index: number, rtl: boolean) =>
  para(rtl, { style: 'Heading1', pageBreakBefore: true }, anchored(entries, index, lineRuns(entries[index]!.text, rtl)));

/** The title of each part, as its heading and its contents entry give it. */
function entriesOf(model: KitModel): Entry[] {
  const l = labelsFor(model.language);
  const n = model.blocks.length;
  return model.blocks.map((b, i) => {
    const text =
      b.kind === 'release'
        ? b.release.headline || '—'
        : b.kind === 'section'
          ? b.title.trim() || sectionLabel(b.sectionKind, model.language) || l.pressKit
          : b.kind === 'photos'
            ? l.photos
            : b.kind === 'files'
              ? l.otherFiles
              : l.mediaContacts;
    return { text, tocName: `_Toc${n + i + 1}` };
  });
}

function cover(c: Ctx): string {
  const { model } = c;
  const l = labelsFor(model.language);
  const rtl = model.dir === 'rtl';
  let out: string;
  const logo = model.logo && c.images.get(model.logo.id);
  if (model.logo && logo) {
    const scale = Math.min(1, 227 / logo.width, 113 / logo.height);
    const name = model.office?.name ?? 'logo';
    // Where the cover's lines start: on the right in Arabic, as in the PDF.
    out = para(
      rtl,
      { spacing: { before: 1200, after: 600 } },
      pictureRun(c, `logo:${model.logo.sha256}`, logo, Math.max(1, Math.round(logo.width * scale)), Math.max(1, Math.round(logo.height * scale)), { name: 'logo', title: name, description: name }),
    );
  } else out = paragraph({ spacing: { before: 2400 } });
  if (model.office) out += para(rtl, { style: 'CoverMeta' }, textRun(model.office.name, { bold: true }));
  out += para(rtl, { style: 'CoverMeta' }, textRun(l.pressKit));
  out += para(rtl, { style: 'Title' }, lineRuns(model.title, rtl));
  out += para(rtl, { style: 'CoverMeta' }, textRun(model.dateText));
  if (model.embargo) out += para(rtl, { style: 'EmbargoNotice' }, textRun(model.embargo.notice));
  return out;
}

/**
 * The contents: a TOC field with its entries written out, each linked to its part's heading,
 * with the page number when it was worked out (else blank, marked for the word processor to
 * fill in); Word and LibreOffice rebuild it from the headings' outline levels.
 */
function contents(model: KitModel, entries: Entry[], numbers: PageNumbers | null): string {
  const l = labelsFor(model.language);
  const rtl = model.dir === 'rtl';
  const colour = hex((model.office?.colours ?? DEFAULT_COLOURS).primary);
  const heading = para(
    rtl,
    { style: 'TOCHeading', pageBreakBefore: true },
    `<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="${colour}"/><w:sz w:val="32"/><w:szCs w:val="32"/>${hasRightToLeft(l.contents) ? '<w:rtl/>' : ''}</w:rPr><w:t xml:space="preserve">${esc(l.contents)}</w:t></w:r>`,
  );
  const entry = { style: 'TOC1', rightTab: { position: textWidth(model.pageSize), leader: 'dot' } } as const;
  const begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-1&quot; \\u</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>';
  // Each entry a right-to-left paragraph of its own in a right-to-left kit, not only by the TOC1
  // style: a reader that rebuilds or ignores the style still lays the contents out from the right.
  const lines = entries.map((e, i) =>
    para(rtl, entry, (i === 0 ? begin : '') + internalLink(e.tocName, `${lineRuns(e.text, rtl)}<w:r><w:tab/></w:r>${pageRef(e.tocName, numbers?.pages.get(e.tocName))}`)),
  );
  const end = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
  const sdtPr = `<w:sdtPr><w:alias w:val="${esc(l.contents)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>`;
  return `${heading}<w:sdt>${sdtPr}<w:sdtContent>${lines.join('')}${end}</w:sdtContent></w:sdt>`;
}

function body(c: Ctx, entries: Entry[], check: () => void): string {
  const { model } = c;
  const rtl = model.dir === 'rtl';
  let out = '';
  model.blocks.forEach((b, i) => {
    check();
    switch (b.kind) {
      case 'release':
        out += releaseParagraphs(c, b.release, entries, i);
        break;
      case 'section':
        out += heading1(entries, i, rtl) + richText(c, b.body, model.language, 1);
        break;
      case 'photos':
        out += heading1(entries, i, rtl);
        for (const p of b.photos) out += imageParagraphs(c, p, model.language);
        break;
      case 'files':
        out += heading1(entries, i, rtl) + para(rtl, {}, textRun(labelsFor(model.language).filesNote));
        for (const f of b.files) {
          out += para(rtl, { list: { numId: DEFAULT_BULLETS_NUM_ID, level: 0 } }, textRun(f.originalName) + (f.caption ? lineRuns(` — ${f.caption}`, rtl) : ''));
        }
        break;
      case 'contacts':
        out += heading1(entries, i, rtl) + contactParagraphs(c, b.contacts, rtl, model.language);
        break;
    }
  });
  return out;
}

function sectionProperties(model: KitModel): string {
  const size = PAGE[model.pageSize];
  return (
    `<w:sectPr><w:headerReference w:type="default" r:id="${HEADER_DEFAULT}"/><w:headerReference w:type="first" r:id="${HEADER_FIRST}"/>` +
    `<w:footerReference w:type="default" r:id="${FOOTER_DEFAULT}"/><w:footerReference w:type="first" r:id="${FOOTER_FIRST}"/>` +
    `<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="1247" w:right="${MARGIN}" w:bottom="1134" w:left="${MARGIN}" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

/** The running header and footer of every page after the cover, and the cover's own. */
function headersAndFooters(model: KitModel, look: Look, numbers: PageNumbers | null): Record<'header1' | 'header2' | 'footer1' | 'footer2', string> {
  const l = labelsFor(model.language);
  const rtl = model.dir === 'rtl';
  const runningText = model.embargo ? model.embargo.notice : [model.office?.name, model.title].filter(Boolean).join(' · ');
  const rtlRun = rtl ? '<w:rPr><w:rtl/></w:rPr>' : '';
  // No-break spaces hold "Page 2 of 4" together when a long footer line pushes it to a line of its own.
  const pageOf =
    `<w:r>${rtlRun}<w:t xml:space="preserve">\t</w:t><w:t xml:space="preserve">${esc(`${l.page}\u00a0`)}</w:t></w:r>` +
    fieldRuns('PAGE', undefined, rtlRun) +
    `<w:r>${rtlRun}<w:t xml:space="preserve">${esc(`\u00a0${l.of}\u00a0`)}</w:t></w:r>` +
    fieldRuns('NUMPAGES', numbers?.total === undefined ? undefined : String(numbers.total), rtlRun);
  const footerLine = lineRuns(model.office?.footer ?? model.office?.name ?? model.title, rtl);
  const header = (p: string) => `${look.headerOpen}${p}</w:hdr>`;
  const footer = (p: string) => `${look.footerOpen}${p}</w:ftr>`;
  return {
    header1: header(para(rtl, { style: model.embargo ? 'ReleaseLine' : 'HeaderText' }, lineRuns(runningText, rtl))),
    // An embargoed kit says so at the top of every page, the cover too.
    header2: header(model.embargo ? para(rtl, { style: 'ReleaseLine' }, lineRuns(model.embargo.notice, rtl)) : paragraph({})),
    footer1: footer(para(rtl, { style: 'HeaderText', rightTab: { position: textWidth(model.pageSize) } }, footerLine + pageOf)),
    // The cover has no page number; an office's footer line is on it too.
    footer2: footer(model.office?.footer ? para(rtl, { style: 'HeaderText' }, lineRuns(model.office.footer, rtl)) : paragraph({})),
  };
}

const relationship = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`;

function documentRelationships(c: Ctx, look: Look): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
  FIXED_RELATIONSHIPS.forEach(([type, target], i) => (xml += relationship(`rId${i + 1}`, `${REL}/${type}`, target)));
  for (const link of c.links) xml += relationship(link.id, `${REL}/hyperlink`, link.target, true);
  for (const m of c.media.values()) xml += relationship(m.relationshipId, `${REL}/image`, m.path);
  if (look.parts.has('word/fontTable.xml')) xml += relationship(c.fontTableRelationship, `${REL}/fontTable`, 'fontTable.xml');
  return `${xml}</Relationships>`;
}

function numbering(c: Ctx, look: Look): string {
  let xml = look.numberingStart;
  for (const { numId, list } of c.numIds.values()) {
    xml += `<w:num w:numId="${numId}"><w:abstractNumId w:val="${LISTS[list]}"/>`;
    for (let level = 0; level < 3; level++) xml += `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="1"/></w:lvlOverride>`;
    xml += '</w:num>';
  }
  return `${xml}</w:numbering>`;
}

function coreProperties(model: KitModel, now: Date): string {
  const l = labelsFor(model.language);
  const at = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(model.title)}</dc:title><dc:creator>Dateline</dc:creator><dc:description>${esc(`${l.pressKit}${l.colon}${model.title}`)}</dc:description>` +
    `<cp:lastModifiedBy>Un-named</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

/** The package, in the order `docx` wrote its parts. */
function pack(model: KitModel, images: Map<string, RenderedImage>, look: Look, numbers: PageNumbers | null, check: () => void): Buffer[] {
  const c = new Ctx(model, images);
  const entries = entriesOf(model);
  const front = cover(c) + (entries.length ? contents(model, entries, numbers) : '');
  const main = body(c, entries, check);
  c.numberMedia();
  const marks = new Map([...c.media].map(([key, m]) => [mediaMark(key), m.relationshipId]));
  const document = `${look.documentOpen}${front}${main}${sectionProperties(model)}</w:body></w:document>`.replace(/\uE000[^\uE001]*\uE001/g, (m) => marks.get(m) ?? m);
  const hf = headersAndFooters(model, look, numbers);
  const kept = (name: string): Part[] => {
    const p = look.parts.get(name);
    return p ? [p] : [];
  };
  const emptyRelationships = look.parts.get('word/_rels/header1.xml.rels');
  const renamed = (p: Part | undefined, name: string): Part[] => (p ? [{ ...p, name: Buffer.from(name) }] : []);
  check();
  return packParts([
    partOf('word/_rels/document.xml.rels', documentRelationships(c, look)),
    partOf('word/document.xml', document),
    ...kept('word/styles.xml'),
    partOf('docProps/core.xml', coreProperties(model, new Date())),
    ...kept('_rels/.rels'),
    ...['header1', 'header2', 'footer1', 'footer2'].flatMap((n) => renamed(emptyRelationships, `word/_rels/${n}.xml.rels`)),
    partOf('word/header1.xml', hf.header1),
    partOf('word/header2.xml', hf.header2),
    partOf('word/footer1.xml', hf.footer1),
    partOf('word/footer2.xml', hf.footer2),
    ...['docProps/custom.xml', 'docProps/app.xml', 'word/footnotes.xml', 'word/_rels/footnotes.xml.rels', 'word/endnotes.xml', 'word/_rels/endnotes.xml.rels', 'word/settings.xml', 'word/fontTable.xml', 'word/_rels/fontTable.xml.rels', 'word/theme/theme1.xml'].flatMap(kept),
    partOf('word/numbering.xml', numbering(c, look)),
    ...kept('[Content_Types].xml'),
    ...[...c.media.values()].map((m) => partOf(`word/${m.path}`, m.bytes, m.crc32)),
    ...look.fonts.flatMap(kept),
  ]);
}

/**
 * The contents' page numbers and the number of pages, as `docx`'s page layout works them out
 * for the document written without them (a reader that never updates fields then shows them).
 */
async function estimatePageNumbers(draft: Buffer[]): Promise<PageNumbers> {
  // A short kit's numbers are laid out as Word lays out the pages (guessing where a font is not
  // in its width tables, as Arabic in Arial).
  const laidOut = await patchDocument({ outputType: 'nodebuffer', data: Buffer.concat(draft), patches: {}, pageNumbers: estimatePageNumbersWith({ guess: true }) });
  const parts = new Map(partsOf(laidOut).map((p) => [p.name.toString('utf8'), p]));
  const text = (name: string) => {
    const p = parts.get(name);
    return p ? contentOf(p).toString('utf8') : '';
  };
  const pages = new Map<string, number>();
  for (const m of text('word/document.xml').matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)) pages.set(m[1]!, Number(m[2]));
  const total = /NUMPAGES<\/w:instrText><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/.exec(text('word/footer1.xml'));
  return { pages, ...(total ? { total: Number(total[1]) } : {}) };
}

/**
 * Builds the DOCX, as the pieces of the file in their order (see packParts); `images` holds the
 * print rendition of every image attachment (and the logo) by attachment id.
 */
export async function buildDocx(model: KitModel, images: Map<string, RenderedImage>, check: () => void = () => undefined): Promise<Buffer[]> {
  const look = await lookOf(model);
  check();
  const draft = pack(model, images, look, null, check);
  if (model.words > PAGE_NUMBERS_UP_TO_WORDS) return draft;
  const numbers = await estimatePageNumbers(draft);
  check();
  return pack(model, images, look, numbers, check);
}

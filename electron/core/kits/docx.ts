import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  ShadingType,
  Paragraph,
  TableOfContents,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { hasRightToLeft, isRtlLanguage } from '../../shared/direction';
import { DEFAULT_COLOURS } from '../../shared/documents';
import { labelsFor, sectionLabel } from '../../shared/kits/layout';
import type { BlockNode, InlineNode, RichText } from '../../shared/richtext';
import type { RenderedImage } from './images';
import { type KitAttachment, type KitContact, type KitModel, type KitRelease } from './model';
import { fontFile, OFFICE_FONTS } from './resources';
import { withRealImages } from './docx-package';
import { PLAIN_PARAGRAPH_OPTIONS, PlainParagraph, PlainRun, type PlainParagraphOptions, type PlainRunOptions } from './docx-plain';
import type { KitFontFamily } from '../../shared/offices/look';

/**
 * The kit as a Word document built with `docx`: real styles (Title, Heading 1-3, Quote,
 * Caption, and the parts of a release: Headline, Subheadline, Dateline), a table of contents,
 * headers and footers with page numbers, and right-to-left paragraphs and runs for Arabic.
 *
 * Photos: `docx` hashes every image's bytes (SHA-1 in plain JavaScript) and compresses them
 * again, which for twenty photos is most of the time a document takes. So each image is given
 * to `docx` as a tiny stand-in, and when the package is written the stand-ins are replaced by
 * the real JPEG/PNG bytes, stored as they are (they are compressed already).
 */

/** Fonts every Word installation has, with Arabic in their complex-script range (Windows and macOS): a kit's font when its office chooses none. */
const FONT = 'Arial';

const PAGE = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1020; // 18 mm in twips
/** The text width in pixels at 96 dpi (what `docx` sizes images in). */
const textWidthPx = (size: 'A4' | 'Letter') => Math.floor(((PAGE[size].width - 2 * MARGIN) / 1440) * 96);
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

interface Ctx {
  model: KitModel;
  images: Map<string, RenderedImage>;
  /** Stand-in bytes (as text) → the real bytes of the image. */
  media: Map<string, Buffer>;
  listInstance: number;
}

/** What a paragraph holds: plain runs (see docx-plain.ts) and `docx`'s own children (links, bookmarks, pictures). */
type Child = PlainRun | ParagraphChild;
type ParaOptions = Omit<IParagraphOptions, 'children'> & { children?: readonly Child[] };
type Block = Paragraph | PlainParagraph;

const toDocx = (c: Child): ParagraphChild => (c instanceof PlainRun ? new TextRun({ ...c.options, ...(c.options.bold ? { boldComplexScript: true } : {}) }) : c);

function runs(nodes: InlineNode[] | undefined, rtlParagraph: boolean): Child[] {
  const out: Child[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      out.push(new PlainRun({ break: 1 }));
      continue;
    }
    const marks = n.marks ?? [];
    const bold = marks.some((m) => m.type === 'bold');
    const italics = marks.some((m) => m.type === 'italic');
    const rtl = rtlParagraph || hasRightToLeft(n.text);
    const opts: PlainRunOptions = {
      text: n.text,
      ...(bold ? { bold: true } : {}),
      // Arabic is not slanted: italics for Latin only.
      ...(italics ? { italics: true } : {}),
      ...(rtl ? { rightToLeft: true } : {}),
    };
    const link = marks.find((m) => m.type === 'link');
    if (link && link.type === 'link' && /^(https?:\/\/|mailto:)/i.test(link.attrs.href)) {
      out.push(new ExternalHyperlink({ link: link.attrs.href, children: [toDocx(new PlainRun({ ...opts, style: 'Hyperlink' }))] }));
    } else out.push(new PlainRun(opts));
  }
  return out;
}

function textRun(text: string, extra: Omit<PlainRunOptions, 'text'> = {}): PlainRun {
  return new PlainRun({ ...extra, text, ...(hasRightToLeft(text) ? { rightToLeft: true } : {}) });
}

function isRtl(lang: string | null | undefined, dir: string | null | undefined, fallbackLang: string): boolean {
  if (dir === 'rtl') return true;
  if (dir === 'ltr') return false;
  return isRtlLanguage(lang ?? fallbackLang);
}

/** Arabic is not slanted, and its quote bar stands on the right, where its lines begin. */
const quoteStyle = (rtl: boolean) => (rtl ? 'QuoteRtl' : 'Quote');

const isPlainOption = ([key, value]: [string, unknown]) => PLAIN_PARAGRAPH_OPTIONS.has(key) && (key === 'style' ? typeof value === 'string' : value === true);

/** `docx`'s paragraph (right to left when `rtl`), for where only it will do: headers and footers. */
function wordParagraph(rtl: boolean, opts: ParaOptions): Paragraph {
  const { children = [], ...rest } = opts;
  return new Paragraph({ ...rest, ...(rtl ? { bidirectional: true } : {}), children: children.map(toDocx) });
}

/** A paragraph of the body (right to left when `rtl`): a plain one when it has only plain runs and options. */
function para(rtl: boolean, opts: ParaOptions): Block {
  const { children = [], ...rest } = opts;
  const options = rtl ? { ...rest, bidirectional: true } : rest;
  if (children.every((c) => c instanceof PlainRun) && Object.entries(options).every(isPlainOption)) {
    return new PlainParagraph(options as PlainParagraphOptions, children as PlainRun[]);
  }
  return wordParagraph(rtl, opts);
}

function richText(c: Ctx, doc: RichText, lang: string, headingShift: number, lead: Child[] = []): Block[] {
  const out: Block[] = [];
  let leadLeft = lead;
  const walk = (b: BlockNode, quote: boolean, list: { ref: string; level: number; instance: number } | null): void => {
    switch (b.type) {
      case 'paragraph': {
        const rtl = isRtl(b.attrs?.lang, b.attrs?.dir, lang);
        const children = [...leadLeft, ...runs(b.content, rtl)];
        leadLeft = [];
        out.push(
          para(rtl, {
            children,
            ...(quote ? { style: quoteStyle(rtl) } : {}),
            ...(list ? { numbering: { reference: list.ref, level: list.level, instance: list.instance } } : {}),
          }),
        );
        break;
      }
      case 'heading': {
        const rtl = isRtl(b.attrs.lang, b.attrs.dir, lang);
        const level = Math.min(3, b.attrs.level + headingShift);
        out.push(para(rtl, { style: `Heading${level}`, children: runs(b.content, rtl) }));
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const ref = b.type === 'bulletList' ? 'kit-bullets' : 'kit-numbers';
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
  if (leadLeft.length) out.push(para(false, { children: leadLeft }));
  return out;
}

function textParagraphs(text: string, lang: string, style?: string): Block[] {
  const rtl = isRtlLanguage(lang);
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const lines = p.split(/\r?\n/);
      const children = lines.map((line, i) => textRun(line, i > 0 ? { break: 1 } : {}));
      return para(rtl, { children, ...(style ? { style: style === 'Quote' ? quoteStyle(rtl) : style } : {}) });
    });
}

function contactParagraphs(contacts: KitContact[], rtl: boolean): Block[] {
  const out: Block[] = [];
  for (const ct of contacts) {
    out.push(para(rtl, { style: 'ContactBlock', keepNext: true, children: [textRun(ct.name, { bold: true })] }));
    const role = [ct.role, ct.organisation].filter((x): x is string => !!x).join(', ');
    if (role) out.push(para(rtl, { style: 'ContactBlock', keepNext: true, children: [textRun(role)] }));
    for (const e of ct.emails) {
      out.push(
        para(rtl, {
          style: 'ContactBlock',
          keepNext: true,
          children: [new ExternalHyperlink({ link: `mailto:${e.address}`, children: [new TextRun({ text: e.address, style: 'Hyperlink' })] })],
        }),
      );
    }
    for (const p of ct.phones) out.push(para(rtl, { style: 'ContactBlock', keepNext: true, children: [new PlainRun({ text: p.number })] }));
    out.push(para(false, { style: 'ContactBlock' }));
  }
  return out;
}

/** The stand-in `docx` is given for an image, registered so the real bytes replace it when the package is written. */
function embed(c: Ctx, tag: string, sha256: string, img: RenderedImage): { type: 'png' | 'jpg'; standIn: Buffer } {
  const type = img.mediaType === 'image/png' ? 'png' : 'jpg';
  const standIn = Buffer.from(`dateline-image:${tag}:${sha256}:${type}`);
  c.media.set(standIn.toString('latin1'), img.bytes);
  return { type, standIn };
}

function imageParagraphs(c: Ctx, a: KitAttachment, lang: string): Block[] {
  const img = c.images.get(a.id);
  if (!img) return [];
  const rtl = isRtlLanguage(lang);
  const maxW = textWidthPx(c.model.pageSize);
  const scale = Math.min(1, maxW / img.width, MAX_IMAGE_HEIGHT_PX / img.height);
  const { type, standIn } = embed(c, a.id, a.sha256, img);
  const l = labelsFor(lang);
  const out: Block[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type,
          data: standIn,
          transformation: { width: Math.max(1, Math.round(img.width * scale)), height: Math.max(1, Math.round(img.height * scale)) },
          altText: { name: a.originalName.slice(0, 200), title: (a.caption ?? a.originalName).slice(0, 200), description: (a.altText ?? a.caption ?? a.originalName).slice(0, 1000) },
        }),
      ],
    }),
  ];
  const caption: Child[] = [];
  if (a.caption) caption.push(textRun(a.caption));
  if (a.credit) caption.push(textRun(`${a.caption ? ' — ' : ''}${l.credit}: ${a.credit}`));
  if (caption.length) out.push(para(rtl || hasRightToLeft(a.caption ?? ''), { style: 'Caption', children: caption }));
  return out;
}

function releaseParagraphs(c: Ctx, r: KitRelease, anchor: string): Block[] {
  const rtl = r.dir === 'rtl';
  const l = labelsFor(r.language);
  const out: Block[] = [];
  out.push(para(rtl, { style: 'ReleaseLine', pageBreakBefore: true, children: [textRun(r.embargo ? r.embargo.notice : l.forImmediateRelease)] }));
  out.push(para(rtl, { style: 'Headline', children: [new Bookmark({ id: anchor, children: [toDocx(textRun(r.headline || '—'))] })] }));
  if (r.subheadline) out.push(para(rtl, { style: 'Subheadline', children: [textRun(r.subheadline)] }));
  const lead = r.datelineText ? [textRun(`${r.datelineText} – `, { style: 'Dateline' })] : [];
  out.push(...richText(c, r.body, r.language, 1, lead));
  for (const q of r.quotes) {
    out.push(...textParagraphs(q.text, r.language, 'Quote'));
    const who = [q.speaker, q.role].filter((x): x is string => !!x).join(', ');
    if (who) out.push(para(rtl, { style: 'QuoteSource', children: [textRun(`— ${who}`)] }));
  }
  if (r.endMark) out.push(para(rtl, { style: 'EndMark', children: [new PlainRun({ text: r.endMark })] }));
  if (r.notesToEditors) {
    out.push(para(rtl, { style: 'Heading3', children: [textRun(l.notesToEditors)] }));
    out.push(...textParagraphs(r.notesToEditors, r.language));
  }
  if (r.boilerplate) {
    out.push(para(rtl, { style: 'Heading3', children: [textRun(l.about)] }));
    out.push(...textParagraphs(r.boilerplate, r.language, 'Boilerplate'));
  }
  if (r.contacts.length) {
    out.push(para(rtl, { style: 'Heading3', children: [textRun(l.mediaContacts)] }));
    out.push(...contactParagraphs(r.contacts, rtl));
  }
  return out;
}

function heading1(text: string, anchor: string, rtl: boolean): Block {
  return para(rtl, { style: 'Heading1', pageBreakBefore: true, children: [new Bookmark({ id: anchor, children: [toDocx(textRun(text))] })] });
}

function styles(model: KitModel) {
  const colours = model.office?.colours ?? DEFAULT_COLOURS;
  const primary = hex(colours.primary);
  const accent = hex(colours.accent);
  const fontOf = (name: string) => ({ ascii: name, hAnsi: name, cs: name, eastAsia: name });
  const font = fontOf(model.office?.fonts?.body ?? FONT);
  const headings = fontOf(model.office?.fonts?.headings ?? FONT);
  return {
    default: {
      document: { run: { font, size: 21, sizeComplexScript: 21 }, paragraph: { spacing: { after: 140, line: 300, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: headings, size: 56, bold: true, color: primary }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { font: headings, size: 36, bold: true, boldComplexScript: true, color: primary }, paragraph: { spacing: { before: 240, after: 200 }, keepNext: true, outlineLevel: 0 } },
      heading2: { run: { font: headings, size: 28, bold: true, boldComplexScript: true, color: primary }, paragraph: { spacing: { before: 200, after: 120 }, keepNext: true, outlineLevel: 1 } },
      heading3: { run: { font: headings, size: 23, bold: true, boldComplexScript: true, color: primary }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 } },
      hyperlink: { run: { color: primary, underline: {} } },
    },
    paragraphStyles: [
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '333333' }, paragraph: { indent: { start: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: accent, space: 8 } }, spacing: { before: 120, after: 120 } } },
      // A right-to-left quote has its bar on the right, where its lines start; LibreOffice does not mirror a left border.
      { id: 'QuoteRtl', name: 'Quote (right to left)', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: '333333' }, paragraph: { bidirectional: true, indent: { start: 567 }, border: { right: { style: BorderStyle.SINGLE, size: 18, color: accent, space: 8 } }, spacing: { before: 120, after: 120 } } },
      { id: 'QuoteSource', name: 'Quote Source', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 19, color: '5B5E66' }, paragraph: { indent: { start: 567 }, spacing: { after: 200 } } },
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 18, sizeComplexScript: 18, color: '5B5E66' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 80, after: 280 } } },
      { id: 'Headline', name: 'Headline', basedOn: 'Heading1', next: 'Subheadline', quickFormat: true, run: { size: 40, sizeComplexScript: 40 }, paragraph: { outlineLevel: 0, spacing: { before: 0, after: 120 } } },
      { id: 'Subheadline', name: 'Subheadline', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 26, sizeComplexScript: 26, color: '5B5E66' }, paragraph: { spacing: { after: 240 }, keepNext: true } },
      { id: 'ReleaseLine', name: 'Release Line', basedOn: 'Normal', next: 'Headline', run: { bold: true, boldComplexScript: true, size: 19, color: accent }, paragraph: { keepNext: true, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: accent, space: 4 } }, spacing: { after: 240 } } },
      { id: 'EndMark', name: 'End Mark', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
      { id: 'Boilerplate', name: 'Boilerplate', basedOn: 'Normal', next: 'Normal', run: { size: 19, sizeComplexScript: 19, color: '5B5E66' } },
      { id: 'ContactBlock', name: 'Contact Block', basedOn: 'Normal', next: 'ContactBlock', paragraph: { spacing: { after: 0 } } },
      { id: 'EmbargoNotice', name: 'Embargo Notice', basedOn: 'Normal', next: 'Normal', run: { bold: true, boldComplexScript: true, color: 'FFFFFF', size: 22 }, paragraph: { shading: { type: ShadingType.CLEAR, fill: accent, color: 'auto' }, spacing: { before: 480 } } },
      { id: 'CoverMeta', name: 'Cover Meta', basedOn: 'Normal', next: 'Normal', run: { size: 24, color: '5B5E66' } },
      // The contents entries run in the kit's direction, under a heading that does.
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 100 }, ...(model.dir === 'rtl' ? { bidirectional: true } : {}) } },
      { id: 'HeaderText', name: 'Header Text', basedOn: 'Normal', run: { size: 16, color: '5B5E66' }, paragraph: { spacing: { after: 0 } } },
    ],
    characterStyles: [{ id: 'Dateline', name: 'Dateline', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true, boldComplexScript: true } }],
  };
}

const BULLETS = ['•', '◦', '▪'];

function embeddedFonts(fonts: { headings: KitFontFamily; body: KitFontFamily }) {
  return [...new Set([fonts.body, fonts.headings])].map((name) => {
    const f = OFFICE_FONTS[name];
    return { name, data: fontFile(f.regular), ...(f.bold ? { bold: fontFile(f.bold) } : {}) };
  });
}

/** Builds the DOCX; `images` holds the print rendition of every image attachment (and the logo) by attachment id. */
export async function buildDocx(model: KitModel, images: Map<string, RenderedImage>, check: () => void = () => undefined): Promise<Buffer> {
  const c: Ctx = { model, images, media: new Map(), listInstance: 0 };
  const l = labelsFor(model.language);
  const kitRtl = model.dir === 'rtl';
  const body: (Block | TableOfContents)[] = [];

  // Cover.
  if (model.logo && images.has(model.logo.id)) {
    const logo = images.get(model.logo.id)!;
    const { type, standIn } = embed(c, 'logo', model.logo.sha256, logo);
    const scale = Math.min(1, 227 / logo.width, 113 / logo.height);
    body.push(
      new Paragraph({
        spacing: { before: 1200, after: 600 },
        children: [
          new ImageRun({
            type,
            data: standIn,
            transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) },
            altText: { name: 'logo', title: model.office?.name ?? 'logo', description: model.office?.name ?? 'logo' },
          }),
        ],
      }),
    );
  } else body.push(new Paragraph({ spacing: { before: 2400 }, children: [] }));
  if (model.office) body.push(para(kitRtl, { style: 'CoverMeta', children: [textRun(model.office.name, { bold: true })] }));
  body.push(para(kitRtl, { style: 'CoverMeta', children: [textRun(l.pressKit)] }));
  body.push(para(kitRtl, { style: 'Title', children: [textRun(model.title)] }));
  body.push(para(kitRtl, { style: 'CoverMeta', children: [textRun(model.dateText)] }));
  if (model.embargo) body.push(para(kitRtl, { style: 'EmbargoNotice', children: [textRun(model.embargo.notice)] }));

  // Contents: a TOC field that `docx` fills in from the parts' headings (each entry linked to
  // its heading, with the page number worked out below), so the table is there in a reader
  // that never updates fields; Word and LibreOffice rebuild it from the same outline levels.
  const content: Block[] = [];
  model.blocks.forEach((b, i) => {
    check();
    const anchor = `part_${i + 1}`;
    switch (b.kind) {
      case 'release':
        content.push(...releaseParagraphs(c, b.release, anchor));
        break;
      case 'section': {
        const title = b.title.trim() || sectionLabel(b.sectionKind, model.language) || l.pressKit;
        content.push(heading1(title, anchor, kitRtl), ...richText(c, b.body, model.language, 1));
        break;
      }
      case 'photos':
        content.push(heading1(l.photos, anchor, kitRtl));
        for (const p of b.photos) content.push(...imageParagraphs(c, p, model.language));
        break;
      case 'files':
        content.push(heading1(l.otherFiles, anchor, kitRtl));
        for (const f of b.files) {
          content.push(para(kitRtl, { bullet: { level: 0 }, children: [textRun(f.originalName), ...(f.caption ? [textRun(` — ${f.caption}`)] : [])] }));
        }
        break;
      case 'contacts':
        content.push(heading1(l.mediaContacts, anchor, kitRtl), ...contactParagraphs(b.contacts, kitRtl));
        break;
    }
  });
  if (model.blocks.length) {
    body.push(para(kitRtl, { style: 'TOCHeading', pageBreakBefore: true, children: [new TextRun({ text: l.contents, bold: true, size: 32, color: hex((model.office?.colours ?? DEFAULT_COLOURS).primary), ...(hasRightToLeft(l.contents) ? { rightToLeft: true } : {}) })] }));
    body.push(
      new TableOfContents(l.contents, {
        hyperlink: true,
        headingStyleRange: '1-1',
        useAppliedParagraphOutlineLevel: true,
        beginDirty: true,
        tabLeader: 'dot',
      }),
    );
  }
  body.push(...content);

  const runningText = model.embargo ? model.embargo.notice : [model.office?.name, model.title].filter(Boolean).join(' · ');
  const size = PAGE[model.pageSize];
  const doc = new Document({
    creator: 'Dateline',
    // A short kit's contents get their page numbers as Word lays the pages out (guessing where a
    // font is not in its width tables, as Arabic in Arial), so a reader that never updates
    // fields shows them; see PAGE_NUMBERS_UP_TO_WORDS for a longer one.
    ...(model.words <= PAGE_NUMBERS_UP_TO_WORDS ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    features: { updateFields: true },
    // The office's fonts travel with the document, so Word and LibreOffice show them where they are not installed.
    ...(model.office?.fonts ? { fonts: embeddedFonts(model.office.fonts) } : {}),
    title: model.title,
    description: `${l.pressKit}: ${model.title}`,
    styles: styles(model),
    numbering: {
      config: [
        {
          reference: 'kit-bullets',
          levels: BULLETS.map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.START, style: { paragraph: { indent: { start: 360 * (level + 1), hanging: 260 } } } })),
        },
        {
          reference: 'kit-numbers',
          levels: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN].map((format, level) => ({
            level,
            format,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { start: 360 * (level + 1), hanging: 300 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: size.width, height: size.height }, margin: { top: 1247, bottom: 1134, left: MARGIN, right: MARGIN, header: 567, footer: 567 } },
        },
        headers: {
          default: new Header({ children: [wordParagraph(kitRtl, { style: model.embargo ? 'ReleaseLine' : 'HeaderText', children: [textRun(runningText)] })] }),
          // An embargoed kit says so at the top of every page, the cover too.
          first: new Header({ children: [model.embargo ? wordParagraph(kitRtl, { style: 'ReleaseLine', children: [textRun(model.embargo.notice)] }) : new Paragraph({ children: [] })] }),
        },
        footers: {
          default: new Footer({
            children: [
              wordParagraph(kitRtl, {
                style: 'HeaderText',
                tabStops: [{ type: TabStopType.RIGHT, position: size.width - 2 * MARGIN }],
                children: [
                  textRun(model.office?.footer ?? model.office?.name ?? model.title),
                  new TextRun({ children: ['\t', `${l.page} `, PageNumber.CURRENT, ` ${l.of} `, PageNumber.TOTAL_PAGES], ...(kitRtl ? { rightToLeft: true } : {}) }),
                ],
              }),
            ],
          }),
          // The cover has no page number; an office's footer line is on it too.
          first: new Footer({ children: [model.office?.footer ? wordParagraph(kitRtl, { style: 'HeaderText', children: [textRun(model.office.footer)] }) : new Paragraph({ children: [] })] }),
        },
        children: body,
      },
    ],
  });
  check();
  const packed = await Packer.toBuffer(doc);
  check();
  return withRealImages(packed, c.media);
}

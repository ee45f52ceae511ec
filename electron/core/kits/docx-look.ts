import { AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, LevelFormat, LineRuleType, Packer, Paragraph, ShadingType } from 'docx';
import { DEFAULT_COLOURS } from '../../shared/documents';
import type { KitFontFamily } from '../../shared/offices/look';
import { contentOf, partsOf, type Part } from './docx-package';
import type { KitModel } from './model';
import { fontFile, OFFICE_FONTS } from './resources';

/**
 * The parts of a kit's Word document that depend only on its office's look (colours, fonts,
 * direction) and not on its text: styles, numbering definitions, settings, theme, font table
 * and embedded fonts, content types, and the opening tags of the body, headers and footers.
 * `docx` writes them once per look, into a document with nothing in it, and they are kept,
 * compressed as `docx` packed them, for every export with that look: packing them took `docx`
 * about 25 ms per export, whatever the kit held.
 */

/** Fonts every Word installation has, with Arabic in their complex-script range (Windows and macOS): a kit's font when its office chooses none. */
const FONT = 'Arial';

const hex = (c: string) => c.replace('#', '').toUpperCase();

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


const BULLET_LEVELS = BULLETS.map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.START, style: { paragraph: { indent: { start: 360 * (level + 1), hanging: 260 } } } }));
const NUMBER_LEVELS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN].map((format, level) => ({
  level,
  format,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { start: 360 * (level + 1), hanging: 300 } } },
}));

/** The lists a kit numbers, with the abstract numbering `docx` gives each (after its own default bullets, 1). */
export const LISTS = { 'kit-bullets': 2, 'kit-numbers': 3 } as const;
export type ListReference = keyof typeof LISTS;
/** The w:num of `docx`'s default bullets, which a kit's list of other files uses. */
export const DEFAULT_BULLETS_NUM_ID = 1;

export interface Look {
  /** Parts written as they are, by name. */
  parts: Map<string, Part>;
  /** The names of the embedded fonts' parts, in `docx`'s order. */
  fonts: string[];
  /** word/document.xml up to and including `<w:body>`. */
  documentOpen: string;
  /** A header's part up to and including its root's start tag; the same for a footer. */
  headerOpen: string;
  footerOpen: string;
  /** word/numbering.xml without its closing tag: the kit's list instances follow. */
  numberingStart: string;
}

const LOOKS_KEPT = 8;
const looks = new Map<string, Look>();

const textOf = (parts: Map<string, Part>, name: string): string => {
  const p = parts.get(name);
  if (!p) throw new Error(`docx wrote no ${name}`);
  return contentOf(p).toString('utf8');
};

const openingOf = (xml: string, tag: string): string => {
  const m = new RegExp(`^[\\s\\S]*?<${tag}[ >][^>]*>`).exec(xml);
  if (!m) throw new Error(`docx wrote no <${tag}>`);
  return m[0].endsWith('/>') ? `${m[0].slice(0, -2)}>` : m[0];
};

async function buildLook(model: KitModel): Promise<Look> {
  const empty = () => ({ children: [new Paragraph({ children: [] })] });
  const doc = new Document({
    creator: 'Dateline',
    features: { updateFields: true },
    ...(model.office?.fonts ? { fonts: embeddedFonts(model.office.fonts) } : {}),
    styles: styles(model),
    numbering: { config: [{ reference: 'kit-bullets', levels: BULLET_LEVELS }, { reference: 'kit-numbers', levels: NUMBER_LEVELS }] },
    sections: [
      {
        properties: { titlePage: true },
        headers: { default: new Header(empty()), first: new Header(empty()) },
        footers: { default: new Footer(empty()), first: new Footer(empty()) },
        // A picture, so the content types are those of a document with pictures.
        children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: Buffer.from('look'), transformation: { width: 1, height: 1 } })] })],
      },
    ],
  });
  const parts = new Map(partsOf(await Packer.toBuffer(doc)).map((p) => [p.name.toString('utf8'), p]));
  const numbering = textOf(parts, 'word/numbering.xml');
  const look: Look = {
    parts,
    fonts: [...parts.keys()].filter((n) => n.startsWith('word/fonts/')),
    documentOpen: `${openingOf(textOf(parts, 'word/document.xml'), 'w:document')}<w:body>`,
    headerOpen: openingOf(textOf(parts, 'word/header1.xml'), 'w:hdr'),
    footerOpen: openingOf(textOf(parts, 'word/footer1.xml'), 'w:ftr'),
    numberingStart: numbering.slice(0, numbering.lastIndexOf('</w:numbering>')),
  };
  if (!look.numberingStart.includes(`<w:num w:numId="${DEFAULT_BULLETS_NUM_ID}">`) || look.numberingStart.includes(`<w:num w:numId="${DEFAULT_BULLETS_NUM_ID + 1}">`)) {
    throw new Error('docx numbered its lists differently than the kit expects');
  }
  return look;
}

/** The look of `model`'s document: written by `docx` the first time, then taken from the cache. */
export async function lookOf(model: KitModel): Promise<Look> {
  const key = JSON.stringify([styles(model), model.office?.fonts ?? null]);
  let look = looks.get(key);
  if (look) {
    looks.delete(key);
  } else {
    look = await buildLook(model);
    if (looks.size >= LOOKS_KEPT) looks.delete(looks.keys().next().value!);
  }
  looks.set(key, look);
  return look;
}

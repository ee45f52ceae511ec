import { directionOf, hasRightToLeft, leftToRightNumbers } from '../../shared/direction';
import { DEFAULT_COLOURS } from '../../shared/documents';
import { commaFor, labelsFor, languageLabel, releaseLines, sectionLabel } from '../../shared/kits/layout';
import { linkPieces } from '../../shared/kits/text-links';
import type { BlockNode, InlineNode, RichText } from '../../shared/richtext';
import { type KitAttachment, type KitBlock, type KitContact, type KitModel, type KitRelease } from './model';
import { KIT_FONTS, loadTemplate, OFFICE_FONTS } from './resources';

/**
 * The kit as one HTML page: what Chromium prints to PDF and what the live preview shows. It
 * has no script and names no address outside KIT_ORIGIN (the printer serves that origin from
 * local files and refuses everything else), and every piece of text is escaped, so a headline
 * typed as "<img src=http://tracker>" prints as those characters.
 */

/** A name that can never resolve (RFC 2606), so a request that escaped the printer's guard would fail anyway. */
export { KIT_ORIGIN } from '../../shared/kits/layout';
import { KIT_ORIGIN } from '../../shared/kits/layout';

export interface HtmlImage {
  src: string;
  width: number;
  height: number;
}

export interface RenderOptions {
  /** How each image attachment (by id) is referenced: a KIT_ORIGIN URL for print, a data: URL for the preview. */
  images: Map<string, HtmlImage>;
  /** Load the bundled fonts from KIT_ORIGIN (print); the preview has no way to fetch them and uses the same families installed, or fallbacks. */
  bundledFonts: boolean;
  /**
   * The contents page's numbers. A map: the page each part starts on (by its anchor, "part-3"),
   * from a draft print. 'blank': the same space left empty, so the pages fall as they will with
   * the numbers (the draft). 'none': no number column (kit-lite, which is read on a screen and
   * follows the contents' links).
   */
  pages: ReadonlyMap<string, number> | 'blank' | 'none';
  /**
   * A draft for finding where each part starts: laid out exactly as the real print, but nothing
   * painted except the parts' headings (whose named destinations give their pages), so Chromium
   * writes no photos and almost no text into it.
   */
  draft?: boolean;
}

/** Hides everything but the part headings; `visibility` keeps every box where it was. */
const DRAFT_CSS = `body, body * { visibility: hidden !important; } [id^="part-"] { visibility: visible !important; } @page { @top-center { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }`;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** A string for a CSS `content:` value. */
/**
 * A CSS string for text a person wrote (kit title, office name, embargo notice). Inside
 * <style>, "</style>" would end the style sheet and start HTML; so < > & " and \\ are written
 * as CSS hex escapes, and line breaks as spaces.
 */
export function cssString(s: string): string {
  return `"${s.replace(/[\n\r\f]/g, ' ').replace(/[\\"<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function langAttrs(lang: string | null | undefined, dir: string | null | undefined): string {
  let a = '';
  if (lang) a += ` lang="${esc(lang)}"`;
  if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') a += ` dir="${dir}"`;
  else if (lang && directionOf(lang) === 'rtl') a += ' dir="rtl"';
  return a;
}

/**
 * Escaped text where right-to-left text may be around: each phone number or other spaced
 * number set apart as left to right (as the contact cards set a phone), so that it reads
 * "+41 22 717 9111" and not "9111 717 22 41+". The text itself is unchanged.
 */
function bidiText(text: string): string {
  return leftToRightNumbers(text)
    .map((p) => (p.number ? `<bdi dir="ltr">${esc(p.text)}</bdi>` : esc(p.text)))
    .join('');
}

/** A line of text (a headline, a caption, a contents entry) escaped, its numbers set apart when it is right to left (`rtl`) or has right-to-left letters. */
function lineText(text: string, rtl: boolean): string {
  return rtl || hasRightToLeft(text) ? bidiText(text) : esc(text);
}

/**
 * Text a person typed, its web and e-mail addresses made links (they read left to right, set
 * apart in right-to-left text), the rest as lineText writes it.
 */
function linkedText(text: string, rtl: boolean): string {
  const bidi = rtl || hasRightToLeft(text);
  return linkPieces(text)
    .map((p) => (p.href === null ? (bidi ? bidiText(p.text) : esc(p.text)) : `<a href="${esc(p.href)}" dir="ltr">${esc(p.text)}</a>`))
    .join('');
}

/**
 * The text of a page margin (the running footer, the embargo band), which CSS gives as a string
 * and so takes no <bdi>: its numbers set apart by left-to-right isolate marks, which do the same.
 */
function marginText(text: string, rtl: boolean): string {
  if (!rtl && !hasRightToLeft(text)) return text;
  return leftToRightNumbers(text)
    .map((p) => (p.number ? `\u2066${p.text}\u2069` : p.text))
    .join('');
}

/** Whether a block's numbers need setting apart: it is right to left, or has right-to-left letters. */
function isBidi(nodes: InlineNode[] | undefined, rtl: boolean): boolean {
  return rtl || (nodes ?? []).some((n) => n.type === 'text' && hasRightToLeft(n.text));
}

function inline(nodes: InlineNode[] | undefined, rtl = false): string {
  if (!nodes) return '';
  const bidi = isBidi(nodes, rtl);
  let out = '';
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      out += '<br>';
      continue;
    }
    const linked = (n.marks ?? []).some((m) => m.type === 'link');
    // An address typed without a link (a release imported from a plain page) is made one.
    let t = linked ? (bidi ? bidiText(n.text) : esc(n.text)) : linkedText(n.text, bidi);
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') t = `<strong>${t}</strong>`;
      else if (m.type === 'italic') t = `<em>${t}</em>`;
      // Only web and mail links: "javascript:" or "file:" in a pasted link stays plain text.
      else if (m.type === 'link' && SAFE_HREF.test(m.attrs.href)) t = `<a href="${esc(m.attrs.href)}">${t}</a>`;
    }
    out += t;
  }
  return out;
}

/** A block as HTML; `rtl`: its container (a release, a kit) is right to left. */
function block(b: BlockNode, headingShift: number, lead: string, rtl: boolean): string {
  switch (b.type) {
    case 'paragraph':
      return `<p${langAttrs(b.attrs?.lang, b.attrs?.dir)}>${lead}${inline(b.content, rtl || b.attrs?.dir === 'rtl')}</p>`;
    case 'heading': {
      const level = Math.min(6, b.attrs.level + headingShift);
      return `<h${level}${langAttrs(b.attrs.lang, b.attrs.dir)}>${inline(b.content, rtl || b.attrs.dir === 'rtl')}</h${level}>`;
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = b.type === 'bulletList' ? 'ul' : 'ol';
      const start = b.type === 'orderedList' && b.attrs?.start !== undefined && b.attrs.start !== 1 ? ` start="${b.attrs.start}"` : '';
      const items = b.content.map((li) => `<li>${li.content.map((c) => block(c, headingShift, '', rtl)).join('')}</li>`).join('');
      return `<${tag}${langAttrs(b.attrs?.lang, b.attrs?.dir)}${start}>${items}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote${langAttrs(b.attrs?.lang, b.attrs?.dir)}>${b.content.map((c) => block(c, headingShift, '', rtl)).join('')}</blockquote>`;
  }
}

/** Rich text as HTML; `lead` (the dateline) starts the first paragraph, as in a wire story; `rtl`: its release or kit is right to left. */
function richTextHtml(doc: RichText, headingShift: number, rtl: boolean, lead = ''): string {
  let leadLeft = lead;
  return doc.content
    .map((b) => {
      if (leadLeft && b.type === 'paragraph') {
        const html = block(b, headingShift, leadLeft, rtl);
        leadLeft = '';
        return html;
      }
      return block(b, headingShift, '', rtl);
    })
    .join('\n') + (leadLeft ? `<p>${leadLeft}</p>` : '');
}

function paragraphs(text: string, lang: string): string {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p${langAttrs(lang, null)}>${linkedText(p, directionOf(lang) === 'rtl').replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function contactCard(c: KitContact, language: string): string {
  const lines: string[] = [`<p class="name">${esc(c.name)}</p>`];
  const role = [c.role, c.organisation].filter((x): x is string => !!x).join(commaFor(language));
  if (role) lines.push(`<p class="role">${esc(role)}</p>`);
  for (const e of c.emails) lines.push(`<p class="email"><a href="mailto:${esc(e.address)}">${esc(e.address)}</a></p>`);
  // The number keeps its own order (+ first) inside an Arabic card, and the line its card's side.
  for (const p of c.phones) lines.push(`<p class="phone"><bdi dir="ltr">${esc(p.number)}</bdi></p>`);
  return `<div class="contact-card">${lines.join('')}</div>`;
}

function releaseHtml(r: KitRelease, anchor: string): string {
  const l = labelsFor(r.language);
  const attrs = ` lang="${esc(r.language)}" dir="${r.dir}"`;
  const parts: string[] = [];
  parts.push(`<p class="release-line">${releaseLines(r.notApproved, r.embargo?.notice ?? null, r.language).map(esc).join('<br>')}</p>`);
  const rtl = r.dir === 'rtl';
  parts.push(`<h1 class="headline" id="${anchor}">${lineText(r.headline, rtl)}</h1>`);
  if (r.subheadline) parts.push(`<h2 class="subheadline">${lineText(r.subheadline, rtl)}</h2>`);
  const lead = r.datelineText ? `<span class="dateline">${lineText(r.datelineText, rtl)}</span> – ` : '';
  parts.push(`<div class="body">${richTextHtml(r.body, 1, rtl, lead)}</div>`);
  for (const q of r.quotes) {
    const who = [q.speaker, q.role].filter((x): x is string => !!x).join(commaFor(r.language));
    parts.push(`<blockquote class="quote">${paragraphs(q.text, r.language)}${who ? `<p class="speaker">${lineText(`— ${who}`, rtl)}</p>` : ''}</blockquote>`);
  }
  if (r.endMark) parts.push(`<p class="end-mark">${lineText(r.endMark, rtl)}</p>`);
  if (r.notesToEditors) parts.push(`<section class="notes"><h2>${esc(l.notesToEditors)}</h2>${paragraphs(r.notesToEditors, r.language)}</section>`);
  if (r.boilerplate) parts.push(`<section class="boilerplate"><h2>${esc(l.about)}</h2>${paragraphs(r.boilerplate, r.language)}</section>`);
  if (r.contacts.length) parts.push(`<section class="release-contacts"><h2>${esc(l.mediaContacts)}</h2>${r.contacts.map((c) => contactCard(c, r.language)).join('')}</section>`);
  return `<article class="release"${attrs}>\n${parts.join('\n')}\n</article>`;
}

/** In the live preview, a file the library lacks, marked where it would be. */
function missingMark(a: KitAttachment, language: string): string {
  if (!a.missing) return '';
  const l = labelsFor(language);
  return `<p class="file-missing" dir="auto">${esc((a.missing === 'server' ? l.fileOnServer : l.fileMissing).replace('{name}', a.originalName))}</p>`;
}

function figure(a: KitAttachment, img: HtmlImage | undefined, language: string): string {
  const l = labelsFor(language);
  const rtl = directionOf(language) === 'rtl';
  if (a.missing) return `<figure class="missing">${missingMark(a, language)}</figure>`;
  const alt = a.altText ?? a.caption ?? a.originalName;
  const image = img ? `<img src="${esc(img.src)}" width="${img.width}" height="${img.height}" alt="${esc(alt)}">` : '';
  const caption = a.caption ? `<span class="caption">${lineText(a.caption, rtl)}</span>` : '';
  // The credit's label is in the kit's language and reads in its direction ("Crédito: A. Maïga"
  // under an Arabic caption, not "A. Maïga :Crédito"); the name is as its owner writes it, in its
  // own direction ("© ONG / J. Diallo" keeps its © first in an Arabic kit).
  const credit = a.credit ? `<span class="credit" dir="${rtl ? 'rtl' : 'ltr'}">${lineText(`${l.credit}${l.colon}`, rtl)}<bdi>${lineText(a.credit, rtl)}</bdi></span>` : '';
  return `<figure>${image}${caption || credit ? `<figcaption dir="auto">${caption}${credit}</figcaption>` : ''}</figure>`;
}

interface TocEntry {
  anchor: string;
  text: string;
  kind: string;
  lang: string;
}

function blockHtml(b: KitBlock, i: number, model: KitModel, opts: RenderOptions, toc: TocEntry[]): string {
  const l = labelsFor(model.language);
  const anchor = `part-${i + 1}`;
  switch (b.kind) {
    case 'release':
      toc.push({ anchor, text: b.release.headline, kind: languageLabel(b.release.language, model.language), lang: b.release.language });
      return releaseHtml(b.release, anchor);
    case 'section': {
      const title = b.title.trim() || sectionLabel(b.sectionKind, model.language) || l.pressKit;
      const kind = sectionLabel(b.sectionKind, model.language);
      toc.push({ anchor, text: title, kind: kind === title ? '' : kind, lang: model.language });
      return `<section class="section section-${b.sectionKind}"><h1 id="${anchor}">${lineText(title, model.dir === 'rtl')}</h1><div class="body">${richTextHtml(b.body, 1, model.dir === 'rtl')}</div></section>`;
    }
    case 'photos':
      toc.push({ anchor, text: l.photos, kind: '', lang: model.language });
      return `<section class="gallery"><h1 id="${anchor}">${esc(l.photos)}</h1>${b.photos.map((p) => figure(p, opts.images.get(p.id), model.language)).join('\n')}</section>`;
    case 'files':
      toc.push({ anchor, text: l.otherFiles, kind: '', lang: model.language });
      return `<section class="files"><h1 id="${anchor}">${esc(l.otherFiles)}</h1><p class="files-note">${esc(l.filesNote)}</p><ul>${b.files
        .map((f) => (f.missing ? `<li>${missingMark(f, model.language)}</li>` : `<li dir="auto">${esc(f.originalName)}${f.caption ? ` — ${lineText(f.caption, model.dir === 'rtl')}` : ''}</li>`))
        .join('')}</ul></section>`;
    case 'contacts':
      toc.push({ anchor, text: l.mediaContacts, kind: '', lang: model.language });
      return `<section class="contacts"><h1 id="${anchor}">${esc(l.mediaContacts)}</h1>${b.contacts.map((c) => contactCard(c, model.language)).join('\n')}</section>`;
  }
}

function fontFaces(bundled: boolean): string {
  if (!bundled) return '';
  return KIT_FONTS.map(
    (f) =>
      `@font-face { font-family: '${f.family}'; src: url('${KIT_ORIGIN}/fonts/${f.file}') format('truetype'); font-weight: ${f.weight}; font-style: normal;${f.range ? ` unicode-range: ${f.range};` : ''} }`,
  ).join('\n');
}

function pageRules(model: KitModel): string {
  const l = labelsFor(model.language);
  const colours = model.office?.colours ?? DEFAULT_COLOURS;
  const size = model.pageSize === 'Letter' ? 'letter' : 'A4';
  const rtl = model.dir === 'rtl';
  const footerLine = cssString(marginText(model.office?.footer ?? (model.office ? `${model.office.name} · ${model.title}` : model.title), rtl));
  const fonts = model.office?.fonts;
  const fontVars = fonts ? ` --sans: ${OFFICE_FONTS[fonts.body].css}; --headings: ${OFFICE_FONTS[fonts.headings].css};` : '';
  const embargo = model.embargo
    ? `@top-center { content: ${cssString(marginText(model.embargo.notice, rtl))}; background: var(--accent); color: #fff; font-family: var(--sans); font-weight: 700; font-size: 9pt; text-align: center; vertical-align: middle; width: 100%; margin-top: 6mm; margin-bottom: 4mm; direction: ${model.dir}; unicode-bidi: isolate; }`
    : '';
  const pageNumber = `content: ${cssString(`${l.page} `)} counter(page) ${cssString(` ${l.of} `)} counter(pages);`;
  // The footer line where the kit's lines start, the page number where they end: mirrored in
  // Arabic, as the DOCX's footer is (its right-to-left paragraph puts its tab stop on the left).
  const [footerBox, numberBox] = rtl ? ['bottom-right', 'bottom-left'] : ['bottom-left', 'bottom-right'];
  return `:root { --primary: ${colours.primary}; --accent: ${colours.accent};${fontVars} }
@page {
  size: ${size};
  margin: 22mm 18mm 20mm 18mm;
  ${embargo}
  @${footerBox} { content: ${footerLine}; font-family: var(--sans); font-size: 7.5pt; color: #5b5e66; direction: ${model.dir}; unicode-bidi: isolate; }
  @${numberBox} { ${pageNumber} white-space: nowrap; font-family: var(--sans); font-size: 7.5pt; color: #5b5e66; direction: ${model.dir}; unicode-bidi: isolate; }
}
@page :first {
  @${footerBox} { content: ${model.office?.footer ? footerLine : 'none'}; }
  @${numberBox} { content: none; }
}`;
}

function csp(bundledFonts: boolean): string {
  const fonts = bundledFonts ? `font-src ${KIT_ORIGIN}` : "font-src 'none'";
  return `default-src 'none'; img-src ${KIT_ORIGIN} data:; ${fonts}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
}

function pageCell(pages: RenderOptions['pages'], anchor: string): string {
  if (pages === 'none') return '';
  return `<span class="toc-page">${pages === 'blank' ? '' : (pages.get(anchor) ?? '')}</span>`;
}

/** Fills the office's template with the kit. */
export function renderKitHtml(model: KitModel, opts: RenderOptions): string {
  const template = loadTemplate(model.office?.template ?? 'default');
  const l = labelsFor(model.language);
  const toc: TocEntry[] = [];
  const parts = model.blocks.map((b, i) => blockHtml(b, i, model, opts, toc));
  const logo = model.logo ? opts.images.get(model.logo.id) : undefined;
  const cover = [
    '<section class="cover">',
    logo ? `<img class="logo" src="${esc(logo.src)}" width="${logo.width}" height="${logo.height}" alt="${esc(model.office?.name ?? '')}">` : '',
    model.logo ? missingMark(model.logo, model.language) : '',
    model.office ? `<p class="office">${esc(model.office.name)}</p>` : '',
    `<p class="kind">${esc(l.pressKit)}</p>`,
    `<h1 class="kit-title">${lineText(model.title, model.dir === 'rtl')}</h1>`,
    `<p class="date">${esc(model.dateText)}</p>`,
    model.embargo ? `<p class="embargo-notice">${esc(model.embargo.notice)}</p>` : '',
    '</section>',
  ].join('\n');
  const contents = toc.length
    ? `<nav class="toc"><h2>${esc(l.contents)}</h2><ol>${toc
        .map(
          (t) =>
            `<li><a href="#${t.anchor}"><span class="toc-title"${langAttrs(t.lang, null)}>${lineText(t.text, directionOf(t.lang) === 'rtl')}</span>${t.kind ? `<span class="toc-kind">${esc(t.kind)}</span>` : ''}${pageCell(opts.pages, t.anchor)}</a></li>`,
        )
        .join('')}</ol></nav>`
    : '';
  const values: Record<string, string> = {
    lang: esc(model.language),
    dir: model.dir,
    csp: esc(csp(opts.bundledFonts)),
    title: esc(model.title),
    fonts: fontFaces(opts.bundledFonts),
    css: template.css,
    page: opts.draft ? `${pageRules(model)}\n${DRAFT_CSS}` : pageRules(model),
    bodyClass: model.embargo ? 'kit embargoed' : 'kit',
    embargoBand: model.embargo ? `<div class="embargo-band" role="note">${esc(model.embargo.notice)}</div>` : '',
    body: [cover, contents, ...parts].join('\n'),
  };
  // One pass: text put in is never read again as a placeholder.
  return template.html.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

import { datelineOnly, matchDateline } from './dateline';
import { findDates, firstDate, isDateOnly } from './dates';
import { ABOUT_RE, CONTACT_LABEL_RE, leadingLabel, NOTES_RE, stripLeadingNav } from './lexicon';
import { cleanLine } from './normalise';

/**
 * Every input (pasted text, web page, Word file, Markdown) becomes a list of blocks: lines or
 * paragraphs in reading order, with what the markup said about them. The release is read from
 * blocks, so the extraction is the same whatever the source.
 */

export type BlockHint = 'h1' | 'h2' | 'h3' | 'p' | 'li' | 'quote' | 'cell';

export interface Block {
  text: string;
  hint: BlockHint;
  /** Blocks of one group belong together: lines of one paragraph, cells of one table row. */
  group: number;
  /** From a page's sidebar: only media contacts are taken from it. */
  aside?: boolean;
}

const BULLET = /^(?:[-*•▪◦‣·]\s+|\d{1,2}[.)]\s+)/u;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * The width text was wrapped at, or null when it was not hard-wrapped. Wrapped text (an
 * e-mail, a plain-text file) has most lines close to one width, and no line much longer;
 * text pasted from a web page has paragraphs on single, long lines.
 */
export function wrapWidth(lines: string[]): number | null {
  const lengths = lines.map((l) => l.length).filter((n) => n > 0);
  if (lengths.length < 4) return null;
  const w = percentile(lengths, 0.9);
  if (w < 40 || w > 110) return null;
  const near = lengths.filter((n) => n >= 0.7 * w && n <= w + 5).length;
  return near / lengths.length >= 0.3 ? w : null;
}

const ENDS_SENTENCE = /[.!?:;"”»)]$/u;
/** A line ending in an e-mail address or a phone number ends a contact record, wrapped text or not. */
const ENDS_WITH_DETAIL = /(?:@[\p{L}\p{N}.-]+\.\p{L}{2,}|\+?\d[\d\s().-]{6,}\d)[\s.,;]*$/u;

function startsSection(line: string): boolean {
  return (
    matchDateline(line) !== null ||
    // "Berne, le 30 mai 2001", "lunes, 20 de marzo de 2023, 12:25 h": a date alone on its line
    // (with its place or weekday) is the page's stamp, never the rest of the line above.
    (line.length <= 80 && (isDateOnly(line) || datelineOnly(line) !== null)) ||
    NOTES_RE.test(line) ||
    CONTACT_LABEL_RE.test(line) ||
    BULLET.test(line) ||
    /^[#*-]{3,}$/u.test(line) ||
    (ABOUT_RE.test(line) && line.length < 80)
  );
}

/**
 * A line under a title that cannot be the rest of it, though it opens in lower case: a whole
 * paragraph on one line, much longer than the line above (a PDF viewer breaks every line at the
 * page's width, so the rest of a broken sentence is never far longer; a web page's copy keeps a
 * paragraph on one line, its first letter lost when the page set it as a drop cap), or a byline
 * ("by World Food Programme (WFP), agencies") under a title: a line of its own that holds no
 * sentence's end, over a few words naming who wrote it. A line a PDF viewer broke at the page's
 * width holds a dozen words or more, so "by" going on inside a paragraph stays joined.
 */
function notTheRestOf(line: string, next: string, opensBlock: boolean): boolean {
  if (next.length > Math.max(150, 2 * line.length)) return true;
  const words = (s: string) => s.split(/\s+/u).length;
  return opensBlock && /^(?:by|par|por)\s+\p{Lu}/u.test(next) && words(next) <= 8 && words(line) <= 20 && !/[.!?؟]\s/u.test(line);
}

/**
 * Text copied from a PDF viewer breaks lines wherever the page did, at no common width: a long
 * line that stops mid-sentence and a next line going on in lower case are one sentence. Lines
 * holding an address or a number are a contact block's and stay apart.
 */
function softWrapped(line: string, next: string, opensBlock: boolean): boolean {
  return (
    line.length >= 30 &&
    /[\p{L},]$/u.test(line) &&
    /^\p{Ll}/u.test(next) &&
    !notTheRestOf(line, next, opensBlock) &&
    !startsSection(next) &&
    !hasDetail(line) &&
    !hasDetail(next)
  );
}

const hasDetail = (s: string) => /@|\d[\d\s().-]{6,}\d|https?:|www\./u.test(s);

/**
 * A table copied from a page or a spreadsheet arrives as cells separated by tabs; the cells
 * are kept apart (as " | ") so a row of contact details is not read as one long name.
 */
function tabCells(line: string): string {
  const cells = line.split(/\t+/u).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 ? cells.join(' | ') : line;
}

/**
 * "Banco Mundial, 06/06/2007Ciudad de Washington, 30 de mayo…": a page's date set straight
 * against the next paragraph (two elements whose text ran together when copied) is two lines.
 */
const GLUED_DATE = /(?<=(?:\d{1,2}[/.-]\d{1,2}[/.-]|\p{L}\s)(?:19|20)\d{2})(?=\p{Lu}\p{Ll}+[\s,])/gu;

function unglueDate(line: string): string[] {
  return line.split(GLUED_DATE);
}

/**
 * "INTERACTION MEMBERS RESPOND TO THE EARTHQUAKE IN CHINA Washington, DC (May14)—In some areas
 * …", "FIGHTING CUTS OFF 355,000 PEOPLE FROM FOOD AID KHARTOUM - Hundreds of …": a headline in
 * capitals run into its dateline's paragraph, the line break between them lost in the copy, is
 * two lines. Only where the line opens with four words in capitals or more, is no dateline
 * itself, and a dateline with its place starts after the fourth of them (the place may be in
 * capitals too) with a sentence of running text after it; the longest headline that leaves one
 * is taken, never one ending on a comma ("… FASTING MALAKAL," over "Sudan –").
 */
function unglueCapsHeadline(line: string): string[] {
  if (line.length < 120) return [line];
  const words = [...line.matchAll(/\S+/gu)];
  let caps = 0;
  while (caps < words.length && /^[\p{Lu}\d][^\p{Ll}]*$/u.test(words[caps]![0])) caps++;
  if (caps < 4 || matchDateline(line) !== null) return [line];
  for (let j = Math.min(caps, words.length - 1); j >= 4; j--) {
    const headline = line.slice(0, words[j]!.index).trim();
    if (/[,،:;]$/u.test(headline) || headline.length < 20) continue;
    const rest = line.slice(words[j]!.index);
    const d = matchDateline(rest);
    if (d?.place && rest.slice(d.length).split(/\s+/u).length >= 12) return [headline, rest];
  }
  return [line];
}

/**
 * "… في ظل التحديات العالميةفيينا – 16 – 9 (كونا) — أكدت …": the page's title set again
 * straight before the text (its heading and first paragraph ran together when copied). The
 * copy of a title given above is taken off, so the dateline opens the paragraph again.
 */
function unglueRepeatedTitle(lines: string[]): string[] {
  const titles: string[] = [];
  return lines.map((line, i) => {
    if (i > 30 || line === '') return line;
    // "Caption - AGENCY" under "Caption": a picture's caption again with its credit stays whole.
    const title = titles.find((t) => line.length > t.length + 20 && line.startsWith(t) && !/^\s*[-–—|©]\s*[^\s.!?؟\d][^.!?؟\d]{0,50}$/u.test(line.slice(t.length)));
    const words = line.split(/\s+/u).length;
    if (words >= 5 && words <= 30) titles.push(line);
    return title ? line.slice(title.length).replace(/^[\s:–—-]+/u, '') : line;
  });
}

/** "peruinundadoLa ministra …": an image's file name or a tag run into a paragraph's first word. */
function withoutGluedTag(line: string): string {
  const m = /^\p{Ll}{6,}(?=\p{Lu}\p{Ll})/u.exec(line);
  return m && line.split(/\s+/u).length >= 15 ? line.slice(m[0].length) : line;
}

/**
 * "**Flood waters recede**": a line set in bold by Markdown's marks, as a page copied by a reader
 * tool or a chat arrives. The marks are not the text; without them the line reads as any other.
 */
function withoutBoldMarks(line: string): string {
  const m = /^(\*\*|__)(?![*_\s])(.+?)(?<![*_\s])\1$/u.exec(line);
  return m && !m[2]!.includes(m[1]!) ? m[2]! : line;
}

/**
 * "date 2026-02-05 اخبار السعوديه", "date 2017-10 Save the Children alertó …": a copy of a web
 * page that opens with the date its metadata gives, in ISO form, before the page's own first
 * line. The stamp is taken off, so it neither opens the body nor hides the line it ran into,
 * and its day (when it has one) is kept as the page's date of last resort.
 */
export function copiedDateStamp(input: string): { text: string; dateIso: string | null } {
  const m = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=[ \t\r\n]|$)[ \t]*/u.exec(input);
  if (!m) return { text: input, dateIso: null };
  const day = m[1]!.length === 10 ? findDates(m[1]!)[0] : undefined;
  return { text: input.slice(m[0].length), dateIso: day && day.index === 0 && day.length === 10 ? day.iso : null };
}

/**
 * "FOR IMMEDIATE RELEASE Media Contact • Jill Roe • Director …": a PDF's copy runs the release's
 * label into the contact block set beside it. Two lines again, so the contact is read as one.
 */
function unglueLabelFromContact(line: string): string[] {
  const label = leadingLabel(line);
  if (!label || label.rest === '' || !CONTACT_LABEL_RE.test(label.rest)) return [line];
  return [cleanLine(line.slice(0, line.length - label.rest.length)), label.rest];
}

export function textToBlocks(input: string): Block[] {
  const text = input.replace(/\r\n?/g, '\n').replace(/\u2028|\u2029/g, '\n');
  let lines = unglueRepeatedTitle(text.split('\n').flatMap(unglueDate).map((l) => withoutGluedTag(withoutBoldMarks(cleanLine(tabCells(l))))).flatMap(unglueCapsHeadline).flatMap(unglueLabelFromContact));
  const nonEmpty = lines.filter(Boolean);
  if (nonEmpty.length <= 3 && nonEmpty.some((l) => l.length > 400)) {
    lines = lines.flatMap((l) => (l.length > 400 ? splitRunOn(l) : [l]));
  }
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let group = 0;
  let pending: string | null = null;
  const push = (line: string) => {
    const bullet = line.match(BULLET);
    blocks.push({ text: bullet ? line.slice(bullet[0].length) : line, hint: bullet ? 'li' : 'p', group });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (pending !== null) push(pending);
      pending = null;
      group++;
      continue;
    }
    if (pending === null) {
      pending = line;
    } else {
      pending = `${pending} ${line}`;
    }
    const next = lines[i + 1] ?? '';
    const prevLine = line;
    const joins = (width === null && softWrapped(prevLine, next, pending === line)) || (
      width !== null &&
      next !== '' &&
      prevLine.length >= 0.6 * width &&
      !(ENDS_SENTENCE.test(prevLine) && prevLine.length < 0.85 * width) &&
      !startsSection(next) &&
      !ENDS_WITH_DETAIL.test(prevLine) &&
      !(prevLine.endsWith(':') && !/\p{Ll}/u.test(next.charAt(0))));
    if (!joins) {
      push(pending);
      pending = null;
    }
  }
  if (pending !== null) push(pending);
  return blocks;
}

/**
 * Text that lost its line breaks (copied from a form, a PDF or a chat): puts breaks back
 * where a release's parts begin, so the same reading applies.
 */
export function splitRunOn(line: string): string[] {
  const marks: RegExp[] = [
    /\s(?=(?:for\s+(?:further|more)\s+information|media\s+contacts?\s*:|press\s+contacts?\s*:|contacts?\s*:|pour\s+(?:plus|de\s+plus\s+amples)\s+d['’]?informations|contacts?\s+presse|para\s+más\s+información|contactos?\s+(?:de\s+prensa|para\s+(?:los\s+)?medios|con\s+(?:los\s+)?medios)\s*:|contacts?\s+(?:médias|medias)\s*:|للتواصل\s*:|للاستفسارات|للمزيد\s+من\s+المعلومات|لمزيد\s+من\s+المعلومات)(?![\p{L}]))/giu,
    /\s(?=(?:notes?\s+to\s+editors|notes?\s+aux\s+rédactions|notas?\s+para\s+(?:los\s+)?editores|ملاحظات\s+للمحررين))/giu,
    /(?<=[.!?”"»]\s)(?=(?:[Aa]bout\s+(?:the\s+)?\p{Lu}|[ÀàAa]\s+propos\s+d|[Aa]cerca\s+(?:del?|de\s+(?:la|los|las))\s+\p{Lu}|[Ss]obre\s+\p{Lu}|نبذة\s+عن))/gu,
    /\s(?=(?:###|-30-|-ENDS-|–\s?ENDS\s?–|-\s?FIN\s?-)(?:\s|$))/gu,
    /(?<=(?:###|-30-|-ENDS-)\s)/gu,
    /(?<=[.!?]["”»]?)\s+(?=[“"«]\p{Lu})/gu,
  ];
  let text = line;
  for (const re of marks) text = text.replace(re, '\n');
  const parts = text.split('\n').map(cleanLine).filter(Boolean);
  // The dateline: everything before it is menus, labels, the date and the headline.
  const out: string[] = [];
  let found = false;
  for (const part of parts) {
    if (found) {
      out.push(part);
      continue;
    }
    const at = findDatelineStart(part);
    if (at === null) {
      out.push(part);
      continue;
    }
    found = true;
    if (at > 0) out.push(...splitHeader(part.slice(0, at)));
    out.push(part.slice(at));
  }
  return out.flatMap((p) => (p.length > 600 ? splitSentences(p) : [p])).flatMap(splitAboutHeading);
}

const ABOUT_LEAD = /^(?:about(?:\s+the)?|à\s+propos\s+(?:de\s+la|de|du|des|d['’])|acerca\s+(?:de\s+la|de\s+los|de\s+las|del|de)|sobre(?:\s+(?:el|la|los|las))?|نبذة\s+عن)\s*/iu;
/** Words that open the boilerplate's first sentence rather than continue the heading's name. */
const PARAGRAPH_OPENERS = /^(?:The|It|Founded|Since|Established|La|Le|Les|L['’]\S*|Fondée?|Créée?|Depuis|El|Los|Las|Fundad[oa]|Cread[oa]|Desde|تأسست|تأسس|هي|هو)$/u;

/**
 * "About the Trust The Trust is …" run together: the heading ends where the paragraph's first
 * sentence starts, at an article or "Founded"/"Fondée"/"Desde", or where the name is said again.
 */
function splitAboutHeading(part: string): string[] {
  const lead = part.match(ABOUT_LEAD);
  if (!lead || part.length < 60) return [part];
  const words = part.slice(lead[0].length).split(/\s+/u);
  for (let k = 1; k <= Math.min(10, words.length - 3); k++) {
    const name = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    if (PARAGRAPH_OPENERS.test(words[k]!) || (k >= 1 && rest.startsWith(`${name} `) && name.length >= 3)) {
      return [`${lead[0]}${name}`.trim(), rest];
    }
  }
  return [part];
}

/** Multi-word place names whose first word alone is not the place ("New York", "Dar es Salaam"). */
const PLACE_LEADS = /^(?:new|san|santa|santo|são|sao|port|porto|puerto|addis|dar|abu|al|el|la|le|las|los|ciudad|saint|st\.?|sainte|buenos|rio|río|kuala|sri|cape|tel|cox['’]s|phnom|ho|hong|bandar|nur|ouagadougou|n['’]djamena|الأمم|الامم|أبو|ابو|دار|الدار|رأس|راس|شرم|بيت|رام|بني|كفر|سيدي|عين|بئر|تل)$/iu;

function findDatelineStart(part: string): number | null {
  const starts = [0, ...[...part.matchAll(/\s(?=[\p{Lu}\u0600-\u06FF])/gu)].map((m) => m.index + 1)];
  const found: { start: number; words: number; lead: boolean; commaBeforeLast: boolean; joined: boolean }[] = [];
  for (const s of starts) {
    if (s > 1200) break;
    // "… برعاية الملك، في جدة - بحسب …", "… met in Geneva – said …": a place after a preposition is in a sentence.
    if (/(?:^|\s)(?:في|من|إلى|الى|in|at|from|à|au|en|desde)\s+$/iu.test(part.slice(Math.max(0, s - 8), s))) continue;
    // After a clause-laden sentence of running text, the text has begun: no dateline follows.
    const before = part.slice(0, s);
    if ((before.match(/[,،]/gu) ?? []).length >= 3 && before.split(/\s+/u).length >= 30 && !/[|•›»]/u.test(before)) break;
    const d = matchDateline(part.slice(s));
    if (!d) continue;
    if (!d.place) {
      if (s === 0 && d.dateIso) return 0;
      continue;
    }
    const words = d.place.split(/[\s,،]+/u);
    found.push({ start: s, words: words.length, lead: PLACE_LEADS.test(words[0]!), commaBeforeLast: /^[^\s,،]+[,،]\s*[^,،]+$/u.test(d.place), joined: /\p{L}\s?\/\s?\p{L}/u.test(d.place) });
    // Later starts only shorten the same place; stop once a single word is reached.
    if (words.length === 1) break;
  }
  if (found.length === 0) return null;
  // The shortest place wins ("… in Kasese Geneva – The …" is "Geneva"), except that
  // "New York" and "Dar es Salaam" keep their first word.
  const shortest = found[found.length - 1]!;
  const withLead = found.find((f) => f.lead && f.words <= shortest.words + 2);
  // "KASESE, Uganda, 3 March 2026 –": a town before the country, after a comma, is the place.
  const withTown = found.find((f) => f.words === shortest.words + 1 && f.commaBeforeLast);
  // "Geneva/Kuala Lumpur, 31 January –": places joined by a slash are one dateline.
  const withJoined = found.find((f) => f.joined && f.words <= shortest.words + 2);
  return (withLead ?? withTown ?? withJoined ?? shortest).start;
}

const HEADER_LABELS =
  /^(?:press\s+release|news\s+release|media\s+release|for\s+immediate\s+release|communiqu[ée]\s+de\s+presse|pour\s+diffusion\s+imm[ée]diate|comunicado\s+de\s+prensa|nota\s+de\s+prensa|para\s+difusi[óo]n\s+inmediata|بيان\s+صحفي|للنشر\s+الفوري)\s*[:|–—\-,.]?\s*/iu;

/** The run-on header before the dateline: labels and embargo lines split off the headline. */
function splitHeader(header: string): string[] {
  const out: string[] = [];
  let rest = stripLeadingNav(header.trim());
  for (let i = 0; i < 6; i++) {
    const label = rest.match(HEADER_LABELS);
    const date = firstDate(rest);
    if (label) {
      out.push(label[0].trim());
      rest = rest.slice(label[0].length);
    } else if (date && date.index === 0) {
      out.push(rest.slice(0, date.length));
      rest = rest.slice(date.length).replace(/^[\s|,.–—-]+/u, '');
    } else break;
  }
  const embargo = rest.match(/^(?:embargo(?:ed)?|embargad[oa]|sous\s+embargo|embargo\s+hasta|bajo\s+embargo|محظور\s+النشر)[^]*?\d{4}\s*/iu);
  if (embargo) {
    out.push(embargo[0].trim());
    rest = rest.slice(embargo[0].length);
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

function splitSentences(p: string): string[] {
  const sentences = p.split(/(?<=[.!?]["”»]?)\s+(?=[“"«]?\p{Lu})/u);
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    cur = cur ? `${cur} ${s}` : s;
    if (cur.length > 300) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

import type { Block } from './blocks';
import { dateCell, firstDate, isDateOnly } from './dates';
import { isByline, isJunk, isLabel, isNavBlock, leadingLabel, ORG_WORDS } from './lexicon';
import { teaserRuns } from './listing';
import { compareKey, wordCount } from './normalise';

/**
 * The headline is decided from the whole header, not taken as its first plausible line: every
 * line above the body is a candidate, scored by its length, its case, where it stands relative
 * to the body (the headline stands just above the dateline paragraph, or above its subheadline),
 * whether the page repeats it (menus repeat their labels), its mark-up (h1) and its likeness to
 * the page's own title. Punctuation, menu labels, dates, bylines and sharing prompts are never
 * headlines. When no candidate is good the headline is left empty rather than guessed.
 */

/** Every word of four letters or more starts with a capital: a headline set in Title Case. */
function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && /\p{Ll}/u.test(text);
}

function continuesHeadline(first: string, second: string): boolean {
  if (/[.!?؟:;,–—-]$/u.test(first) || /[.!?؟]$/u.test(second)) return false;
  // "… HOLDS NEW YORK" over "STRATEGY SESSION TO ASSESS KEY ECONOMIC ISSUES": a headline in capitals, broken.
  const caps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
  if (caps(first) && caps(second)) return wordCount(second) <= 10;
  return wordCount(second) <= 6 && isTitleCase(first) && isTitleCase(second);
}

/** Share of the line's words that the page title also has (0 to 1). */
function likeness(text: string, title: string | null | undefined): number {
  if (!title) return 0;
  const words = (s: string) => compareKey(s).split(/\s+/u).filter((w) => w.length > 2);
  const t = new Set(words(title));
  const w = words(text);
  if (w.length === 0 || t.size === 0) return 0;
  return w.filter((x) => t.has(x)).length / Math.max(w.length, t.size);
}

/** "Funding, Irish Aid, Minister …, Press Releases, Africa, Ireland, 2015": the page's tags. */
function isTagList(text: string): boolean {
  const parts = text.split(/\s*[,،]\s*/u);
  return parts.length >= 5 && parts.every((p) => wordCount(p) <= 4) && !/[.!?؟:]/u.test(text);
}

/** A line that can never be a headline, whatever stands around it. */
export function neverHeadline(text: string): boolean {
  return (
    !/\p{L}/u.test(text) ||
    wordCount(text) < 2 ||
    // "media:entermedia_image:6629ad7f-…": a token of the page's mark-up, one unbroken string.
    !/\s/u.test(text.trim()) ||
    wordCount(text) > 60 ||
    isLabel(text) ||
    isNavBlock(text) ||
    isDateOnly(text) ||
    isByline(text) ||
    isJunk(text) ||
    /[:：]$/u.test(text) ||
    isTagList(text) ||
    // "… محدود -", "… | ": an item of a news ticker or a link list, cut before its source or date.
    /\s[-–—|]$/u.test(text) ||
    // Photo captions and credits, links, "Source:" lines.
    /\b(?:photo|foto|crédits?|credits?|fuente|source|image)\b\s*[:©/]|©|https?:\/\/|www\./iu.test(text) ||
    /\bPhotos?\s+\p{Lu}{2,}/u.test(text) ||
    // "2012 Press Releases", "Save the Children - latest news": the name of the page's section.
    /^(?:\d{4}\s+)?(?:press|news|media)\s+releases?$|(?:^|\s[-–—|]\s)(?:latest|recent)\s+news$/iu.test(text) ||
    // "بيانات صحفية المفوضية السامية لحقوق الإنسان", "Press releases UNHCR": the section and whose it is.
    (/^(?:press\s+releases|news\s+releases|statements|communiqués(?:\s+de\s+presse)?|comunicados(?:\s+de\s+prensa)?|notas\s+de\s+prensa|بيانات\s+صحفية|البيانات\s+الصحفية|البيانات)\s+\S/iu.test(text.trim()) && wordCount(text) <= 7 && ORG_WORDS.test(text)) ||
    // "À la Une", "Top stories", "Lo último", "آخر الأخبار": a front-page section's name.
    /^(?:[àa]\s+la\s+une|top\s+stories|lo\s+[uú]ltimo|[uú]ltimas\s+noticias|آخر\s+الأخبار|أهم\s+الأخبار)$/iu.test(text.trim()) ||
    // "UNICEF México / Daniel Gardea": a photo's credit, agency and photographer.
    (wordCount(text) <= 5 && /\S\s\/\s\p{Lu}/u.test(text)) ||
    // "Revue de presse : 4 septembre 2013": a section name and a date.
    isDateOnly(text.split(/\s[:：|–—-]\s/u).pop() ?? '') ||
    // "21/07/2020 Una niña recibe una vacuna POLITICA ESPAÑA": a dated caption or index entry.
    firstDate(text)?.index === 0 ||
    // "… Afrika, Azië en Latijns-Amerika (en)": a link to the page in another language.
    /\s\((?:en|fr|es|ar|de|nl|it|pt)\)$/u.test(text) ||
    // "UNICEF/UN0337383/Rudakubana": a photo's credit (agency, picture number, photographer).
    /^[\p{L}\d.'’-]+(?:\/[\p{L}\d.'’-]+){2,}$/u.test(text.trim()) ||
    // "Release number IFAD/30/08", "MEMO/10/53": the release's reference, not its title.
    /\b\p{Lu}{2,}\/\d{1,4}\/\d{1,4}\b/u.test(text) ||
    // "Red Regional, 06/06/2026": who posted the page and when.
    stampLine(text) ||
    // "Secretaría de Seguridad | 07 de octubre de 2024 | Comunicado": who, when and what, in cells.
    dateCell(text) !== null ||
    // "… anunció hoy el envío de […]": a teaser cut short, the page's excerpt of its own text.
    /\[(?:…|\.\.\.)\]$/u.test(text)
  );
}

function stampLine(text: string): boolean {
  const d = firstDate(text);
  return d !== null && wordCount(`${text.slice(0, d.index)} ${text.slice(d.index + d.length)}`.replace(/[,،|·–—-]/gu, ' ')) <= 3;
}

/** A full sentence with its stop: the lead or a standfirst, seldom the headline. */
/** 'Türk: "Offices must open in every region."': a speaker's name, then the quote they gave, is a headline's form. */
const QUOTE_HEADLINE = /^[^:："“«„.!?؟]{2,60}[:：]\s*["“«„][^"“”«»„]+["”»]$/u;

export function sentenceLike(text: string): boolean {
  return /[.!؟]["”»’)]*$/u.test(text) && wordCount(text) >= 12 && !QUOTE_HEADLINE.test(text.trim());
}

interface Candidate {
  block: Block;
  text: string;
  /** Position in the header, 0 at the top. */
  at: number;
  score: number;
}

/** Below this a candidate is no headline; from SURE up, with a clear lead, the pick is not doubtful. */
const ENOUGH = 2;
const SURE = 5;

function baseScore(b: Block, text: string, counts: Map<string, number>, pageTitle: string | null | undefined, adjacentTwin: boolean): number {
  const words = wordCount(text);
  let score = 0;
  if (words >= 5 && words <= 25) score += 2;
  else if (words >= 3 && words <= 30) score += 0.5;
  else score -= 2;
  if (/\p{Ll}/u.test(text)) score += isTitleCase(text) || /^\p{Lu}/u.test(text) ? 1 : 0;
  else if (/\p{Lu}/u.test(text) && words <= 4) score -= 1;
  if (b.hint === 'li') score -= 2;
  if (b.hint === 'h1') score += 6;
  else if (b.hint === 'h2') score += 1;
  // Menus repeat their labels; a page sets its headline twice (title and heading) apart.
  const repeats = (counts.get(compareKey(text)) ?? 0) >= 2;
  if (repeats && words <= 4) score -= 3;
  else if (repeats && words >= 5 && !adjacentTwin) score += 2;
  // A line set twice in a row is an image's caption and its alternative text.
  if (adjacentTwin && (/[.!?؟]$/u.test(text) || words > 25)) score -= 3;
  // "– Support facilitates quick aid delivery": a deck set under the headline with a dash before it.
  if (/^[–—-]\s/u.test(text)) score -= 3;
  // Headlines seldom end in a full stop; leads and captions do.
  if (sentenceLike(text)) score -= 3;
  else if (/[.]$/u.test(text)) score -= 1.5;
  score += 5 * likeness(text, pageTitle);
  return score;
}

/**
 * The same line again straight after (or with only a credit between): an image's caption and
 * its alternative text, never the headline.
 */
function hasTwin(page: Block[], block: Block): boolean {
  const i = page.indexOf(block);
  if (i < 0) return false;
  const key = compareKey(block.text);
  const same = (n: Block | undefined) => n !== undefined && compareKey(n.text) === key;
  // A photo credit ("AGENCY/UN0337383/Name") between the caption and its copy.
  const short = (n: Block | undefined) => n !== undefined && wordCount(n.text) <= 3 && /[/©]|\b(?:photo|foto)\b/iu.test(n.text);
  // The page's first two lines the same: its title and its heading, not a picture.
  if (i <= 1 && same(page[1 - i])) return false;
  return same(page[i - 1]) || same(page[i + 1]) || (short(page[i - 1]) && same(page[i - 2])) || (short(page[i + 1]) && same(page[i + 2]));
}

/**
 * "Vous êtes donateur / Vous êtes porteur de projet", set twice (the menu for wide and for narrow
 * screens): a repeated line whose neighbour is a short repeated line too is the menu's.
 */
function inRepeatedMenu(page: Block[], block: Block, counts: Map<string, number>): boolean {
  const i = page.indexOf(block);
  const repeated = (b: Block | undefined) => b !== undefined && (counts.get(compareKey(b.text)) ?? 0) >= 2 && wordCount(b.text) <= 6 && compareKey(b.text) !== compareKey(block.text);
  return i >= 0 && (counts.get(compareKey(block.text)) ?? 0) >= 2 && (repeated(page[i - 1]) || repeated(page[i + 1]));
}

/** "Children fleeing the war" over "Children fleeing the war - AGENCY": a picture's caption, then again with its credit. */
function hasCreditedTwin(page: Block[], block: Block): boolean {
  const i = page.indexOf(block);
  const credits = (caption: Block | undefined, credited: Block | undefined) => {
    if (caption === undefined || credited === undefined || !credited.text.startsWith(caption.text)) return false;
    const rest = credited.text.slice(caption.text.length);
    return wordCount(rest) <= 6 && /^\s*(?:[-–—|©]|\(?(?:photo|foto|crédit|credit|صورة)\b)/iu.test(rest);
  };
  return i >= 0 && (credits(block, page[i + 1]) || credits(page[i - 1], block));
}

/** "الدكتور ماجد الأنصاري", "Dr. Jane Roe": a person's name with the title before it, a photo's caption or a byline. */
const TITLED_NAME = /^(?:mr|mrs|ms|dr|prof|mme|sr|sra|dra|السيد|السيدة|الدكتور|الدكتورة|د|الشيخ|الشيخة|المهندس|المهندسة|الأستاذ|الأستاذة)\.?\s+\S+(?:\s+\S+){0,4}$/iu;

/** "Simone Pott Team Communications", "Jane Roe, Press Officer": a name and a role, a contact's card. */
function isNameAndRole(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length < 3 || words.length > 6 || /\d|[.!?؟:]$/u.test(text)) return false;
  if (!/^\p{Lu}\p{Ll}+,?$/u.test(words[0]!) || !/^\p{Lu}[\p{Ll}'’-]+,?$/u.test(words[1]!)) return false;
  return /^(?:,?\s*)(?:(?:team|équipe|equipo|senior|head\s+of|chef\s+de|jefa?\s+de)\s+)?(?:communications?|comunicaci[oó]n|press(?:\s+officer)?|presse|prensa|media(?:\s+relations)?|médias|spokes(?:person|woman|man)|porte-parole|portavoz)(?:\s+\p{L}+)?$/iu.test(words.slice(2).join(' '));
}

/** "… en EEUU Imprimir", "… Share": a page's action link set on the headline's line. */
/** "Accueil • Sénégal - Actualités • Politique • Sénégal : Le gouvernement …": the page's path, ending in its title. */
function breadcrumbTail(text: string): string {
  if (!/^(?:home|accueil|inicio|portada|الرئيسية)\s*[•›>»|]/iu.test(text)) return text;
  const parts = text.split(/\s*[•›>»|]\s*/u);
  return parts[parts.length - 1]!.trim() || text;
}

function withoutPageAction(text: string): string {
  return text.replace(/\s+(?:imprimir|print(?:\s+page)?|imprimer|compartir|share|partager|enviar|send\s+page|طباعة|مشاركة)\s*$/iu, '').trim();
}

/** "UNICEF México" over "18 de febrero de 2025": the office that signs the page, over its date. */
function isStampAboveDate(page: Block[], block: Block): boolean {
  const next = page[page.indexOf(block) + 1];
  return wordCount(block.text) <= 4 && next !== undefined && isDateOnly(next.text);
}

/** A line straight above a photo credit ("Foto: Notimex") is that photo's caption. */
function isPhotoCaption(page: Block[], block: Block): boolean {
  const next = page[page.indexOf(block) + 1];
  return next !== undefined && /^(?:photo|foto|fotografía|crédit\s+photo|credit|صورة|الصورة|تصوير)\s*[:©]/iu.test(next.text);
}

/** "- Agir", "- Trouver de l'aide", "- Faire un don": a short item in a run of list items, the site's menu. */
function isMenuItem(page: Block[], block: Block): boolean {
  const i = page.indexOf(block);
  const shortItem = (b: Block | undefined) => b !== undefined && b.hint === 'li' && wordCount(b.text) <= 4;
  return shortItem(block) && (shortItem(page[i - 1]) || shortItem(page[i + 1]));
}

/**
 * The lines of the header in a list of other stories (see teaserRuns). The last pair of the
 * header is spared: straight above the body it is the release's own headline and standfirst.
 */
function teaserLines(pool: Block[]): Set<Block> {
  const out = new Set<Block>();
  for (const run of teaserRuns(pool)) {
    const stop = run.end === pool.length ? run.end - 2 : run.end;
    for (let j = run.start; j < stop; j++) out.add(pool[j]!);
  }
  return out;
}

/** Next to each other in the header, or with only a one- or two-word tag ("WEBWIRE") or the page's tags between. */
function adjacent(pool: Block[], at: number, later: number): boolean {
  // A section's name in ordinary case between them ("Nacional") parts the masthead from the article.
  return later > at && pool.slice(at + 1, later).every((b) => isTagList(b.text) || (wordCount(b.text) <= 2 && b.hint !== 'li' && !/^\p{Lu}\p{Ll}+$/u.test(b.text.trim())));
}

export function pickHeadline(
  header: Block[],
  labelCut: number,
  pageTitle: string | null | undefined,
  hasBody: boolean,
  page: Block[] = header,
): { headline: string | null; subheadline: string | null; sure: boolean } {
  const counts = new Map<string, number>();
  for (const b of page) counts.set(compareKey(b.text), (counts.get(compareKey(b.text)) ?? 0) + 1);
  // "Headline / Nota de prensa / deck": a long title line straight above the label is the
  // headline that the label follows, not the site's name (those are short).
  let cut = labelCut;
  const aboveLabel = header[cut - 1];
  if (aboveLabel && wordCount(aboveLabel.text) >= 6 && !neverHeadline(aboveLabel.text) && !sentenceLike(aboveLabel.text)) cut--;
  const afterLabel = header.slice(cut);
  const pool = afterLabel.some((b) => wordCount(b.text) >= 3 && !neverHeadline(b.text)) ? afterLabel : header;
  const teasers = teaserLines(pool);
  const candidates: Candidate[] = pool
    .map((b, at) => ({ block: b, at, text: withoutPageAction(breadcrumbTail((leadingLabel(b.text)?.rest || b.text).trim())) }))
    .filter((c) => !neverHeadline(c.text) && !isPhotoCaption(page, c.block) && !isStampAboveDate(page, c.block) && !isMenuItem(page, c.block))
    // A picture's caption set twice (caption and alternative text) is no candidate at all, so it
    // takes no line's nearness to the body.
    .map((c) => ({ ...c, twin: hasTwin(page, c.block) }))
    .filter((c) => !(c.twin && (/[.!?؟]$/u.test(c.text) || wordCount(c.text) > 25 || TITLED_NAME.test(c.text.trim()))))
    .filter((c) => !isNameAndRole(c.text) && !hasCreditedTwin(page, c.block))
    .map((c) => ({ block: c.block, at: c.at, text: c.text, score: baseScore(c.block, c.text, counts, pageTitle, c.twin) - (inRepeatedMenu(page, c.block, counts) ? 5 : 0) - (teasers.has(c.block) ? 6 : 0) }));

  // Nearness to the body: the last line above it, or the one above that when the last reads
  // as its subheadline.
  // A run of bullets straight above the text is its key points: nearness counts from above them.
  let near = candidates.length;
  while (near > 1 && candidates[near - 1]!.block.hint === 'li' && candidates.slice(0, near - 1).some((c) => c.block.hint !== 'li')) near--;
  const last = candidates[near - 1];
  const prev = candidates[near - 2];
  if (last && !sentenceLike(last.text)) last.score += 3;
  // Two good lines straight above the body: headline, then subheadline.
  if (last && prev && adjacent(pool, prev.at, last.at) && prev.score >= ENOUGH && last.block.hint !== 'h1') prev.score += 4;
  else if (prev) prev.score += 1;

  // "Noticias Notas de Prensa ACNUR alarmado …" above "ACNUR alarmado …": a breadcrumb ending
  // in the headline is the headline with the page's path before it.
  for (const c of candidates) {
    const key = compareKey(c.text);
    if (candidates.some((o) => o !== c && wordCount(o.text) >= 4 && key.length > compareKey(o.text).length && key.endsWith(` ${compareKey(o.text)}`))) c.score -= 6;
  }

  // "Habitat headquarters to remain …" (the trail's short name) beside "Habitat for Humanity
  // headquarters to remain …": the page's full title has words inside the short one's.
  const wordsOf = new Map(candidates.map((c) => [c, compareKey(c.text).split(' ')]));
  for (const c of candidates) {
    const short = wordsOf.get(c)!;
    if (short.length < 4) continue;
    const fuller = candidates.some((o) => {
      const long = wordsOf.get(o)!;
      if (o === c || long.length <= short.length || long.length > short.length + 6) return false;
      if (long[0] !== short[0] || long[long.length - 1] !== short[short.length - 1]) return false;
      let k = 0;
      for (const w of long) if (k < short.length && w === short[k]) k++;
      return k === short.length;
    });
    if (fuller) c.score -= 6;
  }

  const ranked = [...candidates].sort((a, b) => b.score - a.score || b.at - a.at);
  const best = ranked[0];
  if (!best || best.score < ENOUGH) {
    if (pageTitle && hasBody && !neverHeadline(pageTitle)) return { headline: pageTitle, subheadline: null, sure: false };
    return { headline: null, subheadline: null, sure: false };
  }
  let headline = best.text;
  let subheadline: string | null = null;
  const next = candidates.find((c) => c.at === best.at + 1 || (c.at > best.at && adjacent(pool, best.at, c.at) && pool.slice(best.at + 1, c.at).some((b) => isTagList(b.text))));
  if (next && next.score >= 0 && wordCount(next.text) <= 70 && next.block.hint !== 'li' && compareKey(next.text) !== compareKey(headline)) {
    // A PDF copy breaks a long Title Case headline over two lines: a short second line in the
    // same case, straight under a first line that ends no sentence, continues the headline.
    // Apart by a blank line, the two halves still join when the page sets the whole line elsewhere.
    const joinedElsewhere = (counts.get(compareKey(`${headline} ${next.text}`)) ?? 0) >= 1;
    if ((next.block.group === best.block.group || joinedElsewhere) && continuesHeadline(headline, next.text)) headline = `${headline} ${next.text}`;
    // Four words or fewer under the headline name the site, its section or the office, not the story.
    else if (wordCount(next.text) >= 5) subheadline = next.text;
  }
  const runnerUp = ranked[1];
  const sure = best.score >= SURE && (!runnerUp || best.score - runnerUp.score >= 1.5 || runnerUp === next);
  return { headline, subheadline, sure };
}

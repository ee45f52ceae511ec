import type { ImportConfidence, ImportedRelease } from '../../shared/import/contract';
import type { Block } from './blocks';
import { aboutHeading, classify, HEAD_BLOCKS, isContactCaption, isProse, notesHeading, type Classified } from './classify';
import { ARABIC_CLOSING, arabicSignature, extractContacts, isContactHeaderRow, reachSentences, type ExtractedContact } from './contacts';
import { completeYearlessDate, findDates, firstDate, isDateOnly, isUpdatedDateLine, readEmbargo, dateCell, startsWithWeekday } from './dates';
import { dropMailEnvelope, dropPageFurniture } from './furniture';
import { pickHeadline, sentenceLike } from './headline';
import { detectLanguage } from './language';
import { CONTACT_LABEL_RE, editorsNote, endMarkOf, isByline, isNavBlock, isPublishedUnder, isQuestionsAndAnswers, isWeakContactHeading } from './lexicon';
import { findListing, relatedCut, teaserRuns, teaserTitle } from './listing';
import { extractQuotes } from './quotes';
import { DatelineError } from '../../shared/errors';
import { cleanLine, compareKey, wordCount } from './normalise';
import { placeBeforeRepeatedLead, placeOnlyLine, placeOverLead, wireNameLine } from './dateline';
import { describeMarks, pageEvidence } from './standing';
import { describeListMarks, listPageEvidence } from './pagekind';
import { TEMPLATE_BLANKS, templateBlanks } from './template';
import { warning, type Warning } from '../../shared/warnings';

/**
 * Reads a release out of blocks: page furniture and labels are dropped, the header gives the
 * headline, subheadline, date and embargo, the dateline opens the body, and the sections after
 * it (notes to editors, "About X", contacts, the end mark) are told apart by their headings.
 */

export interface PageMeta {
  /** The page's own title (HTML <title> or Readability's), a fallback for the headline. */
  title?: string | null;
  /** A publication date the page states in its metadata. */
  publishedIso?: string | null;
  /**
   * The date a copied page's text opens with ("date 2026-02-05"), from the page's metadata: the
   * last resort, after every date the page shows (its day may be UTC's, not the page's own).
   */
  copiedIso?: string | null;
}

export interface ExtractOptions {
  /**
   * The person has read the refusal and says the page is a release all the same: the judgements
   * that refuse a page as no release (a list of stories, a site's page about itself, a title
   * alone) are skipped, and the page is read like any other. Nothing else changes.
   */
  allowNotARelease?: boolean;
}

export interface Extraction {
  release: ImportedRelease;
  contacts: ExtractedContact[];
  warnings: Warning[];
  confidence: ImportConfidence;
}

/** "// انتهى //", "- انتهى -", and "… منذ 9 أشهر.انتهى/25" (set straight after the last sentence, with the desk's number). */
const INLINE_END = /\s*(?:\/\/\s*انتهى\s*\/\/|[-–—]\s*انتهى\s*[-–—]|(?<=[.!؟"”»])\s*انتهى\s*(?:[/\\]\s*[\d\u0660-\u0669]{1,4}\s*)?$)/u;
const WIRE_SIGNATURE = /^\(?(?:EFE|AFP|AP|Reuters|Europa\s+Press|APS|ANSA|Xinhua|DPA|IPS|PANA|MAP|SPA|WAM|QNA|KUNA|وفا|واس|سانا|أ\s?ف\s?ب)\)?(?:\s*[,/–—-]\s*[\p{L} .'’-]{2,40})?\.?$/u;

/**
 * "… a rendu public un communiqué, dimanche 14 avril 2024, indiquant …", "أدانت الوزارة اليوم
 * الثلاثاء (10 آذار 2026) …": the lead's first sentence names the day it tells of, with its
 * weekday, after "today", or in brackets. Read only when the page dates the release nowhere else.
 */
function leadSentenceDate(lead: string | undefined): string | null {
  if (lead === undefined) return null;
  const first = lead.slice(0, 300).split(/[.!?؟](?:\s|$)/u)[0]!;
  for (const d of findDates(first)) {
    const said = first.slice(d.index, d.index + d.length);
    const before = first.slice(Math.max(0, d.index - 30), d.index);
    if (startsWithWeekday(said) || /\(\s*$/u.test(before) || /(?:today|aujourd['’]hui|hoy|اليوم)\s*$/iu.test(before)) return d.iso;
  }
  return null;
}

/**
 * A paragraph that goes on from the one before it, as no text's first paragraph can: "وأضافت أن …",
 * "He added that …", "Elle a ajouté …", "Añadió que …".
 */
const GOES_ON =
  /^(?:و(?:أضاف|اضاف|تابع|أكد|اكد|أوضح|اوضح|أشار|اشار)(?:ت)?\s|(?:he|she|they)\s+(?:also\s+)?(?:added|went\s+on|continued)\b|(?:il|elle)\s+a\s+(?:également\s+|aussi\s+)?(?:ajouté|poursuivi)\b|(?:también\s+)?(?:añadió|agregó)\b)/iu;

/** Only a summary so far, and short lines under it (an office's name, a credit). */
function standfirstOnly(body: string[]): boolean {
  return body.length >= 1 && body.length <= 3 && body.slice(1).every((p) => wordCount(p) <= 6 && !/[.!?؟]$/u.test(p));
}

/**
 * "The Red Cross is supporting the response with funds and staff." over "As the outbreak
 * continues, the Red Cross is supporting the response with funds and staff, …": one sentence that
 * the next, longer paragraph says again nearly word for word is the page's summary of it, not the
 * text's first paragraph. Read from the words the two share, so no site's wording is needed.
 */
function restatedByNext(first: string, next: string): boolean {
  const words = (s: string) => (s.toLocaleLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const own = [...new Set(words(first))];
  const later = new Set(words(next));
  if (own.length < 6 || wordCount(first) > 45 || wordCount(next) < wordCount(first) + 8) return false;
  // A single sentence: its only stop is its last.
  if (/[.!?؟]\s+\p{Lu}/u.test(first.trim())) return false;
  return own.filter((w) => later.has(w)).length >= 0.7 * own.length;
}

/** Shaped like a title: a few words to two lines, no full stop, not running text. */
function titleShaped(text: string): boolean {
  const words = wordCount(text);
  return words >= 5 && words <= 30 && !isProse(text) && !/[.!?؟:]["”»’)]*$/u.test(text);
}

/**
 * "… poses with pupils of the school's parliament, Amman 9 December 2019.": a photo's caption,
 * which closes on where and when the picture was taken, set above the text.
 */
function photoCaption(text: string): boolean {
  const last = findDates(text).pop();
  if (!last || text.slice(last.index + last.length).replace(/[\s.]/gu, '') !== '') return false;
  const before = text.slice(0, last.index);
  const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('،'));
  return comma > 0 && wordCount(before.slice(comma + 1)) <= 3 && wordCount(before.slice(comma + 1)) >= 1;
}

/** "UNHCR/R.Redmond ©", "Photo: Jane Roe", "© Agency": a picture's credit alone on its line. */
function photoCredit(text: string): boolean {
  const t = text.trim();
  return wordCount(t) <= 4 && (/©/u.test(t) || /^(?:photo|foto|crédit\s+photo|credit|صورة|الصورة|تصوير)\s*[:©]/iu.test(t) || /^[\p{L}.'’-]+\/[\p{L}][\p{L}.'’ -]*$/u.test(t));
}

function pageFooterLine(text: string): boolean {
  // A closing line that announces what follows ("… suivez-nous dans les médias sociaux :") with
  // nothing after it introduces the page's links, not more text.
  // "Jane Roe, directrice des opérations de Médecins du Lac (MDL)": a signature's acronym in
  // brackets closes no sentence either.
  const bare = text.replace(/\s*\([^()]{0,39}[^().!?؟…]\)$/u, '');
  // "Irán advierte que daría «una lección inolvidable al enemigo»": a title that ends on the
  // words it quotes closes no sentence either; only a stop before the closing mark does.
  const quoted = /\s[«“"][^«»“”"]{1,80}[»”"]$/u.test(bare) && !/[.!?؟…]\s*[»”"]$/u.test(bare);
  return (wordCount(text) <= 20 && (quoted || !/[.!?؟…"”»’)]$/u.test(bare))) || (wordCount(text) <= 60 && /[:：]$/u.test(text));
}

/** "… is available for interview", "… sont disponibles pour des entretiens", "… está disponible para entrevistas", "… متاح لإجراء مقابلات". */
const INTERVIEWS =
  /(?<![\p{L}])(?:(?:is|are)\s+available\s+for\s+(?:an?\s+)?interviews?|(?:est|sont)\s+disponibles?\s+pour\s+(?:des\s+|une\s+|les\s+)?(?:interviews?|entretiens?|entrevues?)|(?:está|están)\s+disponibles?\s+para\s+(?:dar\s+|conceder\s+)?(?:una\s+|las\s+)?entrevistas?|متاح(?:ة|ون|ين)?\s+(?:لإجراء|لاجراء)\s+(?:ال)?مقابلات?)(?![\p{L}])/iu;

const SUMMARY_LABEL = /^(?:summary|résumé|resumen|sumario|ملخص|الملخص)\s*[:：]\s*\S/iu;
const NOTE_NUMBER = /^\s*(?:\(?[0-9\u0660-\u0669]{1,2}[.)\-–]|[-*•▪◦‣])\s+/u;

/** "(Andina) La Organización …", "(EFE) El Gobierno …": a news agency's name in brackets opening the text, after the dateline or with none. */
const AGENCY_OPENING = /^\((\p{Lu}[\p{L}-]{1,14}|\p{Lu}{2,6}(?:\s*\/\s*\p{Lu}{2,6})?)\)\s+(?=\p{Lu})/u;

/**
 * One to three Arabic words (a site's or a writer's name), or a name and a city joined by a dash
 * before a colon, then a dash or a colon and a verb in the past tense that opens a news story's lead.
 */
const SOURCE_TAG =
  /^\s*(?:[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){0,2}\s*[-–—:]|[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?\s*[-–—]\s*([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?)\s*:)\s*(?=و?(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|أعرب|أعربت|واصل|واصلت|أشار|أشارت|أوضح|أوضحت|كشف|كشفت|دعا|دعت|أطلق|أطلقت|استقبل|استقبلت|التقى|التقت|شارك|شاركت|نظم|نظمت|وقع|وقعت|افتتح|افتتحت|أصدر|أصدرت|تمكن|تمكنت|حذر|حذرت|رحب|رحبت|نفذ|نفذت|وزع|وزعت|احتفل|احتفلت|بحث|بحثت|أدان|أدانت)\s)/u;

/** 'links' is a list of other articles' titles under a "Related stories" heading. */
type State = 'header' | 'body' | 'notes' | 'about' | 'tail' | 'links';

/**
 * The dateline paragraph that anchors the page, and the one dateline-like line above it that
 * is the header's instead:
 * - 'stamp': "Banco Mundial, 06/06/2007" over "Ciudad de Washington, 30 de mayo de 2007— El …",
 *   who posted the page and when, over the release's own dateline (the headline may stand between);
 * - 'title': "Séisme au Maroc - Le gouvernement du Québec annonce …" over "QUÉBEC, le 12 sept.
 *   2023 /CNW/ -", a title whose topic before a dash reads like a place without a date;
 * - 'datedTitle': "17 de marzo 2021 – El Gobierno está tomando …" with no stop, the page's date
 *   and its headline on one line, with a placed dateline a few blocks down;
 * - 'signoff': "Lima, 31 de enero de 2014" alone under the text, the release's place and date at its end.
 */
function anchorDateline(items: Classified[]): { at: number; passed: { index: number; as: 'stamp' | 'title' | 'datedTitle' | 'signoff' } | null } {
  // A teaser's dateline in the links under the text is not the release's.
  const cut = relatedCut(items);
  let at = items.findIndex((it, k) => k < cut && !it.block.aside && (it.kind === 'dateline' || it.kind === 'datelineOnly'));
  // Three paragraphs of running text in a row above it, then a title or a date line: the release
  // had begun with no dateline, and this one opens the next story on the page. (Straight under
  // the paragraphs, it is the release's own after a summary.)
  let run = 0;
  let begun = false;
  const above = items.slice(0, Math.max(0, at)).filter((it) => it.kind !== 'junk' && !it.block.aside);
  for (const it of above) {
    run = isProse(it.block.text) ? run + 1 : 0;
    if (run >= 3) begun = true;
  }
  if (begun && above.length > 0 && !isProse(above[above.length - 1]!.block.text)) at = -1;
  // "Niloofar Hamedi et Elaheh Mohammadi - 14 janvier - Iran" under them, a word or three after
  // the date and no sentence: the heading of one part of the text (names, a date and a country in
  // a list of events), not a dateline opening the release.
  else if (begun && at >= 0 && wordCount(items[at]!.block.text.slice(items[at]!.dateline!.length)) < 4) at = -1;
  const first = items[at];
  if (!first) return { at, passed: null };
  const later = (reach: number, dated: boolean) =>
    items.findIndex((it, k) => k > at && k <= at + reach && !it.block.aside && it.kind === 'dateline' && it.dateline!.place !== null && (!dated || it.dateline!.dateIso !== null));
  const d = first.dateline!;
  if (first.kind === 'datelineOnly') {
    const real = later(3, true);
    if (real > 0) return { at: real, passed: { index: at, as: 'stamp' } };
    // "Brussels, 26 February 2010" at the top, then a title and a line or two, then "London – The
    // map was launched …": a dateline that opens running text, before any other running text,
    // is the release's; the one alone above it stamped the page.
    const opening = items.findIndex((it, k) => k > at && k <= at + 8 && !it.block.aside && it.kind === 'dateline' && it.dateline!.place !== null && isProse(it.block.text.slice(it.dateline!.length)));
    // A photo's caption under its credit ("AGENCY/J.Roe ©") is no running text of the release.
    const captioned = (k: number) => k > 0 && photoCredit(items[k - 1]!.block.text);
    if (opening > 0 && !items.slice(at + 1, opening).some((it, k) => !it.block.aside && isProse(it.block.text) && !captioned(at + 1 + k))) return { at: opening, passed: { index: at, as: 'stamp' } };
    // "Lima, 31 de enero de 2014" under the last paragraph: the release signed off with its
    // place and date, after the text rather than before it.
    const prose = (from: number, to: number) => items.slice(from, to).filter((it) => !it.block.aside && isProse(it.block.text)).length;
    if (d.place !== null && prose(0, at) >= 2 && prose(at + 1, items.length) === 0) return { at: -1, passed: { index: at, as: 'signoff' } };
    return { at, passed: null };
  }
  if (first.kind !== 'dateline') return { at, passed: null };
  if (d.place && !d.dateIso && /\p{Ll}/u.test(d.place)) {
    const dated = later(3, true);
    if (dated > 0) return { at: dated, passed: { index: at, as: 'title' } };
    // "Chile.- Las secciones chilenas …" over "MADRID, 1 Mar. (EUROPA PRESS) -": a wire's
    // dateline alone on its line, its year left out, under a title opening with its topic.
    const alone = items.findIndex((it, k) => k > at && k <= at + 3 && !it.block.aside && it.kind === 'datelineOnly' && it.dateline!.place !== null);
    if (alone > 0 && !/[.!?؟]["”»’)]*$/u.test(first.block.text.trim())) return { at: alone, passed: { index: at, as: 'title' } };
  }
  if (!d.place && d.dateIso) {
    const rest = first.block.text.slice(d.length).replace(/^[\s–—-]+/u, '');
    const placed = later(10, false);
    if (placed > 0 && wordCount(rest) >= 4 && !/[.!?؟]["”»’)]*$/u.test(rest)) return { at: placed, passed: { index: at, as: 'datedTitle' } };
  }
  return { at, passed: null };
}

/**
 * A list of other stories (titles, each over a sentence or two) above a title and two paragraphs
 * of running text: the page's box of latest or most-read news over its article. Its lines belong
 * to no field, so neither its titles nor its summaries open the release. Only above the dateline,
 * and never a run that ends the page (an article with a subheading over each paragraph).
 */
function storiesAbove(items: Classified[], datelineAt: number): Set<number> {
  const kept = items.map((it, i) => ({ it, i })).filter(({ it }) => it.kind !== 'junk' && !it.block.aside);
  const out = new Set<number>();
  const articleAt = (k: number) => {
    const [title, first, second] = kept.slice(k, k + 3).map(({ it }) => it.block.text);
    return title !== undefined && !isProse(title) && wordCount(title) >= 3 && first !== undefined && second !== undefined && isProse(first) && isProse(second);
  };
  for (const run of teaserRuns(kept.map(({ it }) => it.block))) {
    // The article's own title over its first paragraph may close the run as its last pair.
    const end = articleAt(run.end) ? run.end : articleAt(run.end - 2) && run.end - 2 - run.start >= 6 ? run.end - 2 : -1;
    if (end < 0 || (datelineAt >= 0 && kept[end - 1]!.i > datelineAt)) continue;
    for (let k = run.start; k < end; k++) out.add(kept[k]!.i);
  }
  return out;
}

/**
 * A contact region of three lines at most (a name, an address) with no contact heading or label in
 * it, ending at item `to`, and at least two paragraphs of running text after it before any
 * contact, end mark, "About" or notes heading or link list: a box naming the story's writer
 * inside the text.
 */
function writerBox(lines: string[], items: Classified[], to: number): boolean {
  if (lines.length > 3 || lines.some((l) => CONTACT_LABEL_RE.test(l))) return false;
  let prose = 0;
  for (const it of items.slice(to + 1)) {
    if (it.kind === 'junk' || it.block.aside) continue;
    if (it.kind === 'contact' || it.kind === 'contactHead' || it.kind === 'end' || it.kind === 'about' || it.kind === 'notes' || it.kind === 'related') break;
    if (isProse(it.block.text)) prose++;
    if (prose >= 2) return true;
  }
  return false;
}

/** Running text under item `at` before anything a release closes on (contacts, an end mark, a section's heading). */
function proseFollows(items: Classified[], at: number): boolean {
  for (const it of items.slice(at + 1)) {
    if (it.kind === 'junk' || it.block.aside) continue;
    if (it.kind === 'contact' || it.kind === 'contactHead' || it.kind === 'end' || it.kind === 'about' || it.kind === 'notes' || it.kind === 'related') return false;
    if (isProse(it.block.text)) return true;
  }
  return false;
}

/** Words that join the parts of an organisation's name: "Office for the Coordination of …". */
const NAME_JOINERS = new Set(['of', 'for', 'the', 'and', '&', 'de', 'du', 'des', 'la', 'le', 'les', "l'", 'et', 'del', 'el', 'los', 'las', 'y', 'para']);

/**
 * The verb with which an organisation presents itself: "is a", "campaigns", "was founded", "est
 * une", "œuvre", "es una", "trabaja", "has helped … for 125 years", and the Arabic "هي جمعية", "تعمل".
 */
const PRESENTS = /^(?:(?:is|are)\s+(?:a|an|the|one\s+of)\s|(?:works|campaigns|exists|has\s+worked|was\s+(?:founded|established|created|set\s+up))\b|est\s+(?:une?|la|le|l['’])\s*|(?:œuvre|agit|milite|intervient|a\s+été\s+(?:fondée?|créée?))\b|es\s+(?:una?|la|el)\s|(?:trabaja|fue\s+(?:fundad[ao]|cread[ao]))\b|(?:has|have)\s+(?:helped|served|supported|worked|provided|protected)\b[^.]{0,120}?\b(?:for|over)\s+(?:more\s+than\s+|nearly\s+|almost\s+)?\d+\s+years\b|(?:aide|accompagne|soutient|a\s+aidé|a\s+accompagné|a\s+soutenu)\b[^.]{0,120}?\bdepuis\s+(?:plus\s+de\s+|près\s+de\s+)?\d+\s+ans\b|(?:ayuda|apoya|ha\s+ayudado|ha\s+apoyado)\b[^.]{0,120}?\bdesde\s+hace\s+(?:más\s+de\s+|casi\s+)?\d+\s+años\b)/iu;
const PRESENTS_AR = /^((?:[\u0600-\u06FF]+\s+){1,6}?)(?:هي|هو)\s+(?:جمعية|منظمة|مؤسسة|هيئة|وكالة|شبكة|حركة)\s/u;

/**
 * A paragraph that opens with an organisation's name the page already used (an acronym, or two
 * capitalised words or more, or Arabic words before "هي جمعية …") and its presenting verb, with
 * no quotation in it: the boilerplate a release closes on.
 */
export function presentsNamedOrganisation(paragraph: string, before: string): boolean {
  const text = paragraph.trim();
  if (/["“”«»]/u.test(text)) return false;
  const ar = PRESENTS_AR.exec(text);
  if (ar) return compareKey(before).includes(compareKey(ar[1]!));
  const words = text.split(/\s+/u);
  for (let n = 1; n <= 8 && n < words.length; n++) {
    const name = words.slice(0, n);
    const nameOk = name.every((w) => /^[\p{Lu}\d]/u.test(w) || NAME_JOINERS.has(w.toLowerCase())) && /^\p{Lu}/u.test(name[0]!);
    if (!nameOk) return false;
    // "The American Red Cross", "Banco de Libros del Valle": a name goes on past its joiners.
    if (NAME_JOINERS.has(name[n - 1]!.toLowerCase())) continue;
    const acronym = name.some((w) => /^\p{Lu}{2,}[\p{Lu}\d]*$/u.test(w.replace(/[(),.]/gu, '')));
    const capitalised = name.filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
    if (!(acronym || capitalised) || !PRESENTS.test(words.slice(n).join(' '))) continue;
    return compareKey(before).includes(compareKey(name.join(' ')));
  }
  return false;
}

export function extractRelease(input: Block[], meta: PageMeta = {}, options: ExtractOptions = {}): Extraction {
  const blocks = dropPageFurniture(dropMailEnvelope(input.map((b) => ({ ...b, text: cleanLine(b.text) })).filter((b) => b.text !== '')));
  const items = blocks.map((b, i) => classify(b, i));
  const listing = options.allowNotARelease ? null : findListing(items);
  if (listing && 'heading' in listing) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: its heading "${listing.heading}" marks a page of the stories a site files under one word or finds for a search. Open the article itself and import that page, or copy the article's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'archive', heading: listing.heading } },
    );
  }
  if (listing && 'excerpts' in listing) {
    const what = listing.excerpts === 1 ? 'its only text is the opening of a story' : `its ${listing.excerpts} paragraphs are each the opening of a story`;
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: ${what}, cut short with "${listing.mark}", as a site shows a story in a list or under a tag. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'excerpts', excerpts: listing.excerpts, mark: listing.mark } },
    );
  }
  if (listing && 'open' in listing) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: ${listing.open} of its ${listing.of} paragraphs of running text stop in the middle of a sentence, as a site cuts stories to teasers in a list, and no dateline or media contact stands with them. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'open', open: listing.open, paragraphs: listing.of } },
    );
  }
  if (listing && 'pager' in listing) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: the row of page numbers "${listing.pager}" above its text marks one page of a list of stories, even where that page shows one story in full. Open the article itself and import that page, or copy the article's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'pager', pager: listing.pager } },
    );
  }
  if (listing && 'moreLinks' in listing) {
    const links = listing.moreLinks === 1 ? 'a "Read more" link under a page counter' : `${listing.moreLinks} "Read more" links`;
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: its stories are cut short, with ${links} under them, like a news index or a search result page. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'teasers', links: listing.moreLinks } },
    );
  }
  if (listing) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no single release: it lists ${listing.items} items, each a title with a line or two under it, like a news index or a search result page. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { items: listing.items } },
    );
  }
  // A template or a model release with its blanks still open: nothing on it is a release to store.
  const blanks = options.allowNotARelease ? [] : templateBlanks(blocks.map((b) => b.text));
  if (blanks.length >= TEMPLATE_BLANKS) {
    const examples = blanks.slice(0, 3).join(', ');
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no release: it is a template whose blanks are still open (${examples}, ${blanks.length} in all). Fill them in, then import the finished release; nothing was imported.`,
      { params: { reason: 'template', examples, blanks: blanks.length } },
    );
  }
  const warnings: Warning[] = [];

  const header: Block[] = [];
  const body: string[] = [];
  const notes: string[] = [];
  const about: string[] = [];
  const contactGroups: string[][] = [];
  // Lines after the end mark that may name the person whose details follow.
  const tailLines: string[] = [];
  let place: string | null = null;
  let datelineDate: string | null = null;
  /** The dateline's own words, for a day and month given without the year. */
  let datelineText: string | null = null;
  let headerDate: string | null = null;
  let bannerDate: string | null = null;
  // "Posted: November 8, 2011" under the text: the page's date set at the foot of the article.
  let footerDate: string | null = null;
  let embargoLine: string | null = null;
  let endMark: ImportedRelease['endMark'] = null;
  let state: State = 'header';
  // A summary the page sets above its date, once it is known to be one.
  let standfirstBlock: Block | null = null;
  // Header blocks before this index stood above a "Press release" label: a site or
  // organisation name, not the headline.
  let labelCut = 0;
  let stateBeforeLinks = 'tail' as State;
  // Set by a dateline alone on its line: the release's title may come after it.
  let titleMayFollow = false;
  // How many body paragraphs stood above the last row of page furniture (share and subscribe
  // buttons, two lines or more) met under running text.
  let furnitureAt: number | null = null;
  // Where each kept block went, so a contact region can take back the name lines above it.
  const placed: { index: number; into: string[] | Block[]; at: number }[] = [];

  const keep = (index: number, into: string[], text: string) => {
    placed.push({ index, into, at: into.length });
    into.push(text);
  };
  const keepHeader = (index: number, block: Block) => {
    placed.push({ index, into: header, at: header.length });
    header.push(block);
  };
  /** Takes back the last block kept in `into`, with its place. */
  const unkeepLast = (into: string[] | Block[]) => {
    into.pop();
    const k = placed.findIndex((p) => p.into === into && p.at === into.length);
    if (k >= 0) placed.splice(k, 1);
  };

  // "Key facts" and its bullets between the headline and the dateline: a list is never a
  // headline, so it opens the body (the dateline paragraph then follows it).
  const bulletsToBody = () => {
    let from = header.length;
    while (from > 0 && header[from - 1]!.hint === 'li') from--;
    // One bullet is no list of facts: a label set as a list item ("بيان صحفي مشترك", "Joint
    // statement") over the dateline stays in the header.
    if (header.length - from < 2) return;
    const title = header[from - 1];
    if (title && from - 1 > 0 && wordCount(title.text) <= 6 && !/[.!?؟]$/u.test(title.text)) from--;
    if (from === 0) return;
    const moved = placed.filter((p) => p.into === header && p.at >= from);
    for (const p of moved) placed.splice(placed.indexOf(p), 1);
    const blocksMoved = header.splice(from);
    blocksMoved.forEach((b, k) => keep(moved[k]?.index ?? -1, body, b.text.replace(/[:：]$/u, '')));
  };

  /** The body so far was the header's summary (and short lines under it): it goes back to the header, the text still to come. */
  const summaryToHeader = () => {
    const [summary, ...others] = placed.filter((x) => x.into === body);
    for (const p of [summary!, ...others]) placed.splice(placed.indexOf(p), 1);
    keepHeader(summary!.index, blocks[summary!.index]!);
    standfirstBlock = blocks[summary!.index]!;
    body.length = 0;
    state = 'header';
  };

  const longTitleOverLabel = (i: number): boolean => {
    const text = items[i]!.block.text;
    const [label, next] = items.slice(i + 1).filter((it) => it.kind !== 'junk');
    return (
      wordCount(text) <= 60 &&
      !/[.!?؟;]["”»’)]*$/u.test(text) &&
      label !== undefined &&
      next !== undefined &&
      label.kind !== 'dateline' &&
      label.kind !== 'datelineOnly' &&
      wordCount(label.block.text) <= 6 &&
      !/[.!?؟]$/u.test(label.block.text) &&
      isProse(next.block.text)
    );
  };

  const takeContactRegion = (start: number): number => {
    const region: Block[] = [];
    // Lines just above that name the person ("Jane Roe", "Regional Director").
    for (let k = placed.length - 1; k >= 0 && region.length < 3; k--) {
      const p = placed[k]!;
      const b = blocks[p.index]!;
      if (p.index < start - 3 - region.length || p.at !== p.into.length - 1) break;
      if (!isContactCaption(b.text) || (b.group !== blocks[start]!.group && p.index !== start - 1 - region.length)) break;
      p.into.pop();
      placed.splice(k, 1);
      region.unshift(b);
    }
    let j = start;
    for (; j < items.length; j++) {
      const it = items[j]!;
      if (j === start || it.kind === 'contact' || it.kind === 'contactHead') {
        region.push(it.block);
        continue;
      }
      const nextContact = [items[j + 1], items[j + 2]].some((n) => n && n.kind === 'contact');
      if (it.kind === 'text' && isContactHeaderRow(it.block.text)) {
        region.push(it.block);
        continue;
      }
      if (it.kind === 'text' && isContactCaption(it.block.text) && nextContact) {
        region.push(it.block);
        continue;
      }
      break;
    }
    let group: number | null = null;
    for (const b of region) {
      if (b.group !== group || contactGroups.length === 0) {
        contactGroups.push([]);
        group = b.group;
      }
      contactGroups[contactGroups.length - 1]!.push(b.text);
    }
    return j - 1;
  };

  // The dateline paragraph anchors the page: what stands above it is the header (navigation,
  // teasers, the headline), however long, so a prose menu entry never opens the body.
  const anchor = anchorDateline(items);
  const datelineAt = anchor.at;
  // The one line above the anchor that looked like a dateline and is the header's instead.
  const passed = anchor.passed;
  const otherStories = storiesAbove(items, datelineAt);

  // Where the notes to editors set above the text end, once a heading over them was met there.
  let notesAbove: number | null = null;
  for (let i = 0; i < items.length; i++) {
    const { block, kind, dateIso, dateline } = items[i]!;
    const text = block.text;
    if (notesAbove !== null && i >= notesAbove) {
      if (state === 'notes') state = 'header';
      notesAbove = null;
    }
    // "Lake Chad Basin … Appeal" / "Posted on Fri. July-01-2016" / "Switzerland - IOM has …": the
    // next story's title, date and dateline under the release. The release ended above its title.
    if (state === 'body' && body.length >= 2 && (kind === 'date' || isByline(text)) && items.slice(i + 1, i + 3).some((n) => n.kind === 'dateline')) {
      while (body.length > 1 && !/[.!?؟"”»]$/u.test(body[body.length - 1]!)) unkeepLast(body);
      state = 'tail';
      continue;
    }
    // "Published under the 2010 to 2015 … government" over "Foreign Office": the page's record of
    // who published it, set between the summary and the text. A summary alone above it is the
    // header's standfirst, and the text starts under the record and the department's name.
    if (isPublishedUnder(text)) {
      if (state === 'body' && datelineAt < 0 && standfirstOnly(body)) summaryToHeader();
      const next = items[i + 1]?.block.text;
      if (next !== undefined && wordCount(next) <= 6 && !/[.!?؟:]$/u.test(next) && !isProse(next)) i++;
      continue;
    }
    if (kind === 'junk' || otherStories.has(i)) {
      // Under two paragraphs of running text at least: a share row under the lead alone may have short paragraphs after it.
      if (kind === 'junk' && state === 'body' && items[i - 1]?.kind === 'junk' && body.filter((p) => isProse(p)).length >= 2) furnitureAt = body.length;
      continue;
    }
    if (kind === 'related') {
      if (state !== 'header' && state !== 'links') {
        stateBeforeLinks = state;
        state = 'links';
      }
      continue;
    }
    if (block.aside && kind !== 'contact' && kind !== 'contactHead') continue;
    // "30" alone under the headline, with the running text still to come: a count the page shows
    // (views, comments), not the "-30-" that closes a text which has not begun.
    if (kind === 'end' && state === 'header' && /^\s*30\s*$/u.test(text) && items.slice(i + 1).some((n) => n.kind !== 'junk' && !n.block.aside && isProse(n.block.text))) continue;
    if (kind === 'end') {
      endMark ??= endMarkOf(text);
      if (state === 'body' || state === 'header') state = 'tail';
      continue;
    }
    if (kind === 'embargo') {
      embargoLine ??= text;
      continue;
    }
    if (kind === 'note' && state === 'header') {
      warnings.push(warning('IMPORT_NOTE_LEFT_OUT', 'A note on an update or correction stood above the release; it was left out of the fields.'));
      continue;
    }
    // "Editor's note: Photos are available …" under the text: a note to the journalists, which
    // ends the body as notes to editors do. A note on one line with running text still under it
    // stood inside the text, which goes on.
    const editors = kind === 'note' && state === 'body' && body.length > 0 ? editorsNote(text) : null;
    if (editors) {
      if (editors.rest) keep(i, notes, editors.rest);
      if (!editors.rest || !proseFollows(items, i)) state = 'notes';
      continue;
    }
    // "Information:" heads the contacts only when contact details follow it.
    if (kind === 'contactHead' && isWeakContactHeading(text) && !items.slice(i + 1, i + 6).some((n) => n.kind === 'contact')) {
      if (state === 'body') keep(i, body, text);
      continue;
    }
    if (kind === 'contactHead' || kind === 'contact') {
      const groupsBefore = contactGroups.length;
      const regionFrom = i;
      i = takeContactRegion(i);
      // "Asociación Cultural Las Afueras / Email Asociación Las Afueras / info@…" above the
      // headline: the site's own address in its header, no label over it, nobody named and no
      // number, is no media contact of the release under it.
      if (state === 'header' && !items.slice(regionFrom, i + 1).some((n) => n.kind === 'contactHead' || CONTACT_LABEL_RE.test(n.block.text)) && extractContacts(contactGroups.slice(groupsBefore)).every((c) => c.name === null && c.phone === null)) {
        contactGroups.length = groupsBefore;
        continue;
      }
      // "Ana Ruiz Torres / redaccion@diario.example" between the lead and the rest of the
      // story: the writer's box a newspaper sets inside its text, not the release's contacts, which
      // close the text or head it. No contact heading or label over it, and two paragraphs of
      // running text or more under it before anything else a release closes on.
      if (state === 'body' && body.some((p) => isProse(p)) && writerBox(contactGroups.slice(groupsBefore).flat(), items, i)) {
        contactGroups.length = groupsBefore;
        continue;
      }
      // The boilerplate ends at the contacts too: what follows them is the page or letterhead
      // footer (address, registration numbers), not more about the organisation.
      if ((state === 'body' && body.length > 0) || state === 'about' || state === 'links') state = 'tail';
      continue;
    }
    if (kind === 'notes') {
      const rest = notesHeading(text)!.rest;
      if (rest) keep(i, notes, rest);
      // "Note to editors: Interviews can be arranged …" above the dateline: the note is one
      // paragraph of the header's, the text still to come. Under the heading alone, the notes
      // run to the dateline (or, with none below, are the one paragraph under it, when running
      // text follows that).
      if (state === 'header') {
        let next = i + 1;
        while (next < items.length && items[next]!.kind === 'junk') next++;
        if (rest && (datelineAt > i || proseFollows(items, i))) continue;
        if (!rest && (datelineAt > i || proseFollows(items, next))) notesAbove = datelineAt > i ? datelineAt : next + 1;
      }
      state = 'notes';
      continue;
    }
    if (kind === 'about' && state !== 'header') {
      const h = aboutHeading(text)!;
      state = 'about';
      keep(i, about, h.heading);
      if (h.rest) keep(i, about, h.rest);
      continue;
    }
    if (kind === 'label') {
      if (state === 'header') {
        if (dateIso) headerDate ??= dateIso;
        labelCut = header.length;
      }
      continue;
    }
    if (kind === 'date') {
      if (state === 'body' && dateIso && !isUpdatedDateLine(text) && body.some((p) => isProse(p))) footerDate ??= dateIso;
      // "Copenhagen, Denmark" over "Saturday, June 21, 2014": the dateline in two lines.
      const above = header[header.length - 1];
      const split: string | null = state === 'header' && datelineAt < 0 && place === null && dateIso && above && blocks[i - 1] === above ? placeOnlyLine(above.text) : null;
      if (split) {
        place = split;
        datelineDate = dateIso ?? null;
        unkeepLast(header);
      }
      // "miércoles, junio 18, 2025" as the page's first line: the site's date of today, taken only
      // when the page gives no other.
      if (state === 'header' && dateIso && i === 0 && headerDate === null && startsWithWeekday(text)) bannerDate ??= dateIso;
      // "Published: Thu 21 Nov 2013 05:25 PM" then, nearer the text, "20 November 2013": when the
      // header dates the page twice, the date standing nearest the text is the release's own (the
      // one above is when the site posted it).
      else if (state === 'header' && dateIso && !isUpdatedDateLine(text)) headerDate = dateIso;
      else if (state === 'body' && datelineAt < 0 && headerDate === null && dateIso && !isUpdatedDateLine(text) && standfirstOnly(body)) {
        // A summary, a credit, then the date: the summary was the header's standfirst, and the
        // article starts after the date.
        // The short lines under it (the office's name, a credit) are the page's, not headline material.
        summaryToHeader();
        headerDate = dateIso;
      } else if (state === 'body' && datelineAt < 0 && headerDate === null && dateIso && !isUpdatedDateLine(text) && items[i + 1] !== undefined && isProse(items[i + 1]!.block.text)) {
        // A ticker's bullets, then a title and its date over running text: the bullets were the
        // page's news flashes, and the release starts under its date.
        const inBody = placed.filter((x) => x.into === body);
        const title = inBody[inBody.length - 1];
        if (title && inBody.length >= 2 && titleShaped(blocks[title.index]!.text) && blocks[title.index]!.hint !== 'li' && inBody.slice(0, -1).every((p) => blocks[p.index]!.hint === 'li')) {
          for (const p of inBody) placed.splice(placed.indexOf(p), 1);
          body.length = 0;
          keepHeader(title.index, blocks[title.index]!);
          headerDate = dateIso;
          state = 'header';
        }
      }
      continue;
    }
    if (i === passed?.index && passed.as === 'signoff') {
      place ??= dateline!.place;
      datelineDate ??= dateline!.dateIso;
      if (state === 'body') state = 'tail';
      continue;
    }
    if (i === passed?.index && passed.as === 'stamp') {
      headerDate ??= dateline!.dateIso;
      continue;
    }
    if (i === passed?.index && passed.as === 'title') {
      keepHeader(i, block);
      continue;
    }
    if (i === passed?.index && passed.as === 'datedTitle') {
      headerDate ??= dateline!.dateIso;
      // The page's own heading, set with its date.
      keepHeader(i, { ...block, hint: 'h1', text: text.slice(dateline!.length).replace(/^[\s–—-]+/u, '') });
      continue;
    }
    if (state === 'header') {
      if (kind === 'dateline' || kind === 'datelineOnly') {
        // A dateline alone on its line leaves no rest.
        const d = dateline!;
        place = d.place;
        datelineDate = d.dateIso;
        datelineText = text.slice(0, d.length);
        const rest = text.slice(d.length).replace(/^[\s–—-]+/u, '');
        bulletsToBody();
        state = 'body';
        if (rest) keep(i, body, rest);
        else titleMayFollow = true;
        continue;
      }
      // "Le Conseil … adopte quatorze textes : il renouvelle …" with no stop, then "Compte rendu
      // de séance", then the text: a long title over its label, not the first paragraph.
      if (datelineAt < 0 && photoCaption(text) && items[i + 1] !== undefined && isProse(items[i + 1]!.block.text)) continue;
      // A sentence under a picture's credit, above the dateline: the picture's caption.
      if (datelineAt > i && i > 0 && photoCredit(items[i - 1]!.block.text) && /[.!?؟]["”»’)]*$/u.test(text)) continue;
      // "Our spokespeople will be available for interviews:" over a list: a sentence that opens
      // the text by announcing its items, not a header line.
      if (block.hint !== 'li' && /[:：]$/u.test(text) && wordCount(text) >= 10 && /^\p{Lu}/u.test(text) && items.slice(i + 1).find((n) => n.kind !== 'junk')?.block.hint === 'li') {
        state = 'body';
        keep(i, body, text);
        continue;
      }
      // "Summary: UNICEF calls on …" under the title: the summary a site carrying the release
      // puts before it, not its first paragraph.
      if (SUMMARY_LABEL.test(text)) continue;
      if (block.hint !== 'h1' && block.hint !== 'h2' && isProse(text) && !(header.length === 0 && kind === 'about') && !(datelineAt > i) && !((header.length === 0 || !/[.!?؟]\s/u.test(text)) && longTitleOverLabel(i))) {
        // "عمان" alone between the title and the lead, where no dateline opened the text: the place
        // set on its own line. (Under a title in capitals, a word in capitals is its last line.)
        const above = header[header.length - 1];
        // "PRNewswire" alone over "NEW YORK": the wire's name between the title and the place.
        const overPlace = header[header.length - 2];
        const title = overPlace !== undefined && wireNameLine(overPlace.text) ? header[header.length - 3] : overPlace;
        const alone: string | null = datelineAt < 0 && place === null && above !== undefined && blocks[i - 1] === above && title !== undefined && wordCount(title.text) >= 3 && !isProse(title.text) && /\p{Ll}|[\u0600-\u06FF]/u.test(title.text + above.text) ? placeOverLead(above.text) : null;
        // The line stays in the header, where the headline is weighed by its nearness to the text.
        if (alone !== null) place = alone;
        state = 'body';
        keep(i, body, text);
        continue;
      }
      // "21/07/2020 Una niña recibe una vacuna …": a header line opened by the date carries it.
      // "الثلاثاء 30/يوليو/2024 - 11:45": the day's name before it changes nothing.
      const found = firstDate(text);
      const lead = found && (found.index === 0 || (startsWithWeekday(text) && /^[\p{L}.]+[,،]?\s*$/u.test(text.slice(0, found.index)))) ? { ...found, index: 0 } : found;
      // "الجمعة 19 ابريل 2024 أبوظبي الإمارات" first on the page: the site's bar with today's date
      // and its city, as a date alone there is.
      if (lead && lead.index === 0 && header.length === 0 && startsWithWeekday(text)) bannerDate ??= lead.iso;
      // "· Le 16 mars à 16h, devant le Sénat": a list item's date is its event's, not the release's.
      else if (lead && lead.index === 0 && !isUpdatedDateLine(text) && block.hint !== 'li') headerDate ??= lead.iso;
      // "Revue de presse : 4 septembre 2013": a section's name and the page's date.
      const tail = text.split(/\s[:：|–—-]\s/u).pop() ?? text;
      if (tail !== text && isDateOnly(tail) && !isUpdatedDateLine(text)) headerDate ??= firstDate(tail)?.iso ?? null;
      // "Secretaría de Seguridad | 07 de octubre de 2024 | Comunicado": who, when and what, one cell each.
      const dated = dateCell(text);
      if (dated !== null && !isUpdatedDateLine(text)) headerDate ??= firstDate(dated)?.iso ?? null;
      keepHeader(i, block);
      continue;
    }
    if (state === 'body') {
      // ('about' blocks outside the header were taken above.)
      if (kind === 'datelineOnly') continue;
      // "Brussels, 26 February 2010", then the title (set twice, or with the site's name under
      // it), then the text: the short lines under a dateline that stands alone, before the first
      // paragraph of running text, belong to the header. A date or a label between changes nothing.
      // "Questions and answers: …" over the dateline, then "What does the plan change?": the first
      // question of the questions and answers is their first sub-heading, which opens the body.
      const firstQuestion = /[?？؟]$/u.test(text) && header.some((b) => wordCount(b.text) <= 25 && isQuestionsAndAnswers(b.text));
      if (titleMayFollow && body.length === 0 && block.hint !== 'li' && !isProse(text) && !/[:：]$/u.test(text) && !firstQuestion) {
        const after = items.slice(i + 1, i + 8).filter((n) => n.kind !== 'junk' && n.kind !== 'date' && n.kind !== 'label');
        const prose = after.findIndex((n) => isProse(n.block.text));
        if (prose >= 0 && prose <= 3 && after.slice(0, prose).every((n) => n.kind === 'text' && n.block.hint !== 'li' && !isProse(n.block.text))) {
          keepHeader(i, block);
          continue;
        }
      }
      titleMayFollow = false;
      // "Diane De Silva is available for interview in Melbourne.": a line under the text offering
      // a spokesperson to the press is a note to editors, with or without their heading.
      if (wordCount(text) <= 30 && INTERVIEWS.test(text) && body.filter((p) => isProse(p)).length >= 2) {
        state = 'notes';
        keep(i, notes, text);
        continue;
      }
      keep(i, body, text);
      continue;
    }
    if (state === 'links') {
      // A real paragraph after the links: the list was a box inside the article. A teaser cut
      // short with an ellipsis ("… a tenu jeudi une conférence …") is one of the links.
      // A paragraph between two titles of the list (or the list's last title and the page's end)
      // is a story's summary; the text picks up again with running text after a title.
      const linkTitle = (n: Classified | undefined) => n !== undefined && n.kind === 'text' && teaserTitle(n.block.text);
      let p = i - 1;
      while (p >= 0 && items[p]!.kind === 'junk') p--;
      let q = i + 1;
      while (q < items.length && items[q]!.kind === 'junk') q++;
      const prev = items[p];
      const next = items[q];
      const summary = linkTitle(prev) && (next === undefined || linkTitle(next));
      if (isProse(text) && !/(?:…|\.{3}|\[…\])\s*$/u.test(text) && !summary) {
        state = stateBeforeLinks;
        if (state === 'body') keep(i, body, text);
        else if (state === 'notes') keep(i, notes, text);
      }
      continue;
    }
    if (state === 'notes') {
      // A Word file or a page keeps the numbers typed before each note ("1. ", "2) ", "١."); the
      // notes field holds one note a paragraph without them.
      keep(i, notes, text.replace(NOTE_NUMBER, ''));
      continue;
    }
    if (state === 'about') {
      // Boilerplate is prose; an address line or a slogan after it is the page footer.
      if (isProse(text) || /[.!?؟]$/u.test(text)) keep(i, about, text);
      continue;
    }
    // After the end mark or the contacts: an unlabelled "X is a ..." paragraph is the boilerplate.
    if (state === 'tail' && about.length === 0 && isProse(text) && /\b(?:is|are|est|sont|es|son)\s+(?:a|an|the|une?|la|el|las|los|one)\b|هي|هو/iu.test(text)) {
      state = 'about';
      keep(i, about, text);
      continue;
    }
    // A name or a job title after the end mark: the contact details under it take it back.
    if (state === 'tail' && isContactCaption(text)) keep(i, tailLines, text);
  }

  // "Partager", "S'abonner", then "Il n'y a actuellement aucun commentaire …": short lines under a
  // row of page furniture, with no running text after them, are the page's, not the text's end.
  if (furnitureAt !== null && body.length - furnitureAt <= 4 && body.slice(furnitureAt).every((p) => !isProse(p))) body.length = furnitureAt;
  const picked = pickHeadline(header, labelCut, meta.title, body.length > 0, blocks);
  const { headline, sure: headlineSure } = picked;
  let subheadline = picked.subheadline;
  // With no dateline, a full sentence left last above the body is its lead, not page furniture;
  // so is a sentence introducing it ("La déclaration suivante a été communiquée … :"; Arabic, which
  // has no capitals to tell a heading in them, by its letters).
  // Short paragraphs (an Arabic news item's sentences of fifteen words) may all stay in the header:
  // each full sentence under the headline, from the header's end up, goes back to the body, so
  // none of them is lost.
  const leadIn = (b: Block) => b !== standfirstBlock && (sentenceLike(b.text) || (/[:：]$/u.test(b.text) && wordCount(b.text) >= 10 && /\p{Ll}|[\u0621-\u064A]/u.test(b.text))) && b.text !== headline && b.text !== subheadline && b.hint !== 'li';
  const headlineAt = header.findIndex((b) => b.text === headline || b.text === subheadline);
  for (let k = header.length - 1; datelineAt < 0 && k >= 0 && leadIn(header[k]!); k--) {
    body.unshift(header[k]!.text);
    // Only the last line when nothing above it is known for the headline: a line of the header
    // further up may be another story's teaser.
    if (headlineAt < 0 || k - 1 <= headlineAt) break;
  }
  // "قالت المتحدثة … إننا خذلنا أطفال غزة." under the headline, then "وأضافت أن …" ("and she
  // added that …"): a text's first paragraph cannot open by going on from another, so the
  // sentence it goes on from is the lead, not a subheadline.
  if (datelineAt < 0 && subheadline !== null && sentenceLike(subheadline) && body[0] !== undefined && GOES_ON.test(body[0])) {
    body.unshift(subheadline);
    subheadline = null;
  }
  // Headlines written in capitals: keep them as written; the person can change the case.
  const headKey = headline ? compareKey(headline) : null;
  const subKey = subheadline ? compareKey(subheadline) : null;
  const bodyClean = body.filter((p) => {
    const k = compareKey(p);
    return k !== headKey && k !== subKey && !isNavBlock(p);
  });
  // "… استمرار النزاع. // انتهى // 18:21ت م 0206 www.spa.gov.sa/…": a wire's end mark on the
  // last line of its text; what follows it is the wire's own reference.
  for (let k = 0; k < bodyClean.length; k++) {
    const m = INLINE_END.exec(bodyClean[k]!);
    if (!m || bodyClean[k]!.length - m.index - m[0].length > 120) continue;
    bodyClean[k] = bodyClean[k]!.slice(0, m.index).trim();
    bodyClean.length = k + 1;
    endMark ??= '-ENDS-';
    break;
  }
  // "EFE, Ginebra.": the wire's signature under a reposted story.
  while (bodyClean.length > 1 && WIRE_SIGNATURE.test(bodyClean[bodyClean.length - 1]!)) bodyClean.pop();
  // "… tras la invasión rusa. /": a page's link separator left after the last sentence; "…
  // personnes. /ATS": a wire's tag after a slash, as Swiss and Canadian wires sign.
  for (let k = 0; k < bodyClean.length; k++) bodyClean[k] = bodyClean[k]!.replace(/([.!?؟"”»])\s+(?:[/|·•]|\/\s?\p{Lu}{2,8}\/?)\s*$/u, '$1');
  // "… ajoute le communiqué. (APS)", "… الأمن النووي. (النهاية)": the wire's tag or end mark after the last sentence.
  const lastAt = bodyClean.length - 1;
  // "… ومكافحته والقضاء عليه. (وال – واشنطن) ع ع": the wire and its desk's place in brackets, then
  // the initials of the editor who filed it.
  // "… since the 1982 conflict. (Penguin News / Mercopress)": the papers or wires a story was
  // taken from, named in brackets after its last sentence.
  if (lastAt >= 0) bodyClean[lastAt] = bodyClean[lastAt]!.replace(/([.!?؟"”»])\s*\((?:\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,2})(?:\s*\/\s*\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,2})+\)\s*$/u, '$1');
  if (lastAt >= 0) bodyClean[lastAt] = bodyClean[lastAt]!.replace(/([.!?؟"”»])\s*\((?:\p{Lu}{2,8}|[\u0600-\u06FF]{2,12}|fin|end)(?:\s*[-–—/]\s*[\p{L}\u0600-\u06FF][\p{L}\u0600-\u06FF ]{1,20})?\)(?:\s+\p{L}{1,2}\.?(?:\s*\p{L}{1,2}\.?){0,2})?\s*$/u, '$1');
  // "… related information. (E)": the letter of the language version, as a ministry marks the
  // English text of a release it issues in several.
  if (lastAt >= 0) bodyClean[lastAt] = bodyClean[lastAt]!.replace(/([.!?؟"”»])\s*\(\p{Lu}\)\s*$/u, '$1');
  // "Dernière mise à jour", "Comments: 0", "HOW TO HELP:", an address, a signature line: short
  // lines that close no sentence after the last paragraph are the page's footer, not the text.
  // A list stays (key facts close some releases).
  const bullets = new Set(blocks.filter((b) => b.hint === 'li').map((b) => b.text));
  // The footer is cut from the body, but a signature under the last quote still names its speaker.
  const withFooter = [...bodyClean];
  while (bodyClean.length > 1 && pageFooterLine(bodyClean[bodyClean.length - 1]!) && !bullets.has(bodyClean[bodyClean.length - 1]!) && bodyClean.slice(0, -1).some((p) => /[.!?؟"”»]$/u.test(p))) bodyClean.pop();
  // "¡La prevención es tarea de todos!": the organisation's slogan under the last paragraph.
  while (bodyClean.length > 2 && wordCount(bodyClean[bodyClean.length - 1]!) <= 8 && /^¡?[^.!?¡]{3,70}!$/u.test(bodyClean[bodyClean.length - 1]!)) bodyClean.pop();
  // "يذكر أن الجمعية تأسست عام …" ("It should be noted that …"): the closing paragraph that
  // presents the organisation, the Arabic press's way of giving the boilerplate.
  if (about.length === 0 && bodyClean.length > 2 && /^و?يُ?ذكر\s+أن|^وتجدر\s+الإشارة\s+إلى\s+أن/u.test(bodyClean[bodyClean.length - 1]!)) about.push(bodyClean.pop()!);
  // "CND campaigns non-violently to …", "Aide Alpine est une association …", "منظمة النور هي جمعية …":
  // with no "About" heading, a last paragraph in which an organisation the text already named
  // presents itself in the present tense is the boilerplate, not the text.
  if (about.length === 0 && bodyClean.length > 2 && presentsNamedOrganisation(bodyClean[bodyClean.length - 1]!, [headline ?? '', ...bodyClean.slice(0, -1)].join(' '))) about.push(bodyClean.pop()!);
  // "الوكيل الإخباري- قال …", "صراحة-الرياض:أعربت …", "بيروت - نادين الأحمد - واصلت …": the Arabic
  // press opens the text with the site's or the writer's name (and the desk's city) before a dash
  // or a colon, then the verb the lead starts with. The name is no part of the text; a city after
  // the site's name is the dateline.
  const sourceTag = bodyClean.length > 0 ? SOURCE_TAG.exec(bodyClean[0]!) : null;
  if (sourceTag) {
    bodyClean[0] = bodyClean[0]!.slice(sourceTag[0].length);
    if (sourceTag[1] !== undefined && place === null) place = sourceTag[1];
  }
  // A wire's name in brackets before the first words (after the dateline, or with none) is its tag, not the text.
  const agency = bodyClean.length > 0 ? AGENCY_OPENING.exec(bodyClean[0]!) : null;
  if (agency && wordCount(bodyClean[0]!.slice(agency[0].length)) >= 12) bodyClean[0] = bodyClean[0]!.slice(agency[0].length);
  // The summary over the text, then the text opening with its place and the summary's words again.
  const repeated = place === null && datelineAt < 0 && bodyClean.length >= 2 ? placeBeforeRepeatedLead(bodyClean[1]!, bodyClean[0]!) : null;
  if (repeated) {
    place = repeated.place;
    bodyClean[1] = bodyClean[1]!.slice(repeated.length);
  }
  let standfirst: string | null = null;
  // No dateline: a first paragraph without its full stop, over paragraphs that have theirs, is
  // the page's summary under the headline. One ending in a colon introduces what follows ("…, a déclaré :").
  // One ending in a comma is a sentence the copy broke in two, not a summary.
  if (datelineAt < 0 && subheadline === null && bodyClean.length >= 3 && !/[.!?؟…"”»):：,،;؛]$/u.test(bodyClean[0]!) && wordCount(bodyClean[0]!) >= 8 && /[.!?؟"”»)]$/u.test(bodyClean[1]!)) {
    standfirst = bodyClean.shift()!;
  } else if (datelineAt < 0 && subheadline === null && bodyClean.length >= 2 && restatedByNext(bodyClean[0]!, bodyClean[1]!)) {
    standfirst = bodyClean.shift()!;
  } else {
    // "• 1.200 familias … / • Las solicitudes …" straight under the headline, then the lead: the summary's
    // key points set as bullets above the text, not its first paragraphs (key facts further down
    // stay in the body).
    const lead = bodyClean.findIndex((p) => !bullets.has(p));
    // Under a short subheadline ("At the Press Association and online"), the key points join it.
    if ((subheadline === null || wordCount(subheadline) <= 12) && lead >= 2 && isProse(bodyClean[lead]!) && bodyClean.slice(lead + 1).some((p) => isProse(p))) {
      const points = bodyClean.splice(0, lead).join('\n');
      if (subheadline === null) standfirst = points;
      else subheadline = `${subheadline}\n${points}`;
    }
  }

  let embargo: ImportedRelease['embargo'] = null;
  let embargoDate: string | null = null;
  if (embargoLine) {
    const e = readEmbargo(embargoLine);
    embargoDate = e.dateIso;
    embargo = { at: e.at, timeZone: e.at ? e.timeZone : null, text: embargoLine };
    if (!e.at) warnings.push(warning('IMPORT_EMBARGO_UNREAD', 'The embargo line has no date Dateline could read; set the embargo by hand.', { line: embargoLine }));
  }

  // With no dateline and no date line, an embargoed release comes out on the embargo's day.
  // "Aide humanitaire … au Myanmar (25.10.2017)": a title that carries its date in brackets.
  const titleDate = headline ? (findDates(/\(([^()]+)\)\s*$/u.exec(headline)?.[1] ?? '')[0]?.iso ?? null) : null;
  // "MONTREAL, le 7 déc. /CNW/ -": the dateline's day and month, in the year of a full date the page gives.
  const firstDateOnPage = (): string | null => {
    for (const b of blocks.slice(0, HEAD_BLOCKS)) {
      const d = firstDate(b.text);
      if (d) return d.iso;
    }
    return null;
  };
  const nearDate = () => headerDate ?? titleDate ?? meta.publishedIso ?? footerDate ?? bannerDate ?? meta.copiedIso ?? firstDateOnPage();
  const yearlessDate = datelineDate === null && datelineText !== null ? completeYearlessDate(datelineText, nearDate()) : null;
  const releaseDate = datelineDate ?? headerDate ?? yearlessDate ?? titleDate ?? meta.publishedIso ?? embargoDate ?? leadSentenceDate(body[0]) ?? footerDate ?? bannerDate ?? meta.copiedIso ?? null;
  // With no contact block, a sentence closing the text may say whom to reach, at what address.
  const contacts = extractContacts(contactGroups.length > 0 ? contactGroups : reachSentences(bodyClean.slice(-2)).map((s) => [s]));
  // With neither, an Arabic statement signed under its text by who issued it ("عبد القادر أحمد
  // مستشار وزير الصحة", or the name over the office and "المتحدث الرسمي"): the signer is the
  // contact, and the signature and the closing formula above it ("والله ولي التوفيق") are no text.
  if (contacts.length === 0 && contactGroups.length === 0 && bodyClean.length > 1) {
    const keys = blocks.map((b) => compareKey(b.text));
    const tailFrom = Math.max(1, bodyClean.length - 3);
    const lastKey = compareKey(bodyClean[bodyClean.length - 1]!).slice(0, 40);
    let after = -1;
    keys.forEach((k, i) => {
      if (lastKey !== '' && k.startsWith(lastKey)) after = i;
    });
    const under = [...bodyClean.slice(tailFrom), ...(after >= 0 ? blocks.slice(after + 1, after + 9).map((b) => cleanLine(b.text)) : [])];
    const signed = arabicSignature(under);
    if (signed !== null) {
      contacts.push(signed.contact);
      // The signature, or the formula over it, left as the body's last lines: cut from there.
      const inBody = signed.at < bodyClean.length - tailFrom ? tailFrom + signed.at : -1;
      if (inBody > 0 && bodyClean.slice(inBody + 1).every((p) => !isProse(p))) {
        const cutAt = inBody - 1 >= 1 && ARABIC_CLOSING.test(bodyClean[inBody - 1]!) ? inBody - 1 : inBody;
        bodyClean.length = cutAt;
      }
    }
  }
  const quotes = extractQuotes(withFooter);
  const language = detectLanguage([headline ?? '', ...bodyClean].join('\n'));
  if (headline === null) warnings.push(warning('IMPORT_NO_HEADLINE', 'No headline was found; write one before storing.'));
  else if (!headlineSure) warnings.push(warning('IMPORT_HEADLINE_GUESSED', 'The headline is a guess; check it against the source.'));
  if (releaseDate === null) warnings.push(warning('IMPORT_NO_DATE', 'No release date was found; set one before storing.'));
  if (bodyClean.length === 0) warnings.push(warning('IMPORT_NO_BODY', 'No body text was found.'));
  const evidence = pageEvidence(items, { place, releaseDate, contacts: contacts.length, endMark, boilerplate: about.length ? about.join(' ') : null, embargo, notesToEditors: notes.length ? notes.join(' ') : null, spokenQuotes: quotes.filter((q) => q.speaker !== null).length, paragraphs: bodyClean.length });
  const list = listPageEvidence(items, input.filter((b) => !b.aside).map((b) => cleanLine(b.text)), evidence.own, place !== null, evidence.labels);
  // Not one paragraph of running text, and nothing that dates or places a story or names a media
  // contact: a page's title alone, or a tag's name, is no release to store. A file with no words
  // at all (invisible characters) stays an empty draft, as it always was. A "Media enquiries"
  // heading with nobody's details under it is a press office's page of addresses, not a release's
  // contact block: it counts for nothing here.
  const emptyContactHeading = contacts.length === 0 && evidence.release.every((r) => r === 'a release label') && !items.some((it) => it.kind === 'label' || it.kind === 'end' || it.kind === 'embargo');
  if (!options.allowNotARelease && bodyClean.length === 0 && (evidence.release.length === 0 || emptyContactHeading) && blocks.some((b) => /\p{L}/u.test(b.text))) {
    const seen = (headline ?? blocks[0]?.text ?? '').slice(0, 120);
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no release: it has no paragraph of running text (only "${seen}"), and nothing on it dates or places a story or names a media contact. Open the release itself and import that page, or copy the release's own text and paste it; nothing was imported.`,
      { params: { reason: 'noText', seen } },
    );
  }
  if (evidence.refuse && !options.allowNotARelease) {
    const marks = evidence.standing.join(',');
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no release: nothing on it dates or places a story, reports what anyone said or did, or names a media contact, and it reads like a page a site keeps about itself (${describeMarks(evidence.standing, evidence.heading)}). Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'standing', marks, heading: evidence.heading ?? '' } },
    );
  }
  // A long text that never dates, places or quotes anything nor names a contact: a site's guide,
  // an event programme or an article about a subject, whatever verbs it uses.
  if (evidence.undated !== null && !options.allowNotARelease) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      `This page holds no release: in its ${evidence.undated} paragraphs nothing dates or places a story, reports what anyone said, calls for anything or names a media contact, as a site's guide or an article about a subject reads. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'undated', paragraphs: evidence.undated } },
    );
  }
  // A page that lists other pages: marks of a list enough (pagekind.ts), and none of a release's own.
  if (list.refuse && !options.allowNotARelease) {
    throw new DatelineError(
      'NOT_A_RELEASE',
      list.itemOwn
        ? `This page holds no single release: it reads like a page listing other stories (${describeListMarks(list)}); the dateline or label on it belongs to one of those stories, and nothing on it names a media contact. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`
        : `This page holds no single release: it reads like a page listing other stories (${describeListMarks(list)}), and nothing on it ${list.leads >= 2 ? '' : 'places a story, '}names a media contact or carries a release's label. Open the release itself and import that page, or copy the release's own text alone and paste it; nothing was imported.`,
      { params: { reason: 'list', marks: list.marks.join(','), heading: list.heading ?? '', dated: list.dated, itemOwn: list.itemOwn } },
    );
  }
  const level = (value: unknown, sure: boolean) => (value === null || value === undefined ? 'missing' : sure ? 'sure' : 'doubtful');
  const confidence: ImportConfidence = {
    headline: level(headline, headlineSure),
    datelinePlace: level(place, true),
    releaseDate: level(releaseDate, releaseDate === datelineDate || releaseDate === headerDate),
    body: bodyClean.length === 0 ? 'missing' : datelineAt >= 0 ? 'sure' : 'doubtful',
    contacts: contacts.length === 0 ? 'missing' : contacts.every((c) => c.name && (c.email || c.phone)) ? 'sure' : 'doubtful',
  };

  return {
    release: {
      headline,
      subheadline: subheadline ?? standfirst,
      datelinePlace: place,
      releaseDate,
      embargo,
      language,
      body: bodyClean,
      quotes,
      notesToEditors: notes.length ? notes.join('\n\n') : null,
      boilerplate: about.length ? about.join('\n\n') : null,
      endMark,
    },
    contacts,
    warnings,
    confidence,
  };
}

import type { Block } from './blocks';
import { isProse } from './classify';
import { dateCell, firstDate, isDateOnly, isRelativeTime } from './dates';
import { isByline, isJunk, isLabel, isNavBlock, leadingLabel, NAV_PHRASES, ORG_WORDS, ROLE_WORDS } from './lexicon';
import { HEADLINE_FEATURES, headlineScore, type HeadlineFeature } from './headline-model';
import { isMoreLink } from './listing';
import { HEADLINE_NONE } from './headline-weights';
import { compareKey, wordCount } from './normalise';

/**
 * The headline is decided from the whole header, not taken as its first plausible line: every
 * line above the body is a candidate, described by generic features (its length and case, where
 * it stands relative to the body and to the other candidates, whether the page repeats it, its
 * mark-up, its likeness to the page's own title, its neighbours; see headline-model.ts) and scored
 * by the learned weights. Punctuation, menu labels, dates, bylines and sharing prompts are never
 * candidates. When no candidate scores above "no headline" the headline is left empty (or the
 * page's title is used) rather than guessed.
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
    // "منذ 8 ساعات", "il y a 2 jours": when the page posted it, counted back from now.
    isRelativeTime(text) ||
    isByline(text) ||
    isJunk(text) ||
    // "En savoir plus", "Read more": a link's label.
    isMoreLink(text) ||
    /[:：]$/u.test(text) ||
    isTagList(text) ||
    // "… محدود -", "… | ": an item of a news ticker or a link list, cut before its source or date.
    /\s[-–—|]$/u.test(text) ||
    // Photo captions and credits, links, "Source:" lines.
    /\b(?:photo|foto|crédits?|credits?|fuente|source|image)\b\s*[:©/]|©|https?:\/\/|www\./iu.test(text) ||
    // "Quick Link: HEXUS.net/qap3c": an address without its scheme, a domain and a path.
    /(?:^|\s)[\p{L}\d-]+\.[a-z]{2,6}\/\S/iu.test(text) ||
    /\bPhotos?\s+\p{Lu}{2,}/u.test(text) ||
    // "Photo d'illustration de la boutique …", "Imagen de archivo de …", "صورة تعبيرية": a picture's
    // caption that says the picture only illustrates the story.
    /^(?:(?:photo|image|foto|imagen|fotografía)\s+(?:d['’]illustration|d['’]archives?|de\s+archivo|ilustrativa)|(?:file|stock|illustrative)\s+(?:photo|image|picture)|صورة\s+(?:تعبيرية|أرشيفية|من\s+الأرشيف))(?![\p{L}])/iu.test(text.trim()) ||
    // "… in the camp. (Archive photo: Agency)", "… اليمن. (صورة من الأرشيف: …)": a caption closed by its credit in brackets.
    /\((?:photos?|foto|fotografía|crédit(?:\s+photo)?|credit|صورة|الصورة|تصوير)(?:\s+[^():：]{1,20})?\s*[:：][^()]{2,80}\)\s*$/iu.test(text) ||
    // "2012 Press Releases", "Save the Children - latest news": the name of the page's section.
    /^(?:\d{4}\s+)?(?:press|news|media)\s+releases?$|(?:^|\s[-–—|]\s)(?:latest|recent)\s+news$/iu.test(text) ||
    // "بيانات صحفية المفوضية السامية لحقوق الإنسان", "Press releases UNHCR": the section and whose it is.
    (/^(?:press\s+releases|news\s+releases|statements|communiqués(?:\s+de\s+presse)?|comunicados(?:\s+de\s+prensa)?|notas\s+de\s+prensa|بيانات\s+صحفية|البيانات\s+الصحفية|البيانات)\s+\S/iu.test(text.trim()) && wordCount(text) <= 7 && ORG_WORDS.test(text)) ||
    // "Communiqués de presse Conseil régional de la santé", "Notas de prensa del ministerio": the
    // releases named in the plural open the name of a section, whoever's it is; one release's title
    // never does.
    (/^(?:press\s+releases|news\s+releases|media\s+releases|communiqués\s+de\s+presse|comunicados\s+de\s+prensa|notas\s+de\s+prensa|بيانات\s+صحفية|البيانات\s+الصحفية)\s+\S/iu.test(text.trim()) && wordCount(text) <= 9) ||
    // "À la Une", "Top stories", "Lo último", "آخر الأخبار": a front-page section's name.
    /^(?:[àa]\s+la\s+une|top\s+stories|lo\s+[uú]ltimo|[uú]ltimas\s+noticias|آخر\s+الأخبار|أهم\s+الأخبار)$/iu.test(text.trim()) ||
    // "UNICEF México / Daniel Gardea": a photo's credit, agency and photographer.
    (wordCount(text) <= 5 && /\S\s\/\s\p{Lu}/u.test(text)) ||
    // "Revue de presse : 4 septembre 2013": a section name and a date. A title of six words or
    // more before the date ("Statement of the council on … - 13 October 2011") is the release's.
    (isDateOnly(text.split(/\s[:：|–—-]\s/u).pop() ?? '') && wordCount(text.replace(/\s[:：|–—-]\s(?!.*\s[:：|–—-]\s).*$/u, '')) < 6) ||
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
    /\[(?:…|\.\.\.)\]$/u.test(text) ||
    // "Press Office: 07412 019 623 - Switchboard: …": a telephone number is a contact's, not a title's.
    phoneNumber(text) ||
    // "Imagen de una voluntaria de Cruz Roja. - CRUZ ROJA": a photo's caption, its sentence closed,
    // then its credit in capitals.
    /[.!?]\s+[-–—|]\s+[\p{Lu}\d][\p{Lu}\d .&/'’-]{1,40}$/u.test(text.trim()) && !/\p{Ll}/u.test(text.trim().split(/[.!?]\s+[-–—|]\s+/u).pop()!) ||
    namedWithOwnAcronym(text)
  );
}

/**
 * "Eidg. Departement des Innern (EDI)", "Comité international de la Croix-Rouge (CICR)": a name
 * followed by the acronym its own words spell is the issuer's name over the release, not its title.
 */
function namedWithOwnAcronym(text: string): boolean {
  const m = /^(.+?)\s*\((\p{Lu}{2,8})\)$/u.exec(text.trim());
  if (!m || wordCount(m[1]!) > 8) return false;
  const initials = m[1]!.split(/[\s-]+/u).map((w) => w.replace(/^\P{L}+/u, '').charAt(0).toUpperCase());
  const acronym = m[2]!;
  if (initials[0] !== acronym[0]) return false;
  let k = 0;
  for (const c of initials) if (k < acronym.length && c === acronym[k]) k++;
  return k === acronym.length;
}

/** "+44 20 7946 0123", "07412 019 623", "(022) 917-1234": eight digits or more set as a number to dial. */
function phoneNumber(text: string): boolean {
  // "(04.03.2026)" after a title is its date, not a number.
  return (text.match(/(?:^|[\s:(])(?:\+\s?\d|\(?0\d)[\d\s().-]{6,}\d/gu) ?? []).some((m) => (m.match(/\d/gu) ?? []).length >= 8 && firstDate(m) === null);
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

/**
 * "ادريان ادواردز المتحدث باسم المفوضية" ("Adrian Edwards, the agency's spokesman"): a name and a
 * spokesperson's role, the caption of the speaker's picture. Arabic writes no capitals, so the
 * name is told only by where the role stands: after two or three words, with whom it speaks for.
 */
const ARABIC_SPOKESPERSON = /^[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){1,2}\s+(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)(?:\s+(?:ال)?رسمي(?:ة)?)?\s+(?:باسم|عن)\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){0,3}$/u;

/** "Simone Pott Team Communications", "Jane Roe, Press Officer": a name and a role, a contact's card. */
function isNameAndRole(text: string): boolean {
  if (ARABIC_SPOKESPERSON.test(text.trim())) return true;
  const words = text.trim().split(/\s+/u);
  if (words.length < 3 || words.length > 6 || /\d|[.!?؟:]$/u.test(text)) return false;
  if (!/^\p{Lu}\p{Ll}+,?$/u.test(words[0]!) || !/^\p{Lu}[\p{Ll}'’-]+,?$/u.test(words[1]!)) return false;
  return /^(?:,?\s*)(?:(?:team|équipe|equipo|senior|head\s+of|chef\s+de|jefa?\s+de)\s+)?(?:communications?|comunicaci[oó]n|press(?:\s+officer)?|presse|prensa|media(?:\s+relations)?|médias|spokes(?:person|woman|man)|porte-parole|portavoz)(?:\s+\p{L}+)?$/iu.test(words.slice(2).join(' '));
}

/**
 * "Dra. Jane Roe" / "Directora Ejecutiva" / "Fondo Regional de Agua": the name, role and office
 * that sign a statement, set above its text. A titled name over a role line (and the office
 * under it) is a signature, and none of its lines is the headline.
 */
function inSignature(page: Block[], block: Block): boolean {
  // "وزير الخارجية أنتوني ج. بلينكن", "Secretary of State Antony J. Blinken": a role and a name
  // with its middle initial on one line sign the statement too.
  const t = block.text.trim();
  if (wordCount(t) <= 8 && ROLE_WORDS.test(t) && /\s\p{L}\.\s+\S/u.test(t) && !/[.!?؟:]$/u.test(t)) return true;
  const i = page.indexOf(block);
  if (i < 0) return false;
  // "Press statement" / "المتحدث باسم الوزارة …" / the date: who issued it, opening with the role,
  // set between the label and the date line (a name closes it: its last words in capitals, where
  // the script has them).
  const signer = wordCount(t) <= 8 && !/[.!?؟:]$/u.test(t) && ROLE_WORDS.test(t.split(/\s+/u)[0]!) && (/[\u0600-\u06FF]/u.test(t) || /\p{Lu}\S*\s+\p{Lu}\S*$/u.test(t));
  if (signer && page[i - 1] !== undefined && isLabel(page[i - 1]!.text) && page[i + 1] !== undefined && isDateOnly(page[i + 1]!.text)) return true;
  const titled = (b: Block | undefined) => b !== undefined && TITLED_NAME.test(b.text.trim()) && wordCount(b.text) <= 5;
  const role = (b: Block | undefined) => b !== undefined && wordCount(b.text) <= 6 && !/[.!?؟:]$/u.test(b.text) && ROLE_WORDS.test(b.text);
  const office = (b: Block | undefined) => b !== undefined && wordCount(b.text) <= 10 && !/[.!?؟:]$/u.test(b.text) && ORG_WORDS.test(b.text);
  return (titled(block) && role(page[i + 1])) || (role(block) && titled(page[i - 1])) || (office(block) && role(page[i - 1]) && titled(page[i - 2]));
}

/**
 * "Official statements announcing key developments in our operations." between the section's
 * name ("News Releases") and its "Subscribe" button: the section's description, not a title.
 */
function sectionDescription(page: Block[], block: Block): boolean {
  const i = page.indexOf(block);
  const menu = (b: Block | undefined) => b !== undefined && isNavBlock(b.text);
  return i > 0 && /[.]$/u.test(block.text.trim()) && menu(page[i - 1]) && menu(page[i + 1]);
}

/**
 * "Department of State United States of America" over an Arabic release: a line in another script
 * than the page's text is the masthead's or the logo's, never the release's title.
 */
function otherScript(page: Block[]): (text: string) => boolean {
  const arabic = (t: string) => /[\u0600-\u06FF]/u.test(t);
  const latin = (t: string) => /\p{Script=Latin}/u.test(t);
  const prose = page.filter((b) => isProse(b.text));
  const arabicProse = prose.filter((b) => arabic(b.text)).length;
  if (prose.length < 2 || (arabicProse > 0 && arabicProse < prose.length)) return () => false;
  return arabicProse > 0 ? (t) => !arabic(t) : (t) => arabic(t) && !latin(t);
}

/** "ترجمة مقدمة من وزارة …", "Translation provided by …": who translated the page, not its title. */
const TRANSLATION_CREDIT = /^(?:translation|traduction|traducción|ترجمة)\s+(?:provided\s+by|courtesy\s+of|by|fournie\s+par|par|proporcionada\s+por|por|مقدمة\s+من|من)\s/iu;

/**
 * "Accueil • Sénégal - Actualités • Politique • Sénégal : Le gouvernement …": the page's path,
 * ending in its title. "Home Accueil INDONÉSIE – FRANCE : …": a path's first step in two
 * languages, its separators lost in the copy.
 */
function breadcrumbTail(text: string): string {
  const doubled = /^(?:home|accueil|inicio|portada)\s+(?:home|accueil|inicio|portada)\s+(?=\S)/iu.exec(text);
  if (doubled) return text.slice(doubled[0].length);
  if (!/^(?:home|accueil|inicio|portada|الرئيسية)\s*[•›>»|]/iu.test(text)) return text;
  const parts = text.split(/\s*[•›>»|]\s*/u);
  return parts[parts.length - 1]!.trim() || text;
}

/** "Media CenterAs Global COVID-19 Deaths Reach …": a menu label run into the title, no space between them when copied. */
function withoutGluedLabel(text: string): string {
  const m = /^(\S.{0,40}?\p{Ll})(\p{Lu}\p{Ll}*\s.+)$/u.exec(text);
  return m && NAV_PHRASES.has(compareKey(m[1]!)) ? m[2]! : text;
}

/** "ONU.- El Banco Mundial destina …": a Spanish wire's section in capitals before its title, joined by ".-". */
function withoutSectionTag(text: string): string {
  const m = /^\p{Lu}[\p{Lu}\d]{1,15}(?:\s\p{Lu}[\p{Lu}\d]{1,15})?\.-\s+(?=\p{L}|[«"“¿¡])/u.exec(text);
  return m && wordCount(text.slice(m[0].length)) >= 4 ? text.slice(m[0].length) : text;
}

/** "… en EEUU Imprimir", "… Share": a page's action link set on the headline's line. */
function withoutPageAction(text: string): string {
  return text.replace(/\s+(?:imprimir|print(?:\s+page)?|imprimer|compartir|share|partager|enviar|send\s+page|طباعة|مشاركة)\s*$/iu, '').trim();
}

/** "UNICEF México" over "18 de febrero de 2025": the office that signs the page, over its date. */
function isStampAboveDate(page: Block[], block: Block): boolean {
  const next = page[page.indexOf(block) + 1];
  return wordCount(block.text) <= 4 && next !== undefined && isDateOnly(next.text);
}

/** Words that join a title's words, in lower case in any title: no sign of a sentence-case title. */
const JOINING_WORDS = new Set(['and', 'the', 'for', 'from', 'with', 'des', 'les', 'dans', 'pour', 'avec', 'sur', 'une', 'aux', 'del', 'los', 'las', 'para', 'por', 'con', 'una']);

/**
 * "Inondations dans l’est" over "Publié le 27 mai 2013": a story's short title in sentence case,
 * which a stamp over a date never is ("UNICEF México", "Amnesty International" capitalise every
 * word). Three words at least, one of them a word of its own in lower case, and nothing that
 * names an office, a role, a label or a menu.
 */
function sentenceCaseTitleOverDate(page: Block[], block: Block): boolean {
  const text = block.text.trim();
  if (!isStampAboveDate(page, block) || wordCount(text) < 3 || !/^\p{Lu}/u.test(text) || /[.:：|]$/u.test(text)) return false;
  if (neverHeadline(text) || isLabel(text) || isNavBlock(text) || ORG_WORDS.test(text) || ROLE_WORDS.test(text)) return false;
  const words = text.split(/\s+/u).slice(1).map((w) => w.replace(/^[dlDL]['’]/u, '').replace(/[^\p{L}]/gu, ''));
  return words.some((w) => /^\p{Ll}{3,}$/u.test(w) && !JOINING_WORDS.has(w));
}

/** A line straight above a photo credit ("Foto: Notimex") is that photo's caption. */
function isPhotoCaption(page: Block[], block: Block): boolean {
  const at = page.indexOf(block);
  const next = page[at + 1];
  if (next === undefined || !/^(?:photo|foto|fotografía|crédit\s+photo|credit|صورة|الصورة|تصوير)\s*[:©]/iu.test(next.text)) return false;
  // "Minsa inició Campaña Nacional de Vacunación" over "Foto: Difusión.": the page's first line, or
  // its heading, closing no sentence, is the title the picture under it illustrates.
  const title = (at === 0 || block.hint === 'h1') && !/[.!?؟]["”»’)]*$/u.test(block.text.trim());
  return !title;
}

/** "- Agir", "- Trouver de l'aide", "- Faire un don": a short item in a run of list items, the site's menu. */
/** Links a teaser carries besides "Read more" (isMoreLink): "Learn more", "Découvrir", "Saber más", "اكتشف المزيد". */
const TEASER_LINK = /^(?:learn\s+more|find\s+out\s+more|discover(?:\s+more)?|découvrir|saber\s+más|descubrir|descubre|اكتشف(?:\s+المزيد)?)\s*[.…»›>→]*$/iu;

/** A line straight over a teaser's link ("Notre boutique fait peau neuve" / "En savoir plus"): another page's teaser, not this page's title. */
function overTeaserLink(page: Block[], block: Block): boolean {
  const next = page[page.indexOf(block) + 1];
  return next !== undefined && (isMoreLink(next.text) || TEASER_LINK.test(next.text.trim()));
}

function isMenuItem(page: Block[], block: Block): boolean {
  const i = page.indexOf(block);
  const shortItem = (b: Block | undefined) => b !== undefined && b.hint === 'li' && wordCount(b.text) <= 4;
  return shortItem(block) && (shortItem(page[i - 1]) || shortItem(page[i + 1]));
}

/** Next to each other in the header, or with only a one- or two-word tag ("WEBWIRE") or the page's tags between. */
function adjacent(pool: Block[], at: number, later: number): boolean {
  // A section's name in ordinary case between them ("Nacional") parts the masthead from the article.
  return later > at && pool.slice(at + 1, later).every((b) => isTagList(b.text) || (wordCount(b.text) <= 2 && b.hint !== 'li' && !/^\p{Lu}\p{Ll}+$/u.test(b.text.trim())));
}

/** A line of the header that may be the headline, with what the model reads of it. */
export interface HeadlineCandidate {
  block: Block;
  /** The line as it would be the headline (labels, the page's path and action links taken off). */
  text: string;
  /** Position in the header's pool, 0 at the top. */
  at: number;
  /** In the order of HEADLINE_FEATURES. */
  features: number[];
}

const NAV_WORDS = new Set([...NAV_PHRASES].filter((p) => !p.includes(' ')));
/** The reader addressed: "you", "your", "vous", "votre", "usted", "tu". */
const TO_READER = /(?:^|[^\p{L}])(?:you|your|vous|votre|vos|usted|ustedes|tu|tus)(?=$|[^\p{L}])/iu;

function pageNeighbours(page: Block[], index: Map<Block, number>, block: Block): { before: Block[]; after: Block[] } {
  const i = index.get(block) ?? -1;
  if (i < 0) return { before: [], after: [] };
  return { before: page.slice(Math.max(0, i - 3), i), after: page.slice(i + 1, i + 4) };
}

/**
 * Two lines of the header that are one title written twice leave one candidate:
 * - "Noticias Notas de Prensa ACNUR alarmado …" over "ACNUR alarmado …": a breadcrumb ending in
 *   the headline is the headline with the page's path before it;
 * - "Habitat headquarters to remain …" (the trail's short name) beside "Habitat for Humanity
 *   headquarters to remain …": the page's full title has words inside the short one's.
 */
function withoutPartialTwins<T extends { text: string }>(kept: T[]): T[] {
  const keys = kept.map((c) => compareKey(c.text));
  const wordsOf = keys.map((k) => k.split(' '));
  return kept.filter((_, ci) => {
    const key = keys[ci]!;
    if (keys.some((o, oi) => oi !== ci && wordsOf[oi]!.length >= 4 && key.length > o.length && key.endsWith(` ${o}`))) return false;
    const short = wordsOf[ci]!;
    return !(
      short.length >= 4 &&
      wordsOf.some((long, oi) => {
        if (oi === ci || long.length <= short.length || long.length > short.length + 6) return false;
        if (long[0] !== short[0] || long[long.length - 1] !== short[short.length - 1]) return false;
        let k = 0;
        for (const w of long) if (k < short.length && w === short[k]) k++;
        return k === short.length;
      })
    );
  });
}


/**
 * "Communiqué de presse : Inondations dans la vallée", "بيان صحفي حول …": a title the page itself opens
 * with its label reads so, label and all; a label before a date or an issuer's name alone
 * ("PRESS RELEASE | 3 March 2026") leaves what follows it.
 */
function labelledTitle(text: string): string {
  const labelled = leadingLabel(text);
  if (!labelled || labelled.rest === '') return text.trim();
  return wordCount(labelled.rest) >= 3 && !firstDate(labelled.rest) ? text.trim() : labelled.rest.trim();
}

/**
 * "L’agence salue l’accord … |" over a row of bars: a title the page closes with a bar, the only
 * header line that does. A news ticker's items end so in a run, cut before their source, and stay
 * no candidates (neverHeadline).
 */
function withoutLoneBar(text: string, pool: Block[]): string {
  const barred = (t: string) => /\s[|｜]$/u.test(t);
  return barred(text) && pool.filter((b) => barred(b.text)).length === 1 ? text.replace(/\s+[|｜]$/u, '') : text;
}

/**
 * Every line of the header that can be the headline, each with its features. Lines that can never
 * be one (see neverHeadline), photo captions, a site's stamp over its date, menu items, a caption
 * set twice, a contact's name and role are no candidates at all.
 */
export function headlineCandidates(
  header: Block[],
  labelCut: number,
  pageTitle: string | null | undefined,
  page: Block[] = header,
): { pool: Block[]; candidates: HeadlineCandidate[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const b of page) counts.set(compareKey(b.text), (counts.get(compareKey(b.text)) ?? 0) + 1);
  // "Headline / Nota de prensa / deck": a long title line straight above the label is the
  // headline that the label follows, not the site's name (those are short).
  let cut = labelCut;
  const aboveLabel = header[cut - 1];
  if (aboveLabel && wordCount(aboveLabel.text) >= 6 && !neverHeadline(aboveLabel.text) && !sentenceLike(aboveLabel.text)) cut--;
  const afterLabel = header.slice(cut);
  const labelled = afterLabel.some((b) => wordCount(b.text) >= 3 && !neverHeadline(b.text) && !inSignature(page, b));
  const pool = labelled ? afterLabel : header;
  const foreign = otherScript(page);
  const kept = withoutPartialTwins(
    pool
      .map((b, at) => ({ block: b, at, text: withoutLoneBar(withoutPageAction(withoutGluedLabel(withoutSectionTag(breadcrumbTail(labelledTitle(b.text))))), pool) }))
      .filter((c) => !neverHeadline(c.text) && !isPhotoCaption(page, c.block) && !isStampAboveDate(page, c.block) && !isMenuItem(page, c.block) && !overTeaserLink(page, c.block))
      .map((c) => ({ ...c, twin: hasTwin(page, c.block) }))
      // A picture's caption set twice (caption and alternative text) is no candidate at all, so it
      // takes no line's nearness to the body.
      .filter((c) => !(c.twin && (/[.!?؟]$/u.test(c.text) || wordCount(c.text) > 25 || TITLED_NAME.test(c.text.trim()))))
      .filter((c) => !isNameAndRole(c.text) && !hasCreditedTwin(page, c.block) && !inSignature(page, c.block) && !sectionDescription(page, c.block))
      .filter((c) => !foreign(c.text) && !TRANSLATION_CREDIT.test(c.text.trim())),
  );
  // Nearness to the body counts from above a run of bullets straight above the text (its key points).
  let near = kept.length;
  while (near > 1 && kept[near - 1]!.block.hint === 'li' && kept.slice(0, near - 1).some((c) => c.block.hint !== 'li')) near--;
  const last = kept[near - 1];
  const prev = kept[near - 2];
  const overSub = last !== undefined && prev !== undefined && adjacent(pool, prev.at, last.at) && last.block.hint !== 'h1';
  const keys = kept.map((c) => compareKey(c.text));
  const wordsOf = keys.map((k) => k.split(' '));
  const pageIndex = new Map(page.map((b, i) => [b, i]));
  const titleKey = pageTitle ? compareKey(pageTitle) : '';

  const shaped = kept.map((c) => wordCount(c.text) >= 5 && wordCount(c.text) <= 25 && !sentenceLike(c.text));
  const firstShaped = shaped.indexOf(true);
  const lastShaped = shaped.lastIndexOf(true);
  const longest = Math.max(1, ...kept.map((c) => wordCount(c.text)));
  const candidates = kept.map((c, ci): HeadlineCandidate => {
    const text = c.text;
    const words = wordCount(text);
    const key = keys[ci]!;
    const lower = /\p{Ll}/u.test(text);
    const upper = /\p{Lu}/u.test(text);
    const repeats = (counts.get(compareKey(text)) ?? 0) >= 2;
    const tokens = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
    const { before, after } = pageNeighbours(page, pageIndex, c.block);
    const around = [...before, ...after];
    const i = pageIndex.get(c.block) ?? -1;
    const letters = text.replace(/[^\p{L}\p{N}]/gu, '');
    const short = wordsOf[ci]!;
    const f: Record<HeadlineFeature, number> = {
      words5to25: words >= 5 && words <= 25 ? 1 : 0,
      words3to30: (words >= 3 && words < 5) || (words > 25 && words <= 30) ? 1 : 0,
      logWords: Math.log1p(words) / Math.log1p(20),
      chars: Math.min(2, text.length / 100),
      capitalised: lower && (isTitleCase(text) || /^\p{Lu}/u.test(text)) ? 1 : 0,
      titleCase: isTitleCase(text) ? 1 : 0,
      capitalRatio: tokens.length === 0 ? 0 : tokens.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length / tokens.length,
      capsShort: upper && !lower && words <= 4 ? 1 : 0,
      capsLong: upper && !lower && words > 4 ? 1 : 0,
      li: c.block.hint === 'li' ? 1 : 0,
      h1: c.block.hint === 'h1' ? 1 : 0,
      h2: c.block.hint === 'h2' ? 1 : 0,
      repeatsShort: repeats && words <= 4 ? 1 : 0,
      repeatsLong: repeats && words >= 5 && !c.twin ? 1 : 0,
      twin: c.twin ? 1 : 0,
      dashDeck: /^[–—-]\s/u.test(text) ? 1 : 0,
      sentence: sentenceLike(text) ? 1 : 0,
      fullStop: !sentenceLike(text) && /[.]$/u.test(text) ? 1 : 0,
      colonInside: /\S[:：]\s+\S/u.test(text) ? 1 : 0,
      titleLikeness: likeness(text, pageTitle),
      isTitle: titleKey !== '' && (key === titleKey || titleKey.startsWith(`${key} `) || titleKey.endsWith(` ${key}`)) ? 1 : 0,
      repeatedMenu: inRepeatedMenu(page, c.block, counts) ? 1 : 0,
      last: ci === near - 1 ? 1 : 0,
      beforeLast: ci === near - 2 ? 1 : 0,
      overSubheadline: ci === near - 2 && overSub ? 1 : 0,
      nearness: ci < near ? 1 / (near - ci) : 0,
      inKeyPoints: ci >= near ? 1 : 0,
      first: ci === 0 ? 1 : 0,
      headerPosition: pool.length <= 1 ? 1 : c.at / (pool.length - 1),
      afterLabel: labelled && cut > 0 ? 1 : 0,
      digits: letters.length === 0 ? 0 : (letters.match(/\p{N}/gu) ?? []).length / letters.length,
      hasDate: firstDate(text) !== null ? 1 : 0,
      arabic: /[\u0600-\u06FF]/u.test(text) ? 1 : 0,
      proseAfter: i >= 0 && page[i + 1] !== undefined && isProse(page[i + 1]!.text) ? 1 : 0,
      proseBefore: i > 0 && isProse(page[i - 1]!.text) ? 1 : 0,
      shortAround: around.length === 0 ? 0 : around.filter((b) => wordCount(b.text) <= 3).length / around.length,
      breakBefore: i > 0 && page[i - 1]!.group !== c.block.group ? 1 : 0,
      breakAfter: i >= 0 && page[i + 1] !== undefined && page[i + 1]!.group !== c.block.group ? 1 : 0,
      navWords: short.length === 0 ? 0 : short.filter((w) => NAV_WORDS.has(w)).length / short.length,
      toReader: TO_READER.test(text) ? 1 : 0,
      endsOpen: /[,،]$|(?:^|\s)\p{Ll}{1,3}$/u.test(text) ? 1 : 0,
      startsLower: /^\p{Ll}/u.test(text) ? 1 : 0,
      siteSuffix: /\s[-–—|]\s[^-–—|]+$/u.test(text) && wordCount(text.split(/\s[-–—|]\s/u).pop() ?? '') <= 4 ? 1 : 0,
      oddSymbols: /[_{}<>=#\\]|[:：].*[:：]/u.test(text) ? 1 : 0,
      commas: Math.min(2, (text.match(/[,،]/gu) ?? []).length / Math.max(1, words / 10)),
      firstTitleShaped: ci === firstShaped ? 1 : 0,
      lastTitleShaped: ci === lastShaped ? 1 : 0,
      relativeLength: words / longest,
      fewCandidates: 1 / kept.length,
      aboveBody: c.at === pool.length - 1 ? 1 : 0,
      bodyGap: 1 / (pool.length - c.at),
      prose: isProse(text) ? 1 : 0,
    };
    return { block: c.block, text, at: c.at, features: HEADLINE_FEATURES.map((name) => f[name]) };
  });
  observer?.({ candidates, pageTitle: pageTitle ?? null });
  return { pool, candidates, counts };
}

type CandidateObserver = (seen: { candidates: HeadlineCandidate[]; pageTitle: string | null }) => void;
let observer: CandidateObserver | null = null;

/** For the training script only: hands it each page's candidates as the importer reads them. */
export function observeHeadlineCandidates(fn: CandidateObserver | null): void {
  observer = fn;
}

/**
 * From this share of the scores (against every other candidate and "no headline") up the pick is
 * sure: on the pages the weights were fitted on, 98% of the picks this sure were right.
 */
const SURE = 0.6;
/** A line under the headline scoring this far below "no headline" still continues it or is its subheadline. */
const UNDER_SLACK = 6;

export function pickHeadline(
  header: Block[],
  labelCut: number,
  pageTitle: string | null | undefined,
  hasBody: boolean,
  page: Block[] = header,
): { headline: string | null; subheadline: string | null; sure: boolean } {
  const { pool, candidates, counts } = headlineCandidates(header, labelCut, pageTitle, page);
  const scored = candidates.map((c) => ({ c, score: headlineScore(c.features) }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || b.c.at - a.c.at);
  const top = ranked[0];
  if (!top || top.score <= HEADLINE_NONE) {
    if (pageTitle && hasBody && !neverHeadline(pageTitle)) return { headline: pageTitle, subheadline: null, sure: false };
    // "Inondations dans l’est" over "Publié le 27 mai 2013" and the text: the header's one line
    // that can be a headline, straight over the body, is its title however short or full-stopped;
    // a doubtful pick, marked so on the review screen.
    if (hasBody && top && candidates.length === 1 && top.c.at === pool.length - 1 && wordCount(top.c.text) >= 3) return { headline: top.c.text, subheadline: null, sure: false };
    // With no candidate at all, the same line may have been set aside as a stamp over the date.
    const over = pool[pool.length - 1];
    if (hasBody && candidates.length === 0 && over !== undefined && sentenceCaseTitleOverDate(page, over)) return { headline: over.text.trim(), subheadline: null, sure: false };
    return { headline: null, subheadline: null, sure: false };
  }
  // A title set twice (the page's title, then its heading) is taken as the copy nearer the body,
  // the one its subheadline follows.
  let bestKey = compareKey(top.c.text);
  let best = candidates.filter((c) => compareKey(c.text) === bestKey).pop() ?? top.c;
  // "Title | Site or author": the page's title line with what follows its bar gives way to the
  // heading that sets the title alone.
  const barred = /^(.{10,}?)\s+[|｜]\s+[^|｜]{2,60}$/u.exec(best.text);
  const alone = barred ? candidates.filter((c) => compareKey(c.text) === compareKey(barred[1]!)).pop() : undefined;
  if (alone) {
    best = alone;
    bestKey = compareKey(alone.text);
  }
  let headline = best.text;
  let subheadline: string | null = null;
  const nextAt = candidates.findIndex((c) => c.at === best.at + 1 || (c.at > best.at && adjacent(pool, best.at, c.at) && pool.slice(best.at + 1, c.at).some((b) => isTagList(b.text))));
  const next = candidates[nextAt];
  const nextScore = nextAt >= 0 ? scored[nextAt]!.score : -Infinity;
  if (next && nextScore >= HEADLINE_NONE - UNDER_SLACK && wordCount(next.text) <= 70 && next.block.hint !== 'li' && compareKey(next.text) !== compareKey(headline)) {
    // A PDF copy breaks a long Title Case headline over two lines: a short second line in the
    // same case, straight under a first line that ends no sentence, continues the headline.
    // Apart by a blank line, the two halves still join when the page sets the whole line elsewhere.
    const joinedElsewhere = (counts.get(compareKey(`${headline} ${next.text}`)) ?? 0) >= 1;
    if ((next.block.group === best.block.group || joinedElsewhere) && continuesHeadline(headline, next.text)) headline = `${headline} ${next.text}`;
    // Four words or fewer under the headline name the site, its section or the office, not the story.
    else if (wordCount(next.text) >= 5) subheadline = next.text;
  }
  // "… sur l’utilisation des armes chimiques [pl]": a multilingual site's tag for the language the
  // page is in, after the title.
  headline = headline.replace(/\s+[[(](?:en|fr|es|ar|pl|de|it|pt|nl|ru|zh|uk)[\])]$/iu, '');
  // The pick's share against the other candidates (the line under it, its subheadline, aside) and "no headline".
  const rivals = [HEADLINE_NONE, ...ranked.filter((r) => r.c !== next && compareKey(r.c.text) !== bestKey).map((r) => r.score)];
  const share = 1 / (1 + rivals.reduce((s, r) => s + Math.exp(r - top.score), 0));
  return { headline, subheadline, sure: share >= SURE };
}

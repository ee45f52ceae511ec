import { findDates, firstDate, startsWithWeekday, yearlessDateAtEnd } from './dates';
import { isArabicBylineWord, isArabicSection, isLabel, NAV_PHRASES, RELEASE_WIRES, ROLE_WORDS } from './lexicon';
import { asciiDigits, compareKey, placeCase, wordCount } from './normalise';

/**
 * The dateline that opens a release's first paragraph: "GENEVA –", "Nairobi, 3 March 2026 —",
 * "Genève, le 3 mars 2026 –", "GINEBRA (3 de marzo de 2026).", "جنيف، 3 آذار/مارس 2026 –",
 * "DAKAR (Sénégal) – ". Returns the place, the date and where the paragraph's text starts.
 */

export interface Dateline {
  place: string | null;
  dateIso: string | null;
  /** Characters of the paragraph the dateline takes up (with its separator). */
  length: number;
}

const TIME_ONLY = /^\d{1,2}[:h.]\d{2}(?:\s*(?:[ap]\.?\s?m\.?|h|hrs?))?\.?$/iu;
// "Geneva- The …", "نيويورك- بمناسبة …": a hyphen set straight after the place, with the space only
// after it. (Two Arabic words or more so joined to a verb are a site's name, read in extract.ts: no
// capitals tell a place from it.)
const SEPARATORS = /\.\s*[-–—]{1,2}\s*|\s+[-–—]{1,3}\s*|(?<=\p{Script=Latin}|\d|^[\u0600-\u06FF]+)-\s+|\s*[–—]{1,2}\s*|\s*--\s*|\s*:\s+|\.\s+|\)\s*(?:[-–—]{2,3}\s*|[-–—:]?\s+)/gu;
/** Capitals and no lower case: two linear tests (one pattern with two overlapping runs is quadratic). */
const allCaps = (s: string) => !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);
const PARTICLES = /^(de|del|des|du|la|le|les|el|es|al|el-|al-|au|aux|da|do|dos|y|et|and|sur|of|upon|on|am|an|bin|ibn)$/iu;

/** News agencies whose bracketed tag follows the place ("LONDON (Reuters) –"). */
const AGENCIES = String.raw`afp|ap|ats|anp|ansa|apa|dpa|efe|reuters|xinhua|kyodo|tass|ria|upi|wafa|wam|spa|mena|qna|kuna|petra|sana|ina|aps|map|tap|ips|ians|pti|bernama|antara|ots`;
/** A wire's tag after the place: not part of the place. */
const WIRE_TAG = new RegExp(`^(?:${AGENCIES}|${RELEASE_WIRES}|newswire|wire)$`, 'iu');
const RELEASE_WIRE = new RegExp(`^(?:${RELEASE_WIRES})$`, 'iu');
/** "PRNewswire", "Reuters", "(AFP)": a wire's or an agency's name alone on a line, over the place or the text. */
export const wireNameLine = (text: string): boolean => WIRE_TAG.test(text.trim().replace(/^\((.*)\)$/u, '$1').trim());
/**
 * A wire's tag between the dateline and the text, with its own separator: "Dec. 3, 2026 - PRLog --",
 * "NEW YORK--(BUSINESS WIRE)--", "LONDON, Dec. 3, 2026 -- (GLOBE NEWSWIRE) --"; "PARIS--()--" when the
 * wire's name was its logo, lost in the copy.
 */
const WIRE_BESIDE = new RegExp(String.raw`^\s*(?:\(\s*(?:${AGENCIES}|${RELEASE_WIRES})?\s*\)|\/\s*(?:${RELEASE_WIRES})\s*\/|(?:${RELEASE_WIRES})(?![\p{L}\p{N}]))\s*(?:[-–—]{1,3}|:)\s*`, 'iu');
/** "PARIS--(BUSINESS WIRE)--Regulatory News: …": the wire's heading for the kind of release, after its tag. */
const WIRE_CATEGORY = /^\s*\p{Lu}\p{Ll}+(?:\s+\p{L}+){0,2}\s*:\s*(?=\p{Lu})/u;
/** A wire's tag between slashes or a wire's name in brackets, closing the text before a separator. */
const WIRE_TAG_AT_END = new RegExp(String.raw`\s+(?:\/\s*\p{L}[^/]{1,39}\/|\(\s*(?:${AGENCIES}|${RELEASE_WIRES})\s*\))\s*$`, 'iu');
/** "PRLog - Dec. 3, 2026 - LONDON --": the wire's name opening the paragraph, before the date. */
const WIRE_FIRST = new RegExp(String.raw`^\s*(?:${RELEASE_WIRES})\s*[-–—]{1,3}\s*`, 'iu');

/**
 * "LAC-VERT (QUÉBEC)", "MONCTON (NOUVEAU-BRUNSWICK)": Canadian usage names the
 * province in brackets after the town, set in capitals like the town, and it belongs to the
 * place. A gloss in ordinary case ("DHAKA (Bangladesh)", "Dakar (Sénégal)") is an aside, and a date or a
 * wire tag in brackets is not part of the place at all.
 */
const BRACKET_TAIL = /^[\s:–—-]*$/u;
const TAIL_WORDS = ['le', 'el', 'the', 'on', 'ce', 'este', 'a'];

/** What may follow the closing bracket: separators, or a comma and "le"/"el"/… before them. */
function isBracketTail(tail: string): boolean {
  if (BRACKET_TAIL.test(tail)) return true;
  const rest = tail.trimStart();
  if (rest[0] !== ',' && rest[0] !== '،') return false;
  const after = rest.slice(1).trimStart();
  return BRACKET_TAIL.test(after) || TAIL_WORDS.some((w) => after.slice(0, w.length).toLowerCase() === w && BRACKET_TAIL.test(after.slice(w.length)));
}

/** Found by position, not by one pattern: `^\s*([^()]+?)\s*\(` retries every split of a run of spaces. */
function bracketedRegion(raw: string): { town: string; region: string } | null {
  const open = raw.indexOf('(');
  const close = raw.indexOf(')');
  if (open < 1 || close < open || raw.indexOf('(', open + 1) !== -1 || raw.indexOf(')', close + 1) !== -1) return null;
  const inside = raw.slice(open + 1, close);
  if (inside.length < 2 || inside.length > 40 || !isBracketTail(raw.slice(close + 1))) return null;
  const town = raw.slice(0, open).trim();
  const region = inside.trim();
  if (town === '' || /\d/.test(region) || WIRE_TAG.test(region) || /[,،]/u.test(town)) return null;
  const words = region.split(/\s+/u);
  if (words.length > 3 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || PARTICLES.test(w))) return null;
  // Only a dateline set wholly in capitals carries its province this way; a bare acronym
  // ("(ROASP)") is a source tag, not a province.
  if (!allCaps(town) || !allCaps(region) || /^\p{Lu}{2,5}$/u.test(region)) return null;
  return { town, region };
}

function placeFrom(raw: string): string | null | false {
  // "(Paris, 21 mars 2003) -": a whole dateline in brackets.
  const wrapped = /^\s*\(([^()]+)\)\s*$/u.exec(raw);
  // "6 de noviembre de 2017 (OMM) –": an organisation's acronym after the date is its tag, not a
  // place; so is a wire's name ("December 3, 2026 (EIN Presswire) --").
  if (wrapped && (/^\s*\p{Lu}{2,6}\s*$/u.test(wrapped[1]!) || WIRE_TAG.test(wrapped[1]!.trim()))) return null;
  if (wrapped) return placeFrom(wrapped[1]!);
  const bracketed = bracketedRegion(raw);
  if (bracketed) {
    const town = placeFrom(bracketed.town);
    const region = placeFrom(bracketed.region);
    if (typeof town === 'string' && typeof region === 'string') return `${town} (${region})`;
  }
  const text = raw
    // /Newswire/ tags stand apart; "Geneva/Nairobi" joins two places of one dateline.
    .replace(/(?:^|\s)\/[^/]{2,40}\/(?=\s|$)/gu, ' ')
    .replace(/\s*\/\s*/gu, '/')
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/^[\s(]+|[\s),،:–—-]+$/gu, '')
    // "Genève, le 3 mars", "Lima, el 3 de marzo", Mexico's "Ciudad de México, a 3 de marzo".
    // "OTTAWA, ON, le 14 déc.": "ON" in capitals after the town is Ontario's code, not "on".
    .replace(/[,،]\s*(le|el|the|on|ce|este|a)$/iu, (m, w: string) => (w === 'ON' ? m : ''))
    // "القاهرة في 3 مارس 2026": "on" before the date, in Arabic.
    .replace(/\s+في$/u, '')
    .trim();
  if (text === '') return null;
  if (/\d/.test(text) || RELEASE_WIRE.test(text)) return false;
  // "الثلاثاء 30/يوليو/2024 - 11:45", "Jeudi, 3 mars 2026 –": the day's name before a date is
  // a date bar's, never a place.
  if (startsWithWeekday(text) && text.split(/[\s,،]+/u).filter(Boolean).length === 1) return false;
  // "نشرت: يوم السبت، 29-أبريل-2023" ("Published: Saturday"): a label before a colon is no place.
  if (/[:：]/u.test(text)) return false;
  // "APRÈS-MIDI" between the meeting's date and its summary: the session, not a place.
  if (/^(?:matin|apr[eè]s-midi|soir|morning|afternoon|evening|mañana|tarde|noche|صباحا|مساء)$/iu.test(text)) return false;
  const parts = text.split(/\s*[,،]\s*/u).filter(Boolean);
  if (parts.length > 3) return false;
  let words = 0;
  for (const part of parts) {
    const ws = part.split(/\s+/u);
    words += ws.length;
    for (const w of ws) {
      if (/[\u0600-\u06FF]/u.test(w)) continue;
      if (PARTICLES.test(w)) continue;
      if (!/^[\p{Lu}]/u.test(w) && !/^[dl]['’]\p{Lu}/u.test(w)) return false;
    }
  }
  const arabic = /[\u0600-\u06FF]/u.test(text);
  // "وأكدت الوزارة - …" ("the ministry stressed"): a reporting verb opens a sentence, never a place.
  if (arabic && /^[وف]?(?:قال|قالت|أكد|أكدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|أوضح|أوضحت|اوضح|اوضحت|أشار|أشارت|اشار|اشارت|ذكر|ذكرت|أعلن|أعلنت|اعلن|اعلنت|تابع|تابعت)$/u.test(text.split(/\s+/u)[0]!)) return false;
  // "القاهرة، جمهورية مصر العربية": a town and the country's full name after a comma take four words.
  if (words > (arabic ? (parts.length >= 2 ? 4 : 3) : 6) || isLabel(text) || ROLE_WORDS.test(text)) return false;
  // "Redacción –", "Ultimas Noticias|": the desk that wrote it or a menu, not a place.
  if (/^(?:redacci[oó]n|r[ée]daction|newsroom|editorial|staff|ultimas\s+noticias|últimas\s+noticias|latest\s+news|derni[èe]res\s+nouvelles)$/iu.test(text) || /\|/u.test(raw)) return false;
  // An Arabic place keeps the Arabic comma it was written with.
  return placeCase(parts.join(arabic && text.includes('،') ? '، ' : ', '));
}

/** A date opening `rest` (after an optional "le"/"el"/"the"), closed by its own separator. */
function dateAfterPlace(rest: string): { iso: string; length: number } | null {
  const head = asciiDigits(rest.slice(0, 80));
  const lead = /^(?:(?:le|el|the|on|a)\s+)?/iu.exec(head)?.[0].length ?? 0;
  const d = findDates(head).find((x) => x.index === lead);
  if (!d) return null;
  const close = /^(?:\s*[-–—]{1,3}\s*|\s*:\s+|\.\s*[-–—]?\s*|,\s+)/u.exec(head.slice(d.index + d.length));
  if (!close) return null;
  return { iso: d.iso, length: d.index + d.length + close[0].length };
}

/**
 * Arab news agencies set their short name after the place and the date, joined by a dash or
 * after the era mark: "جنيف-سانا", "رام الله 30-10-2025 وفا- ", "بيروت … 14 اغسطس 2018 م واس أعرب".
 */
const ARABIC_WIRE_RE = /(?<![\p{L}])(?:وفا|واس|سانا|قنا|كونا|بترا|وام|بنا|سبأ|العمانية|الأناضول|أ\s?ش\s?أ|أ\s?ف\s?ب|د\s?ب\s?أ|رويترز)(?![\p{L}])/u;

function arabicWireDateline(text: string): Dateline | null {
  const head = asciiDigits(text.slice(0, 160));
  const m = ARABIC_WIRE_RE.exec(head);
  if (!m || m.index === 0 || m.index > 100) return null;
  // "أبوظبي في 3 نوفمبر/ وام/": the Emirates agency sets its name between slashes.
  // "مسقط ـ العمانية": a kashida drawn out as the dash.
  const joinedBefore = /[-–—/\u0640]\s*\(?$/u.test(head.slice(0, m.index));
  const after = /^\)?\s*(?:[-–—:/]\s*)?/u.exec(head.slice(m.index + m[0].length))![0];
  const prefix = head.slice(0, m.index).replace(/[\s(–—/\u0640-]+$/u, '');
  const date = findDates(prefix).find((d) => d.index + d.length >= prefix.length - 1);
  // Without a date, only a dash or a slash joining the place and the agency marks a dateline.
  if (!date && !joinedBefore && !/[-–—/]/u.test(after)) return null;
  // A wire's date without its year ("في 3 نوفمبر"): the place is what stands before it.
  // KUNA's "فيينا – 16 – 9 (كونا)": the day and the month in figures.
  const dayMonth = /\s*[-–—]?\s*\d{1,2}\s*[-–—/]\s*\d{1,2}$/u.exec(prefix);
  const yearless = date ? -1 : dayMonth ? dayMonth.index : yearlessDateAtEnd(prefix);
  const placeText = (date ? prefix.slice(0, date.index) : yearless > 0 ? prefix.slice(0, yearless) : prefix).replace(/\s+في\s*$|[\s–—-]+$/gu, '');
  const place = placeFrom(placeText);
  if (typeof place !== 'string' || !/[\u0600-\u06FF]/u.test(place) || place.split(/\s+/u).length > 3) return null;
  return { place, dateIso: date?.iso ?? null, length: m.index + m[0].length + after.length };
}

/**
 * Reads a dateline at the start of `text`, with the tag a wire or a paper sets beside it (which
 * belongs to no field): "Dec. 3, 2026 - PRLog --", "PRLog - Dec. 3, 2026 - LONDON --",
 * "NEW YORK--(BUSINESS WIRE)--Dec. 3, 2026--", "بيروت - «الشرق الأوسط»:".
 */
export function matchDateline(text: string): Dateline | null {
  const first = WIRE_FIRST.exec(text);
  if (first && findDates(asciiDigits(text.slice(first[0].length, first[0].length + 40)))[0]?.index === 0) {
    const d = plainDateline(text.slice(first[0].length));
    if (d) return withTags(text, { ...d, length: first[0].length + d.length }, true);
  }
  // "PRN Africa — The United Nations …": the wire's name alone before the text, with no place or
  // date; only before a sentence in its own right.
  const rest = first ? text.slice(first[0].length) : '';
  if (first && /^\p{Lu}/u.test(rest) && wordCount(rest) >= 12 && /[.!?]/u.test(rest)) return { place: null, dateIso: null, length: first[0].length };
  const d = plainDateline(text);
  if (!d) return null;
  const tagged = withTags(text, d, false);
  // "MONTRÉAL, 7 août /CNW/ -- MONTRÉAL, 7 août /CNW/ - Groupe …": the dateline set twice, as a
  // wire's form and the issuer's own text each give it.
  const again = plainDateline(text.slice(tagged.length), true);
  if (again && tagged.place !== null && again.place === tagged.place && again.dateIso === tagged.dateIso && text.slice(tagged.length + again.length).trim() !== '') {
    return { ...tagged, length: tagged.length + again.length };
  }
  return tagged;
}

/**
 * "القاهرة - محيط:", "بيروت - «الشرق الأوسط»:", "عمّان - الغد -": the Arabic press sets the paper's
 * or the site's name, one or two words or a name in quotation marks, between the dateline's
 * place and the text, before a colon or a dash.
 */
const ARABIC_SOURCE_BESIDE = /^\s*(?:[«"“]\s*([^«»"“”]{2,40}?)\s*[»"”]|([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?))\s*(?:[:：]|[-–—]{1,2}(?=\s))\s*/u;
/** Prepositions: a name with one is a sentence's start ("جاء في البيان:"), not a paper's name. */
const ARABIC_PREPOSITION = /(?:^|\s)(?:في|من|على|إلى|الى|عن|مع|حول)(?:\s|$)|^[وف]?جاء(?:\s|$)/u;

function withTags(text: string, d: Dateline, wireFirst: boolean): Dateline {
  let { place, dateIso, length } = d;
  const tag = WIRE_BESIDE.exec(text.slice(length));
  if (tag) {
    length += tag[0].length;
    // "NEW YORK--(BUSINESS WIRE)--Dec. 3, 2026--": the date after the wire's tag.
    const after = dateIso === null ? dateAfterPlace(text.slice(length)) : null;
    if (after) {
      dateIso = after.iso;
      length += after.length;
    }
    length += WIRE_CATEGORY.exec(text.slice(length))?.[0].length ?? 0;
  }
  // "PRLog - Dec. 3, 2026 - LONDON --": a wire's date first, then the place in capitals.
  if ((tag || wireFirst) && place === null && dateIso !== null) {
    const m = /^\s*(\p{Lu}[^\s–—-]*(?:[\s,]+\p{Lu}[^\s–—-]*){0,4}?)\s*(?:-{1,2}|[–—]{1,2})\s*/u.exec(text.slice(length));
    const found = m && allCaps(m[1]!) ? placeFrom(m[1]!) : null;
    if (typeof found === 'string') {
      place = found;
      length += m![0].length;
    }
  }
  if (place !== null && /[\u0600-\u06FF]/u.test(place)) {
    const m = ARABIC_SOURCE_BESIDE.exec(text.slice(length));
    const name = m?.[2];
    const isName = name !== undefined && !ARABIC_PREPOSITION.test(name) && typeof placeFrom(name) === 'string';
    if (m && (m[1] !== undefined || isName) && wordCount(text.slice(length + m[0].length)) >= 6) length += m[0].length;
  }
  return text.slice(length).trim() === '' ? d : { place, dateIso, length };
}

/**
 * Reads the dateline itself. Without a date, only a dash separates the place
 * from the text, and the place must be in capitals or the text after it a real sentence:
 * that keeps "Floods recede – thousands return" (a headline) from being read as a dateline.
 */
function plainDateline(text: string, nested = false): Dateline | null {
  const wire = arabicWireDateline(text);
  if (wire && text.slice(wire.length).trim() !== '') return wire;
  const head = asciiDigits(text.slice(0, 200));
  const dates = findDates(head);
  SEPARATORS.lastIndex = 0;
  for (const sep of head.matchAll(SEPARATORS)) {
    const at = sep.index;
    if (at > 140) break;
    // "QUÉBEC, le 12 sept. 2023 /CNW/ -": the full stop of a month's abbreviation is inside the date.
    if (dates.some((d) => at >= d.index && at < d.index + d.length)) continue;
    // "U.N.-Backed Campaign …", "U.S.-led talks": an abbreviation's last full stop and a hyphen
    // joining it to the next word make one word, not a place and its separator.
    if (/^\.-$/u.test(sep[0]) && /(?:^|[\s(])(?:\p{Lu}\.)+\p{Lu}$/u.test(head.slice(0, at)) && /^\p{L}/u.test(head.slice(at + 2))) continue;
    const closesParen = sep[0].trimStart().startsWith(')');
    // "MADISON, N.J., Oct. 16 /PRNewswire-FirstCall/ --", "…, Nov. 12, 2020 (GLOBE NEWSWIRE) --":
    // the wire's tag closing the dateline is no part of its place or its date.
    const prefix = head.slice(0, closesParen ? at + 1 : at).replace(WIRE_TAG_AT_END, '');
    const kind = /[-–—]/u.test(sep[0]) ? 'dash' : sep[0].includes(':') ? 'colon' : sep[0].includes(')') ? 'paren' : 'stop';
    const date = dates.find((d) => d.index + d.length <= prefix.length + 1 && d.index < prefix.length);
    // A wire's dateline without the year ("Ginebra, 2 Oct.-"): the place, and no date to read.
    // "(New York, 9 March)—": a wire's yearless dateline wholly in brackets.
    const base = date ? prefix : (/^\s*\(([^()]+)\)\s*$/u.exec(prefix)?.[1] ?? prefix);
    const yearlessAt = date ? -1 : yearlessDateAtEnd(base);
    // "Kawambwa, January 6th, 2015, ZANIS —": a news agency's name in capitals after the date is
    // its tag, not part of the place.
    const agencyAfter = date !== undefined && date.index > 0 && /^[\s,،]*\p{Lu}[\p{Lu}\d&.-]*(?:\s+\p{Lu}[\p{Lu}\d&.-]*){0,3}[\s,،]*$/u.test(prefix.slice(date.index + date.length));
    // "BOISE, Idaho, Nov 12, 2020, Nov. 12, 2020 (GLOBE NEWSWIRE) --": the date set twice, as a
    // wire's form and the issuer's own text each give it.
    const twice = date !== undefined && dates.some((d) => d.index > date.index && d.iso === date.iso && /^[\s,،;]*$/u.test(prefix.slice(date.index + date.length, d.index)) && /^[\s,،]*$/u.test(prefix.slice(d.index + d.length)));
    const withoutDate = date
      ? prefix.slice(0, date.index) + ' ' + (agencyAfter || twice ? '' : prefix.slice(date.index + date.length))
      : yearlessAt > 0
        ? base.slice(0, yearlessAt) + ' ' + (/\([^()]*\)\s*$/u.exec(base.slice(yearlessAt))?.[0] ?? '')
        : prefix;
    // A date inside parentheses reads "Geneva (3 March 2026) –".
    const place = placeFrom(withoutDate.replace(/\(\s*\)/gu, ' '));
    if (place === false) continue;
    const rest = text.slice(sep.index + sep[0].length);
    // "22 de setiembre de 2022 - 2:03 p. m.": the time the page was posted, not a paragraph.
    if (rest.trim() === '' || TIME_ONLY.test(rest.trim())) continue;
    if (!date && yearlessAt > 0) {
      if (place === null) continue;
    } else if (!date) {
      if (place === null) continue;
      const caps = allCaps(withoutDate.replace(/\([^)]*\)/gu, '')) || /[\u0600-\u06FF]/u.test(place);
      // "Washington, DC: Ploughshares Fund …": a colon ends a place only when it is a town with its
      // state's two capitals, over a sentence of running text. A word in capitals before a colon
      // is as often a speaker in a transcript ("Q:", "UNHCR:") or a label ("NOTE:").
      if (kind === 'colon') {
        const townAndState = /^\p{Lu}[\p{L} .'’-]+,\s*\p{Lu}\.?\p{Lu}\.?$/u.test(withoutDate.trim());
        if (!townAndState || wordCount(rest) < 12 || !/^\p{Lu}/u.test(rest.trim())) continue;
      } else if (kind !== 'dash') continue;
      if (wordCount(rest) < (caps ? 6 : 12)) continue;
      // "… Minefield 8 at Surf Bay – have all been cleared": a dash inside a sentence, whose words
      // go on in lower case. A dateline's text opens a sentence.
      if (/^\s*\p{Ll}/u.test(rest)) continue;
    } else if (date.index > 0 && place === null && kind === 'stop' && wordCount(rest) < 6) continue;
    const length = sep.index + sep[0].length;
    // "PORTLAND, Ore. –", "WASHINGTON, D.C. —": the full stop belongs to the state's abbreviation.
    const lastPart = place?.split(/[,،]\s*/u).pop() ?? '';
    const placed = place !== null && sep[0].startsWith('.') && /\p{L}$/u.test(prefix) && yearlessAt < 0 && place.includes(',') && /^\p{Lu}[\p{L}.]{1,4}$/u.test(lastPart) && /\p{Ll}|\./u.test(lastPart) ? `${place}.` : place;
    if (!date) {
      // "Geneva - 14 May 2026 - Relief teams ...": the date stands after the place, between two
      // separators of its own.
      const after = dateAfterPlace(text.slice(length));
      if (after) return { place: placed, dateIso: after.iso, length: length + after.length };
      // "Bogotá - Quito (CICR) –", "القاهرة - مصر، 28 تموز/يوليو -": a second place (another town,
      // the country) after a dash, with its own date or tag and separator: one dateline naming both.
      if (!nested && kind === 'dash' && yearlessAt < 0 && placed !== null) {
        const second = plainDateline(text.slice(length), true);
        // Only with a date or a tag of its own: a name after the dash alone may be the writer's or the site's.
        // A wire's tag and date in brackets ("--(CCNMatthews - 1 août 2006) -") are read below.
        const own = second && /^\s*\p{L}/u.test(text.slice(length)) ? asciiDigits(text.slice(length, length + second.length)) : '';
        if (second?.place && wordCount(second.place) <= 3 && /\d|\(/u.test(own) && !WIRE_TAG.test(second.place) && text.slice(length + second.length).trim() !== '') {
          return { place: `${placed} - ${second.place}`, dateIso: second.dateIso, length: length + second.length };
        }
      }
    }
    // "NEW YORK, NY--(Marketwire - June 4, 2008) - Mercy Corps …": the wire and its date in brackets.
    const wire = /^\s*\(([^()]{2,40}?)\s+[-–—]\s+([^()]{4,40})\)\s*[-–—]*\s*/u.exec(asciiDigits(text.slice(length)));
    const wireDate = wire ? firstDate(wire[2]!) : null;
    if (wire && wireDate) return { place: placed, dateIso: date?.iso ?? wireDate.iso, length: length + wire[0].length };
    return { place: placed, dateIso: date?.iso ?? null, length };
  }
  // "Bonn / Berlin, 11/09/2018 The figures …": the separator after the date lost in the copy;
  // a place and its comma before a full date, then a capital, still make the dateline.
  const first = dates[0];
  if (first && first.index > 0 && first.index < 80) {
    const before = head.slice(0, first.index);
    const gap = /^\s+(?=[\p{Lu}\u0600-\u06FF])/u.exec(head.slice(first.index + first.length));
    const place = /[,،]\s*$/u.test(before) && gap ? placeFrom(before) : null;
    if (typeof place === 'string' && place !== '') return { place, dateIso: first.iso, length: first.index + first.length + gap![0].length };
  }
  return null;
}

/**
 * "Copenhagen, Denmark" on its own line, over the date's line: a place set apart from its date.
 * Only a town with its country after a comma, or a place in capitals, is taken as one.
 */
export function placeOnlyLine(text: string): string | null {
  const t = text.trim();
  // "A+ A-" (a page's text-size buttons) is in capitals too, but names nothing: a place has a word.
  if (wordCount(t) > 4 || /\d/u.test(t) || !/\p{L}{2}/u.test(t) || !(/^[^,،]+[,،]\s*[^,،]+$/u.test(t) || allCaps(t))) return null;
  const place = placeFrom(t);
  return typeof place === 'string' ? place : null;
}

/**
 * "القاهرة، التقى الأمين العام …" under "التقى الأمين العام …": a page that sets its summary over
 * the text, the text opening with its place and a comma, then the summary's words again. The
 * repeated words, not the comma, tell the place from a sentence's first phrase.
 */
export function placeBeforeRepeatedLead(paragraph: string, lead: string): Dateline | null {
  const m = /^([^,،.:;]{2,40})[,،]\s+/u.exec(paragraph);
  const opening = (s: string) => compareKey(s).split(' ').slice(0, 8).join(' ');
  if (!m || wordCount(lead) < 8 || opening(paragraph.slice(m[0].length)) !== opening(lead)) return null;
  const place = placeFrom(m[1]!);
  return typeof place === 'string' ? { place, dateIso: null, length: m[0].length } : null;
}

/**
 * "عمان" alone on its line between the title and the lead: Arabic sets no capitals, so one word
 * that no menu, section or label uses is read as the place; other scripts need what
 * placeOnlyLine asks (a town and its country, or capitals).
 */
export function placeOverLead(text: string): string | null {
  const t = text.trim();
  if (/^[\u0600-\u06FF]+$/u.test(t) && !isArabicSection(t) && !NAV_PHRASES.has(compareKey(t))) {
    const place = placeFrom(t);
    if (typeof place === 'string') return place;
  }
  return placeOnlyLine(t);
}

/**
 * "دار السلام - فلسطين اليوم", "جنيف (وكالات)": the Arabic press sets the place alone on a line
 * over the lead, with who sent the story after a dash (the site's own name) or in brackets
 * ("agencies", the paper's name). One to three words either side, nothing else on the line.
 */
const ARABIC_PLACE_AND_SOURCE = /^\s*([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){0,2})\s*(?:\s[-–—]\s*([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){0,2})|\(\s*([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){0,2})\s*\))\s*$/u;

function arabicPlaceAndSource(text: string): string | null {
  const m = ARABIC_PLACE_AND_SOURCE.exec(text);
  if (!m) return null;
  // "أخبار - محليات", "كتب - …", "مشاركة - طباعة": a site's sections, a byline or a menu.
  // A desk's credit after the dash ("غزة – متابعة", "القاهرة - كتب") leaves the place a place.
  if ([m[1], m[2], m[3]].some((side, k) => side !== undefined && !(k > 0 && isArabicBylineWord(side)) && (isArabicSection(side) || NAV_PHRASES.has(compareKey(side))))) return null;
  const place = placeFrom(m[1]!);
  return typeof place === 'string' ? place : null;
}

/**
 * "سلمى العبادي _ إربد": some Arabic sites set the writer's name, an underscore, then the place,
 * alone on a line over the lead. The name is two or three words, the place one or two; the
 * underscore, which no sentence or title uses, joins them.
 */
const ARABIC_WRITER_AND_PLACE = /^\s*([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){1,2})\s+_+\s+([\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?)\s*$/u;

function arabicWriterAndPlace(text: string): string | null {
  const m = ARABIC_WRITER_AND_PLACE.exec(text);
  if (!m || [m[1]!, m[2]!].some((side) => isArabicSection(side) || NAV_PHRASES.has(compareKey(side)))) return null;
  const place = placeFrom(m[2]!);
  return typeof place === 'string' ? place : null;
}

/** A block that is only a dateline ("GENEVA, 3 March 2026"), with nothing after it. */
export function datelineOnly(text: string): Dateline | null {
  const wire = arabicWireDateline(text);
  if (wire && text.slice(wire.length).trim() === '') return { ...wire, length: text.length };
  const sourced = arabicPlaceAndSource(text) ?? arabicWriterAndPlace(text);
  if (sourced) return { place: sourced, dateIso: null, length: text.length };
  // "18:30 | Lima, may. 16.": a news site sets the hour of posting before the dateline.
  // "Bern, Press release, 24.02.2009": the genre named between the place and the date.
  const t = asciiDigits(text.trim())
    .replace(/[\s–—:.-]+$/u, '')
    // "ROTTERDAM, Netherlands, Jan. 13, 2021 /PRNewswire/ --": a newswire's tag between slashes
    // closes the line, its text under it.
    .replace(/\s+\/[\p{L}][\p{L} -]{1,38}\/$/u, '')
    .replace(/^\d{1,2}[:h]\d{2}\s*[|·•–—-]\s*/u, '')
    .replace(/([,،])\s*(?:press\s+release|news\s+release|media\s+release|communiqué\s+de\s+presse|comunicado\s+de\s+prensa|nota\s+de\s+prensa|بيان\s+صحفي)\s*[,،]/iu, '$1');
  const dates = findDates(t);
  const date = dates[0];
  // "Berne (ots)", "GENEVA (Reuters)": the place and the wire's tag alone on their line, over the text.
  const tagged = date ? null : /^([^()]{2,40}?)\s*\(\s*([\p{L} ]{2,20}?)\s*\)$/u.exec(t);
  if (tagged && WIRE_TAG.test(tagged[2]!)) {
    const place = placeFrom(tagged[1]!);
    if (typeof place === 'string') return { place, dateIso: null, length: text.length };
  }
  if (!date) {
    // "MADRID, 21 (EUROPA PRESS)", "GENEVA, 17 November": a wire's dateline line without the year.
    const at = yearlessDateAtEnd(t);
    const place = at > 0 ? placeFrom(t.slice(0, at)) : null;
    return typeof place === 'string' ? { place, dateIso: null, length: text.length } : null;
  }
  const lead = /^(?:(?:le|el|the|on)\s+)?/iu.exec(t)![0].length;
  if (date.index <= lead && date.index + date.length < t.length - 2) return dateFirstLine(t.slice(date.index + date.length), date.iso, text.length);
  if (date.index + date.length < t.length - 2) return null;
  const place = placeFrom(t.slice(0, date.index));
  if (place === false || place === null) return null;
  return { place, dateIso: date.iso, length: text.length };
}

/**
 * "Le 18 mai 2020 – Ottawa (Ontario) – Affaires mondiales Canada": a line that gives the date
 * first, then the place, and may end with who issued the release.
 */
function dateFirstLine(rest: string, dateIso: string, length: number): Dateline | null {
  const parts = rest.split(/\s+[–—-]\s+/u);
  if (parts[0]!.trim() !== '' || parts.length < 2 || parts.length > 3) return null;
  const place = placeFrom(parts[1]!);
  if (typeof place !== 'string') return null;
  const issuer = parts[2]?.trim();
  if (issuer !== undefined && (wordCount(issuer) > 6 || !/^\p{Lu}/u.test(issuer) || /[.!?؟:;]/u.test(issuer))) return null;
  return { place, dateIso, length };
}

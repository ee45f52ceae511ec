import { foldText } from '../../shared/search/text';
import { findDates } from './dates';
import { CONTACT_LABEL_RE, ORG_WORDS, ROLE_WORDS, isLabel, isNavBlock } from './lexicon';
import { asciiDigits, cleanLine, nameCase, ub, wordCount } from './normalise';
import { pageNumberRow } from './pager';

/**
 * Media contacts, wherever a release puts them: a sentence ("For further information please
 * contact John Smith at the Nairobi office, Email ..., Tel. ..."), a block of lines, a table
 * flattened to text, several people, e-mail only. Only e-mail addresses and numbers that
 * stand as someone's contact details count: a switchboard, a fax, a text-to-donate short code
 * or a "[email protected]" placeholder does not.
 */

export interface ExtractedContact {
  name: string | null;
  role: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
}

interface Found {
  value: string;
  index: number;
  length: number;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\p{L}\p{N}])/gu;
/**
 * "jsmith [at] example [dot] org", "jsmith[at]example.org": written so robots do not harvest it.
 * The name starts where a run of address characters starts, so a long run is read once.
 */
const OBFUSCATED_EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)\s*[[(]\s*(?:at|arobase|arroba)\s*[\])]\s*([A-Za-z0-9-]+(?:(?:\s*[[(]\s*(?:dot|point|punto)\s*[\])]\s*|\.)[A-Za-z0-9-]+)+)/giu;

export function findEmails(text: string): Found[] {
  const t = text.replace(OBFUSCATED_EMAIL, (_m, user: string, host: string) => {
    const plain = `${user}@${host.replace(/\s*[[(]\s*(?:dot|point|punto)\s*[\])]\s*/giu, '.')}`;
    return plain.padEnd(_m.length, ' ');
  });
  return [...t.matchAll(EMAIL)].map((m) => ({ value: m[0].replace(/\.+$/, ''), index: m.index, length: m[0].length }));
}

const PHONE = /(?<![\p{L}\p{N}@._+/-])(?:\+|00|\(\s*\+?)?\d[\d\s().\-/]{4,26}\d(?:\s*,?\s*(?:ext\.?|x|poste|ext\.?\s*:)\s*\d{1,5})?(?![\p{N}@])/gu;
const NOT_A_PERSONAL_LINE = ub(/switchboard|\bstandard\b|centralita|conmutador|main\s+line|reception|réception|recepción|hotline|helpline|help\s*line|ligne\s+d['’]assistance|ligne\s+verte|línea\s+(?:de\s+ayuda|gratuita)|toll[-\s]?free|numéro\s+vert|البدالة|المقسم|الخط\s+الساخن|الرقم\s+المجاني/iu);
const DONATION_CUE = ub(/\b(text|sms|texto|envoyez|envoie|envía|envia|envie|donate|don|dona|donar|give)\b[^.]{0,40}$|أرسل[^.]{0,40}$|تبرع[^.]{0,40}$/iu);
const FAX_CUE = ub(/\bfax\b|\bfacsimile\b|فاكس\s*:?\s*$/iu);
/** "ISBN 978-2-07-036822-8", "[ISSN] 1020-3478": a book's or a journal's number, not a telephone. */
const BOOK_NUMBER_CUE = /\b(?:isbn|issn)(?:-1[03])?\]?\s*:?\s*$/iu;

const EXTENSION_WORDS = ['poste', 'ext.', 'ext', 'x'];
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c !== undefined && c.trim() === '';

/**
 * "… ext. 12", "…x12", "…, poste 3": the extension that ends a number, read backwards from the
 * end without a pattern (a pattern with `\s*,?\s*` before the word retries every split of a run
 * of spaces: cubic on pasted text).
 */
function splitExtension(p: string): { main: string; ext: string | null } {
  let i = p.length;
  while (isDigit(p[i - 1])) i--;
  if (i === p.length) return { main: p, ext: null };
  let j = i;
  while (isSpace(p[j - 1])) j--;
  if (p[j - 1] === ':') j--;
  while (isSpace(p[j - 1])) j--;
  const before = p.slice(Math.max(0, j - 5), j).toLowerCase();
  const word = EXTENSION_WORDS.find((w) => before.endsWith(w));
  if (!word) return { main: p, ext: null };
  j -= word.length;
  while (isSpace(p[j - 1])) j--;
  if (p[j - 1] === ',') j--;
  while (isSpace(p[j - 1])) j--;
  return { main: p.slice(0, j), ext: p.slice(i) };
}

const NUMBER_CHARS = /^[+0-9][0-9 ().\-/]*$/u;

/** Tidies a number so it fits the contact record (digits, spaces, + ( ) - . / and an extension). */
export function normalisePhone(raw: string): string | null {
  let p = asciiDigits(raw).replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  p = p.replace(/^\(\s*(\+\d{1,4})\s*\)\s*/u, '$1 ');
  // "(246) 555-0142": an area code in brackets; the record wants the number to start with a digit.
  p = p.replace(/^\((\d{1,5})\)\s*/u, '$1 ');
  // "(+41 22 917 0000 / name@…)": the bracket belongs to the sentence, not the number.
  if (p.startsWith('(') && !p.includes(')')) p = p.slice(1).trimStart();
  const { main, ext } = splitExtension(p);
  let number = main;
  if (ext === null) {
    let end = number.length;
    while (end > 0 && (isSpace(number[end - 1]) || '.-/('.includes(number[end - 1]!))) end--;
    number = number.slice(0, end);
  }
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  if (!NUMBER_CHARS.test(number) || !isDigit(number[number.length - 1])) return null;
  return ext === null ? number : `${number} ext. ${ext}`;
}

export function findPhones(text: string): Found[] {
  const t = asciiDigits(text);
  const out: Found[] = [];
  for (const m of t.matchAll(PHONE)) {
    const before = t.slice(Math.max(0, m.index - 45), m.index);
    if (DONATION_CUE.test(before) || FAX_CUE.test(before.slice(-12))) continue;
    // Two numbers written as one ("+254 20 000 0000 / +254 722 000 000"): keep each.
    const pieces = m[0].split(/\s+\/\s+|\s{2,}/u);
    let offset = 0;
    for (const piece of pieces) {
      const at = m[0].indexOf(piece, offset);
      offset = at + piece.length;
      if (findDates(piece).length > 0) continue;
      // "1 94 95 96 97 98 112": a list's row of page numbers, not a number to call.
      if (pageNumberRow(piece.trim())) continue;
      if (BOOK_NUMBER_CUE.test(t.slice(Math.max(0, m.index + at - 12), m.index + at))) continue;
      if (/^\d{4}\s*[-–]\s*\d{4}$/u.test(piece.trim())) continue; // a span of years
      // "Índice AI POL 30/2508/2020": a document's reference, its numbers joined by slashes and closed by its year.
      if (/^[1-9]\d{0,3}\/\d{1,5}\/(?:19|20)\d{2}$/u.test(piece.trim())) continue;
      const value = normalisePhone(piece);
      if (value) out.push({ value, index: m.index + at, length: piece.length });
    }
  }
  return out;
}

/** True when a line carries an e-mail address or a number that could be a person's phone. */
export function hasContactDetail(text: string): boolean {
  if (findEmails(text).length > 0) return true;
  if (NOT_A_PERSONAL_LINE.test(text)) return false;
  return findPhones(text).length > 0;
}

const ATTRIBUTE_LABEL =
  /^(?:tel|tél|tel[eé]fono|telefone|telephone|téléphone|phone|ph|mobile|mob|cell|cellphone|cell\s*phone|portable|mobile\s*phone|móvil|movil|celular|cel|whatsapp|signal|fax|e-?mail|courriel|mail|correo(?:\s+electr[oó]nico)?|direct|office|bureau|oficina|m|t|e|p|o|w|هاتف|الهاتف|جوال|الجوال|موبايل|محمول|البريد\s+الإلكتروني|البريد\s+الالكتروني|بريد\s+إلكتروني|الإيميل|فاكس|واتساب|name|nom|nombre|title|titre|cargo|role|rôle|función|fonction|position|poste|organisation|organization|organisme|organización|téléphone|telephone|teléfono|correo\s+electrónico|الاسم|المنصب|الصفة)\s*\.?\s*[:：]?$/iu;
const LEAD_PHRASES =
  /^(?:(?:please|kindly)\s+)?(?:contact|call|reach|write\s+to|email|e-mail|get\s+in\s+touch\s+with)\s*:?\s+|^(?:(?:veuillez|merci\s+de)\s+)?(?:contacter|contactez|joindre|écrire\s+à)\s*:?\s+|^(?:por\s+favor\s+)?(?:contactar\s+(?:a|con)|contacte\s+(?:a|con)|comuníquese\s+con|comunicarse\s+con|escribir\s+a|llamar\s+a)\s*:?\s+|^(?:يرجى|الرجاء|يُرجى)\s+(?:الاتصال|التواصل|الاتصال\s+مع)\s*(?:بـ\s*|ب\s*|مع\s+)?|^(?:الاتصال|التواصل)\s*(?:بـ\s*|ب\s*|مع\s+)|^(?:or|and|ou|et|o|y|أو|و)\s+|^(?:a|à)\s+(?=\p{Lu})/iu;
// Latin America writes degrees before names in contact blocks: "Licda. Ana Pérez", "Ing. Luis Gómez".
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|m|mme|mlle|sr|sra|srta|dra|السيد|السيدة|الآنسة|الدكتور|الدكتورة|د)\.?\s+|^(?:lic|licda|lcda|lcdo|ing|arq|mtro|mtra|abog|abg)\.\s+/iu;
// "Don José Pérez" is José Pérez; "Don Smith, press officer" is Don Smith: a title only before two names.
const DON = /^(?:[Dd]on|[Dd]oña|DON|DOÑA)\s+(?=\p{Lu}[\p{L}'’-]*\s+\p{Lu})/u;
const NOT_A_NAME_START = /^(?:in|at|on|for|from|to|with|by|the|and|or|of|dans|à|au|aux|en|pour|par|avec|chez|des|et|ou|para|por|con|desde|los|las|y)$/iu;
const NAME_PARTICLE = /^(de|da|das|do|dos|del|della|di|du|van|von|der|den|ter|le|la|bin|ibn|bint|al|el|y|ould|ben|abu|abou|st\.?)$/iu;

/** "Tel. y WhatsApp", "Phone / mobile", "هاتف و واتساب": several labels for one detail. */
function isAttributeLabels(s: string): boolean {
  const parts = s.split(/\s*(?:[/&+,،]|\s(?:and|or|et|ou|y|o|e|و|أو)\s)\s*/u).filter(Boolean);
  return parts.length > 0 && parts.every((p) => ATTRIBUTE_LABEL.test(p));
}

function stripLead(s: string): string {
  let out = s;
  for (let i = 0; i < 4; i++) {
    const label = out.match(CONTACT_LABEL_RE);
    // "Media Relations Officer", "Press Officer": the label words open a job title here.
    if (label && ROLE_WORDS.test(out.slice(label[0].length).trim().split(/\s+/u)[0] ?? '') && !/^\s*[:：]/u.test(out.slice(label[0].length))) break;
    if (label) out = out.slice(label[0].length).replace(/^[\s,:：.،;-]+/u, '');
    const lead = out.match(LEAD_PHRASES);
    if (lead) out = out.slice(lead[0].length);
    if (!label && !lead) break;
  }
  return out.trim();
}

function isArabicWord(w: string): boolean {
  return /^[\u0600-\u06FF\u0750-\u077F]+$/u.test(w);
}

/** A press or media unit named after its organisation: an office, not a person. */
const OFFICE_UNIT = /^(?:(?:press|media|news|communications?|public\s+relations|pr)\s+)?(?:office|team|desk|unit|department|bureau|service|centre|center)s?$/iu;
const UNIT_NOUN = /^(?:service|servicio|direction|direcci[oó]n|bureau|oficina|département|departamento|cellule|gabinete|équipe|equipo|unité|unidad|pôle|secrétariat|secretar[ií]a|division|divisi[oó]n)s?$/iu;
/** "Fenwick Bank press office", "Service de presse de …", "Gabinete de prensa de …", "المكتب الإعلامي": a unit, whole. */
const PRESS_UNIT = ub(/^\p{Lu}.*\s(?:press|media|news|communications?)\s+(?:office|team|desk|unit)$|^(?:service|bureau|cellule|pôle|gabinete|oficina|departamento)\s+(?:de\s+)?(?:presse|prensa|comunicaci[oó]n|communication|m[eé]dias?)\b|^(?:المكتب|القسم|الفريق)\s+(?:الإعلامي|الصحفي)/iu);

/** A mailbox an office shares ("press@…", "media@…", "prensa@…"), not a person's. */
const GENERIC_MAILBOX = /^(?:press|presse|prensa|media|medias|info|information|communications?|comunicacion|news|newsroom|contact|contacto|pressoffice|mediarelations)(?:[._-][a-z]+)?@/iu;

/** "contact", "get in touch with", "contacter", "contactar con", "التواصل مع": what comes before whom to reach. */
const REACH_CUE = /(?:^|\s)(?:contact(?:ing)?|with|contacter|contactez|joindre|auprès\s+de|contactar(?:\s+(?:a|con))?|contacte\s+(?:a|con)|comunicarse\s+con|comuníquese\s+con|مع)\s+(?=\S)/giu;

/**
 * "Journalists who wish to visit should get in touch with Anna Roe": in a sentence, the person
 * to reach is named after the words that say to reach them, not at its start.
 */
function namedAfterCue(text: string): { name: string; rest: string } | null {
  const cues = [...text.matchAll(REACH_CUE)];
  for (const cue of cues.reverse()) {
    const named = leadingName(text.slice(cue.index + cue[0].length));
    if (named) return named;
  }
  return null;
}

const REACH_WORDS = /\b(?:contact(?:ing)?|get\s+in\s+touch|information|interviews?|contacter|contactez|joindre|informations?|entretiens?|contactar|comun[ií]quese|comunicarse|informaci[oó]n|entrevistas?)\b|التواصل|الاتصال|المعلومات|للاستفسار/iu;

/**
 * "Journalists who would like to visit should get in touch with Rosa Tembe, …, at rosa@…": the
 * sentences of the text's last paragraphs that say whom to reach and give an address, for a
 * release with no contact block of its own.
 */
export function reachSentences(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => p.split(/(?<=[.!?؟])\s+(?=\S)/u)).filter((s) => findEmails(s).length > 0 && REACH_WORDS.test(s));
}

/** Words no Arabic name holds: prepositions, "or", and the labels of an address or a number. */
const ARABIC_NAME_STOP = /^(?:على|في|عبر|من|إلى|الى|عن|أو|او|لدى|مع|رقم|برقم|بالرقم|هاتف|الهاتف|بهاتف|جوال|الجوال|موبايل|البريد|بريد|بالبريد|الإلكتروني|الالكتروني|إيميل|الإيميل)$/u;

/** The leading person's name in a piece of text, and what follows it. */
export function leadingName(text: string): { name: string; rest: string } | null {
  const s = text.replace(HONORIFIC, '').replace(DON, '').trim();
  if (s === '') return null;
  const words = s.split(/\s+/u);
  if (words.every(isArabicWord)) {
    // "سارة أحمد على البريد الإلكتروني": the name ends where a preposition or a detail's label begins.
    const end = words.findIndex((w) => ARABIC_NAME_STOP.test(w));
    const taken = end >= 0 ? words.slice(0, end) : words;
    const name = taken.join(' ');
    if (taken.length < 2 || taken.length > 5 || ORG_WORDS.test(name) || ROLE_WORDS.test(name) || isLabel(name) || isNavBlock(name)) return null;
    return { name, rest: words.slice(taken.length).join(' ') };
  }
  // "In Geneva: Jane Roe", "Pour Dakar : …": a capitalised preposition opens a place, not a name.
  if (NOT_A_NAME_START.test(words[0]!)) return null;
  const taken: string[] = [];
  for (const w of words) {
    const ok =
      /^\p{Lu}[\p{L}'’.-]*$/u.test(w) ||
      (taken.length > 0 && NAME_PARTICLE.test(w)) ||
      /^(?:al|el|ould|ben|bin)-\p{Lu}/u.test(w) ||
      /^[dO]['’]\p{Lu}/u.test(w);
    if (!ok || taken.length >= 5) break;
    taken.push(w);
  }
  while (taken.length && NAME_PARTICLE.test(taken[taken.length - 1]!)) taken.pop();
  if (taken.length < 2) return null;
  // "Fenwick Bank press office", "Northfield Council media team": the capitals name the
  // organisation whose office it is, not a person.
  if (OFFICE_UNIT.test(words.slice(taken.length).join(' '))) return null;
  // "Le Service des relations avec les médias", "La Direction de la communication": an article
  // and a unit's name, the office that answers, not a person.
  if (taken.length >= 2 && /^(?:le|la|les|el)$/iu.test(taken[0]!) && UNIT_NOUN.test(taken[1]!)) return null;
  const name = taken.join(' ').replace(/[.,]$/u, '');
  if (ORG_WORDS.test(name) || ROLE_WORDS.test(name) || isLabel(name) || isNavBlock(name) || CONTACT_LABEL_RE.test(name)) return null;
  return { name, rest: words.slice(taken.length).join(' ') };
}

function tidy(s: string): string {
  return cleanLine(s)
    // "/" too: "Ana Ruiz (…) / Luis Gil (…)" leaves the slash at the head of the second person.
    .replace(/^[\s,;:：.،؛()[\]|/–—-]+|[\s,;:：،؛()[\]|/–—-]+$/gu, '')
    .replace(/\.$/u, '')
    .trim();
}

/** Where an e-mail (E) or phone (P) taken out of a line stood: "⟦E0⟧". */
const DETAIL_MARKER = /⟦([EP])(\d+)⟧/gu;
const SEGMENT_SPLIT = /\s*(?:[,،;؛|\t•·]|\s[–—-]\s|\s{2,}|\(|\)|\[|\]|[:：]\s|\s\/\s)\s*/u;
// "John Smith (...) or Mary Jones (...)": a conjunction before another name starts a new person.
const CONJUNCTION_BEFORE_NAME =
  /\s+(?:or|and|ou|et|o|y|أو)\s+(?:a\s+|à\s+|with\s+|con\s+)?(?=(?:(?:mr|mrs|ms|dr|m|mme|sr|sra)\.?\s+)?\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)/gu;

interface Draft extends ExtractedContact {
  group: number;
  /** The name and the organisation could be either way round until an e-mail address tells. */
  nameOrOrg: boolean;
  /** The line its first e-mail or number stood on: a name later on that line is this person's. */
  detailLine: string | null;
}

function blank(group: number): Draft {
  return { name: null, role: null, organisation: null, email: null, phone: null, group, nameOrOrg: false, detailLine: null };
}

/** How well an e-mail's local part fits a name ("jsmith", "john.smith", "smithj" fit "John Smith"). */
export function emailFits(name: string, email: string): number {
  const local = foldText(email.split('@')[0] ?? '');
  const parts = foldText(name).split(/[\s'’-]+/u).filter((p) => p.length >= 2);
  let score = 0;
  for (const p of parts) if (local.includes(p)) score += 2;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first && last && parts.length > 1 && (local.startsWith(first[0]! + last) || local.startsWith(last + first[0]!))) score += 3;
  return score;
}

/** A department of the organisation ("Departamento de Comunicación", "Communications Department"). */
const DEPARTMENT = ub(/^(?:(?:\p{L}+\s+)?(?:department|unit|division)|departamento|département|service|direction|dirección|gabinete|unidad|división|قسم|إدارة|دائرة)\b/iu);

function classifyRest(rest: string, cur: Draft): void {
  const r = tidy(rest.replace(/^(?:at|in|à|au|chez|en|de|del|في|لدى|من)\s+(?:the\s+|le\s+|la\s+|l['’]|el\s+)?/iu, ''));
  if (r === '' || ATTRIBUTE_LABEL.test(r) || isLabel(r) || isNavBlock(r)) return;
  // A press unit with no person before it is who to write to: the organisation.
  if (cur.name === null && PRESS_UNIT.test(r) && wordCount(r) <= 8) {
    cur.organisation ??= r;
    return;
  }
  // "Jane Roe, Press Office": after a person, the unit she speaks for is her role.
  if (cur.name !== null && cur.role === null && OFFICE_UNIT.test(r) && /\s/u.test(r) && /^\p{Lu}/u.test(r)) {
    cur.role = r;
    return;
  }
  if (DEPARTMENT.test(r) && wordCount(r) <= 6) {
    cur.organisation ??= r;
    return;
  }
  // "the Nairobi office" says where the person sits, not who employs them.
  if (/^(?:the\s+)?[\p{L}\s]{1,30}\s+(?:office|bureau|oficina)$/iu.test(r) && !/\p{Lu}\p{L}+\s+\p{Lu}\p{L}+\s+(?:[Oo]ffice|[Bb]ureau|[Oo]ficina)$/u.test(r)) return;
  if (ROLE_WORDS.test(r) && !(ORG_WORDS.test(r) && /^\p{Lu}/u.test(r) && !/\b(?:of|for|de|du|des|para|del)\b/iu.test(r) && wordCount(r) <= 2)) {
    const at = r.match(/^(.*?)\s+(?:at|with|chez|à|au|en|de\s+la|del?)\s+((?:the\s+)?\p{Lu}.*)$/u);
    if (at && ORG_WORDS.test(at[2]!) && ROLE_WORDS.test(at[1]!)) {
      cur.role ??= at[1]!;
      cur.organisation ??= at[2]!.replace(/^the\s+/iu, '');
      return;
    }
    // "Media Relations Officer" then "Northgate University Press Office": with the role known,
    // a line naming an institution is the organisation.
    if (cur.role !== null && cur.organisation === null && ORG_WORDS.test(r) && /^\p{Lu}/u.test(r)) {
      cur.organisation = r;
      return;
    }
    cur.role ??= r;
    return;
  }
  if (ORG_WORDS.test(r) || (/^\p{Lu}/u.test(r) && wordCount(r) >= 2 && wordCount(r) <= 8 && cur.name !== null)) {
    cur.organisation ??= r;
  }
}

/**
 * Reads the people out of a contact region: `groups` are runs of lines with a blank line (or
 * a new paragraph) between them.
 */
export function extractContacts(groups: string[][]): ExtractedContact[] {
  const people: Draft[] = [];
  let cur: Draft | null = null;
  const flush = () => {
    if (cur && (cur.email || cur.phone)) people.push(cur);
    cur = null;
  };
  groups.forEach((lines, g) => {
    for (const rawLine of lines) {
      const line = cleanLine(rawLine);
      if (line === '') continue;
      if (NOT_A_PERSONAL_LINE.test(line) && !findEmails(line).length) continue;
      // E-mail addresses and numbers are taken out before the line is cut at commas and
      // brackets, so "(246) 555-0142" stays one number; each leaves a marker where it stood.
      const lead = stripLead(line);
      const lineEmails = findEmails(lead);
      const linePhones = findPhones(lead.replace(EMAIL, (m) => ' '.repeat(m.length)));
      let marked = lead;
      const details = [...lineEmails.map((f) => ({ ...f, kind: 'E' as const })), ...linePhones.map((f) => ({ ...f, kind: 'P' as const }))].sort((a, b) => b.index - a.index);
      details.forEach((f, k) => {
        marked = `${marked.slice(0, f.index)} ⟦${f.kind}${k}⟧ ${marked.slice(f.index + f.length)}`;
      });
      marked = marked.replace(/\(([^()⟦⟧]{1,40})\)/gu, (m, inside: string) =>
        ROLE_WORDS.test(inside) || ORG_WORDS.test(inside) || /^[\p{Lu}\d&.-]{2,10}$/u.test(inside.trim()) || !/^\p{Lu}/u.test(inside.trim()) ? m : ' ',
      );
      const segments = marked.replace(CONJUNCTION_BEFORE_NAME, ' | ').split(SEGMENT_SPLIT);
      // "Marlow Institute: Priya Sandhu, …": a line opened by a heading and a colon names whom
      // the next person speaks for.
      const heading = /^([^:：⟦⟧,،;]{2,60}?)\s*[:：]\s/u.exec(marked)?.[1]?.trim() ?? null;
      segments.forEach((rawSeg, segIndex) => {
        const seg = rawSeg.trim();
        if (seg === '') return;
        const emails: Found[] = [];
        const phones: Found[] = [];
        for (const m of seg.matchAll(DETAIL_MARKER)) {
          const f = details[Number(m[2])]!;
          (m[1] === 'E' ? emails : phones).push(f);
        }
        let residue = seg.replace(DETAIL_MARKER, ' ');
        const plain = tidy(residue);
        residue = tidy(stripLead(plain));
        // "Bea Thornley, Press Office, on …": mid-line after a name, words that could open a
        // contact section ("Press Office") are the person's unit, not a label.
        if (residue === '' && segIndex > 0 && cur?.name && cur.role === null && OFFICE_UNIT.test(plain) && /^\p{Lu}/u.test(plain)) residue = plain;
        residue = residue.replace(/\s*(?<![\p{L}\p{M}])(?:e-?mail|tel|tél|phone|mobile|mob|courriel|correo|teléfono|هاتف|جوال)\s*\.?$/iu, '').trim();
        if (residue.includes('[email') || residue.includes('email protected')) residue = residue.replace(/\[?email\s*(?:&#160;)?protected\]?/giu, '').trim();
        if (residue !== '' && !isAttributeLabels(residue)) {
          const named = leadingName(residue) ?? namedAfterCue(residue);
          if (named) {
            if (cur && cur.name === null && (cur.email || cur.phone) && cur.detailLine === rawLine) {
              // "anna@… – Anna Roe": the address first, then whose it is, on one line.
              cur.name = named.name;
            } else if (cur && cur.name && !cur.email && !cur.phone) {
              // A second name before any details: the organisation's, unless the e-mail says otherwise.
              if (cur.organisation === null) {
                cur.organisation = named.name;
                cur.nameOrOrg = true;
              }
            } else {
              if (cur && (cur.email || cur.phone)) flush();
              // A department line above the name, with no details of its own, is this person's.
              const department: string | null = cur && !cur.name && !cur.email && !cur.phone ? cur.organisation : null;
              cur = blank(g);
              cur.name = named.name;
              cur.organisation = department;
            }
            if (named.rest) classifyRest(named.rest, cur);
          } else {
            // The heading of a second "Org: Name, …" line starts the next person.
            if (segIndex === 0 && heading !== null && residue === tidy(heading) && cur && (cur.email || cur.phone)) flush();
            cur ??= blank(g);
            classifyRest(residue, cur);
          }
        }
        for (const e of emails) {
          if (cur && cur.email) flush();
          cur ??= blank(g);
          cur.email = e.value;
          cur.detailLine ??= rawLine;
          // "CICR Genève, courriel : press@icrc.org": an organisation's office and its shared
          // mailbox, not a person.
          if (cur.name && cur.organisation === null && GENERIC_MAILBOX.test(e.value) && /^\p{Lu}{2,7}\s/u.test(cur.name)) {
            cur.organisation = cur.name;
            cur.name = null;
          }
          if (cur.nameOrOrg && cur.name && cur.organisation && emailFits(cur.organisation, e.value) > emailFits(cur.name, e.value)) {
            [cur.name, cur.organisation] = [cur.organisation, cur.name];
          }
        }
        for (const p of phones) {
          cur ??= blank(g);
          cur.phone ??= p.value;
          cur.detailLine ??= rawLine;
        }
      });
    }
  });
  flush();
  const seen = new Set<string>();
  const out: ExtractedContact[] = [];
  for (const p of people) {
    const key = `${p.email?.toLowerCase() ?? ''}|${p.phone?.replace(/\D/g, '') ?? ''}|${p.name ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A block written in capitals: the record gets the name as people write it, the address in lower case.
    const email = p.email && !/\p{Ll}/u.test(p.email) ? p.email.toLowerCase() : p.email;
    out.push({ name: p.name && nameCase(p.name), role: p.role, organisation: p.organisation, email, phone: p.phone });
  }
  return sameMailboxOnce(mergeSplitPeople(out));
}

/** A page that prints its press-office box twice ("Contact presse" in the header and the sidebar) gives one contact. */
function sameMailboxOnce(list: ExtractedContact[]): ExtractedContact[] {
  const out: ExtractedContact[] = [];
  for (const p of list) {
    const twin = p.email ? out.find((q) => q.email?.toLowerCase() === p.email!.toLowerCase() && (q.name === null || p.name === null || q.name === p.name)) : undefined;
    if (!twin) {
      out.push(p);
      continue;
    }
    twin.name ??= p.name;
    twin.role ??= p.role;
    twin.organisation ??= p.organisation;
    twin.phone ??= p.phone;
  }
  return out;
}

/** "John Smith, Officer" then "jsmith@..., +254..." on the next line: one person, not two. */
function mergeSplitPeople(list: ExtractedContact[]): ExtractedContact[] {
  const out: ExtractedContact[] = [];
  for (const p of list) {
    const prev = out[out.length - 1];
    if (prev && p.name === null && prev.name !== null && (!prev.email || !p.email) && (!prev.phone || !p.phone)) {
      prev.email ??= p.email;
      prev.phone ??= p.phone;
      prev.role ??= p.role;
      prev.organisation ??= p.organisation;
      continue;
    }
    out.push({ ...p });
  }
  return out;
}

/** The header row of a contact table ("Name | Position | Email | Phone"). */
export function isContactHeaderRow(text: string): boolean {
  const cells = text.split(/\s*\|\s*|\t/u).filter(Boolean);
  return cells.length >= 2 && cells.every((c) => ATTRIBUTE_LABEL.test(c.trim()));
}

/** "والله ولي التوفيق", "والله الموفق", "والسلام عليكم …": the formula an Arabic statement closes with, above its signature. */
export const ARABIC_CLOSING = /^و?(?:الله\s+(?:ولي|الموفق|من\s+وراء)|السلام\s+عليكم)/u;

const arabicLine = (text: string) => /^[\u0600-\u06FF\u0750-\u077F\s/،.-]+$/u.test(text) && !/[.؟!]$/u.test(text.trim());
/** A role opening the word: "مستشار", "المتحدث", "مدير" (ROLE_WORDS holds the Arabic roles too). */
const roleWord = (w: string) => ROLE_WORDS.test(w);
/** Two to four Arabic words that name a person: no role, no organisation, no closing formula. */
function arabicName(words: string[]): string | null {
  if (words.length < 2 || words.length > 4 || words.some((w) => roleWord(w) || ORG_WORDS.test(w))) return null;
  const name = words.join(' ');
  if (ARABIC_CLOSING.test(name)) return null;
  const lead = leadingName(name);
  return lead !== null && lead.name === name ? name : null;
}

/**
 * An Arabic statement signed under its text by who issued it, with no contact label: the name and
 * the role on one line ("عبد القادر أحمد مستشار وزير الصحة"), or the name alone over the office and
 * a line that opens with the role ("المتحدث الرسمي / …"). The signer is whom the press reaches about
 * it. `lines` are the lines under the text's last paragraph; returns the contact and the index of
 * the line the signature starts on.
 */
export function arabicSignature(lines: string[]): { contact: ExtractedContact; at: number } | null {
  for (let k = 0; k < lines.length; k++) {
    const line = cleanLine(lines[k]!);
    if (!arabicLine(line) || wordCount(line) > 16) continue;
    const words = line.split(/\s+/u);
    // The name, then the role on the same line.
    const roleAt = words.findIndex((w, i) => i >= 2 && i <= 4 && roleWord(w));
    const named = roleAt > 0 ? arabicName(words.slice(0, roleAt)) : null;
    if (named !== null) return { contact: { name: named, role: words.slice(roleAt).join(' '), organisation: null, email: null, phone: null }, at: k };
    // The name alone, the office and the role on the lines under it.
    const alone = arabicName(words);
    if (alone === null) continue;
    const under = lines.slice(k + 1, k + 4).map(cleanLine);
    const roleLine = under.findIndex((u) => arabicLine(u) && roleWord(u.split(/\s+/u)[0] ?? ''));
    if (roleLine < 0) continue;
    const office = under.slice(0, roleLine).find((u) => arabicLine(u) && wordCount(u) <= 10) ?? null;
    return { contact: { name: alone, role: under[roleLine]!, organisation: office, email: null, phone: null }, at: k };
  }
  return null;
}

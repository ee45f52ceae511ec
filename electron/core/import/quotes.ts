import { ORG_WORDS, ROLE_WORDS } from './lexicon';
import { nameCase, ub, wordCount } from './normalise';

/**
 * Quotations in a release's body and who said them, from the attributions releases use in
 * four languages: '"…," said Jane Doe, Regional Director.', 'Jane Doe said: "…"',
 * '« … », a déclaré Marie Dupont', '"…", afirmó Ana Torres', 'وقالت سارة منصور: "…"'.
 * "She added" and "a-t-il ajouté" go to the last speaker named. A quote whose speaker the text
 * does not give keeps a null speaker rather than a guess.
 */

export interface ExtractedQuote {
  speaker: string | null;
  /** The speaker's job where the release gives it beside the name. */
  role?: string | null;
  text: string;
}

interface Span {
  text: string;
  start: number;
  end: number;
}

const SPANS: RegExp[] = [
  /“([^“”]{2,}?)”/gu,
  /"([^"]{2,}?)"/gu,
  /«\s*([^«»]{2,}?)\s*»/gu,
  /„([^„“”]{2,}?)[“”]/gu,
  /‘([^‘]{10,}?[,.!?])’(?!\p{L})/gu,
  // Straight single quotes (British house style): an apostrophe inside a word ("museum's") does
  // not close the quote, and the words must end in punctuation as speech does.
  /(?<![\p{L}\p{N}])'(\p{Lu}(?:[^'\n]|(?<=\p{L})'(?=\p{L})){8,}?[,.!?])'(?![\p{L}\p{N}])/gu,
];

function spansOf(p: string): Span[] {
  const found: Span[] = [];
  for (const re of SPANS) {
    re.lastIndex = 0;
    for (const m of p.matchAll(re)) found.push({ text: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  // Spanish writes speech between dialogue dashes: "—El manglar es nuestra despensa —explicó X." or
  // "—Es un paso—, afirmó X.": the words run from the opening dash to the dash before the attribution.
  const dash = p.match(/^(\s*[—―]\s*)([^—―]{2,}?)\s*[—―](?=\s*[,.]?\s*\p{Ll})/u);
  if (dash) found.push({ text: dash[2]!, start: dash[1]!.length - 1, end: dash[0].length });
  found.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  // A quote running on into the next paragraph opens and does not close here.
  if (out.length === 0) {
    const open = p.match(/^\s*[“"«]\s*/u);
    if (open && !/[”"»]/u.test(p.slice(open[0].length))) out.push({ text: p.slice(open[0].length), start: 0, end: p.length });
  }
  return out;
}

const PARTICLE = '(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|y|dos|das|ould|ben|abu)';
const NAME_RE = new RegExp(`(?:(?:Dr|Mr|Mrs|Ms|Prof|Mme|Mlle|Sr|Sra|Dra|Pr|M(?=\\.)|Ing|Lic|Licda|Lcda|Arq|Mtro|Mtra)\\.?\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:${PARTICLE}\\s+)*\\p{Lu}[\\p{L}'’-]+){0,4}`, 'gu');
// Any case: a release written in capitals writes "DR ROSE ATIM". "Don" and "Doña" are titles before a
// first name and a surname ("Don José Pérez"); before one word they are the name ("Don Bradman").
const HONORIFIC = /^(?:(?:Dr|Mr|Mrs|Ms|Prof|Mme|Mlle|Sr|Sra|Dra|M|Pr|Rev|Hon)\.?|(?:Ing|Lic|Licda|Lcda|Lcdo|Arq|Mtro|Mtra|Abg)\.|Professor|Professeure?|Profesora?|Doctor|Doctora|Docteure?|Madame|Monsieur|Señora?|Sir|Dame)\s+|^(?:Don|Doña)\s+(?=\S+\s+\S)/iu;

const VERBS_EN =
  'said|says|added|adds|explained|explains|stressed|stresses|noted|notes|warned|warns|urged|urges|insisted|insists|emphasi[sz]ed|emphasi[sz]es|commented|comments|concluded|concludes|declared|declares|stated|states|underlined|underlines|highlighted|highlights|recalled|recalls|continued|continues|told\\s+[\\p{L} ]{1,30}?|remarked|observed|pointed\\s+out|acknowledged|believes|argued|argues|cautioned|according\\s+to';
const VERBS_FR =
  "a\\s+déclaré|déclare|a\\s+affirmé|affirme|a\\s+souligné|souligne|a\\s+expliqué|explique|a\\s+ajouté|ajoute|a\\s+indiqué|indique|a\\s+précisé|précise|a\\s+estimé|estime|a\\s+rappelé|rappelle|a\\s+insisté|insiste|a\\s+averti|avertit|a\\s+conclu|conclut|a\\s+poursuivi|poursuit|commente|a\\s+commenté|témoigne|a\\s+témoigné|raconte|a\\s+raconté|confie|a\\s+confié|observe|a\\s+observé|note|a\\s+noté|s['’]inquiète|martèle|a\\s+martelé|assure|a\\s+assuré|reconnaît|a\\s+reconnu|relève|a\\s+relevé|résume|a\\s+résumé|prévient|a\\s+prévenu|plaide|a\\s+plaidé|se\\s+réjouit|s['’]est\\s+réjoui(?:e)?|selon|d['’]après";
const VERBS_ES =
  // Spain writes the attribution in the perfect ("ha señalado", "han afirmado") as often as in the preterite.
  'ha(?:n)?\\s+(?:dicho|señalado|afirmado|declarado|explicado|añadido|agregado|destacado|subrayado|indicado|asegurado|advertido|sostenido|expresado|comentado|manifestado|apuntado|insistido|concluido|recordado|precisado|reconocido|valorado|lamentado|defendido|resaltado|enfatizado)|dijo|dice|afirmó|afirma|declaró|declara|señaló|señala|explicó|explica|añadió|añade|agregó|agrega|destacó|destaca|subrayó|subraya|indicó|indica|aseguró|asegura|advirtió|advierte|sostuvo|sostiene|expresó|expresa|comentó|comenta|manifestó|manifiesta|apuntó|apunta|insistió|insiste|concluyó|concluye|recordó|recuerda|precisó|relató|relata|contó|narró|narra|detalló|detalla|opinó|opina|reconoció|reconoce|resaltó|resalta|enfatizó|enfatiza|puntualizó|puntualiza|mencionó|menciona|aseveró|asevera|sentenció|lamentó|lamenta|celebró|según';
const VERBS = `${VERBS_EN}|${VERBS_FR}|${VERBS_ES}`;
const VERBS_AR =
  'و?(?:قال|قالت|يقول|تقول|أضاف|أضافت|يضيف|تضيف|أكد|أكدت|يؤكد|تؤكد|صرح|صرحت|صرّح|صرّحت|أوضح|أوضحت|أشار|أشارت|شدد|شددت|شدّد|شدّدت|ذكر|ذكرت|لفت|لفتت|اعتبر|اعتبرت|أعلن|أعلنت|بحسب|وفقا\\s+ل|وفقاً\\s+ل)';

const PRONOUN = ub(/^(?:he|she|they|il|elle|ils|elles|él|ella|ellos|ellas)\b|^-t-(?:il|elle)\b|^t-(?:il|elle)\b/iu);

/**
 * A full stop that ends a sentence, not one after a title or an initial ("said Dr. Jane Roe",
 * "said Mary J. Blige"): the name runs on after those.
 */
const SENTENCE_STOP = `(?:(?<!(?:^|[\\s(])(?:Dr|Mr|Mrs|Ms|Prof|Mme|Mlle|Sr|Sra|Srta|Dra|Pr|Rev|Hon|Gen|Sen|Rep|Gov|Amb|Capt|Col|Lt|Sgt|St|Mt|Jr|Ing|Lic|Licda|Lcda|Lcdo|Arq|Mtro|Mtra|Abg|\\p{Lu}))\\.|[;!?])(?:\\s|$)`;
const AFTER_VERB_FIRST = ub(new RegExp(`^\\s*[,،]?\\s*(?:-t-(?:il|elle)\\s+)?(?:${VERBS})(?:-t-(?:il|elle)|-(?:il|elle))?\\b\\s*(.{0,160}?)(?:${SENTENCE_STOP}|$|\\s*[“"«])`, 'iu'));
const AFTER_NAME_FIRST = ub(new RegExp(`^\\s*[,،]?\\s*(${NAME_RE.source})(?:\\s*,\\s*[^,“"«]{2,100},)?\\s+(?:${VERBS})\\b`, 'u'));
const BEFORE_NAME_VERB = ub(new RegExp(`(${NAME_RE.source})(?:\\s*,\\s*[^,“"«]{2,120}?,)?\\s+(?:${VERBS}|(?:has|had)\\s+(?:said|stated|declared))(?:\\s+(?:that|que|today|aujourd['’]hui|hoy))?\\s*[:：,]?\\s*$`, 'u'));
const BEFORE_ACCORDING = ub(new RegExp(`(?:according\\s+to|selon|d['’]après|según|as\\s+(${NAME_RE.source})\\s+(?:put|says|said)\\s+it)\\s*(${NAME_RE.source})?[^“"«]{0,120}?[,:]?\\s*$`, 'iu'));
const BEFORE_AR = ub(new RegExp(`(?:^|[\\s.،])${VERBS_AR}\\s+([^،:"«“.]{2,60}?)(?:\\s*[،,]\\s*([^:"«“]{2,160}?))?\\s*[:：,،]?\\s*$`, 'u'));
// "For Jane Doe, regional director, “…”", "Pour Marie Dupont, « … »", "Para Ana Torres, “…”".
const BEFORE_FOR = new RegExp(`(?:^|[.!?]\\s+)(?:[Ff]or|[Pp]our|[Pp]ara)\\s+(${NAME_RE.source})\\s*,[^“"«.]{0,160}?[,:]?\\s*$`, 'u');
// "…, the organisations said:" or "…, Carmen Duarte, declaró:" just before the quote.
const VERB_COLON = ub(new RegExp(`(?:${VERBS})\\s*[:：]\\s*$`, 'iu'));
// The verb whole: "قالت فاطمة" is not "قال" and a name "ت فاطمة".
const AFTER_AR = ub(new RegExp(`^\\s*[،,.]?\\s*${VERBS_AR}(?![\\u0600-\\u06FF])\\s*([^،,:.]{0,60})`, 'u'));

const UNNAMED_AFTER = ub(
  new RegExp(`^\\s*[,،]?\\s*(?:the|les?|la|l['’]|el|los|las|une?|a|an)\\s+[^.“"«]{1,80}?\\s+(?:${VERBS})\\b`, 'iu'),
);

/**
 * A sentence after a quote that points back at it and names who spoke: "Those were the words of
 * Dr. Jane Roe", "Ces mots sont ceux de Marie Dupont", "Así lo expresó Ana Torres".
 */
const BACK_REFERENCE = ub(/^\s*(?:those|these|that|this|such|so|thus|ces?|cet|cette|tels?|telles?|ainsi|c['’]est|voilà|esas?|esos?|estas?|estos?|ese|este|así|tales|fue|fueron)\b/iu);
const SPEECH_CUE = ub(new RegExp(`\\b(?:words?|message|remarks?|comments?|verdict|put\\s+it|mots|paroles|propos|dit|palabras|mensaje|lo\\s+(?:dijo|expresó|explicó|resumió|afirmó)|${VERBS})\\b`, 'iu'));

function backReference(text: string): string | null {
  const sentence = text.trim().split(new RegExp(SENTENCE_STOP, 'u'))[0] ?? '';
  if (sentence.length > 300 || !BACK_REFERENCE.test(sentence) || !SPEECH_CUE.test(sentence)) return null;
  const full = [...sentence.matchAll(NAME_RE)].map((m) => cleanName(m[0])).find((c) => c.split(/\s+/u).length >= 2 && isPlausibleName(c));
  return full ?? null;
}

/**
 * A title written before a full name ("Mayor Rosa Delahunty", "Ministra Ana Gil"): the speaker
 * is the person. A title before a surname alone ("Mayor Delahunty") stays, or nothing is left.
 */
const TITLE_BEFORE_NAME = ub(/^(?:mayor|minister|president|senator|governor|ambassador|councillor|councilor|commissioner|judge|justice|bishop|archbishop|father|sister|imam|rabbi|pastor|reverend|sheikh|chairman|chairwoman|chairperson|maire|ministre|président|présidente|sénateur|sénatrice|ambassadeur|ambassadrice|alcalde|alcaldesa|ministro|ministra|presidente|presidenta|senador|senadora|gobernador|gobernadora|embajador|embajadora|consejero|consejera)\s+(?=\p{Lu}\S*\s+\p{Lu})/iu);

function cleanName(n: string): string {
  return n.replace(HONORIFIC, '').replace(TITLE_BEFORE_NAME, '').trim();
}

function isPlausibleName(n: string): boolean {
  return !ROLE_WORDS.test(n) && !ORG_WORDS.test(n) && !ub(/^(The|This|These|It|We|Our|La|Le|Les|El|Los|Las|Nous|Nosotros|Today|Aujourd|Hoy)\b/u).test(n);
}

/** The first person's name in an attribution ("the Regional Director, Jane Doe" → "Jane Doe"). */
function nameIn(text: string, known: string[], mentioned: string[] = []): string | null {
  const candidates = [...text.matchAll(NAME_RE)].map((m) => cleanName(m[0])).filter(Boolean);
  const full = candidates.find((c) => c.split(/\s+/u).length >= 2 && isPlausibleName(c));
  if (full) return full;
  const single = candidates.find((c) => isPlausibleName(c));
  if (!single) return null;
  const matches = (k: string) => k.split(/\s+/u).pop() === single || k.split(/\s+/u)[0] === single;
  return known.find(matches) ?? mentioned.find((k) => k.split(/\s+/u).pop() === single) ?? single;
}

/**
 * The words after which an Arabic attribution stops naming its speaker: "وقال … للصحفيين في
 * جنيف", "وقالت المنظمة في تغريدة إن": a place, an audience, a medium or "that" follows the name.
 */
const AR_STOP = new Set([
  'في', 'خلال', 'أمام', 'امام', 'عبر', 'على', 'إلى', 'الى', 'إن', 'أن', 'ان', 'بأن', 'بان', 'وأن', 'وإن', 'إنه', 'إنها',
  'أنه', 'أنها', 'اليوم', 'أمس', 'امس', 'يوم', 'لدى', 'بعد', 'قبل', 'حيث', 'مع', 'عن', 'من', 'عقب', 'أثناء', 'اثناء',
  'ضمن', 'لوكالة', 'لوسائل', 'لقناة', 'لصحيفة', 'لموقع', 'لشبكة', 'لإذاعة', 'لتلفزيون', 'بمناسبة', 'تعليقا', 'تعليقاً',
]);
const AR_VERB_WORD = new RegExp(`^${VERBS_AR}$`, 'u');
const ARABIC_LETTER = /[\u0600-\u06FF]/u;

function arStop(word: string): boolean {
  // "للصحفيين", "للإذاعة": "to the …", an audience, never part of a name.
  return AR_STOP.has(word) || (word.startsWith('لل') && word.length > 3);
}

/** The words of a release, for a surname an attribution gives alone ("وقال فينسيكيرا"). */
function arabicWordsOf(paragraphs: readonly string[]): string[] {
  const text = paragraphs.join(' ');
  if (!ARABIC_LETTER.test(text)) return [];
  return text.split(/[\s.,،:;؛!?؟"«»“”()]+/u).filter(Boolean);
}

/** The words of an Arabic attribution's subject: its titles gone, cut where a place or "that" begins. */
function subjectWords(text: string): string[] {
  const t = text.trim().replace(/^(?:(?:السيد|السيدة|الدكتور|الدكتورة|د\.|المهندس|المهندسة|م\.|الأستاذ|الأستاذة|أ\.|الشيخ|الشيخة|معالي|سعادة|سمو|فضيلة)\s+)+/u, '');
  const all = t === '' ? [] : t.split(/\s+/u);
  const stop = all.findIndex(arStop);
  return stop < 0 ? all : all.slice(0, stop);
}

/**
 * The person an Arabic attribution names, or null where it names an organisation, a title
 * alone or a clause. A Latin name after an Arabic verb ("قال John Smith") is a name too.
 */
function arabicName(text: string, words: readonly string[] = []): string | null {
  // Courtesy and professional titles go; the name stays ("المهندس سامر الخطيب" → "سامر الخطيب").
  const kept = subjectWords(text);
  if (kept.length === 0) return null;
  const name = kept.join(' ');
  if (!ARABIC_LETTER.test(name)) {
    const latin = cleanName(name);
    const whole = latin.match(NAME_RE);
    return whole && whole[0] === latin && isPlausibleName(latin) ? latin : null;
  }
  if (ROLE_WORDS.test(name)) {
    // "المديرة الإقليمية سارة منصور": the name follows the title; take the last two words.
    return kept.length >= 4 ? kept.slice(-2).join(' ') : null;
  }
  // "وقالت المنظمة", "وأضافت الوزارة": a noun with its article is an organisation, not a person;
  // "وأشارت خلال …" is a second verb, not a name.
  const first = kept[0]!;
  if (first.startsWith('ال') || AR_VERB_WORD.test(first) || kept.length > 4 || kept.some((w) => /\p{Nd}/u.test(w))) return null;
  if (kept.length > 1) return name;
  return fullNameOf(first, words);
}

/** A surname given alone is the full name the release gave before ("توني فينسيكيرا"), or nothing. */
function fullNameOf(single: string, words: readonly string[]): string | null {
  let seen = 0;
  for (const [i, w] of words.entries()) {
    if (w !== single) continue;
    seen += 1;
    const before = words[i - 1];
    if (before && ARABIC_LETTER.test(before) && !before.startsWith('ال') && !before.startsWith('و') && !arStop(before) && !AR_VERB_WORD.test(before)) {
      return `${before} ${single}`;
    }
  }
  // Named twice without a first name: the release calls the person so.
  return seen >= 2 ? single : null;
}

interface Attribution {
  speaker: string | null;
  pronoun: boolean;
}

function attribution(before: string, after: string, known: string[], mentioned: string[] = [], words: readonly string[] = []): Attribution | null {
  if (/^\s*[,،]?\s*(?:a|ont|avait)-t-(?:il|elle|ils|elles)\s+\p{L}+/u.test(after)) return { speaker: null, pronoun: true };
  const a = after.match(AFTER_VERB_FIRST);
  if (a) {
    const rest = a[1]!.trim();
    if (rest === '' || PRONOUN.test(rest)) return { speaker: null, pronoun: true };
    return { speaker: nameIn(rest, known, mentioned), pronoun: false };
  }
  const n = after.match(AFTER_NAME_FIRST);
  // '"…," Delaney added.': a surname alone is the person named in full earlier.
  if (n && isPlausibleName(cleanName(n[1]!))) return { speaker: nameIn(cleanName(n[1]!), known, mentioned), pronoun: false };
  const back = backReference(after);
  if (back) return { speaker: back, pronoun: false };
  if (ub(/^\s*[,،]?\s*(?:he|she|they|il|elle|él|ella)\s+(?:said|says|added|explained|a\s+déclaré|ajoute|dijo|añadió)\b/iu).test(after)) {
    return { speaker: null, pronoun: true };
  }
  // "…," the experts said: a quote whose speaker is a group or a title, not a name.
  if (UNNAMED_AFTER.test(after)) return { speaker: null, pronoun: false };
  const ar = after.match(AFTER_AR);
  if (ar) {
    const who = arabicName(ar[1] ?? '', words);
    // "قال." or "قالت في بيان": the verb alone is "he said"; a subject that is no person's name is nobody named.
    return who ? { speaker: who, pronoun: false } : { speaker: null, pronoun: subjectWords(ar[1] ?? '').length === 0 };
  }
  const tail = before.slice(-220);
  const b = tail.match(BEFORE_NAME_VERB);
  if (b && isPlausibleName(cleanName(b[1]!))) return { speaker: nameIn(cleanName(b[1]!), known, mentioned), pronoun: false };
  const acc = tail.match(BEFORE_ACCORDING);
  if (acc) {
    const who = acc[1] ?? acc[2];
    if (who) return { speaker: nameIn(who, known, mentioned), pronoun: false };
  }
  const bar = tail.match(BEFORE_AR);
  if (bar) {
    // "وقال المدير الإقليمي، خالد العمري:": the title first, the name after the comma.
    const who = arabicName(bar[1]!, words) ?? (bar[2] ? arabicName(bar[2], words) : null);
    if (who) return { speaker: who, pronoun: false };
    return { speaker: null, pronoun: subjectWords(bar[1]!).length === 0 };
  }
  if (/(?:he|she|il|elle|él|ella)\s+(?:said|says|added|a\s+déclaré|a\s+ajouté|dijo|añadió)\s*[:：,]?\s*$/iu.test(tail)) {
    return { speaker: null, pronoun: true };
  }
  const forName = tail.match(BEFORE_FOR);
  if (forName && isPlausibleName(cleanName(forName[1]!))) return { speaker: cleanName(forName[1]!), pronoun: false };
  if (VERB_COLON.test(tail)) {
    // Only a full name in the same sentence: "In a joint statement, the organisations said:" names nobody.
    const sentence = tail.split(/[.!?]\s+/u).pop() ?? '';
    const full = [...sentence.matchAll(NAME_RE)].map((m) => cleanName(m[0])).find((c) => c.split(/\s+/u).length >= 2 && isPlausibleName(c));
    return { speaker: full ?? null, pronoun: false };
  }
  return null;
}

function tidyQuote(t: string): string {
  return t
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[,،]$/u, '')
    .trim();
}

/** Full names the release mentions anywhere: "Mr. Pisani said" is the Marcelo Pisani named above. */
function namesIn(paragraphs: string[]): string[] {
  const names: string[] = [];
  for (const p of paragraphs) {
    for (const m of p.matchAll(NAME_RE)) {
      const n = cleanName(m[0]);
      if (n.split(/\s+/u).length >= 2 && n.split(/\s+/u).length <= 4 && isPlausibleName(n) && !names.includes(n)) names.push(n);
    }
  }
  return names;
}

/**
 * The job a release gives beside a name: "the Regional Director, Jane Roe," or
 * "Jane Roe, Regional Director of X, said". Only a phrase with a job title in it counts.
 */
export function roleOf(name: string, paragraphs: string[]): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const before = new RegExp(`(?:^|[.!?]\\s+)((?:[^.!?]|\\.(?=\\S))*?)\\s*,\\s*${escaped}\\s*,`, 'u');
  // "سارة منصور، المديرة الإقليمية:": the Arabic comma, and a colon before the quotation.
  const after = new RegExp(`${escaped}\\s*[,،]\\s*([^,،;.:]{3,120}?)\\s*[,،:]`, 'u');
  // '… said Marie Dupont, head of the Bukavu office.': the role closes the sentence.
  const closing = new RegExp(`${escaped}\\s*[,،]\\s*([^,،;.!?]{3,120})[.!?]?$`, 'u');
  for (const p of paragraphs) {
    const b = p.match(before)?.[1]?.trim();
    if (b && ROLE_WORDS.test(b) && wordCount(b) <= 16) return b.replace(/^(?:the|la|le|el|l['’])\s+/iu, '');
    const a = p.match(after)?.[1]?.trim();
    if (a && ROLE_WORDS.test(a) && wordCount(a) <= 16 && !/\b(?:said|says|a\s+déclaré|dijo|afirmó)\b/iu.test(a)) return a.replace(/^(?:the|la|le|el|l['’])\s+/iu, '');
  }
  for (const p of paragraphs) {
    for (const sentence of p.split(/(?<=[.!?])\s+/u)) {
      const c = closing.exec(sentence.trim())?.[1]?.trim();
      // A clause is no role: "…, adding that the press …", "…, qui a rappelé …".
      if (c && ROLE_WORDS.test(c) && wordCount(c) <= 12 && !CLAUSE.test(c)) return c.replace(/^(?:the|la|le|el|l['’])\s+/iu, '');
    }
  }
  return null;
}

/** The words that open a clause rather than a job's name after a speaker's name. */
const CLAUSE = ub(/\b(?:that|who|which|whose|adding|saying|noting|while|when|where|because|que|qui|dont|où|ajoutant|quien|quienes|cuyo|cuya|donde|cuando|añadiendo|said|says|a\s+déclaré|dijo|afirmó)\b/iu);

/** "Anne Tremblay, ministre de la Solidarité": a signature line, the name then the role. */
const SIGNATURE = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),\s+\p{L}/u;

/** "— Marie Dupont, head of the Bukavu office": a pull quote's attribution line, a dash before the name. */
const DASHED = new RegExp(`^\\s*[—–―-]\\s*(${NAME_RE.source})\\s*(?:[,،(]|\\.?\\s*$)`, 'u');

/**
 * The speaker a line under a quote standing alone names: a signature ("Anne Tremblay, ministre
 * de la Solidarité"), a dash and a name ("— Marie Dupont, head of the Bukavu office"), or the
 * rest of the sentence the paragraph break cut ("said Marie Dupont, head of the Bukavu office.").
 */
function speakerUnder(next: string, mentioned: string[], words: readonly string[]): string | null {
  if (wordCount(next) > 25) return null;
  const sig = /[.!?؟]$/u.test(next) ? null : SIGNATURE.exec(next);
  if (sig) return sig[1]!;
  const dashed = DASHED.exec(next);
  if (dashed && isPlausibleName(cleanName(dashed[1]!))) return cleanName(dashed[1]!);
  if (!/^\s*\p{Ll}/u.test(next)) return null;
  const attr = attribution('', ` ${next}`, [], mentioned, words);
  return attr && !attr.pronoun && attr.speaker ? nameCase(attr.speaker) : null;
}

export function extractQuotes(paragraphs: string[]): ExtractedQuote[] {
  const out = readQuotes(paragraphs);
  // A quote standing alone with its speaker named on the line under it (a ministry's signature,
  // a pull quote's attribution, a sentence a page cut after the quotation).
  let mentioned: string[] | null = null;
  for (const [i, p] of paragraphs.entries()) {
    const next = paragraphs[i + 1];
    // The closing mark may stand before the comma the sentence goes on from ('"…",' in Spanish).
    if (next === undefined || !/^\s*[“"«]/u.test(p) || !/[”"»][,،]?\s*$/u.test(p)) continue;
    const q = out.find((x) => x.speaker === null && p.includes(x.text));
    if (!q) continue;
    mentioned ??= namesIn(paragraphs);
    const speaker = speakerUnder(next, mentioned, arabicWordsOf(paragraphs));
    if (speaker) q.speaker = speaker;
  }
  const roles = new Map<string, string | null>();
  for (const q of out) {
    if (!q.speaker) continue;
    if (!roles.has(q.speaker)) roles.set(q.speaker, roleOf(q.speaker, paragraphs));
    const role = roles.get(q.speaker);
    if (role) q.role = role;
  }
  return out;
}

function readQuotes(paragraphs: string[]): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  const known: string[] = [];
  const mentioned = namesIn(paragraphs);
  const arWords = arabicWordsOf(paragraphs);
  let lastSpeaker: string | null = null;
  let previousHadQuote = false;
  // A quote whose paragraph ended without closing it: the next paragraph may carry it on.
  let open: ExtractedQuote | null = null;
  // "X, who led the survey, said:" alone: the attribution of the quote opening the next paragraph.
  let leadIn: string | null = null;
  for (const [index, raw] of paragraphs.entries()) {
    let p = raw;
    const carried: ExtractedQuote | null = open;
    open = null;
    if (carried) {
      // Typographers reopen each paragraph of a long quote: “ or " in English, » or « in French.
      const reopen = p.match(/^\s*[“"«»„]\s*/u);
      if (reopen) {
        const body = p.slice(reopen[0].length);
        const close = body.search(/[”"»]/u);
        const piece = tidyQuote(close >= 0 ? body.slice(0, close) : body);
        carried.text = `${carried.text} ${piece}`;
        if (close < 0) {
          open = carried;
          previousHadQuote = true;
          continue;
        }
        const after = body.slice(close + 1);
        if (!carried.speaker) {
          const attr = attribution('', after, known, mentioned, arWords);
          if (attr) carried.speaker = attr.pronoun ? lastSpeaker : attr.speaker && nameCase(attr.speaker);
        }
        p = ' '.repeat(raw.length - after.length) + after;
      }
    }
    const spans = spansOf(p);
    const lead = leadIn;
    leadIn = null;
    let hadQuote = false;
    let prevInParagraph: { quote: ExtractedQuote; end: number } | null = null;
    for (const s of spans) {
      const text = tidyQuote(s.text);
      const words = wordCount(text);
      if (words < 3) continue;
      const before = p.slice(0, s.start);
      const attr = attribution(lead !== null && before.trim() === '' ? `${lead} ` : before, p.slice(s.end), known, mentioned, arWords);
      const wholeParagraph = p.slice(0, s.start).trim() === '' && /^[\s.,]*$/u.test(p.slice(s.end));
      if (!attr) {
        // The second half of a split quote: '"We came," said X, "and we stayed."'
        if (prevInParagraph && s.start - prevInParagraph.end < 120) {
          // The comma that ended the first half stood for a full stop when a new sentence follows.
          const first = prevInParagraph.quote.text;
          const joiner = /^\p{Lu}/u.test(text) && !/[.!?؟]$/u.test(first) ? '. ' : ' ';
          prevInParagraph.quote.text = `${first}${joiner}${text}`;
          prevInParagraph.end = s.end;
          continue;
        }
        if (!wholeParagraph || words < 5) continue;
        // A quote standing alone, its speaker named in the next paragraph ("Those were the words of …").
        const named = backReference(paragraphs[index + 1] ?? '');
        const speaker: string | null = named ? nameCase(named) : previousHadQuote ? lastSpeaker : null;
        if (named && speaker) {
          if (!known.includes(speaker)) known.push(speaker);
          lastSpeaker = speaker;
        }
        const quote = { speaker, text };
        out.push(quote);
        prevInParagraph = { quote, end: s.end };
        hadQuote = true;
        continue;
      }
      if (words < 4 && !attr.speaker) continue;
      const speaker: string | null = attr.pronoun ? lastSpeaker : attr.speaker && nameCase(attr.speaker);
      if (speaker && !known.includes(speaker)) known.push(speaker);
      if (speaker) lastSpeaker = speaker;
      const quote = { speaker, text };
      out.push(quote);
      prevInParagraph = { quote, end: s.end };
      hadQuote = true;
    }
    const last = out[out.length - 1];
    const lastSpan = spans[spans.length - 1];
    // The quote ran to the end of the paragraph without its closing mark.
    if (hadQuote && last && lastSpan && lastSpan.end === p.length && !/[”"»]\s*$/u.test(p)) open = last;
    if (spans.length === 0 && /[:：]\s*$/u.test(p) && wordCount(p) <= 40) leadIn = p;
    previousHadQuote = hadQuote || carried !== null;
  }
  return out;
}

import type { Classified } from './classify';
import { isProse } from './classify';
import { findDates, isUpdatedDateLine } from './dates';
import { ARABIC_MARKS, ub, wordCount } from './normalise';

/**
 * A page that holds no release but reads like an article: an organisation's "Our work" or "Who
 * we are" page, a service's guidance, a job offer, a campaign's standing page. Its shape is an
 * article's (a title over paragraphs of running text), so no list rule sees it. What tells it
 * apart is what a release has and it lacks: a release is dated or placed, quotes someone who
 * said something, names a media contact, closes with an end mark or its boilerplate, carries a
 * "Press release" label, or tells of what someone did (announced, launched, condemned) on a day.
 * A page with none of that and a standing page's marks (it describes "our" work in the present,
 * addresses "you", sets a heading such as "Who we are", gives opening hours or the day it was
 * last updated) is refused. Refusing a release costs more than storing a page, so one piece of
 * release evidence is enough to keep a page.
 */

/** What the reading of the page found that only a release, a statement or a news story has. */
export interface ReadFields {
  place: string | null;
  releaseDate: string | null;
  contacts: number;
  endMark: unknown;
  boilerplate: string | null;
  embargo: unknown;
  notesToEditors: string | null;
  /** Quotes whose speaker was read. */
  spokenQuotes: number;
  /** The paragraphs of the body as read. */
  paragraphs: number;
}

const QUOTE = /["“”«»„]\s*[^"“”«»„]{12,}?[^\s"“”«»„]\s*["“”«»„]/u;

/** "said", "a déclaré", "dijo", "قال" and their kin beside a quotation: someone's words reported. */
const SPEECH = ub(
  /\b(?:said|says|added|adds|stated|told|explained|noted|stressed|warned|urged|commented|according\s+to|a\s+(?:déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué|précisé|estimé|rappelé|insisté)|ont\s+(?:déclaré|dit|affirmé|ajouté|souligné)|déclare|affirme|souligne|explique|selon|dijo|dice|afirmó|afirma|declaró|señaló|señala|explicó|explica|agregó|añadió|aseguró|asegura|indicó|indica|destacó|destaca|subrayó|manifestó|expresó|según|قال|قالت|وقال|وقالت|يقول|تقول|أكد|أكدت|وأكد|وأكدت|أضاف|أضافت|وأضاف|وأضافت|أوضح|أوضحت|وأوضح|وأوضحت|صرح|صرحت|وصرح|أشار|أشارت|وأشار|وأشارت|بحسب|وفقا\s+ل)\b/iu,
);

/**
 * "قال رسول الله", "قال الله تعالى", "يقول النبي": scripture cited, as a charity's pages about its
 * work open or close on a saying of the Prophet; no person's words reported from a day, so the
 * verb before it is no reported speech.
 */
const SCRIPTURE = /(?<![\p{L}])[وف]?(?:قال|يقول)\s+(?:رسول\s+الله|النبي|الله|تعالى|سبحانه)(?![\p{L}])/gu;

/**
 * The same verbs in the past tense, with or without quotation marks: "said that", "a indiqué
 * que", "dijo que", "قال مسؤول … إن". Indirect speech is how a news story reports; a standing page
 * cites ("according to") in the present.
 */
const SAID = ub(
  /\b(?:said|told|added|stated|explained|noted|stressed|warned|urged|a\s+(?:déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué|précisé|estimé|rappelé|insisté|assuré|averti)|ont\s+(?:déclaré|dit|affirmé|ajouté|souligné|indiqué|expliqué)|dijo|dijeron|afirmó|declaró|señaló|explicó|agregó|añadió|aseguró|indicó|destacó|subrayó|manifestó|expresó|advirtió|قال|قالت|وقال|وقالت|أكد|أكدت|وأكد|وأكدت|أضاف|أضافت|وأضاف|وأضافت|أوضح|أوضحت|وأوضح|وأوضحت|صرح|صرحت|وصرح|وصرحت|أشار|أشارت|وأشار|وأشارت|أعرب|أعربت|وأعرب|وأعربت|لفت|لفتت|ولفت|ولفتت|شدد|شددت|وشدد|وشددت)\b/iu,
);

/**
 * "announced", "a lancé", "condenó", "أعلنت": what someone did on the day the story tells of, in
 * the past tense a news story is written in. A standing page describes what it does, in the present.
 */
const NEWS_VERB = ub(
  /\b(?:announced|launched|welcomed|condemned|appealed|pledged|signed|visited|inaugurated|unveiled|donated|handed\s+over|confirmed|reported|revealed|reveals|deployed|contributed|distributed|delivered|hosted|(?:report|study|survey)\s+(?:finds|found|reveals)|called\s+(?:on|for)|has\s+(?:also\s+)?\p{Ll}{3,}ed|today|yesterday|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:a|ont)\s+(?:également\s+|aussi\s+)?(?:été\s+)?(?!través)\p{Ll}{3,}(?:é|ée|és|ées|i|is|it|u|us)|aujourd['’]hui|hier|\p{Ll}{3,}(?:ó|aron|ieron)|(?:ha|han)\s+(?:anunciado|lanzado|condenado|firmado|entregado|celebrado|presentado|informado)|hoy|ayer|este\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|أعلن|أعلنت|وأعلن|وأعلنت|أطلق|أطلقت|وأطلق|وأطلقت|رحب|رحبت|أدان|أدانت|دعا|دعت|ودعا|ودعت|وقع|وقعت|زار|زارت|افتتح|افتتحت|سلم|سلمت|استقبل|استقبلت|نظم|نظمت|شارك|شاركت|اختتم|اختتمت|ناشد|ناشدت|طالب|طالبت|احتفل|احتفلت|وزع|وزعت|قدم|قدمت|اليوم|أمس)\b/iu,
);

/**
 * "calls on", "asks the government", "condamne", "exige", "تطالب": a statement's own verbs, which it says in the present
 * ("Our organisation calls on the authorities to …"); a standing page describes, it does not demand.
 */
const CALL = ub(
  /\b(?:calls?\s+(?:on|upon|for)|asks\s+(?:the|all|every|that)|urges?|condemns?|welcomes?(?!\s+(?:applications|applicants|candidates|visitors|volunteers|enquiries|donations|feedback)\b)|demands?|deplores?|denounces?|appeals?\s+(?:to|for)|(?!demande\s+d['’](?:emploi|asile|aide|adhésion|inscription|information|stage))(?:demande|demandent|appelle|appellent|exhorte|exhortent|condamne|condamnent|salue|saluent|dénonce|dénoncent|déplore|déplorent|réclame|réclament)\s+(?:à|aux|au|la|le|les|l['’]|que|des|d['’]|un|une|fermement|vivement)|(?:pide|piden|exige|exigen|insta|instan|condena|condenan|denuncia|denuncian|lamenta|lamentan|reclama|reclaman)\s+(?:a|al|la|el|los|las|que|un|una|enérgicamente)|hace\s+un\s+llamado|تطالب|يطالب|تدعو|يدعو|تدين|يدين|ترحب|يرحب|تناشد|يناشد|تستنكر|يستنكر)\b/iu,
);

/**
 * "We ask the council …", "Nous demandons", "Exigimos", "نطالب", "We are appalled": the same
 * calls, and a statement's alarm, in the first person plural that coalitions and joint
 * statements speak in. A page about an organisation says "we" too, but it demands nothing.
 */
const WE_CALL = ub(
  /\b(?:we\s+(?:(?:also|again|therefore|urgently|strongly)\s+)?(?:ask|call|urge|demand|appeal|implore|request|condemn|deplore|denounce|welcome)|we\s+are\s+(?:deeply\s+|gravely\s+|extremely\s+|very\s+)?(?:appalled|concerned|alarmed|outraged|shocked|saddened|dismayed|worried)|(?:appelons|demandons|exhortons|condamnons|saluons|dénonçons|déplorons|réclamons|exigeons)|nous\s+sommes\s+(?:profondément\s+|vivement\s+|très\s+)?(?:préoccupé|inquiet|inquiète|choqué|indigné|consterné|alarmé)e?s?|(?:pedimos|exigimos|instamos|condenamos|denunciamos|lamentamos|reclamamos|llamamos|hacemos\s+un\s+llamado)|estamos\s+(?:profundamente\s+|muy\s+)?(?:preocupad|consternad|indignad|alarmad)[oa]s|و?(?:ندعو|نطالب|ندين|نرحب|نناشد|نستنكر|نحث))\b/iu,
);

/**
 * "Statement by the High Commissioner …", "Déclaration du porte-parole", "Declaración de la
 * Secretaría", "بيان صادر عن": a statement's own label opening a line.
 */
const STATEMENT_OF = ub(
  /^(?:(?:joint\s+|press\s+)?statement\s+(?:by|from|of|on)|(?:déclaration|communiqué)\s+(?:conjointe?\s+)?(?:du|de\s+la|de|des|d['’])|(?:declaración|comunicado)\s+(?:conjunt[oa]\s+)?(?:del|de\s+la|de|sobre)|بيان\s+(?:صادر|من|عن|حول|مشترك))\b/iu,
);

/**
 * "Our work", "Qui sommes-nous", "Cómo cooperamos", "من نحن": the headings of the pages an
 * organisation keeps about itself, set alone on a short line; "Work with us", "Trabajar en …",
 * "Emplois à la Ville", "الوظائف": its jobs page's. "Mission", "Visión", "الرسالة والرؤية",
 * "القيم": the same headings without "our", as mission and values pages set them.
 */
const STANDING_HEADING = ub(
  /^(?:our\s+(?:work|mission|vision|values|approach|response|story|history|team|partners|programmes?|programs?|impact|principles|services|priorities|expertise)|what\s+we\s+do|who\s+we\s+are|how\s+we\s+work|about\s+us|where\s+we\s+work|nos\s+(?:principes(?:\s+directeurs)?|valeurs|missions?|actions|programmes|engagements|métiers|domaines\s+d['’]intervention)|notre\s+(?:action|mission|histoire|équipe|approche|vision|engagement)|qui\s+sommes[-\s]nous|que\s+faisons[-\s]nous|quiénes\s+somos|qué\s+hacemos|nuestr[oa]s?\s+(?:misión|visión|historia|labor|trabajo|equipo|valores|principios|programas)|cómo\s+(?:trabajamos|cooperamos|ayudamos|actuamos)|من\s+نحن|ماذا\s+نفعل|عملنا|رسالتنا|رؤيتنا|مهمتنا|قيمنا|أهدافنا|برامجنا|(?:mission|misión|vision|visión)(?:\s*(?:,|and|et|y)\s*(?:mission|misión|vision|visión|values|valeurs|valores))*|missions|values|valeurs|valores|work(?:ing)?\s+(?:with|at|for)\s+us|careers?(?:\s+at\s+\S.*)?|jobs?\s+at\s+\S.*|vacancies|join\s+(?:us|our\s+team)|trabaj(?:ar|a)\s+(?:en|con)\s+\S.*|ofertas\s+de\s+empleo|bolsa\s+de\s+trabajo|emplois?\s+(?:à|au|aux|chez)\s+\S.*|offres\s+d['’]emploi|recrutement|nous\s+rejoindre|rejoignez[-\s]nous|travailler\s+(?:à|au|chez|pour|avec)\s+\S.*|الوظائف|وظائف|انضم\s+إلينا|فرص\s+العمل|الرسالة|الرؤية|القيم|(?:الرسالة|الرؤية)\s+و\s*(?:الرسالة|الرؤية|القيم))\s*[?:]?$/iu,
);

/** "we work", "nos actions", "nuestra labor", "نعمل": the organisation speaking of itself. */
const SELF = ub(
  /\b(?:we|our|ours|us|nous|nos|notre|nuestr[oa]s?|nosotr[oa]s|و?(?:نحن|نعمل|نسعى|نقدم|نوفر|نرسل|نؤمن|نساعد|ندعم|لدينا|عملنا|مهمتنا|رؤيتنا|رسالتنا|برامجنا|شركاؤنا|شركائنا))\b/giu,
);

/** "your", "vous", "usted": a page that speaks to its reader, as guidance and service pages do. */
const READER = ub(/\b(?:you|your|yours|vous|votre|vos|usted|ustedes|acceda|consulte)\b/giu);

/** "Opening hours", "Horario de atención telefónica", "ساعات العمل": a service's page. */
const SERVICE_LINE = ub(
  /\b(?:opening\s+hours|office\s+hours|heures\s+d['’]ouverture|horaires?\s+d['’]ouverture|horario\s+de\s+atención|horario\s+de\s+apertura|ساعات\s+العمل|ساعات\s+الدوام)\b/iu,
);

/** "Responsibilities", "Qualifications", "Profil recherché": the sections of a job offer. */
const JOB_SECTION = /^(?:responsibilities|duties\s+and\s+responsibilities|qualifications|competencies|requirements|how\s+to\s+apply|responsabilités|profil\s+recherché|compétences|funciones|requisitos|perfil\s+requerido|المسؤوليات|المؤهلات|المهام)\s*[:：]?$/iu;

/** A page's own pointer to what it holds: "Here you will find", "Documents of interest". */
const RESOURCE_LINE = ub(/^(?:here\s+you\s+will\s+find|on\s+this\s+page|documents?\s+of\s+interest|documentos\s+de\s+interés|documents\s+utiles|ستجد\s+هنا)\b/iu);

/** "Last updated: …", "Última actualización", "آخر تحديث": a page kept up to date, not a story of one day. */
const LAST_UPDATED = /^(?:last\s+(?:updated|modified|reviewed)|page\s+(?:last\s+)?updated|última\s+(?:actualización|modificación)|dernière\s+mise\s+à\s+jour|آخر\s+تحديث)/iu;

/**
 * A standing page's marks, as codes the review screen words in the person's language:
 * 'heading' ("Our work", with the heading itself), 'self' (the organisation speaking of itself),
 * 'reader' (text addressed to the reader), 'hours', 'updated', 'job', 'resources'.
 */
export type StandingMark = 'heading' | 'self' | 'reader' | 'hours' | 'updated' | 'job' | 'resources';

const MARK_WORDS: Record<StandingMark, string> = {
  heading: 'the heading "{heading}"',
  self: 'an organisation describing its own work',
  reader: 'text addressed to the reader',
  hours: 'opening hours',
  updated: 'a "last updated" line',
  job: "a job offer's sections",
  resources: 'a list of resources',
};

/** The marks in English, for the core's own message. */
export function describeMarks(marks: StandingMark[], heading: string | null): string {
  return marks.map((m) => MARK_WORDS[m].replace('{heading}', heading ?? '')).join(', ');
}

export interface PageEvidence {
  /** What the page holds that a release has; empty for a page with none of it. */
  release: string[];
  /**
   * How many of those marks only a release carries (a dateline, a media contact, an end mark, an
   * "About" section, an embargo, notes to editors, a release or statement label): a list's teasers
   * report speech and news verbs too, and show their dates.
   */
  own: number;
  /** What the page holds that a standing page has. */
  standing: StandingMark[];
  /** The standing page's heading, when one was seen. */
  heading: string | null;
  /** No release evidence, and a standing page's mark. */
  refuse: boolean;
  /**
   * A long page (UNDATED_PARAGRAPHS paragraphs of body or more) on which nothing is a
   * release's but a verb of the kind a news story tells in: its number of paragraphs, else null.
   */
  undated: number | null;
  /**
   * For each own mark that is a label over text (a release label, a statement's label), the
   * positions in `items` of the lines that gave it; a mark also given by an end mark, a contact
   * heading or an embargo is not listed. A list's items carry such labels too (pagekind.ts).
   */
  labels: number[][];
}

/**
 * From how many paragraphs of body a page with no date anywhere, no place, no words
 * reported and no media contact is no release, even where a verb of the news tense occurs ("the
 * association organised …" in a page about its events): the working sets' releases, whole or
 * their text pasted alone, keep one such mark at most over 7 paragraphs, their pages with no
 * release reach 10 to 20.
 */
export const UNDATED_PARAGRAPHS = 10;

/** The marks only a release carries, of those `pageEvidence` names. */
const OWN_MARKS = new Set(['a dateline', 'a media contact', 'an end mark', 'an "About" section', 'an embargo', 'notes to editors', 'a release label', "a statement's label"]);

/** Sorts what was seen on the page into a release's marks and a standing page's. */
export function pageEvidence(items: Classified[], found: ReadFields): PageEvidence {
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  const texts = kept.map((it) => it.block.text.replace(ARABIC_MARKS, ''));
  const prose = kept.filter((it) => isProse(it.block.text)).map((it) => it.block.text.replace(ARABIC_MARKS, ''));
  const release: string[] = [];
  if (found.place !== null) release.push('a dateline');
  if (found.releaseDate !== null) release.push('a date');
  if (found.contacts > 0) release.push('a media contact');
  if (found.endMark) release.push('an end mark');
  if (found.boilerplate !== null) release.push('an "About" section');
  if (found.embargo) release.push('an embargo');
  if (found.notesToEditors !== null) release.push('notes to editors');
  if (found.spokenQuotes > 0) release.push('a quote with its speaker');
  const labels: number[][] = [];
  const labelAt = items.flatMap((it, k) => (it.kind === 'label' ? [k] : []));
  const endOrContact = items.some((it) => it.kind === 'end' || it.kind === 'contactHead' || it.kind === 'embargo');
  if (labelAt.length > 0 || endOrContact) {
    release.push('a release label');
    if (!endOrContact) labels.push(labelAt);
  }
  // A date written in full in the running text (one not on an "updated" line): a story tells of a day.
  if (prose.some((p) => findDates(p).length > 0 && !isUpdatedDateLine(p))) release.push('a date in the text');
  // The verb may stand in the paragraph before the quotation ("… explique : " over « … »).
  const reported = texts.map((t) => t.replace(SCRIPTURE, ' '));
  if (reported.some((t, k) => QUOTE.test(t) && [reported[k - 1], t, reported[k + 1]].some((n) => n !== undefined && SPEECH.test(n)))) release.push('reported speech');
  else if (reported.some((t) => wordCount(t) >= 8 && SAID.test(t))) release.push('reported speech');
  if (texts.some((t) => wordCount(t) >= 8 && NEWS_VERB.test(t))) release.push('a news verb');
  // The same lines as `texts`, by their place in `items`.
  const statementAt = items.flatMap((it, k) => (it.kind !== 'junk' && !it.block.aside && STATEMENT_OF.test(it.block.text.replace(ARABIC_MARKS, '').trim()) ? [k] : []));
  if (statementAt.length > 0) {
    release.push("a statement's label");
    labels.push(statementAt);
  }
  if (texts.some((t) => wordCount(t) >= 8 && (CALL.test(t) || WE_CALL.test(t)))) release.push('a call or a condemnation');

  const standing: StandingMark[] = [];
  // Such a heading is a menu entry too ("Who we are"): a menu's line stands among other short
  // lines, the page's own heading over its first paragraph.
  const headingAt = items.findIndex((it, k) => {
    const text = it.block.text.replace(ARABIC_MARKS, '').trim();
    if (it.block.aside || wordCount(text) > 6 || !STANDING_HEADING.test(text)) return false;
    if (it.kind !== 'junk') return true;
    const before = items[k - 1];
    const after = items[k + 1];
    return after !== undefined && isProse(after.block.text) && (before === undefined || (before.kind !== 'junk' && wordCount(before.block.text) > 4));
  });
  const heading = headingAt >= 0 ? items[headingAt]!.block.text.trim() : null;
  if (heading !== null) standing.push('heading');
  const self = prose.reduce((n, p) => n + (p.match(SELF)?.length ?? 0), 0) >= 2;
  if (self) standing.push('self');
  const reader = prose.reduce((n, p) => n + (p.match(READER)?.length ?? 0), 0) >= 2;
  if (reader) standing.push('reader');
  if (texts.some((t) => SERVICE_LINE.test(t))) standing.push('hours');
  if (items.some((it) => wordCount(it.block.text) <= 12 && LAST_UPDATED.test(it.block.text.trim()))) standing.push('updated');
  if (texts.some((t) => JOB_SECTION.test(t.trim()))) standing.push('job');
  if (texts.some((t) => RESOURCE_LINE.test(t.trim()))) standing.push('resources');
  // With no release evidence at all, any one of a standing page's marks is enough, the
  // organisation speaking of itself or to its reader among them: a release or a statement that
  // says "we" also dates itself, reports someone's words, tells what was done or calls for
  // something, and none of the working sets' releases, whole or as their text pasted alone,
  // was left with nothing but "we" or "you".
  const own = release.filter((r) => OWN_MARKS.has(r)).length;
  const undated = found.paragraphs >= UNDATED_PARAGRAPHS && release.every((r) => r === 'a news verb') ? found.paragraphs : null;
  return { release, own, standing, heading, refuse: release.length === 0 && standing.length > 0, undated, labels };
}

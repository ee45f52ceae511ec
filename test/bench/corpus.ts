import type { ContactFieldsT, ReleaseFieldsT } from '../../electron/shared/documents';
import type { BlockNode, InlineNode, RichText } from '../../electron/shared/richtext';
import { Rng, Zipf } from './rng';

/**
 * Synthetic but realistic press-kit content: releases of about 3 KB of text, mostly in
 * English with some French, Spanish and Arabic, built from a fixed-seed vocabulary of a few
 * thousand made-up words (Zipf-distributed) plus real function words, place names with
 * accents and people's names, so the index sees the token mix and the folding work
 * (accents, Arabic article and marks) that a real library gives it.
 */

export type Lang = 'en' | 'fr' | 'es' | 'ar';

interface LangSpec {
  onsets: readonly string[];
  vowels: readonly string[];
  codas: readonly string[];
  suffixes: readonly string[];
  size: number;
  /** Short, very frequent words: a third of running text in every language. */
  functionWords: readonly string[];
  comma: string;
}

const SPECS: Record<Exclude<Lang, 'ar'>, LangSpec> = {
  en: {
    onsets: ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cr', 'dr', 'fr', 'gr', 'pr', 'tr', 'st', 'sp', 'sl', 'ch', 'sh', 'th', 'wh', 'pl', 'cl'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ee', 'oo', 'y'],
    codas: ['', '', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ng', 'ck', 'm', 'rt'],
    suffixes: ['', '', '', '', 'ing', 'ed', 'er', 'tion', 'ment', 'ness', 'ly', 'al', 's'],
    size: 4000,
    functionWords: ['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'with', 'said', 'by', 'is', 'was', 'at', 'from', 'that', 'it', 'as', 'has', 'have', 'will', 'their', 'this', 'more', 'than', 'after', 'its', 'were', 'been', 'who'],
    comma: ',',
  },
  fr: {
    onsets: ['b', 'c', 'd', 'f', 'g', 'j', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'ch', 'gr', 'tr', 'pr', 'br', 'qu', 'cr', 'pl'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'à', 'â', 'ô', 'ou', 'ai', 'eau', 'oi', 'î', 'û'],
    codas: ['', '', '', 'n', 'r', 's', 'l', 'rt', 'nt', 'x'],
    suffixes: ['', '', '', 'tion', 'ment', 'eur', 'ique', 'é', 'ée', 'ité', 'ance', 'çon', 'ère'],
    size: 2000,
    functionWords: ['le', 'la', 'les', 'de', 'des', 'et', 'à', 'en', 'du', 'pour', 'sur', 'avec', 'dans', 'est', 'une', 'un', 'a', 'qui', 'que', 'au', 'aux', 'par', 'ont', 'été', 'leur', 'plus', 'selon', 'où'],
    comma: ',',
  },
  es: {
    onsets: ['b', 'c', 'd', 'f', 'g', 'j', 'l', 'm', 'n', 'ñ', 'p', 'r', 's', 't', 'v', 'ch', 'll', 'gr', 'tr', 'pr', 'br', 'qu', 'cr', 'pl'],
    vowels: ['a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ú', 'ie', 'ue', 'ia', 'io'],
    codas: ['', '', '', 'n', 'r', 's', 'l', 'z', 'd'],
    suffixes: ['', '', '', 'ción', 'dad', 'ero', 'ía', 'mente', 'ado', 'ida', 'ismo', 'ón', 'ños'],
    size: 2000,
    functionWords: ['el', 'la', 'los', 'las', 'de', 'y', 'en', 'que', 'por', 'con', 'para', 'una', 'un', 'del', 'se', 'al', 'su', 'sus', 'más', 'según', 'como', 'han', 'fue', 'este', 'esta', 'sobre', 'también'],
    comma: ',',
  },
};

const AR_LETTERS = ['ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ا'];
const AR_FIRST = ['أ', 'إ', 'آ', 'م', 'ت', 'ي', 'ن', 'س', 'ع', 'ق', 'ح', 'ش', 'ر', 'ك', 'د', 'ف', 'ب', 'ج', 'ص', 'خ'];
const AR_ENDINGS = ['', '', '', 'ة', 'ات', 'ين', 'ون', 'ى', 'ية'];
const AR_FUNCTION = ['في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'التي', 'الذي', 'هذا', 'هذه', 'وقد', 'كما', 'بعد', 'قبل', 'حيث', 'ذلك', 'بين', 'خلال', 'وفي', 'كان', 'لا'];
// Fatha, damma, kasra, shadda, sukun: written now and then, and ignored by search.
const AR_MARKS = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];
const AR_ARTICLES = ['ال', 'ال', 'ال', 'ال', 'وال', 'بال', 'لل'];

/** Real place names, many with accents, so folding ("bogota" finds "Bogotá") is exercised. */
export const PLACES: readonly string[] = [
  'Bogotá', 'Medellín', 'Cúcuta', 'Popayán', 'Quibdó', 'Genève', 'Zürich', 'Montréal', 'Québec', 'São Paulo', 'Belém',
  'Córdoba', 'Málaga', 'Cádiz', 'León', 'Mérida', 'Asunción', 'Düsseldorf', 'Besançon', 'Nîmes', 'Orléans', 'Béziers',
  'Kraków', 'Łódź', 'Reykjavík', 'Tromsø', 'Malmö', 'Göteborg', 'Niamey', 'Ndjamena', 'Maroua', 'Nairobi', 'Kasese',
  'Goma', 'Bukavu', 'Juba', 'Addis Ababa', 'Antananarivo', 'Nouakchott', 'Ouagadougou', 'Bamako', 'Dakar', 'Port-au-Prince',
  'Cap-Haïtien', 'Tegucigalpa', 'San José', 'Panamá', 'Iquitos', 'Cuzco', 'Potosí', 'Yaoundé', 'Lomé', 'Cotonou',
  'القاهرة', 'الإسكندرية', 'عمّان', 'بيروت', 'دمشق', 'صنعاء', 'الخرطوم', 'بنغازي', 'طرابلس', 'نواكشوط', 'الموصل', 'حلب',
];

const FIRST_NAMES: readonly string[] = [
  'José', 'María', 'François', 'Hélène', 'Zoë', 'Amina', 'Jean', 'Chloé', 'Inés', 'Joaquín', 'Léa', 'Raúl', 'Noémie',
  'Mohammed', 'Fatima', 'Aïcha', 'Youssef', 'Omar', 'Grace', 'Peter', 'Sarah', 'David', 'Anna', 'Lucía', 'Andrés',
  'Björn', 'Søren', 'Agnès', 'Cécile', 'Élodie', 'Ramón', 'Sofía', 'Kwame', 'Wanjiru', 'Thandiwe', 'Priya', 'Ravi',
];
const LAST_NAMES: readonly string[] = [
  'García', 'Pérez', 'Núñez', 'Müller', 'Lefèvre', 'Dupré', 'Benoît', 'Gómez', 'Martínez', 'Rodríguez', 'Smith',
  'Okafor', 'Mensah', 'Haddad', 'Khoury', 'Mansour', 'Nguyen', 'Schmid', 'Brönnimann', 'Lévesque', 'Côté', 'Ibáñez',
  'Fernández', 'Jiménez', 'Moreau', 'Lambert', 'Ochieng', 'Mwangi', 'Diallo', 'Traoré', 'Kouamé', 'Ferreira', 'Sánchez',
];
const AR_NAMES: readonly string[] = ['محمد', 'أحمد', 'فاطمة', 'عائشة', 'يوسف', 'عمر', 'ليلى', 'خالد', 'مريم', 'حسن', 'نور', 'سلمى'];
const AR_FAMILY: readonly string[] = ['الحداد', 'الخوري', 'منصور', 'العلي', 'الشامي', 'النجار', 'سليمان', 'إبراهيم', 'عبد الله'];

const TAGS: Record<Lang, readonly string[]> = {
  en: ['health', 'water', 'floods', 'drought', 'vaccination', 'displacement', 'detention', 'landmines', 'first aid', 'nutrition', 'cholera', 'shelter'],
  fr: ['santé', 'eau', 'inondations', 'sécheresse', 'déplacés', 'détention', 'mines', 'nutrition', 'choléra', 'abri'],
  es: ['salud', 'agua', 'inundaciones', 'sequía', 'desplazados', 'detención', 'minas', 'nutrición', 'cólera', 'refugio'],
  ar: ['صحة', 'مياه', 'فيضانات', 'جفاف', 'نازحون', 'احتجاز', 'ألغام', 'تغذية', 'كوليرا', 'مأوى'],
};

const ROLES: Record<Lang, readonly string[]> = {
  en: ['Health correspondent', 'News editor', 'Foreign desk', 'Spokesperson', 'Producer', 'Freelance reporter'],
  fr: ['Rédactrice en chef', 'Correspondant santé', 'Porte-parole', 'Journaliste pigiste', 'Chef de rubrique'],
  es: ['Periodista', 'Corresponsal', 'Portavoz', 'Editora de internacional', 'Productor'],
  ar: ['مراسل', 'محرر الأخبار', 'متحدث رسمي', 'منتجة', 'صحفي مستقل'],
};

const OUTLET_WORDS: Record<Lang, readonly string[]> = {
  en: ['Times', 'Post', 'Herald', 'Radio', 'Tribune', 'Daily', 'Courier', 'Observer'],
  fr: ['Le Courrier', 'La Tribune', 'Le Journal', 'Radio', 'La Gazette', "L'Écho"],
  es: ['El Diario', 'La Voz', 'El Heraldo', 'Radio', 'La Crónica', 'El Observador'],
  ar: ['صحيفة', 'إذاعة', 'قناة', 'جريدة', 'وكالة'],
};

const STATUSES = ['draft', 'draft', 'in-review', 'approved', 'released', 'released', 'released', 'withdrawn'] as const;
const TIME_ZONES = ['Europe/Zurich', 'Africa/Nairobi', 'America/Bogota', 'Asia/Beirut', 'Africa/Dakar'];
const COUNTRIES = ['CH', 'KE', 'CO', 'LB', 'SN', 'FR', 'ES', 'EG', 'JO', 'UG', 'CD', 'HT', 'PE', 'ML'];

export interface Outlet {
  name: string;
  domain: string;
}

export interface Vocabulary {
  words: Record<Lang, readonly string[]>;
  functionWords: Record<Lang, readonly string[]>;
  zipf: Record<Lang, Zipf>;
  /** The newspapers and stations contacts work for: a few hundred, each with many contacts. */
  outlets: Record<Lang, readonly Outlet[]>;
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function latinWord(rng: Rng, spec: LangSpec): string {
  const syllables = rng.between(1, 3);
  let w = '';
  for (let i = 0; i < syllables; i++) {
    if (i > 0 || rng.chance(0.8)) w += rng.pick(spec.onsets);
    w += rng.pick(spec.vowels);
    if (rng.chance(0.4)) w += rng.pick(spec.codas);
  }
  return w + rng.pick(spec.suffixes);
}

function arabicWord(rng: Rng): string {
  let w = rng.pick(AR_FIRST);
  const len = rng.between(2, 4);
  for (let i = 0; i < len; i++) w += rng.pick(AR_LETTERS);
  return w + rng.pick(AR_ENDINGS);
}

/** The fixed vocabulary: a few thousand made-up words per language, the same on every run. */
export function buildVocabulary(seed = 20_26): Vocabulary {
  const rng = new Rng(seed);
  const make = (size: number, gen: () => string, exclude: readonly string[]): string[] => {
    const seen = new Set<string>(exclude);
    const out: string[] = [];
    // Made-up words must not collide with function words: those are meant to be everywhere.
    while (out.length < size) {
      const w = gen();
      if (w.length < 3 || seen.has(w)) continue;
      seen.add(w);
      out.push(w);
    }
    return out;
  };
  const words = {
    en: make(SPECS.en.size, () => latinWord(rng, SPECS.en), SPECS.en.functionWords),
    fr: make(SPECS.fr.size, () => latinWord(rng, SPECS.fr), SPECS.fr.functionWords),
    es: make(SPECS.es.size, () => latinWord(rng, SPECS.es), SPECS.es.functionWords),
    ar: make(2000, () => arabicWord(rng), AR_FUNCTION),
  };
  // Outlet names use words drawn evenly, not by frequency: a newspaper's name is not a
  // common word, and most of its contacts share its e-mail domain.
  const outlets = (lang: Lang, n: number): Outlet[] =>
    Array.from({ length: n }, () => {
      const word = rng.pick(words[lang]);
      const name = `${rng.pick(OUTLET_WORDS[lang])} ${lang === 'ar' ? word : capitalise(word)}`;
      return { name, domain: `${asciiHandle(lang === 'ar' ? rng.pick(words.en) : name) || 'press'}.example` };
    });
  return {
    words,
    outlets: { en: outlets('en', 400), fr: outlets('fr', 150), es: outlets('es', 150), ar: outlets('ar', 100) },
    functionWords: { en: SPECS.en.functionWords, fr: SPECS.fr.functionWords, es: SPECS.es.functionWords, ar: AR_FUNCTION },
    zipf: {
      en: new Zipf(words.en.length),
      fr: new Zipf(words.fr.length),
      es: new Zipf(words.es.length),
      ar: new Zipf(words.ar.length),
    },
  };
}

/** Writes text in one language from the vocabulary. */
export class Writer {
  constructor(
    readonly vocab: Vocabulary,
    readonly rng: Rng,
  ) {}

  contentWord(lang: Lang): string {
    const w = this.vocab.words[lang][this.vocab.zipf[lang].sample(this.rng)]!;
    if (lang !== 'ar') return w;
    // Arabic nouns often carry the article or a clitic, and sometimes a written vowel mark.
    let out = this.rng.chance(0.4) ? this.rng.pick(AR_ARTICLES) + w : w;
    if (this.rng.chance(0.08)) {
      const at = 1 + this.rng.int(out.length - 1);
      out = out.slice(0, at) + this.rng.pick(AR_MARKS) + out.slice(at);
    }
    return out;
  }

  sentence(lang: Lang, min = 8, max = 22): string {
    const n = this.rng.between(min, max);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      let w: string;
      if (this.rng.chance(0.012)) w = this.rng.pick(PLACES);
      else if (this.rng.chance(0.35)) w = this.rng.pick(this.vocab.functionWords[lang]);
      else w = this.contentWord(lang);
      if (i < n - 1 && this.rng.chance(0.07)) w += lang === 'ar' ? '،' : ',';
      parts.push(w);
    }
    const s = parts.join(' ');
    return (lang === 'ar' ? s : capitalise(s)) + '.';
  }

  /** Sentences until about `bytes` bytes of UTF-8. */
  paragraph(lang: Lang, bytes: number): string {
    const out: string[] = [];
    let size = 0;
    while (size < bytes) {
      const s = this.sentence(lang);
      out.push(s);
      size += Buffer.byteLength(s) + 1;
    }
    return out.join(' ');
  }

  title(lang: Lang, min: number, max: number): string {
    const n = this.rng.between(min, max);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const w = this.rng.chance(0.08) ? this.rng.pick(PLACES) : i > 0 && this.rng.chance(0.25) ? this.rng.pick(this.vocab.functionWords[lang]) : this.contentWord(lang);
      parts.push(lang === 'en' ? capitalise(w) : w);
    }
    const t = parts.join(' ');
    return lang === 'ar' ? t : capitalise(t);
  }

  personName(lang: Lang): string {
    if (lang === 'ar') return `${this.rng.pick(AR_NAMES)} ${this.rng.pick(AR_FAMILY)}`;
    return `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(LAST_NAMES)}`;
  }
}

export function pickLanguage(rng: Rng): Lang {
  const u = rng.next();
  return u < 0.7 ? 'en' : u < 0.82 ? 'fr' : u < 0.92 ? 'es' : 'ar';
}

function isoDate(rng: Rng): string {
  const y = rng.between(2019, 2026);
  const m = rng.between(1, 12);
  const d = rng.between(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function textNode(text: string, bold: boolean): InlineNode {
  return bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text };
}

/** A release body: paragraphs (some with a bold lead-in), now and then a heading and a list. */
function richBody(w: Writer, lang: Lang, targetBytes: number): RichText {
  const attrs = lang === 'ar' ? { lang: 'ar', dir: 'rtl' as const } : { lang };
  const content: BlockNode[] = [];
  let size = 0;
  while (size < targetBytes) {
    const roll = w.rng.next();
    if (roll < 0.08 && content.length > 0) {
      const h = w.title(lang, 3, 7);
      content.push({ type: 'heading', attrs: { ...attrs, level: 2 }, content: [textNode(h, false)] });
      size += Buffer.byteLength(h);
    } else if (roll < 0.14 && content.length > 0) {
      const items = Array.from({ length: w.rng.between(2, 4) }, () => w.sentence(lang, 5, 12));
      content.push({
        type: 'bulletList',
        attrs,
        content: items.map((t) => ({ type: 'listItem' as const, content: [{ type: 'paragraph' as const, content: [textNode(t, false)] }] })),
      });
      size += items.reduce((n, t) => n + Buffer.byteLength(t), 0);
    } else {
      const p = w.paragraph(lang, w.rng.between(300, 600));
      const lead = w.rng.chance(0.2) ? w.sentence(lang, 3, 6) : null;
      const inline = lead ? [textNode(lead, true), textNode(` ${p}`, false)] : [textNode(p, false)];
      content.push({ type: 'paragraph', attrs, content: inline });
      size += Buffer.byteLength(p) + (lead ? Buffer.byteLength(lead) : 0);
    }
  }
  return { type: 'doc', content };
}

/** The fields of one release, as validation would leave them (every field present). */
export function makeRelease(w: Writer): ReleaseFieldsT {
  const rng = w.rng;
  const lang = pickLanguage(rng);
  const tags = new Set<string>();
  const tagCount = rng.between(1, 4);
  while (tags.size < tagCount) tags.add(rng.pick(TAGS[lang]));
  return {
    office: null,
    headline: w.title(lang, 6, 12),
    subheadline: rng.chance(0.7) ? w.sentence(lang, 10, 18) : null,
    datelinePlace: rng.pick(PLACES),
    releaseDate: rng.chance(0.9) ? isoDate(rng) : null,
    embargo: rng.chance(0.1) ? { at: `${isoDate(rng)}T13:00:00Z`, timeZone: rng.pick(TIME_ZONES) } : null,
    language: lang,
    status: rng.pick(STATUSES),
    body: richBody(w, lang, rng.between(2400, 3400)),
    quotes: Array.from({ length: rng.between(0, 2) }, () => ({ speaker: w.personName(lang), role: rng.pick(ROLES[lang]), text: w.sentence(lang, 12, 30) })),
    notesToEditors: rng.chance(0.5) ? w.paragraph(lang, 150) : null,
    boilerplate: null,
    endMark: rng.pick(['###', '-30-', '-ENDS-'] as const),
    contacts: [],
    tags: [...tags],
    translationGroup: null,
  };
}

function asciiHandle(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The fields of one contact: a journalist or spokesperson with e-mails, phones and beats. */
export function makeContact(w: Writer, n: number): ContactFieldsT {
  const rng = w.rng;
  const lang = pickLanguage(rng);
  const name = w.personName(lang);
  const [first = '', last = ''] = name.split(' ');
  const handle =
    lang === 'ar'
      ? `${asciiHandle(rng.pick(w.vocab.words.en))}.${asciiHandle(rng.pick(w.vocab.words.en))}`
      : `${asciiHandle(first).slice(0, 1)}.${asciiHandle(last)}`;
  const outlet = rng.pick(w.vocab.outlets[lang]);
  const beats = new Set<string>();
  const beatCount = rng.between(0, 3);
  while (beats.size < beatCount) beats.add(rng.pick(TAGS[lang]));
  return {
    office: null,
    kind: rng.chance(0.85) ? 'journalist' : 'spokesperson',
    name,
    role: rng.chance(0.8) ? rng.pick(ROLES[lang]) : null,
    organisation: outlet.name,
    outlet: null,
    beats: [...beats],
    languages: [lang],
    countries: [rng.pick(COUNTRIES)],
    emails: [
      { type: 'work', address: `${handle || 'desk'}${n}@${outlet.domain}`, visibility: 'public' },
      ...(rng.chance(0.3) ? [{ type: 'personal' as const, address: `${handle || 'desk'}.${n}@mail.example`, visibility: 'press-only' as const }] : []),
    ],
    phones: Array.from({ length: rng.between(1, 2) }, () => ({
      type: rng.chance(0.6) ? ('mobile' as const) : ('work' as const),
      number: `+${rng.between(20, 99)} ${rng.between(10, 99)} ${rng.between(100, 999)} ${rng.between(10, 99)} ${rng.between(10, 99)}`,
      visibility: 'public' as const,
    })),
    notes: rng.chance(0.3) ? w.sentence(lang, 6, 16) : null,
  };
}

export interface BenchQuery {
  text: string;
  kind: string;
}

function stripAccents(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/**
 * About 200 queries a communications officer might type: topic words of every frequency,
 * word beginnings (search as you type), two-word queries, place names with and without
 * their accents, people's names, and Arabic with and without the article and marks.
 */
export function buildQueries(vocab: Vocabulary, seed = 7): BenchQuery[] {
  const rng = new Rng(seed);
  const out: BenchQuery[] = [];
  const word = (lang: Lang, lo: number, hi: number): string => vocab.words[lang][rng.between(lo, Math.min(hi, vocab.words[lang].length - 1))]!;
  const prefix = (lang: Lang, lo: number, hi: number): string => {
    for (;;) {
      const w = word(lang, lo, hi);
      if ([...w].length >= 5) return [...w].slice(0, rng.between(3, 5)).join('');
    }
  };
  const add = (n: number, kind: string, make: () => string): void => {
    for (let i = 0; i < n; i++) out.push({ text: make(), kind });
  };
  add(15, 'en common word', () => word('en', 0, 60));
  add(45, 'en word', () => word('en', 60, 1500));
  add(25, 'en prefix', () => prefix('en', 20, 2000));
  add(20, 'en two words', () => `${word('en', 10, 500)} ${word('en', 10, 500)}`);
  add(10, 'en word + prefix', () => `${word('en', 10, 500)} ${prefix('en', 10, 1000)}`);
  add(12, 'fr word', () => (rng.chance(0.4) ? stripAccents(word('fr', 10, 1200)) : word('fr', 10, 1200)));
  add(6, 'fr two words', () => `${word('fr', 10, 400)} ${word('fr', 10, 400)}`);
  add(2, 'fr prefix', () => prefix('fr', 20, 1000));
  add(12, 'es word', () => (rng.chance(0.4) ? stripAccents(word('es', 10, 1200)) : word('es', 10, 1200)));
  add(6, 'es two words', () => `${word('es', 10, 400)} ${word('es', 10, 400)}`);
  add(2, 'es prefix', () => prefix('es', 20, 1000));
  add(15, 'place', () => {
    const p = rng.pick(PLACES);
    return rng.chance(0.4) ? stripAccents(p).toLowerCase() : p;
  });
  add(15, 'ar word', () => {
    const w = word('ar', 5, 1200);
    const roll = rng.next();
    return roll < 0.4 ? `ال${w}` : roll < 0.5 ? w.slice(0, 1) + AR_MARKS[0] + w.slice(1) : w;
  });
  add(5, 'ar two words', () => `${word('ar', 5, 400)} ${word('ar', 5, 400)}`);
  add(10, 'person', () => {
    const n = rng.pick(LAST_NAMES);
    return rng.chance(0.3) ? `${rng.pick(FIRST_NAMES)} ${n}` : rng.chance(0.5) ? stripAccents(n).toLowerCase() : n;
  });
  return out;
}

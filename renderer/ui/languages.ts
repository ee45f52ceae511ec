import { CountrySchema, LanguageSchema } from '../../electron/shared/documents';
import { searchTokens } from '../../electron/shared/search/text';
import { countryName, languageName, WORKING_LANGUAGES } from '../../electron/shared/ui/languages';

/** A language's name in the UI language ("French" in English, "français" in French). */
export { countryName, languageName };

/**
 * The language new work is written in by default: the interface's, when it is one of the
 * working languages (a French office writes its releases and kits in French), else English.
 */
export function defaultWorkLanguage(uiLanguage: string | undefined): string {
  const base = (uiLanguage ?? 'en').split('-')[0]!.toLowerCase();
  return (WORKING_LANGUAGES as readonly string[]).includes(base) ? base : 'en';
}

export function formatBytes(n: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  // Whole bytes are written out: the short form of "byte" has no plural in English ("937 byte").
  const unitDisplay = i === 0 ? 'long' : 'short';
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay, maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
}

/** The countries offered where a contact's, an outlet's or an office's country is chosen: the 249 codes of ISO 3166-1 alpha-2. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * The languages offered where a contact's or an outlet's languages are chosen: the 183 codes of
 * ISO 639-1; languages of the regions the organisation works in that have only a three-letter
 * code (Dari, Sorani, Mooré, Tamazight, Zarma, Nuer, Dinka…) and Intl names in the interface's
 * four languages; and the regional forms a newsroom asks for (Modern Standard Arabic,
 * Brazilian Portuguese, Latin American Spanish). Any other tag the schema accepts is taken
 * when typed in full.
 */
export const LANGUAGE_CODES: readonly string[] = [
  ...(
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km ' +
    'kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
    'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to ' +
    'tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
  ...(
    'ach bal bas bho byn ceb cgg ckb crs din dje dua dyu efi ewo gaa gsw guz hil hmn ibb ilo kab kam kcg khq kln kpe lua lun ' +
    'luy mai mas men mer mfe mos nus nyn pcm prs sat sdh ses shi shu snk srr sus swc syr tem teo tet tig tzm xog yue zgh'
  ).split(' '),
  ...'ar-001 en-GB en-US es-419 fr-CA pt-BR pt-PT zh-Hans zh-Hant'.split(' '),
];

export type CodeKind = 'country' | 'language';

/** A code offered or chosen, with its name in the interface's language. */
export interface CodeChoice {
  code: string;
  name: string;
}

/** A code's name in a language: a country's or a language's. */
export function codeName(kind: CodeKind, code: string, inLanguage: string): string {
  return kind === 'country' ? countryName(code, inLanguage) : languageName(code, inLanguage);
}

interface Entry {
  choice: CodeChoice;
  /** The words of the name in the interface's language, folded as search folds them. */
  words: string[];
  /** The words of the English name and of the code. */
  others: string[];
}

const entries = new Map<string, Entry[]>();

/** The codes of a kind with their names and words, sorted by name in the interface's language; built once a language. */
function entriesOf(kind: CodeKind, uiLanguage: string): Entry[] {
  const key = `${kind} ${uiLanguage}`;
  let list = entries.get(key);
  if (list) return list;
  const collator = new Intl.Collator(uiLanguage);
  list = (kind === 'country' ? COUNTRY_CODES : LANGUAGE_CODES)
    .map((code) => {
      const name = codeName(kind, code, uiLanguage);
      return { choice: { code, name }, words: searchTokens(name), others: [...searchTokens(codeName(kind, code, 'en')), ...searchTokens(code)] };
    })
    .sort((a, b) => collator.compare(a.choice.name, b.choice.name));
  entries.set(key, list);
  return list;
}

/** Every word of the query begins a word of the name. */
const wordsBegin = (words: readonly string[], query: readonly string[]) => query.every((q) => words.some((w) => w.startsWith(q)));

/**
 * How well a code answers a query: 0 the code itself, 1 a name in the interface's language
 * that begins with the query, 2 one with a word that does, 3 the English name or the code's
 * parts; -1 not at all.
 */
function rank(entry: Entry, query: readonly string[], typed: string): number {
  if (entry.choice.code.toLowerCase() === typed) return 0;
  if (wordsBegin(entry.words, query)) return entry.words[0]?.startsWith(query[0]!) ? 1 : 2;
  return wordsBegin(entry.others, query) ? 3 : -1;
}

/**
 * A code as typed, written as the schema stores it ("pt-br" as pt-BR, "ke" as KE), when the
 * schema accepts it; null otherwise. Plain string work: a tag is at most three short parts.
 */
export function typedCode(kind: CodeKind, text: string): string | null {
  const v = text.trim();
  if (kind === 'country') {
    const code = v.toUpperCase();
    return CountrySchema.safeParse(code).success ? code : null;
  }
  const parts = v.split('-');
  const tag = parts
    .map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 4) return p.charAt(0).toUpperCase() + p.slice(1).toLowerCase();
      return p.toUpperCase();
    })
    .join('-');
  return LanguageSchema.safeParse(tag).success ? tag : null;
}

/**
 * The codes of a kind that a query finds, best first: by code, by the start of a name or of one
 * of its words in the interface's language, in English ("cote" finds Côte d'Ivoire, "ساحل" its
 * Arabic name); case, accents and Arabic's article and hamza aside. An empty query gives them
 * all by name, the working languages first. A code the schema accepts that is not in the list
 * (XK, pt-AO) is offered when typed in full, so that any code the schema stores can be chosen.
 */
export function findCodes(kind: CodeKind, query: string, uiLanguage: string): CodeChoice[] {
  const list = entriesOf(kind, uiLanguage);
  const words = searchTokens(query);
  if (words.length === 0) {
    const all = list.map((e) => e.choice);
    if (kind === 'country') return all;
    const working = WORKING_LANGUAGES as readonly string[];
    return [...working.map((code) => all.find((c) => c.code === code)!), ...all.filter((c) => !working.includes(c.code))];
  }
  const typed = query.trim().toLowerCase();
  const found = list
    .map((entry) => ({ entry, rank: rank(entry, words, typed) }))
    .filter((f) => f.rank >= 0)
    // Array.prototype.sort is stable: within a rank, the names stay in the language's order.
    .sort((a, b) => a.rank - b.rank)
    .map((f) => f.entry.choice);
  const code = typedCode(kind, query);
  if (code && !list.some((e) => e.choice.code === code)) found.unshift({ code, name: codeName(kind, code, uiLanguage) });
  return found;
}

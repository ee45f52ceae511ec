import { foldText } from '../../shared/search/text';

/**
 * When two names at the same organisation or outlet may be one person: the import then suggests
 * the merge, which the person confirms (never merged on its own). The rule, on the words of
 * each name folded (accents and case aside), cut at spaces, hyphens, dots and apostrophes, with
 * common transliterations of Arabic names written one way (Mohamed, Mohammed, Muhammad...;
 * Ahmed, Ahmad; Youssef, Yusuf...; Mahmoud, Mahmud; Abdel-, Abdul-, Abd al-; el-, al-), and
 * the titles before it left out ("Dr.", "Mme", "Sra.", "الدكتور": see TITLES) unless the name
 * would then be a single word ("Don Johnson" keeps its "Don"):
 *
 * - both names have two words at least (a single word is too little to go on);
 * - the same words in any order ("Ali Hassan", "Hassan Ali": today's same name), or the same
 *   letters once the spaces are gone ("Jean-Pierre" and "Jean Pierre", "Abdelrahman" and
 *   "Abd al-Rahman");
 * - or the shorter name, in its order or reversed ("KABORÉ Amélie"), runs through the longer:
 *   its first word (the given name) matches the longer's first, its last word (the family name)
 *   one of the longer's later words, its words between in order; the longer may hold words the
 *   shorter lacks (a middle name, a second family name: "Amélie Kaboré-Traoré"). A given name
 *   matches the same word or its initial ("A.", "A" and "Amélie"); the family name is never an
 *   initial, and matches the same word or, when both have 5 letters or more and no digits, the
 *   same word with a slip after its first letter: one letter changed, added, dropped or swapped
 *   with the next (two for 10 letters or more). A slip is forgiven only with every given name written in full and
 *   the same, and never in a given name: colleagues of one family are told apart there
 *   ("Marie" and "Mario Dubois", "Louis" and "Louise Martin"), while a family name that
 *   differs by a letter and comes with the same given name is far more often a typing slip.
 *   "Ali Hassan" and "Ali Hussein" differ by three letters: two people.
 */

/** How two names are alike, from the closest. */
export type NameLikeness = 'same' | 'spelling' | 'initial' | 'part';

export interface NameParts {
  /** The words, transliterations written one way. */
  words: string[];
  /** The words as written (folded). */
  written: string[];
  /** The words run together. */
  compact: string;
}

/** `folded`: the name already folded, when the caller has it. */
export function nameParts(name: string, folded = foldText(name)): NameParts {
  const written = splitWords(withoutTitles(folded));
  const words: string[] = [];
  for (const w of written) {
    const same = SAME_WORDS.get(w);
    if (same) words.push(...same);
    else if (w.length > 7 && ABD_AL.some((p) => w.startsWith(p))) words.push('abd', 'al', w.slice(5));
    else words.push(w);
  }
  return { words, written, compact: words.join('') };
}

/**
 * An organisation's name as two spellings of it compare: folded (accents and case aside, in
 * every script, where SQLite's NOCASE folds ASCII letters only), its words joined by one space
 * whatever stood between them ("Société Radio-Canada" and "Societe Radio Canada" are one
 * organisation). Null for a name with no word.
 */
export function organisationKey(organisation: string | null | undefined): string | null {
  if (!organisation) return null;
  const words = splitWords(foldText(organisation));
  return words.length > 0 ? words.join(' ') : null;
}

/** How two names are alike under the rule above, or null when they are not. */
export function nameLikeness(a: NameParts, b: NameParts): NameLikeness | null {
  if (a.words.length < 2 || b.words.length < 2) return null;
  if (a.compact === b.compact) return sorted(a.written) === sorted(b.written) ? 'same' : 'spelling';
  // The same words in any order have as many letters in all: most names compared stop here.
  if (a.compact.length === b.compact.length) {
    if (sorted(a.written) === sorted(b.written)) return 'same';
    if (sorted(a.words) === sorted(b.words)) return 'spelling';
  }
  const tries: [string[], string[]][] = [];
  if (a.words.length <= b.words.length) tries.push([a.words, b.words], [[...a.words].reverse(), b.words]);
  if (b.words.length <= a.words.length) tries.push([b.words, a.words], [[...b.words].reverse(), a.words]);
  let best: NameLikeness | null = null;
  for (const [shorter, longer] of tries) {
    const how = runsThrough(shorter, longer);
    if (how && (best === null || RANK[how] < RANK[best])) best = how;
  }
  return best;
}

/**
 * Strings two names alike share at least one of (within one organisation or outlet): the
 * import looks a row's `lookups` up among the `keys` of the names already there, and compares
 * only the names found, so a file's rows are never compared with every name of their outlet.
 * `lookups` are the keys with their roles swapped (a shorter name's against a longer's).
 */
export function likenessKeys(p: NameParts, scope = ''): { keys: string[]; lookups: string[] } {
  const w = p.words;
  const keys: string[] = [];
  const lookups: string[] = [];
  if (w.length < 2) return { keys, lookups };
  const add = (as: string, against: string, key: string) => {
    keys.push(scope + as + key);
    lookups.push(scope + against + key);
  };
  // The same words in another order are found by the sort names (the same name), not here.
  add('c', 'c', p.compact);
  const last = w.length - 1;
  // As the shorter name, in either order: its family name and its given name's first letter,
  // and for a slip its given name and its family name's first letter.
  for (const [given, family] of [
    [w[0]!, w[last]!],
    [w[last]!, w[0]!],
  ] as const) {
    if (family.length > 1) add('s', 'l', `${family}|${given[0]}`);
    if (slips(family)) add('S', 'L', `${given}|${family[0]}`);
  }
  // As the longer name: each later word may be the shorter's family name.
  for (let j = 1; j <= last; j++) {
    if (w[j]!.length > 1) add('l', 's', `${w[j]}|${w[0]![0]}`);
    if (slips(w[j]!)) add('L', 'S', `${w[0]}|${w[j]![0]}`);
  }
  return { keys, lookups };
}

const RANK: Record<NameLikeness, number> = { same: 0, spelling: 1, initial: 2, part: 3 };

const sorted = (words: string[]): string => [...words].sort().join(' ');

/** The shorter name's words matched in order through the longer's, first to first (see the rule). */
function runsThrough(shorter: string[], longer: string[]): NameLikeness | null {
  const last = shorter.length - 1;
  const family = shorter[last]!;
  if (family.length < 2) return null;
  let initial = false;
  let j = 0;
  for (let i = 0; i < last; i++) {
    // The first word matches the longer's first; a middle one the next that matches.
    let found = -1;
    for (let k = j; k < (i === 0 ? 1 : longer.length - 1); k++) {
      const m = givenMatch(shorter[i]!, longer[k]!);
      if (m) {
        found = k;
        if (m === 'initial') initial = true;
        break;
      }
    }
    if (found < 0) return null;
    j = found + 1;
  }
  let slip = -1;
  for (let k = j; k < longer.length; k++) {
    if (longer[k] === family) return initial ? 'initial' : longer.length > shorter.length ? 'part' : 'spelling';
    if (slip < 0 && !initial && slipOf(family, longer[k]!)) slip = k;
  }
  return slip < 0 ? null : 'spelling';
}

function givenMatch(a: string, b: string): 'same' | 'initial' | null {
  if (a === b) return 'same';
  if (a.length === 1 && !isDigit(a) && b.startsWith(a)) return 'initial';
  if (b.length === 1 && !isDigit(b) && a.startsWith(b)) return 'initial';
  return null;
}

/** Whether a word is long enough for a slip to be forgiven in it. */
function slips(w: string): boolean {
  if (w.length < 5) return false;
  for (let i = 0; i < w.length; i++) if (isDigit(w[i]!)) return false;
  return true;
}

/** The same family name with a slip after its first letter: 1 edit for 5 to 9 letters, 2 from 10. */
function slipOf(a: string, b: string): boolean {
  if (!slips(a) || !slips(b) || a[0] !== b[0]) return false;
  const max = Math.max(a.length, b.length) >= 10 ? 2 : 1;
  return Math.abs(a.length - b.length) <= max && editsWithin(a, b, max);
}

/**
 * Whether two short words are at most `max` edits apart: a letter changed, added or dropped, or
 * two letters next to each other swapped ("Kamau", "Kamua"), each one edit.
 */
function editsWithin(a: string, b: string, max: number): boolean {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let k = 1; k <= b.length; k++) {
      let v = Math.min(prev[k]! + 1, row[k - 1]! + 1, prev[k - 1]! + (a[i - 1] === b[k - 1] ? 0 : 1));
      if (i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, before[k - 2]! + 1);
      row.push(v);
      if (v < least) least = v;
    }
    if (least > max) return false;
    before = prev;
    prev = row;
  }
  return prev[b.length]! <= max;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** A name's folded text cut into words at anything but letters, marks and digits. */
function splitWords(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const inWord = i < folded.length && isWordChar(folded.charCodeAt(i), folded[i]!);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(code: number, c: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // A surrogate half (a letter beyond the first plane) counts as part of a word.
  return (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(c);
}

/**
 * Titles written before a name, folded. Those of one letter ("M.", "د.") count only with their
 * dot: without it, the letter is a given name's initial ("M Dupont").
 */
const TITLES = new Set(
  [
    'dr', 'dra', 'mr', 'mrs', 'ms', 'prof', 'pr', 'mme', 'mlle', 'sr', 'sra', 'srta', 'don', 'doña',
    'الدكتور', 'الدكتورة', 'دكتور', 'دكتورة', 'السيد', 'السيدة', 'الأستاذ', 'الأستاذة',
  ].map((t) => foldText(t)),
);
const DOTTED_TITLES = new Set(['m', 'د'].map((t) => foldText(t)));

/**
 * The folded name without the titles it starts with ("dr. amelie kabore": "amelie kabore"), a
 * title glued to the name by its dot too ("د.أحمد"); a title stays when what would be left is
 * less than two words ("dr. don johnson": "don johnson").
 */
function withoutTitles(folded: string): string {
  let kept = folded;
  let at = 0;
  for (;;) {
    while (at < folded.length && isSpace(folded.charCodeAt(at))) at++;
    let end = at;
    while (end < folded.length && !isSpace(folded.charCodeAt(end)) && folded[end] !== '.') end++;
    const word = folded.slice(at, end);
    const dotted = folded[end] === '.';
    if (word === '' || !(TITLES.has(word) || (dotted && DOTTED_TITLES.has(word)))) return kept;
    at = dotted ? end + 1 : end;
    const rest = folded.slice(at);
    if (splitWords(rest).length < 2) return kept;
    kept = rest;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/** Words written one way: common transliterations of Arabic names, and the article. */
const SAME_WORDS = new Map<string, string[]>();
for (const [as, variants] of [
  ['muhammad', 'mohamed mohammed mohammad mohamad muhammad muhammed muhamad mouhamed mouhammad mouhamad mohamet'],
  ['ahmad', 'ahmed ahmad'],
  ['yusuf', 'yusuf yousef youssef yusef yousif yousuf youssouf'],
  ['mahmud', 'mahmoud mahmud mahmood'],
  ['al', 'al el ul'],
  ['abd al', 'abdel abdul abdal abdoul'],
] as const) {
  for (const v of variants.split(' ')) SAME_WORDS.set(v, as.split(' '));
}

/**
 * "Abdelrahman", "Abdulrahman", "Abdallah": "Abd al-" written as part of the name. Not "Abdoul-",
 * which would cut "Abdoulaye", a name of its own.
 */
const ABD_AL = ['abdel', 'abdul', 'abdal'];

import { asciiDigitsOf, indexTokens, searchTokens } from './text';

/**
 * What a person types into a search box, read as the terms the full-text index is asked for.
 * The index holds folded words only (text.ts); a term is one thing searched for, found when
 * any of its forms is: a form is a run of index words that must stand together, in order.
 *
 * - A figure is found however its language writes it: "12000", "12,000", "12.000", "12 000"
 *   (a space, a no-break or a narrow no-break space) and "١٢٬٠٠٠" are all the number 12000,
 *   indexed either as the one word "12000" or as the words "12" "000" side by side; a figure
 *   typed in any of these forms asks for both. A decimal stays the number it is: "1,5" and
 *   "1.5" ask for "1" then "5" side by side, never for "15". A group of three digits after a
 *   separator is read as thousands ("1.500" is 1500), as the four languages mostly write.
 * - Words between quotation marks ("food aid", “food aid”, « aide alimentaire ») are a phrase:
 *   found only side by side, in that order. A quotation mark left open runs to the end of what
 *   was typed, so a phrase being typed is searched as it grows, and is never an error.
 * - An Arabic name of two words is written joined or apart ("عبدالله", "عبد الله"; "أبوبكر",
 *   "أبو بكر"; "نورالدين", "نور الدين"): each finds the other. So does a word of letters and
 *   digits: "covid19" finds "COVID-19".
 *
 * The same terms build the FTS5 query (ftsQuery) and decide what a passage marks
 * (search/passage.ts), so what is marked is what was found.
 */

/** One thing a query looks for: any of its forms, each a run of index words side by side. */
export interface Term {
  forms: string[][];
  /** The last word of each form is a beginning: the last word typed, search as you type. */
  prefix: boolean;
}

/** Terms read from a query at most, as words were before phrases and figures. */
const MAX_TERMS = 16;
/** Forms of one term at most: a phrase holding several figures multiplies their forms. */
const MAX_FORMS = 8;

// Marks that open or close a phrase. Single quotes are not among them: French and Spanish
// write apostrophes inside words ("l'aide", "d’urgence").
const QUOTE = /["\u00AB\u00BB\u201C\u201D\u201E\u201F\u2033\uFF02]/u;
// A run of digits with single separators between: the thousands and decimal separators of the
// four languages, spaces included (a no-break space is a space once normalised, below).
const FIGURE = /(?<![\p{L}\p{N}\p{M}])[0-9]+(?:[ ,.'\u2019\u066B\u066C][0-9]+)*(?![\p{L}\p{N}\p{M}])/gu;
const FIGURE_PART = /[0-9]+|[^0-9]/gu;
const DECIMAL_SEPARATOR = /^[,.\u066B]$/u;
// A figure this long is a number a person reads, not a code or an account: its groups are asked for too.
const MIN_GROUPED = 4;
const MAX_GROUPED = 15;

/** A piece of a query: its forms, and (`atEnd`) its forms when it ends a phrase being typed. */
interface Piece {
  forms: string[][];
  atEnd?: string[][];
}

/** The forms of the whole number `digits`: one word, and its groups of three side by side. */
function numberForms(digits: string): string[][] {
  if (digits.length < MIN_GROUPED || digits.length > MAX_GROUPED || digits[0] === '0') return [[digits]];
  const groups: string[] = [];
  const head = digits.length % 3 || 3;
  groups.push(digits.slice(0, head));
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return [[digits], groups];
}

/**
 * The numbers in a run of digits and separators, as pieces: "12 000,5" is 12000 and a
 * fraction, "12.03.2026" is "12.03" then 2026. Thousands: a first group of one to three
 * digits, then groups of exactly three after the same separator. Then a decimal separator
 * other than the thousands one, and the fraction.
 */
function figurePieces(run: string): Piece[] {
  const bits = run.match(FIGURE_PART) ?? [];
  const parts = bits.filter((_, i) => i % 2 === 0);
  const seps = bits.filter((_, i) => i % 2 === 1);
  const out: Piece[] = [];
  let i = 0;
  while (i < parts.length) {
    let j = i;
    let sep: string | null = null;
    if (parts[i]!.length <= 3) {
      while (j + 1 < parts.length && parts[j + 1]!.length === 3 && (sep === null || seps[j] === sep)) sep = seps[j++]!;
    }
    const whole = numberForms(parts.slice(i, j + 1).join(''));
    if (j + 1 < parts.length && DECIMAL_SEPARATOR.test(seps[j]!) && seps[j] !== sep) {
      const fraction = parts[j + 1]!;
      out.push({ forms: whole.map((f) => [...f, fraction]) });
      i = j + 2;
    } else {
      out.push({ forms: whole });
      i = j + 1;
    }
  }
  return out;
}

// Arabic names made of two words, written joined or apart, as the index holds them (folded,
// the article of a second word written apart dropped): عبد + a name ("عبدالله", "عبد الله"),
// أبو + a name ("أبوبكر", "أبو بكر"), a name + الدين ("نورالدين", "نور الدين").
const NAME_HEADS = ['عبد', 'ابو'];
const NAME_TAIL = 'دين';
const ARABIC = /[\u0600-\u06FF]/u;
// A word of letters and digits together ("covid19", "h5n1"), and its runs of each.
const LETTERS_AND_DIGITS = /^(?=.*\p{L})(?=.*[0-9])[\p{L}0-9]+$/u;
const RUNS = /\p{L}+|[0-9]+/gu;

/** The forms of the one word `t`: itself, and the two words a joined Arabic name or a word of letters and digits is written apart. */
function oneWordForms(t: string): string[][] {
  for (const head of NAME_HEADS) {
    if (t.startsWith(head) && t.length >= head.length + 2) {
      const rest = searchTokens(t.slice(head.length));
      if (rest.length === 1 && rest[0]!.length >= 2) return [[t], [head, rest[0]!]];
    }
  }
  const tail = `ال${NAME_TAIL}`;
  if (t.endsWith(tail) && t.length >= tail.length + 2) return [[t], [t.slice(0, -tail.length), NAME_TAIL]];
  // "COVID-19" is indexed "covid" "19": "covid19" typed finds it.
  if (LETTERS_AND_DIGITS.test(t)) return [[t], t.match(RUNS) ?? [t]];
  return [[t]];
}

/**
 * Words as pieces, an Arabic name made of two words given its joined and its separate forms.
 * The index drops the article of a second word written apart ("عبد الله": "عبد" "له"), and
 * keeps a joined name whole ("عبدالله"), so each form of the query asks for both.
 */
function wordPieces(tokens: string[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (next !== undefined && ARABIC.test(t) && ARABIC.test(next) && next.length >= 2 && (NAME_HEADS.includes(t) || next === NAME_TAIL)) {
      out.push({ forms: [[t, next], [`${t}ال${next}`], [`${t}${next}`]] });
      k++;
    } else {
      out.push({ forms: oneWordForms(t) });
    }
  }
  return out;
}

/**
 * The pieces of a stretch of query text, figures read as numbers. In a phrase (`phrase`) a
 * word is asked for as the index holds it, with every reading (an Arabic word after "لل" is
 * indexed as two words, text.ts), except as the last word, where its one reading may be a beginning.
 */
function pieces(text: string, phrase: boolean): Piece[] {
  const normal = asciiDigitsOf(text.normalize('NFKC'));
  const out: Piece[] = [];
  const words = (stretch: string): void => {
    if (!phrase) {
      out.push(...wordPieces(searchTokens(stretch)));
      return;
    }
    // Words without another reading go through wordPieces together, so a name of two words is one piece.
    let plain: string[] = [];
    const flush = (): void => {
      out.push(...wordPieces(plain));
      plain = [];
    };
    for (const w of stretch.split(/\s+/u)) {
      const one = searchTokens(w);
      const all = indexTokens(w);
      if (all.length === one.length) plain.push(...all);
      else {
        flush();
        out.push({ forms: [all], atEnd: [one] });
      }
    }
    flush();
  };
  let at = 0;
  for (const m of normal.matchAll(FIGURE)) {
    words(normal.slice(at, m.index));
    out.push(...figurePieces(m[0]));
    at = m.index + m[0].length;
  }
  words(normal.slice(at));
  return out;
}

/** The forms of a phrase: every choice of one form per piece, joined (the first MAX_FORMS). */
function phraseForms(ps: Piece[]): string[][] {
  let forms: string[][] = [[]];
  ps.forEach((p, i) => {
    const own = i === ps.length - 1 && p.atEnd ? p.atEnd : p.forms;
    forms = forms.flatMap((f) => own.map((o) => [...f, ...o])).slice(0, MAX_FORMS);
  });
  return forms;
}

/** The terms of what a person typed, in order, MAX_TERMS at most; none when nothing is searchable. */
export function queryTerms(input: string): Term[] {
  // Between quotation marks at odd places; an odd number of marks leaves the last phrase open.
  const stretches = input.split(QUOTE);
  const open = stretches.length % 2 === 0;
  const terms: Term[] = [];
  let lastOpen = false;
  stretches.forEach((s, i) => {
    if (i % 2 === 0) {
      const ps = pieces(s, false);
      for (const p of ps) terms.push({ forms: p.forms, prefix: false });
      if (ps.length > 0) lastOpen = true;
    } else {
      const ps = pieces(s, true);
      if (ps.length === 0) return;
      terms.push({ forms: phraseForms(ps), prefix: false });
      lastOpen = open && i === stretches.length - 1;
    }
  });
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept[kept.length - 1];
  // The last word typed is a beginning, unless a space or a closing quotation mark ended it.
  if (last && lastOpen && !/\s$/u.test(input)) last.prefix = true;
  return kept;
}

/**
 * Builds an FTS5 MATCH expression from what a person typed: every term must occur (any of its
 * forms, each a phrase), the last typed word as a beginning. Null when nothing is searchable.
 */
export function ftsQuery(input: string): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  const parts = terms.map((t) => {
    const forms = t.forms.map((f) => `"${f.join(' ')}"${t.prefix ? '*' : ''}`);
    return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
  });
  // FTS5 reads phrases side by side as all of them, but wants AND written beside a group in brackets.
  return parts.join(terms.some((t) => t.forms.length > 1) ? ' AND ' : ' ');
}

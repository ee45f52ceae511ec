import { foldText } from '../search/text';
import { UI_LANGUAGE_CODES } from '../ui/languages';

/**
 * A country as a spreadsheet writes it ("Kenya", "Côte d'Ivoire", "Alemania", "مصر", "ke") to
 * its ISO 3166 code, for the countries column of an import. The names are Intl's, in the
 * interface's four languages (the names the contact page shows), so no table of our own has to
 * be kept; codes Intl only keeps as aliases of another (DD, UK, YU) and groupings that are not a
 * country (the EU, the UN, "Unknown Region") are not names' targets.
 */

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Names spreadsheets use that Intl does not give. */
const ALSO: Record<string, string> = {
  'USA': 'US',
  'U.S.A.': 'US',
  'United States of America': 'US',
  'Great Britain': 'GB',
  'Ivory Coast': 'CI',
  'Burma': 'MM',
  'Holland': 'NL',
};

/** A name as compared: case and accents folded, "&" as "and", any run of punctuation and spaces as one space. */
function nameKey(name: string): string {
  return foldText(name)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let names: Map<string, string> | null = null;

/** Built the first time a country is looked up: 250 codes in four languages, in some milliseconds. */
function countryNames(): Map<string, string> {
  if (names) return names;
  const byName = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    // "Myanmar (Burma)", "Congo - Kinshasa": the whole name, and the name before the bracket or dash.
    const bracket = name.endsWith(')') ? name.indexOf('(') : -1;
    const dash = name.indexOf(' - ');
    for (const form of [name, bracket > 0 ? name.slice(0, bracket).trim() : name, dash > 0 ? name.slice(0, dash).trim() : name]) {
      const key = nameKey(form);
      if (key && !byName.has(key)) byName.set(key, code);
    }
  };
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      // An alias (DD for DE) is canonicalised by Intl to the code it stands for.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.push(code);
    }
  }
  for (const language of UI_LANGUAGE_CODES) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' });
      for (const code of codes) add(display.of(code), code);
    }
  }
  for (const [name, code] of Object.entries(ALSO)) add(name, code);
  names = byName;
  return byName;
}

/** The ISO 3166 code of a country named in English, French, Spanish or Arabic, or written as its code; null when not recognised. */
export function countryCode(value: string): string | null {
  const v = value.trim();
  // A code Intl keeps as an alias (UK, DD) is read as the code it stands for.
  if (/^[A-Za-z]{2}$/.test(v)) return Intl.getCanonicalLocales(`und-${v.toUpperCase()}`)[0]!.slice(4);
  return countryNames().get(nameKey(v)) ?? null;
}

/**
 * The languages Dateline's interface speaks. The renderer's i18n files and the native menu's
 * words both cover exactly these; anything else falls back to English.
 */
export const UI_LANGUAGE_CODES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguageCode = (typeof UI_LANGUAGE_CODES)[number];

/**
 * The organisation's working languages: the ones the interface speaks, offered first wherever
 * a language is chosen (a release, a kit, an office's boilerplate, the importer's review).
 */
export const WORKING_LANGUAGES = UI_LANGUAGE_CODES;

export function isUiLanguageCode(x: string): x is UiLanguageCode {
  return (UI_LANGUAGE_CODES as readonly string[]).includes(x);
}

/** The first of a system's preferred languages (fr-CA, ar-EG) that Dateline speaks, else English. */
export function preferredUiLanguage(preferences: readonly string[]): UiLanguageCode {
  for (const tag of preferences) {
    const base = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isUiLanguageCode(base)) return base;
  }
  return 'en';
}

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * Intl's names of one type in one language, made once: making them costs a hundred times
 * what naming one code does (0.15 ms against 0.003 ms), and a country picker names 250.
 */
function namesIn(type: 'language' | 'region', inLanguage: string): Intl.DisplayNames {
  const key = `${type} ${inLanguage}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([inLanguage], { type });
    displayNames.set(key, names);
  }
  return names;
}

/** A language's name in another language ("French" in English, "français" in French); the tag itself when Intl has no name. */
export function languageName(tag: string, inLanguage: string): string {
  try {
    return namesIn('language', inLanguage).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A country's name in a language ("Germany" in English, "Allemagne" in French); the ISO code itself when Intl has no name. */
export function countryName(code: string, inLanguage: string): string {
  try {
    return namesIn('region', inLanguage).of(code) ?? code;
  } catch {
    return code;
  }
}

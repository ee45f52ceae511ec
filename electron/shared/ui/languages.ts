/**
 * The languages Dateline's interface speaks. The renderer's i18n files and the native menu's
 * words both cover exactly these; anything else falls back to English.
 */
export const UI_LANGUAGE_CODES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguageCode = (typeof UI_LANGUAGE_CODES)[number];

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

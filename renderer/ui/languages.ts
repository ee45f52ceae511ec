/** A language's name in the UI language ("French" in English, "français" in French). */
export { countryName, languageName } from '../../electron/shared/ui/languages';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';

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

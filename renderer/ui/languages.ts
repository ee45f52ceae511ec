/** A language's name in the UI language ("French" in English, "français" in French). */
export { languageName } from '../../electron/shared/ui/languages';

export function countryName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
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

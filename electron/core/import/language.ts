import { mostlyRightToLeft } from '../../shared/direction';

/**
 * The release's language from its words: Arabic by script, English, French and Spanish by
 * their commonest short words (the ones the three do not share). Enough for a release, which
 * has hundreds of words; a person can change it in the review.
 */

const WORDS: Record<'en' | 'fr' | 'es', Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'for', 'with', 'that', 'on', 'was', 'has', 'have', 'are', 'from', 'said', 'will', 'this', 'their', 'which', 'were', 'it', 'by', 'at', 'be', 'who', 'more', 'than', 'people']),
  fr: new Set(['le', 'les', 'des', 'du', 'et', 'est', 'dans', 'pour', 'une', 'qui', 'avec', 'au', 'aux', 'sur', 'ce', 'cette', 'été', 'pas', 'sont', 'ont', 'plus', 'leur', 'leurs', 'nous', 'il', 'elle', 'ils', 'où', 'déclaré', 'personnes', 'mais', 'aussi']),
  es: new Set(['el', 'los', 'las', 'y', 'del', 'por', 'para', 'una', 'con', 'es', 'al', 'como', 'su', 'sus', 'más', 'han', 'ha', 'fue', 'son', 'este', 'esta', 'pero', 'también', 'personas', 'según', 'entre', 'sobre', 'hasta', 'dijo']),
};

export type DetectedLanguage = 'en' | 'fr' | 'es' | 'ar';

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, 20_000);
  if (mostlyRightToLeft(sample)) return 'ar';
  const counts = { en: 0, fr: 0, es: 0 };
  for (const w of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of ['en', 'fr', 'es'] as const) if (WORDS[lang].has(w)) counts[lang]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? 'en' : best[0];
}

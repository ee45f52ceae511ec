import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { directionOf } from '../../electron/shared/direction';
import { preferredUiLanguage, type UiLanguageCode } from '../../electron/shared/ui/languages';
import { displayPrefs } from './display';
import { PSEUDO_LANGUAGE, pseudoTree } from './pseudo';

/**
 * The UI's languages, each file with the same keys as en.json (a test holds them to it,
 * with every plural form the language has). They are offered in Settings.
 */
export const UI_RESOURCES = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
  ar: { translation: ar },
} as const satisfies Record<UiLanguageCode, unknown>;

export type UiLanguage = keyof typeof UI_RESOURCES;
export const UI_LANGUAGES = Object.keys(UI_RESOURCES) as UiLanguage[];
const STORAGE_KEY = 'dateline.uiLanguage';

/** The test-only pseudo-locale is chosen by saving it, never offered in Settings. */
const ALL_RESOURCES = { ...UI_RESOURCES, [PSEUDO_LANGUAGE]: { translation: pseudoTree(en) } };

/** Formatting locale per UI language: the organisation writes day-month dates in English. */
const FORMAT_LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar', [PSEUDO_LANGUAGE]: 'en-GB' };

/**
 * The Intl locale for a UI language: Arabic carries the office's digits (ar-u-nu-arab or
 * ar-u-nu-latn); the other languages always write Western digits.
 */
export function formatLocale(lng: string): string {
  const base = FORMAT_LOCALE[lng] ?? lng;
  return lng === 'ar' ? `${base}-u-nu-${displayPrefs().digits}` : base;
}

function isUiLanguage(x: string): x is UiLanguage {
  return Object.prototype.hasOwnProperty.call(UI_RESOURCES, x);
}

function initialLanguage(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (isUiLanguage(saved) || saved === PSEUDO_LANGUAGE)) return saved;
  } catch {
    // No storage: use the system's language.
  }
  // Electron gives the window the OS languages here; a browser gives its own.
  if (typeof navigator === 'undefined') return 'en';
  return preferredUiLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Keeps <html lang> and <html dir> in step with the UI language (Arabic reads right to left). */
function applyToDocument(instance: I18n, lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = directionOf(lng);
}

const FSI = '\u2068';
const PDI = '\u2069';

function shapeValue(instance: I18n, value: unknown): string {
  const lng = instance.language ?? 'en';
  const text = typeof value === 'number' ? new Intl.NumberFormat(formatLocale(lng)).format(value) : String(value);
  return directionOf(lng) === 'rtl' ? `${FSI}${text}${PDI}` : text;
}

export function setUpI18n(lng: string = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: ALL_RESOURCES,
    lng,
    fallbackLng: 'en',
    // React escapes; this hook only shapes values: numbers in the UI language with the
    // office's digits, and, in a right-to-left UI, each value isolated (FSI…PDI) so a Latin
    // name or a number keeps its own direction inside Arabic text.
    interpolation: { escapeValue: true, useRawValueToEscape: true, escape: (value: unknown) => shapeValue(instance, value) },
    returnNull: false,
    initAsync: false,
  });
  applyToDocument(instance, instance.language);
  instance.on('languageChanged', (l) => applyToDocument(instance, l));
  return instance;
}

export function rememberLanguage(lng: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered; the choice holds for this session.
  }
}

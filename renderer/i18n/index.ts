import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * The UI's languages. English is complete; a French, Spanish or Arabic file is added here
 * (same keys as en.json) and appears in Settings. Missing keys fall back to English.
 */
export const UI_RESOURCES = {
  en: { translation: en },
} as const;

export type UiLanguage = keyof typeof UI_RESOURCES;
export const UI_LANGUAGES = Object.keys(UI_RESOURCES) as UiLanguage[];
const STORAGE_KEY = 'dateline.uiLanguage';

/** Formatting locale per UI language: the organisation writes day-month dates in English. */
const FORMAT_LOCALE: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar' };

export function formatLocale(lng: string): string {
  return FORMAT_LOCALE[lng] ?? lng;
}

function isUiLanguage(x: string): x is UiLanguage {
  return Object.prototype.hasOwnProperty.call(UI_RESOURCES, x);
}

function initialLanguage(): UiLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && isUiLanguage(saved)) return saved;
  } catch {
    // No storage: use the browser's language.
  }
  const browser = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  return isUiLanguage(browser) ? browser : 'en';
}

/** Keeps <html lang> and <html dir> in step with the UI language (Arabic reads right to left). */
function applyToDocument(instance: I18n, lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = instance.dir(lng);
}

export function setUpI18n(lng: string = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: UI_RESOURCES,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
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

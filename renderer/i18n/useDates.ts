import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormats, savedDateStyle, type DateFormats, type DateStyle } from './dates';

export interface DateStyleChoice {
  style: DateStyle;
  choose: (style: DateStyle) => void;
}

/** The date style chosen in Settings; DisplayProvider holds it, a screen shown alone reads the saved one. */
export const DateStyleContext = createContext<DateStyleChoice>({ style: savedDateStyle(), choose: () => undefined });

export const useDateStyle = (): DateStyleChoice => useContext(DateStyleContext);

/** How this screen writes dates: the interface's language, the chosen style, the office's zone and digits. */
export function useDates(): DateFormats {
  const { i18n } = useTranslation();
  const { style } = useDateStyle();
  const language = i18n.language;
  return useMemo(() => dateFormats(language, style), [language, style]);
}

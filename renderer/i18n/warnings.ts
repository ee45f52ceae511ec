import type { TFunction } from 'i18next';
import type { Warning } from '../../electron/shared/warnings';
import type { DateFormats } from './dates';

/**
 * A warning from the core in the person's language, by its code; its English message if this UI
 * has no words for it. With `dates`, a `date` param (a day, YYYY-MM-DD) is written as the screen writes dates.
 */
export function warningText(t: TFunction, w: Warning, dates?: Pick<DateFormats, 'date'>): string {
  const params = { ...(w.params ?? {}) };
  if (dates && typeof params.date === 'string') params.date = dates.date(params.date);
  return t(`warnings.${w.code}`, { ...params, defaultValue: w.message });
}

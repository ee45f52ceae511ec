import type { TFunction } from 'i18next';
import type { Warning } from '../../electron/shared/warnings';

/** A warning from the core in the person's language, by its code; its English message if this UI has no words for it. */
export function warningText(t: TFunction, w: Warning): string {
  return t(`warnings.${w.code}`, { ...(w.params ?? {}), defaultValue: w.message });
}

/**
 * How this computer shows times and numbers: in its office's time zone, and, in Arabic, with
 * the digits the office chose (Arabic-Indic ٠١٢٣ or Western 0123). Set from the office chosen
 * in Settings; read by every formatter through formatLocale() and displayTimeZone().
 */
export type Digits = 'latn' | 'arab';

export interface DisplayPrefs {
  /** An IANA zone; undefined shows the device's own. */
  timeZone: string | undefined;
  digits: Digits;
}

let current: DisplayPrefs = { timeZone: undefined, digits: 'latn' };

export function setDisplayPrefs(prefs: DisplayPrefs): void {
  current = prefs;
}

export function displayPrefs(): DisplayPrefs {
  return current;
}

export function displayTimeZone(): string | undefined {
  return current.timeZone;
}

const HOME_OFFICE_KEY = 'dateline.homeOffice';

/** The office this computer works for, remembered here (not in the shared library). */
export function homeOffice(): string | null {
  try {
    return localStorage.getItem(HOME_OFFICE_KEY);
  } catch {
    return null;
  }
}

export function rememberHomeOffice(id: string | null): void {
  try {
    if (id) localStorage.setItem(HOME_OFFICE_KEY, id);
    else localStorage.removeItem(HOME_OFFICE_KEY);
  } catch {
    // Not remembered; the choice holds for this session.
  }
}

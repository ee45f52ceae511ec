/**
 * A choice remembered on this computer (not in the shared library), as the date style and the
 * interface language are: each person keeps the way they work. Nothing is remembered where the
 * browser keeps no storage; what was stored is read back only through `accept`.
 */
export function rememberedChoice<T>(key: string, accept: (stored: unknown) => T | null, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    return accept(JSON.parse(raw)) ?? fallback;
  } catch {
    // No storage, or not JSON: the default.
    return fallback;
  }
}

export function rememberChoice(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered; the choice holds while the screen is open.
  }
}

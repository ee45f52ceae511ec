import type { SecretKeeper } from '../../electron/core/sync/secrets';

/** A keychain in memory, as electron/main's safeStorage keeper behaves when it has one (or not). */
export function memoryKeychain(available = true): SecretKeeper & { kept: Map<string, string> } {
  const kept = new Map<string, string>();
  return {
    kept,
    available: () => Promise.resolve(available),
    load: (a) => Promise.resolve(kept.get(a) ?? null),
    save: (a, s) => Promise.resolve(void kept.set(a, s)),
    forget: (a) => Promise.resolve(void kept.delete(a)),
  };
}

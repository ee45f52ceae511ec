/**
 * Where the sync password may be kept between sessions. The desktop app keeps it in the
 * system keychain through Electron's safeStorage (in the main process: electron/main/secrets.ts);
 * web mode, the CLI and a desktop without a keychain have none, and the person is asked for the
 * password each session. Nothing here ever writes a password in plain text.
 */
export interface SecretKeeper {
  /** Whether a password can be kept at all (false: ask each time). */
  available(): Promise<boolean>;
  /** The password kept for this account of this server, if any. */
  load(account: string): Promise<string | null>;
  save(account: string, secret: string): Promise<void>;
  forget(account: string): Promise<void>;
}

/** No keychain: nothing is kept, the person is asked each session. */
export const noKeychain: SecretKeeper = {
  available: () => Promise.resolve(false),
  load: () => Promise.resolve(null),
  save: () => Promise.resolve(),
  forget: () => Promise.resolve(),
};

/** Names an account in the keychain: who on which server. */
export function accountKey(server: string, user: string): string {
  return `${user}@${server}`;
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';

/**
 * The sync password kept in the system keychain: Electron's safeStorage encrypts it with a key
 * the OS keeps (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), and
 * only that ciphertext is written, in the app's data folder. Where safeStorage has no keychain
 * (`isEncryptionAvailable()` false, e.g. Linux without a secret service) nothing is ever
 * written: the app asks for the password each session. On Linux, safeStorage's "basic_text"
 * backend is a fixed key, no better than plain text, so it counts as no keychain.
 */

export type SecretOp = { op: 'available' } | { op: 'load'; account: string } | { op: 'save'; account: string; secret: string } | { op: 'forget'; account: string };

export const SecretOpSchema: z.ZodType<SecretOp> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('available') }).strict(),
  z.object({ op: z.literal('load'), account: z.string().min(1).max(2500) }).strict(),
  z.object({ op: z.literal('save'), account: z.string().min(1).max(2500), secret: z.string().min(1).max(1000) }).strict(),
  z.object({ op: z.literal('forget'), account: z.string().min(1).max(2500) }).strict(),
]);

const FileSchema = z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/=]*$/));

export class KeychainSecrets {
  private readonly file: string;

  constructor(
    userData: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = path.join(userData, 'sync-secrets.json');
  }

  available(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return this.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  /** Answers one request of the core (checked here: the core host is another process). */
  handle(request: unknown): string | boolean | null {
    const r = SecretOpSchema.parse(request);
    switch (r.op) {
      case 'available':
        return this.available();
      case 'load': {
        if (!this.available()) return null;
        const sealed = this.read()[r.account];
        if (sealed === undefined) return null;
        try {
          return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
        } catch {
          // Sealed by another user or machine (a copied profile): as if there were none.
          return null;
        }
      }
      case 'save':
        if (!this.available()) return false;
        this.write({ ...this.read(), [r.account]: safeStorage.encryptString(r.secret).toString('base64') });
        return true;
      case 'forget': {
        const all = this.read();
        if (!(r.account in all)) return false;
        delete all[r.account];
        this.write(all);
        return true;
      }
    }
  }

  private read(): Record<string, string> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  private write(all: Record<string, string>): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.part`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

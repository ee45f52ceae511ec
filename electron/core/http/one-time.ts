import { createHash, randomBytes } from 'node:crypto';

/**
 * Codes good for one use within a short time, each standing for a value: web mode's launch
 * links (the session token, for the browser that opens the link) and download tickets (one
 * file, for the browser to fetch by plain link). After its use or its time, a code is worth
 * nothing to whoever read it (a `ps` listing, a browser's history, its downloads list).
 */

export type CodeRefusal = 'used' | 'expired' | 'unknown';

export type Redemption<T> = { ok: true; value: T } | { ok: false; reason: CodeRefusal };

/** The codes are kept by their hash only: a dump of the server's memory holds no usable one. */
function digest(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('base64url');
}

export class OneTimeCodes<T> {
  /** hash → when it stops working, whether it was used (kept until then to say "used"), and what it stands for. */
  private readonly issued = new Map<string, { expiresAt: number; used: boolean; value: T }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh code for `value`: 32 random bytes, base64url. */
  issue(value: T): string {
    this.forgetExpired();
    const code = randomBytes(32).toString('base64url');
    this.issued.set(digest(code), { expiresAt: this.now() + this.ttlMs, used: false, value });
    return code;
  }

  /** Uses the code up: the first redemption in time succeeds, every other one is refused. */
  redeem(code: string): Redemption<T> {
    const entry = this.issued.get(digest(code));
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    entry.used = true;
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, value: entry.value };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.issued) if (now >= entry.expiresAt) this.issued.delete(key);
  }
}

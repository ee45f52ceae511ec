import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time launch links for web mode. A browser is started with a URL on its command line,
 * which `ps` shows to every user of the machine, so that URL must not carry the session's
 * token. It carries a launch nonce instead: good for one exchange (POST /launch) within a
 * short time, after which it is worth nothing to whoever read it.
 */

/** Long enough for a slow laptop to start its browser; a person clicking later gets a fresh link. */
export const LAUNCH_TTL_MS = 2 * 60_000;

export type LaunchRefusal = 'used' | 'expired' | 'unknown';

export type Redemption = { ok: true } | { ok: false; reason: LaunchRefusal };

/** The nonces are kept by their hash only: a dump of the server's memory holds no usable link. */
function digest(nonce: string): string {
  return createHash('sha256').update(nonce, 'utf8').digest('base64url');
}

export class LaunchNonces {
  /** hash → when it stops working, and whether it was used (kept until then to say "used"). */
  private readonly issued = new Map<string, { expiresAt: number; used: boolean }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = LAUNCH_TTL_MS,
  ) {}

  /** A fresh nonce: 32 random bytes, base64url. */
  issue(): string {
    this.forgetExpired();
    const nonce = randomBytes(32).toString('base64url');
    this.issued.set(digest(nonce), { expiresAt: this.now() + this.ttlMs, used: false });
    return nonce;
  }

  /** Uses the nonce up: the first redemption in time succeeds, every other one is refused. */
  redeem(nonce: string): Redemption {
    const entry = this.issued.get(digest(nonce));
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    entry.used = true;
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.issued) if (now >= entry.expiresAt) this.issued.delete(key);
  }
}

import { OneTimeCodes } from './one-time';

/**
 * One-time launch links for web mode. A browser is started with a URL on its command line,
 * which `ps` shows to every user of the machine, so that URL must not carry the session's
 * token. It carries a launch nonce instead: good for one exchange (POST /launch) within a
 * short time, after which it is worth nothing to whoever read it.
 */

/** Long enough for a slow laptop to start its browser; a person clicking later gets a fresh link. */
export const LAUNCH_TTL_MS = 2 * 60_000;

export const launchNonces = (now?: () => number): OneTimeCodes<null> => new OneTimeCodes<null>(LAUNCH_TTL_MS, now);

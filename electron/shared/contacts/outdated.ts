/**
 * A contact is outdated when it was last verified (or, never verified, last changed) longer
 * ago than the office's period. Dates are compared as calendar days, YYYY-MM-DD.
 */
export function isOutdated(lastVerifiedOrChanged: string | null, months: number | null | undefined, today: string): boolean {
  if (!months || !lastVerifiedOrChanged) return false;
  const [y, m, d] = today.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const limit = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return lastVerifiedOrChanged.slice(0, 10) < limit;
}

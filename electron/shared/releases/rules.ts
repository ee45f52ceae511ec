import { plainText, RichTextSchema } from '../richtext';

/**
 * What a release must have before it may go out: the rule the core enforces on every local
 * write and the editor shows next to the fields, so both always agree.
 */

/** The statuses that mean "this is ready to go out" (or has gone out). */
export const GATED_STATUSES: readonly string[] = ['approved', 'released'];

export const REQUIRED_TO_GO_OUT = ['headline', 'datelinePlace', 'releaseDate', 'body'] as const;
export type RequiredField = (typeof REQUIRED_TO_GO_OUT)[number];

function hasText(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

function bodyHasText(v: unknown): boolean {
  const parsed = RichTextSchema.safeParse(v);
  return parsed.success && plainText(parsed.data).trim() !== '';
}

/** The required fields a release body lacks, in the order the editor shows them. */
export function missingToGoOut(body: Readonly<Record<string, unknown>>): RequiredField[] {
  return REQUIRED_TO_GO_OUT.filter((f) => (f === 'body' ? !bodyHasText(body.body) : !hasText(body[f])));
}

export function isGatedStatus(status: unknown): boolean {
  return typeof status === 'string' && GATED_STATUSES.includes(status);
}

/**
 * The fields that stop a write: only when the release is (or becomes) approved or released and
 * the write moves it there or touches a required field. A release that was approved elsewhere
 * without a date can still have a tag added; it cannot lose its headline or be approved again.
 */
export function blockingFields(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>>): RequiredField[] {
  if (!isGatedStatus(after.status)) return [];
  const moved = !before || before.status !== after.status;
  const touched = REQUIRED_TO_GO_OUT.some((f) => !before || JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
  if (!moved && !touched) return [];
  return missingToGoOut(after);
}

/**
 * Withdrawal takes back a release that went out: only an approved or released one. A draft or a
 * release in review never went out, so there is nothing to take back (the trash is for those);
 * a withdrawn one already was. The core refuses the rest with the reason the window words
 * (shared/errors.ts INPUT_PROBLEMS), and the editor offers "Withdraw…" only where it is accepted.
 */
export const WITHDRAWABLE_STATUSES: readonly string[] = ['approved', 'released'];

export type WithdrawRefusal = 'withdrawDraft' | 'withdrawInReview' | 'alreadyWithdrawn';

/** Why a release of `status` cannot be withdrawn, or null when it can. */
export function withdrawRefusal(status: unknown): WithdrawRefusal | null {
  if (typeof status === 'string' && WITHDRAWABLE_STATUSES.includes(status)) return null;
  if (status === 'withdrawn') return 'alreadyWithdrawn';
  return status === 'in-review' ? 'withdrawInReview' : 'withdrawDraft';
}

/** The status lists show for a release in the trash (projected from its `trashed` flag; never stored as a status). */
export const TRASHED = 'trashed';

/** Why a release cannot go into a new kit, or null when it can. */
export function unavailableForKits(body: Readonly<Record<string, unknown>>): 'withdrawn' | 'trashed' | null {
  if (body.trashed) return 'trashed';
  if (body.status === 'withdrawn') return 'withdrawn';
  return null;
}

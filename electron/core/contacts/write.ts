import type { Created, Saved } from '../../shared/contract';
import { toE164 } from '../../shared/contacts/phone';
import { asciiDigitsOf } from '../../shared/search/text';
import type { CoreContext } from '../context';
import type { Body } from '../store/docstore';

/**
 * A contact written by a person (the editor, the CLI, the API): a phone number written without
 * its country code (079 123 45 67, or 0041 79... with an exit code that works only from some
 * countries) is put in E.164 from the office's country where that is certain; one written
 * with "+" already says its country and keeps the grouping the person gave it, which a printed
 * kit shows (matching compares digits either way). And a journalist whose outlet changes keeps the
 * old one in `outletHistory`, newest first.
 */

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The country of an office (a document id), or null when it is not a live office or has none. */
export function officeCountry(ctx: CoreContext, office: unknown): string | null {
  const d = typeof office === 'string' ? ctx.library.docs.getStored(office) : undefined;
  return d && !d.deleted && d.type === 'office' ? str(d.body.country) : null;
}

const national = (p: Body): boolean => typeof p.number === 'string' && !p.number.trimStart().startsWith('+');

/** Digits of another script (Arabic-Indic "٤١", Persian "۴۱"): not ASCII, so a number holding any is re-written. */
const OTHER_SCRIPT = /\P{ASCII}/u;
const otherScript = (p: Body): boolean => typeof p.number === 'string' && OTHER_SCRIPT.test(p.number);

/**
 * The body's phones in E.164 (from `country` for a national number) where that is certain: a typed contact and an
 * imported one go through here alike. Numbers written with "+" and those that cannot be read
 * with confidence are kept as they are, but always stored with ASCII digits: a number typed in
 * Arabic-Indic or Persian digits is the same number, and a version of Dateline that predates
 * reading such digits must still be able to read every contact this one writes. An import passes a
 * `convert` that remembers the numbers it has seen.
 */
export function phonesToE164(body: Body, country: string | null, convert: (typed: string, country: string | null) => string | null = toE164): void {
  const phones = Array.isArray(body.phones) ? (body.phones as Body[]) : [];
  if (!phones.some(national) && !phones.some(otherScript)) return;
  body.phones = phones.map((p) => {
    const typed = otherScript(p) ? asciiDigitsOf(p.number as string) : p.number;
    const n = national(p) ? convert(typed as string, country) : null;
    if (n) return { ...p, number: n };
    const kept = withoutOpeningBracket(typed as string);
    return kept === p.number ? p : { ...p, number: kept };
  });
}

/**
 * "(601) 555 0101" kept as typed (no country to read it in) is stored "601 555 0101": versions
 * of Dateline before numbers could open with a bracket refuse one that does, and the same
 * digits in the same groups are the same number to a person and to matching.
 */
export function withoutOpeningBracket(number: string): string {
  if (!number.startsWith('(')) return number;
  const m = /^\(([^()]*)\)\s*/u.exec(number);
  return (m ? `${m[1]!.trim()} ${number.slice(m[0].length)}` : number.slice(1)).trim();
}

function normalisePhones(ctx: CoreContext, body: Body): void {
  const phones = Array.isArray(body.phones) ? (body.phones as Body[]) : [];
  // Only a number without "+" needs the office's country (and the read that finds it).
  if (phones.some(national)) phonesToE164(body, officeCountry(ctx, body.office));
  else if (phones.some(otherScript)) phonesToE164(body, null);
}

/** Adds the outlet left behind to the history (unless the history already ends with it). */
function keepOutletHistory(ctx: CoreContext, before: Readonly<Body>, after: Body): void {
  const left = str(before.outlet);
  if (!left || left === str(after.outlet)) return;
  const history = Array.isArray(after.outletHistory) ? (after.outletHistory as Body[]) : [];
  if (history[0]?.outlet === left) return;
  const today = ctx.library.docs.now().slice(0, 10);
  // The previous move's date is when the person started at the outlet now left.
  const from = str(history[0]?.to);
  after.outletHistory = [{ outlet: left, role: str(before.role), from, to: today }, ...history];
}

/**
 * The input was checked against the contact schema by the dispatcher, and an E.164 number
 * still passes it, so the body goes to the store as it is (one transaction, the store's own).
 */
export function createContact(ctx: CoreContext, fields: Body): Created {
  const body = { ...fields };
  normalisePhones(ctx, body);
  const d = ctx.library.docs.create('contact', body, { author: ctx.library.author });
  return { id: d.id, rev: d.rev };
}

/**
 * A person's edit of a contact (`patch`: the fields they changed) made on `rev` (the current
 * winner when null), committed as a three-way merge (Repository.commit): a change that arrived
 * meanwhile is kept, the same field changed on both sides goes to the conflicts inbox. Phones
 * are put in E.164 and the outlet left behind kept in the history on every version stored: the
 * person's, and the merged one.
 */
export function updateContact(ctx: CoreContext, id: string, rev: string | null, patch: Body): Saved {
  return ctx.library.repo.commit('contact', id, rev, patch, {
    complete: (before, after) => {
      if ('phones' in patch || 'office' in patch) normalisePhones(ctx, after);
      keepOutletHistory(ctx, before, after);
    },
  });
}

/**
 * How two records of the same person become one: what the kept contact already says stays,
 * what only the other one knows is added (e-mails and phones by their normalised form, social
 * handles by network and handle, beats, languages and countries as sets), empty fields are
 * filled, differing notes are both kept, both outlet histories are kept as one and a
 * do-not-contact on either record stands. Pure; the import and the merge screen use it.
 */

import { CONTACT_LIMITS } from '../documents';
import { phoneDigits } from './phone';
import { socialKey, type SocialHandle } from './social';

type Body = Record<string, unknown>;

const LIST_FIELDS = ['beats', 'languages', 'countries', 'tags', 'regions', 'lists'] as const;

function unionBy<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const empty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function mergeContactFields(kept: Body, other: Body): Body {
  const out: Body = { ...kept };
  for (const [k, v] of Object.entries(other)) {
    if (empty(out[k]) && !empty(v)) out[k] = v;
  }
  out.emails = unionBy(list<{ address: string }>(kept.emails), list<{ address: string }>(other.emails), (e) => e.address.trim().toLowerCase());
  out.phones = unionBy(list<{ number: string }>(kept.phones), list<{ number: string }>(other.phones), (p) => phoneDigits(p.number) || p.number);
  if ('socialHandles' in kept || 'socialHandles' in other) out.socialHandles = unionBy(list<SocialHandle>(kept.socialHandles), list<SocialHandle>(other.socialHandles), socialKey);
  for (const f of LIST_FIELDS) {
    if (f in kept || f in other) out[f] = unionBy(list<unknown>(kept[f]), list<unknown>(other[f]), (x) => JSON.stringify(x));
  }
  if ('outletHistory' in kept || 'outletHistory' in other) out.outletHistory = joinOutletHistories(list<Stint>(kept.outletHistory), list<Stint>(other.outletHistory));
  // A person who asked either record not to be contacted has asked the merged one too.
  const theirs = other.dataProtection as { doNotContact?: unknown } | undefined;
  const ours = out.dataProtection as { doNotContact?: unknown } | undefined;
  if (theirs?.doNotContact === true && ours?.doNotContact !== true) out.dataProtection = { ...ours, doNotContact: true };
  if (typeof kept.notes === 'string' && typeof other.notes === 'string' && kept.notes.trim() !== other.notes.trim() && !kept.notes.includes(other.notes.trim())) {
    out.notes = `${kept.notes}\n\n${other.notes}`;
  }
  return out;
}

type Stint = { outlet: string; role: string | null; from: string | null; to: string | null };

const undated = (s: Stint): boolean => s.from === null && s.to === null;
/** When a stint ended, as far as it says: its end, else its start; null when it says neither. */
const endOf = (s: Stint): string | null => s.to ?? s.from;

/**
 * Two outlet histories of one person as one, newest first as each already is: merged as two
 * sorted lists, by when each stint ended where both say (ISO dates compare as text), the kept
 * record's first otherwise. A stint both records hold (same outlet and dates) is kept once, with
 * the role either gives; an undated stint is dropped where the other record dates a stint at
 * that outlet, which says more.
 */
function joinOutletHistories(kept: Stint[], other: Stint[]): Stint[] {
  const key = (s: Stint) => `${s.outlet}|${s.from ?? ''}|${s.to ?? ''}`;
  const dated = new Set([...kept, ...other].filter((s) => !undated(s)).map((s) => s.outlet));
  const keep = (s: Stint) => !(undated(s) && dated.has(s.outlet));
  const a = kept.filter(keep);
  const b = other.filter(keep);
  const out: Stint[] = [];
  const at = new Map<string, number>();
  const add = (s: Stint) => {
    const i = at.get(key(s));
    if (i === undefined) {
      at.set(key(s), out.length);
      out.push(s);
    } else if (out[i]!.role === null && s.role !== null) out[i] = { ...out[i]!, role: s.role };
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const ex = x ? endOf(x) : null;
    const ey = y ? endOf(y) : null;
    if (!y || (x && !(ex !== null && ey !== null && ey > ex))) {
      add(x!);
      i++;
    } else {
      add(y);
      j++;
    }
  }
  // Past the contact's limit, the oldest stints go: a merge must not fail on a long past.
  return out.slice(0, CONTACT_LIMITS.outletHistory);
}

type Record_ = { legalBasis?: unknown; doNotContact?: unknown } & Body;

const recordOf = (b: Body): Record_ | undefined => {
  const r = b.dataProtection;
  return r !== null && typeof r === 'object' ? (r as Record_) : undefined;
};

/**
 * The legal bases of two records of the same person when both state one and they differ: a
 * merge keeps one record, so the person is shown both and decides.
 */
export function legalBasisDiffers(kept: Body, other: Body): { contact: string; file: string } | null {
  const a = recordOf(kept)?.legalBasis;
  const b = recordOf(other)?.legalBasis;
  return typeof a === 'string' && typeof b === 'string' && a !== b ? { contact: a, file: b } : null;
}

/**
 * mergeContactFields, with the other record's data-protection record instead of the kept
 * one's (the person chose it); a do-not-contact on either still stands.
 */
export function mergeTakingRecord(kept: Body, other: Body): Body {
  const out = mergeContactFields(kept, other);
  const theirs = recordOf(other);
  if (theirs) out.dataProtection = { ...theirs, doNotContact: theirs.doNotContact === true || recordOf(kept)?.doNotContact === true };
  return out;
}

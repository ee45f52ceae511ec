import type { ColumnMapping, ColumnTarget } from '../../shared/contacts/columns';
import { z } from 'zod';
import {
  CONTACT_LIMITS as L,
  ContactFields,
  CountrySchema,
  EMAIL_PATTERN,
  EmailSchema,
  LanguageSchema,
  PHONE_PATTERN,
  PhoneSchema,
  phoneProblem,
  TAG_MAX,
  type ContactFieldsT,
} from '../../shared/documents';
import { rowNote, type RowNote } from '../../shared/contacts/row-notes';
import { countryCode } from '../../shared/contacts/country-names';
import { kindFromTitle } from '../../shared/contacts/kind';
import { readVisibilityCell } from '../../shared/contacts/visibility-cell';
import { phoneDigits } from '../../shared/contacts/phone';
import { headerNetwork, readSocialCell, sameHandle, SOCIAL_LIMITS, type SocialHandle } from '../../shared/contacts/social';
import { dataProtectionCell, dataProtectionOf, type DataProtectionCells } from './data-protection-cells';
import { invalidInput } from '../../shared/errors';

/**
 * One row of a contacts spreadsheet to a contact's fields, or the reason it cannot be one,
 * naming the column. Pure. A bad e-mail or phone refuses the row (they are how the same
 * person is found again); a language or country that is not a code is left out with a warning.
 */

type EmailT = ContactFieldsT['emails'][number];
type PhoneT = ContactFieldsT['phones'][number];

export interface RowContact {
  fields: ContactFieldsT;
  /** The outlet as named in the file; the import finds or creates it. */
  outletName: string | null;
  warnings: RowNote[];
}

export interface RowProblem {
  column: string;
  reason: RowNote;
}

/** A column plan made once per file: each cell's target, and the label column that types it (Google's "E-mail 1 - Label"). */
export interface ColumnPlan {
  headers: string[];
  targets: ColumnTarget[];
  labelOf: (number | null)[];
  /** For e-mail and phone columns, the channel and its type ("email:work" read once, not once a cell). */
  channels: ({ kind: 'email' | 'phone'; type: string } | null)[];
  /** For social columns, the network their header names ("Twitter"): a bare handle under it is on that network. */
  networks: (string | null)[];
}

export function planColumns(headers: string[], mapping: ColumnMapping): ColumnPlan {
  const targets = headers.map((h) => mapping[h] ?? 'ignore');
  const index = new Map(headers.map((h, i) => [h.trim().toLowerCase(), i]));
  const labelOf = headers.map((h) => {
    const m = /^(.*) - value$/i.exec(h.trim());
    if (!m) return null;
    const base = m[1]!.toLowerCase();
    return index.get(`${base} - label`) ?? index.get(`${base} - type`) ?? null;
  });
  const channels = targets.map((t) => {
    const [kind, type] = t.split(':');
    return (kind === 'email' || kind === 'phone') && type ? { kind, type } : null;
  }) as ColumnPlan['channels'];
  const networks = targets.map((t, i) => (t === 'social' ? headerNetwork(headers[i]!) : null));
  return { headers, targets, labelOf, channels, networks };
}

/**
 * The values of a row by the contact schema's own rules for each field (lengths, trimming,
 * e-mail and phone forms) but without its nesting, defaults and strictness, which the import
 * fills in itself: a third of the cost per row of parsing the whole contact (measured on the
 * 100,000-row bench file). Each row is checked by hand first (checkRowValues); this schema
 * words the reason of a row the hand check refuses.
 */
export const RowValues = z.object({
  name: ContactFields.shape.name,
  role: ContactFields.shape.role,
  organisation: ContactFields.shape.organisation,
  notes: ContactFields.shape.notes,
  beats: ContactFields.shape.beats,
  tags: ContactFields.shape.tags,
  regions: ContactFields.shape.regions,
  lists: ContactFields.shape.lists,
  // The contact schema's own limits on e-mails and phones a contact holds.
  emails: z.array(EmailSchema.shape.address).max(L.emails),
  phones: z.array(PhoneSchema.shape.number).max(L.phones),
});
export type RowValuesIn = z.input<typeof RowValues>;
export type RowValuesOut = z.output<typeof RowValues>;

/** A list of tags trimmed as the schema trims them, or null when one is empty or too long, or there are too many. */
function checkTags(items: readonly string[], max: number): string[] | null {
  if (items.length > max) return null;
  let out: string[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const t = item.trim();
    if (t.length === 0 || t.length > TAG_MAX) return null;
    if (t !== item) (out ??= items.slice(0, i)).push(t);
    else out?.push(t);
  }
  return out ?? items.slice();
}

const within = (v: string | null, max: number): boolean => v === null || v.length <= max;

/**
 * The row's values as RowValues would give them, or null where RowValues would refuse them:
 * the same rules (CONTACT_LIMITS, EMAIL_PATTERN, PHONE_PATTERN) checked by hand, for about a
 * quarter of the schema's cost (1.3-1.4 against 4.8-6.3 us for a row of the bench's file,
 * mostly the two patterns). test/contacts/row-values.test.ts holds the two to the same answers.
 */
export function checkRowValues(v: RowValuesIn & { beats: string[]; emails: string[]; phones: string[] }): RowValuesOut | null {
  const name = v.name.trim();
  if (name.length === 0 || name.length > L.name) return null;
  const role = v.role ?? null;
  const organisation = v.organisation ?? null;
  const notes = v.notes ?? null;
  if (!within(role, L.role) || !within(organisation, L.organisation) || !within(notes, L.notes)) return null;
  const beats = checkTags(v.beats, L.beats);
  if (beats === null) return null;
  const out: RowValuesOut = { name, role, organisation, notes, beats, emails: v.emails, phones: v.phones };
  for (const key of ['tags', 'regions', 'lists'] as const) {
    const items = v[key];
    if (items === undefined) continue;
    const checked = checkTags(items, L.tagLists);
    if (checked === null) return null;
    out[key] = checked;
  }
  if (v.emails.length > L.emails || v.phones.length > L.phones) return null;
  for (const e of v.emails) if (e.length > L.emailLength || !EMAIL_PATTERN.test(e)) return null;
  for (const p of v.phones) if (p.length < L.phoneMin || p.length > L.phoneMax || !PHONE_PATTERN.test(p)) return null;
  return out;
}

/** The row's values checked: by hand, and by the schema for the wording when the hand check refuses. */
function rowValues(v: RowValuesIn & { beats: string[]; emails: string[]; phones: string[] }): { success: true; data: RowValuesOut } | { success: false; error: z.ZodError } {
  const checked = checkRowValues(v);
  return checked !== null ? { success: true, data: checked } : RowValues.safeParse(v);
}


const APOSTROPHE = 39;
const NEUTRALISED = /^'(?=[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;
// No \s* around the separator: each piece is trimmed after, and /\s*;\s*/ retries from every space of a long cell.
const MULTI = /:::|;|\r?\n/;
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  inglés: 'en',
  ingles: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  francés: 'fr',
  frances: 'fr',
  spanish: 'es',
  espagnol: 'es',
  español: 'es',
  espanol: 'es',
  arabic: 'ar',
  arabe: 'ar',
  árabe: 'ar',
  'العربية': 'ar',
  portuguese: 'pt',
  swahili: 'sw',
};

/** A "Do not contact" cell as people fill one in, in the office's languages; an empty cell is no. */
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'sí', 'si', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'لا']);

function split(cell: string): string[] {
  return cell
    .split(MULTI)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function labelType(label: string | undefined, kind: 'email' | 'phone'): string | null {
  const l = (label ?? '').toLowerCase();
  if (l === '') return null;
  if (kind === 'phone' && /mobile|cell|portable|móvil|movil/.test(l)) return 'mobile';
  if (kind === 'phone' && /fax/.test(l)) return 'fax';
  if (/home|personal|domicile|casa/.test(l)) return kind === 'email' ? 'personal' : 'other';
  if (/work|bureau|trabajo/.test(l)) return 'work';
  return 'other';
}

/** The columns a person's name is read from: a whole name, or its parts. */
const NAME_PARTS = ['name', 'givenName', 'middleName', 'familyName'] as const;
type NamePart = (typeof NAME_PARTS)[number];
const NAME_TARGETS: ReadonlySet<string> = new Set(NAME_PARTS);

/** The name a row gives: its whole-name cells, or else its given, middle and family names, in that order; '' when it has none. */
function fullName(parts: Readonly<Record<NamePart, readonly string[]>>): string {
  return parts.name.join(' ') || [...parts.givenName, ...parts.middleName, ...parts.familyName].join(' ');
}

/**
 * The cells that list codes: how a value becomes a code, its check, and the note that leaves
 * out a value that is not one.
 */
const CODE_CELLS = {
  languages: { toCode: (v: string) => LANGUAGE_NAMES[v.toLowerCase()] ?? v, schema: LanguageSchema, note: 'LANGUAGE_LEFT_OUT', what: 'a language code such as en, fr, es or ar' },
  countries: { toCode: (v: string) => countryCode(v) ?? v, schema: CountrySchema, note: 'COUNTRY_LEFT_OUT', what: 'a country Dateline recognises (a name in English, French, Spanish or Arabic, or a code such as KE)' },
} as const;

export function rowToContact(cells: readonly string[], plan: ColumnPlan): RowContact | RowProblem | null {
  const names: Record<NamePart, string[]> = { name: [], givenName: [], middleName: [], familyName: [] };
  let kind: ContactFieldsT['kind'] | null = null;
  let doNotContact = false;
  const dataProtection: DataProtectionCells = {};
  const lists: Partial<Record<'beats' | 'tags' | 'regions' | 'lists', string[]>> = {};
  const codes: Record<keyof typeof CODE_CELLS, string[]> = { languages: [], countries: [] };
  const emails: { type: EmailT['type']; address: string }[] = [];
  const phones: { type: PhoneT['type']; number: string }[] = [];
  let social: SocialHandle[] | null = null;
  const visibility: { column: string; visibility: EmailT['visibility']; value: string }[] = [];
  const text: Partial<Record<'role' | 'organisation' | 'notes', string[]>> = {};
  let outletName: string | null = null;
  const warnings: RowNote[] = [];
  let any = false;
  const emailColumns: string[] = [];
  const phoneColumns: string[] = [];

  for (let i = 0; i < plan.headers.length; i++) {
    const target = plan.targets[i]!;
    if (target === 'ignore') continue;
    let cell = (cells[i] ?? '').trim();
    if (cell === '') continue;
    // A cell Dateline's own export neutralised ("'=...") reads back as it was written.
    if (cell.charCodeAt(0) === APOSTROPHE) cell = cell.replace(NEUTRALISED, '');
    any = true;
    const column = plan.headers[i]!;
    switch (target) {
      case 'name':
      case 'givenName':
      case 'middleName':
      case 'familyName':
        names[target].push(cell);
        break;
      case 'role':
      case 'organisation':
      case 'notes':
        (text[target] ??= []).push(cell);
        break;
      case 'outlet':
        outletName = cell;
        break;
      case 'kind': {
        const k = cell.toLowerCase();
        if (k !== 'journalist' && k !== 'spokesperson') return { column, reason: rowNote('BAD_KIND', `"${cell}" is not a kind of contact (journalist or spokesperson)`, { column, value: cell }) };
        kind = k;
        break;
      }
      case 'doNotContact': {
        const v = cell.toLowerCase();
        if (YES.has(v)) doNotContact = true;
        else if (!NO.has(v)) return { column, reason: rowNote('BAD_DO_NOT_CONTACT', `"${cell}" is neither yes nor no (do not contact)`, { column, value: cell }) };
        break;
      }
      case 'legalBasis':
      case 'purpose':
      case 'consentDate':
      case 'consentSource':
      case 'lastVerified': {
        const read = dataProtectionCell(target, cell, column);
        if ('note' in read) return { column, reason: read.note };
        dataProtection[target] = read.value;
        break;
      }
      case 'beats':
      case 'tags':
      case 'regions':
      case 'lists': {
        const into = (lists[target] ??= []);
        for (const b of split(cell)) {
          // Google's own labels ("* myContacts", "* starred") are not beats.
          if (b.startsWith('* ')) continue;
          if (!into.includes(b)) into.push(b.slice(0, 60));
        }
        break;
      }
      case 'social': {
        const read = readSocialCell(cell, plan.networks[i] ?? null);
        if ('problem' in read) return { column, reason: socialProblem(read, column) };
        social ??= [];
        for (const h of read.handles) if (!social.some((x) => sameHandle(x, h))) social.push(h);
        if (social.length > SOCIAL_LIMITS.handles) return { column, reason: socialProblem({ problem: 'tooMany', value: cell, limit: SOCIAL_LIMITS.handles }, column) };
        break;
      }
      case 'visibility': {
        const read = readVisibilityCell(cell);
        if ('problem' in read) return { column, reason: badVisibility(column, read.problem) };
        for (const c of read.channels) visibility.push({ column, ...c });
        break;
      }
      case 'languages':
      case 'countries': {
        const { toCode, schema, note, what } = CODE_CELLS[target];
        const into = codes[target];
        for (const value of split(cell).flatMap((s) => s.split(',').map((x) => x.trim()))) {
          const code = toCode(value);
          if (schema.safeParse(code).success) {
            if (!into.includes(code)) into.push(code);
          } else warnings.push(rowNote(note, `column "${column}": "${value}" is not ${what}; left out`, { column, value }));
        }
        break;
      }
      default: {
        const channel = plan.channels[i]!;
        const label = plan.labelOf[i] !== null ? labelType(cells[plan.labelOf[i]!], channel.kind) : null;
        // Checked with the whole row below (one schema pass a row); the column is kept to name it.
        for (const value of split(cell)) {
          if (channel.kind === 'email') {
            if (emails.some((x) => x.address.toLowerCase() === value.toLowerCase())) continue;
            emails.push({ type: (label ?? channel.type) as EmailT['type'], address: value });
            emailColumns.push(column);
          } else {
            if (phones.some((x) => x.number === value)) continue;
            phones.push({ type: (label ?? channel.type) as PhoneT['type'], number: value });
            phoneColumns.push(column);
          }
        }
      }
    }
  }
  if (!any) {
    // Words in the row, but only under columns not imported ("Department", a column with no
    // header): nothing of it can be stored, and the person is told so rather than the row vanishing.
    const at = cells.findIndex((c) => c.trim() !== '');
    if (at < 0) return null;
    const column = plan.headers[at] || `column ${at + 1}`;
    return { column, reason: rowNote('ONLY_LEFT_OUT', `its only values are in columns that are not imported (first: "${column}")`, { column }) };
  }
  let name = fullName(names);
  if (name === '') {
    const first = emails[0]?.address ?? phones[0]?.number;
    if (!first) {
      const column = plan.headers.find((_, i) => plan.targets[i] === 'name' || plan.targets[i] === 'givenName') ?? plan.headers[0]!;
      return { column, reason: rowNote('NO_NAME', 'the row has no name, e-mail or phone number', { column }) };
    }
    name = first;
    warnings.push(rowNote('NAME_FROM_CHANNEL', 'no name: the e-mail address or phone number stands in for it'));
  }
  const input = {
    name,
    role: text.role?.join(', ') ?? null,
    organisation: text.organisation?.join(', ') ?? null,
    notes: text.notes?.join('\n') ?? null,
    beats: lists.beats ?? [],
    tags: lists.tags,
    regions: lists.regions,
    lists: lists.lists,
    emails: emails.map((e) => e.address),
    phones: phones.map((p) => p.number),
  };
  const parsed = rowValues(input);
  if (!parsed.success) {
    const e = invalidInput(parsed.error);
    const [field, at] = e.path ?? [];
    if ((field === 'emails' || field === 'phones') && typeof at === 'number') {
      const email = field === 'emails';
      const value = email ? emails[at]!.address : phones[at]!.number;
      const column = (email ? emailColumns : phoneColumns)[at]!;
      return email
        ? { column, reason: rowNote('BAD_EMAIL', `"${value}" is not an e-mail address`, { column, value }) }
        : { column, reason: badPhone(column, value) };
    }
    const limit = e.params?.issue === 'tooLong' ? e.params.limit : undefined;
    const held: unknown = typeof field === 'string' && field in input ? input[field as keyof typeof input] : undefined;
    const value = typeof at === 'number' && Array.isArray(held) ? held[at] : held;
    if (typeof limit === 'number' && typeof value === 'string') {
      // A name joined from its parts is named by every column it came from ("First Name + Last Name").
      const column = field === 'name' ? nameColumns(plan, cells).join(' + ') : firstColumnOf(plan, cells, String(field));
      const shown = value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value;
      const what = field === 'name' ? 'the name' : `the ${String(field)}`;
      return {
        column,
        reason: rowNote('TOO_LONG', `${what} is ${value.length.toLocaleString('en')} characters long; it can hold at most ${limit.toLocaleString('en')} characters ("${shown}")`, {
          column,
          value: shown,
          length: value.length,
          limit,
        }),
      };
    }
    const column = firstColumnOf(plan, cells, String(field ?? 'name'));
    return { column, reason: rowNote('BAD_FIELD', e.message, { column }) };
  }
  const v = parsed.data;
  // Who may see each channel, said by the Visibility cell once every channel of the row is read.
  const emailSeen: EmailT['visibility'][] = [];
  const phoneSeen: PhoneT['visibility'][] = [];
  for (const { column, visibility: seen, value } of visibility) {
    const e = emails.findIndex((x) => x.address.toLowerCase() === value.toLowerCase());
    // A number matches as typed, or by its digits ("+226 70 11 22 33" and "+22670112233" are one number).
    const digits = phoneDigits(value);
    const p = e < 0 ? phones.findIndex((x) => x.number === value || (digits !== '' && phoneDigits(x.number) === digits)) : -1;
    if (e >= 0) emailSeen[e] = seen;
    else if (p >= 0) phoneSeen[p] = seen;
    else return { column, reason: badVisibility(column, value) };
  }
  // Every field of the contact schema, in the form it would give them (a test parses the result again and finds it unchanged).
  const fields: ContactFieldsT = {
    office: null,
    // A row with no kind of its own takes it from the job title ("Press officer": a spokesperson).
    kind: kind ?? kindFromTitle(v.role) ?? 'journalist',
    name: v.name,
    role: v.role,
    organisation: v.organisation,
    outlet: null,
    beats: v.beats,
    languages: codes.languages,
    countries: codes.countries,
    emails: emails.map((e, i) => ({ type: e.type, address: e.address, visibility: emailSeen[i] ?? 'public' })),
    phones: phones.map((p, i) => ({ type: p.type, number: p.number, visibility: phoneSeen[i] ?? 'public' })),
    notes: v.notes,
  };
  if (v.tags) fields.tags = v.tags;
  if (v.regions) fields.regions = v.regions;
  if (v.lists) fields.lists = v.lists;
  if (social) fields.socialHandles = social;
  const record = dataProtectionOf(dataProtection, doNotContact);
  if (record) fields.dataProtection = record;
  return { fields, outletName, warnings };
}

/**
 * The name a refused row gives, read from its name columns alone, so that the report says whose
 * row it is; null when it has none. Only refused rows pay for it.
 */
export function rowName(cells: readonly string[], plan: ColumnPlan): string | null {
  const cell = (target: ColumnTarget) => plan.targets.flatMap((t, i) => (t === target ? [(cells[i] ?? '').trim()] : [])).filter((c) => c !== '');
  const full = fullName({ name: cell('name'), givenName: cell('givenName'), middleName: cell('middleName'), familyName: cell('familyName') });
  return full === '' ? null : full.slice(0, 200);
}

/** A phone number refused, saying what is wrong with it (a letter, no digits, a + inside it). */
function badPhone(column: string, value: string): RowNote {
  const problem = phoneProblem(value);
  const what = problem?.message ?? 'is not one';
  return rowNote('BAD_PHONE', `"${value}" is not a phone number: it ${what}`, {
    column,
    value,
    ...(problem ? { problem: problem.code } : {}),
    ...(problem?.char !== undefined ? { char: problem.char } : {}),
  });
}

/** A Visibility piece that is not "Staff only: …" or "Press only: …" for one of the row's own e-mails or phones. */
function badVisibility(column: string, value: string): RowNote {
  return rowNote('BAD_VISIBILITY', `"${value}" is not one of the row's e-mail addresses or phone numbers written "Staff only: ..." or "Press only: ..."`, { column, value });
}

/** A Social cell that cannot be kept, said as the other cells' refusals are. */
function socialProblem(read: Exclude<ReturnType<typeof readSocialCell>, { handles: SocialHandle[] }>, column: string): RowNote {
  if (read.problem === 'noNetwork') {
    return rowNote('BAD_SOCIAL', `"${read.value}" is not a social handle written "Network: handle" (such as "X: @name")`, { column, value: read.value });
  }
  if (read.problem === 'tooMany') return rowNote('BAD_FIELD', `column "${column}" holds more than ${read.limit} social handles`, { column });
  const shown = read.value.length > ECHO_CHARS ? `${read.value.slice(0, ECHO_CHARS)}…` : read.value;
  return rowNote('TOO_LONG', `"${shown}" is ${read.value.length.toLocaleString('en')} characters long; it can hold at most ${read.limit} characters`, {
    column,
    value: shown,
    length: read.value.length,
    limit: read.limit,
  });
}

/** How much of a value too long to keep a refusal repeats. */
const ECHO_CHARS = 40;

/** The columns a row's name was read from: its whole-name cells, or else the parts it was joined from. */
function nameColumns(plan: ColumnPlan, cells: readonly string[]): string[] {
  const holding = (targets: readonly string[]) => plan.headers.filter((_, i) => targets.includes(plan.targets[i]!) && (cells[i] ?? '').trim() !== '');
  const whole = holding(['name']);
  return whole.length > 0 ? whole : holding(['givenName', 'middleName', 'familyName']);
}

/** The first column holding a value for a field, to name it in a refusal. */
function firstColumnOf(plan: ColumnPlan, cells: readonly string[], field: string): string {
  const target = field === 'emails' ? 'email' : field === 'phones' ? 'phone' : field;
  const same = (t: string) => (target === 'name' ? NAME_TARGETS.has(t) : t.split(':')[0] === target);
  const i = plan.targets.findIndex((t, k) => same(t) && (cells[k] ?? '').trim() !== '');
  return i >= 0 ? plan.headers[i]! : field;
}

export function isProblem(r: RowContact | RowProblem): r is RowProblem {
  return 'reason' in r;
}

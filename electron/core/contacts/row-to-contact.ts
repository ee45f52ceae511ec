import type { ColumnMapping, ColumnTarget } from '../../shared/contacts/columns';
import { ContactFields, CountrySchema, LanguageSchema, type ContactFieldsT } from '../../shared/documents';
import { rowNote, type RowNote } from '../../shared/contacts/row-notes';
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
  return { headers, targets, labelOf };
}

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

export function rowToContact(cells: readonly string[], plan: ColumnPlan): RowContact | RowProblem | null {
  const name: string[] = [];
  const given: string[] = [];
  const middle: string[] = [];
  const family: string[] = [];
  const out: Partial<ContactFieldsT> & { emails: ContactFieldsT['emails']; phones: ContactFieldsT['phones'] } = {
    emails: [],
    phones: [],
    beats: [],
    languages: [],
    countries: [],
  };
  const text: Partial<Record<'role' | 'organisation' | 'notes', string[]>> = {};
  let outletName: string | null = null;
  const warnings: RowNote[] = [];
  let any = false;
  const firstColumn = new Map<string, string>();
  const emailColumns: string[] = [];
  const phoneColumns: string[] = [];

  for (let i = 0; i < plan.headers.length; i++) {
    const target = plan.targets[i]!;
    // A cell Dateline's own export neutralised ("'=...") reads back as it was written.
    const cell = (cells[i] ?? '').trim().replace(NEUTRALISED, '');
    if (target === 'ignore' || cell === '') continue;
    any = true;
    const column = plan.headers[i]!;
    const field = target.split(':')[0]!;
    if (!firstColumn.has(field)) firstColumn.set(field, column);
    switch (target) {
      case 'name':
        name.push(cell);
        break;
      case 'givenName':
        given.push(cell);
        break;
      case 'middleName':
        middle.push(cell);
        break;
      case 'familyName':
        family.push(cell);
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
        out.kind = k;
        break;
      }
      case 'beats':
      case 'tags':
      case 'regions':
      case 'lists': {
        const into = (out[target] ??= []);
        for (const b of split(cell)) {
          // Google's own labels ("* myContacts", "* starred") are not beats.
          if (b.startsWith('* ')) continue;
          if (!into.includes(b)) into.push(b.slice(0, 60));
        }
        break;
      }
      case 'languages':
        for (const l of split(cell).flatMap((s) => s.split(',').map((x) => x.trim()))) {
          const code = LANGUAGE_NAMES[l.toLowerCase()] ?? l;
          if (LanguageSchema.safeParse(code).success) {
            if (!out.languages!.includes(code)) out.languages!.push(code);
          } else warnings.push(rowNote('LANGUAGE_LEFT_OUT', `column "${column}": "${l}" is not a language code such as en, fr, es or ar; left out`, { column, value: l }));
        }
        break;
      case 'countries':
        for (const c of split(cell).flatMap((s) => s.split(',').map((x) => x.trim()))) {
          const code = c.toUpperCase();
          if (CountrySchema.safeParse(code).success) {
            if (!out.countries!.includes(code)) out.countries!.push(code);
          } else warnings.push(rowNote('COUNTRY_LEFT_OUT', `column "${column}": "${c}" is not a two-letter country code such as KE or CH; left out`, { column, value: c }));
        }
        break;
      default: {
        const [kind, type] = target.split(':') as ['email' | 'phone', string];
        const label = plan.labelOf[i] !== null ? labelType(cells[plan.labelOf[i]!], kind) : null;
        // Checked with the whole row below (one schema pass a row); the column is kept to name it.
        for (const value of split(cell)) {
          if (kind === 'email') {
            if (out.emails.some((x) => x.address.toLowerCase() === value.toLowerCase())) continue;
            out.emails.push({ type: (label ?? type) as EmailT['type'], address: value } as EmailT);
            emailColumns.push(column);
          } else {
            if (out.phones.some((x) => x.number === value)) continue;
            out.phones.push({ type: (label ?? type) as PhoneT['type'], number: value } as PhoneT);
            phoneColumns.push(column);
          }
        }
      }
    }
  }
  if (!any) return null;
  let fullName = name.join(' ') || [...given, ...middle, ...family].join(' ');
  if (fullName === '') {
    const first = out.emails[0]?.address ?? out.phones[0]?.number;
    if (!first) {
      const column = plan.headers.find((_, i) => plan.targets[i] === 'name' || plan.targets[i] === 'givenName') ?? plan.headers[0]!;
      return { column, reason: rowNote('NO_NAME', 'the row has no name, e-mail or phone number', { column }) };
    }
    fullName = first;
    warnings.push(rowNote('NAME_FROM_CHANNEL', 'no name: the e-mail address or phone number stands in for it'));
  }
  for (const k of ['role', 'organisation', 'notes'] as const) if (text[k]) out[k] = text[k].join(k === 'notes' ? '\n' : ', ');
  const parsed = ContactFields.safeParse({ ...out, name: fullName });
  if (!parsed.success) {
    const e = invalidInput(parsed.error);
    const [field0, at, part] = e.path ?? [];
    if ((field0 === 'emails' && part === 'address') || (field0 === 'phones' && part === 'number')) {
      const email = field0 === 'emails';
      const value = email ? out.emails[Number(at)]!.address : out.phones[Number(at)]!.number;
      const column = (email ? emailColumns : phoneColumns)[Number(at)]!;
      return email
        ? { column, reason: rowNote('BAD_EMAIL', `"${value}" is not an e-mail address`, { column, value }) }
        : { column, reason: rowNote('BAD_PHONE', `"${value}" is not a phone number (digits, spaces and + ( ) - . / only)`, { column, value }) };
    }
    const field = String(field0 ?? 'name');
    const column = firstColumn.get(field === 'emails' ? 'email' : field === 'phones' ? 'phone' : field) ?? field;
    return { column, reason: rowNote('BAD_FIELD', e.message, { column }) };
  }
  return { fields: parsed.data, outletName, warnings };
}

export function isProblem(r: RowContact | RowProblem): r is RowProblem {
  return 'reason' in r;
}

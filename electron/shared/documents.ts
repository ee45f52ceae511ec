import { z } from 'zod';
import { RichTextSchema } from './richtext';
import { FOOTER_MAX, KIT_FONT_FAMILIES, OFFICE_CONTACTS_MAX } from './offices/look';

/** Pure validators shared by every layer. */

export const DOC_TYPES = ['release', 'contact', 'outlet', 'attachment', 'kit', 'office'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DocTypeSchema = z.enum(DOC_TYPES);

export const REV_PATTERN = /^[1-9][0-9]*-[0-9a-f]{32}$/;
export const RevSchema = z.string().regex(REV_PATTERN, 'a revision looks like "3-" followed by 32 hex digits');
export const DocIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'an id has letters, digits, "-", "_", "." or ":" only');

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

// Checks that name their issue (shared/errors.ts INPUT_ISSUES), so the window says "not a date", not "not in the expected form".
export const IsoDateSchema = z
  .string()
  .refine((s) => ISO_DATE_FORM.test(s), { message: 'a date is written YYYY-MM-DD', params: { issue: 'notDate' } })
  .refine(isRealDate, { message: 'this date does not exist in the calendar', params: { issue: 'notInCalendar' } });

// Building an Intl.DateTimeFormat costs about as much as checking the rest of a release, and
// a library names a few dozen zones: each is asked once.
const zones = new Map<string, boolean>();
const MAX_ZONES = 1000;
// The canonical names, listed once: the first Intl.DateTimeFormat of a process loads the time
// zone rules (70 ms, against 7 ms for the list), and a name from the list is always accepted.
let canonicalZones: ReadonlySet<string> | undefined;

export function isValidTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  let known = zones.get(tz);
  if (known === undefined) {
    canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    if (canonicalZones.has(tz)) known = true;
    else {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        known = true;
      } catch {
        known = false;
      }
    }
    if (zones.size < MAX_ZONES) zones.set(tz, known);
  }
  return known;
}

export const TimeZoneSchema = z.string().refine(isValidTimeZone, {
  params: { issue: 'notTimeZone' },
  error: (issue) => `"${String(issue.input)}" is not a known time zone (use a name like Europe/Zurich)`,
});

export const InstantSchema = z.iso.datetime({ offset: true, message: 'an instant is an ISO date-time such as 2026-12-03T13:00:00Z' });

export const EmbargoSchema = z.object({ at: InstantSchema, timeZone: TimeZoneSchema }).strict();
export type Embargo = z.infer<typeof EmbargoSchema>;

/** BCP 47 language tag, kept simple: language[-Script][-REGION]. */
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, 'a language is a BCP 47 tag such as en, fr, es, ar or pt-BR');

export const RELEASE_STATUSES = ['draft', 'in-review', 'approved', 'released', 'withdrawn'] as const;
export const ReleaseStatusSchema = z.enum(RELEASE_STATUSES);
export type ReleaseStatus = z.infer<typeof ReleaseStatusSchema>;

export const END_MARKS = ['###', '-30-', '-ENDS-'] as const;
export const EndMarkSchema = z.enum(END_MARKS);
export type EndMark = (typeof END_MARKS)[number];

const shortText = (max: number) => z.string().max(max);
/** The longest tag, beat, region or list name. */
export const TAG_MAX = 60;
const tag = z.string().trim().min(1).max(TAG_MAX);

export const QuoteSchema = z
  .object({
    speaker: shortText(200).nullable(),
    role: shortText(300).nullable().optional(),
    text: z.string().min(1).max(10_000),
  })
  .strict();
export type Quote = z.infer<typeof QuoteSchema>;

export const BoilerplateRefSchema = z.union([
  z.object({ office: DocIdSchema }).strict(),
  z.object({ text: z.string().min(1).max(20_000) }).strict(),
]);

/**
 * The version of the document rules this app reads and writes. Every body carries it in
 * `schema` (a body without one is version 1). An app edits documents of its version or older
 * and shows newer ones read-only; on any write it keeps fields and values it does not know.
 * A new app raises it when it gives a field a new shape or a new enum value.
 */
export const DOC_SCHEMA_VERSION = 1;

/** The schema version a body was written under. */
export function schemaOf(body: Readonly<Record<string, unknown>>): number {
  const v = body.schema;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/**
 * Names CouchDB and PouchDB reserve: a body never holds a top-level field starting with "_";
 * `_id`, `_rev`, `_deleted`, `_revisions` and `_attachments` exist only at the network edge.
 */
export function isReservedName(name: string): boolean {
  return name.startsWith('_');
}

/** Fields every document carries in its body, beside its own. */
export const BaseFields = {
  office: DocIdSchema.nullable().default(null),
};

/** Revision metadata, written by the store on every revision. */
export const RevisionMetaSchema = z.object({
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

export const WithdrawalSchema = z
  .object({
    reason: z.string().trim().min(1, 'say why the release is withdrawn').max(2000),
    at: InstantSchema,
  })
  .strict();
export const TrashedSchema = z.object({ at: InstantSchema }).strict();

export const ReleaseFields = z
  .object({
    ...BaseFields,
    headline: shortText(500).default(''),
    subheadline: shortText(1000).nullable().default(null),
    datelinePlace: shortText(200).nullable().default(null),
    releaseDate: IsoDateSchema.nullable().default(null),
    embargo: EmbargoSchema.nullable().default(null),
    language: LanguageSchema.default('en'),
    status: ReleaseStatusSchema.default('draft'),
    body: RichTextSchema.default({ type: 'doc', content: [] }),
    quotes: z.array(QuoteSchema).max(500).default([]),
    notesToEditors: z.string().max(50_000).nullable().default(null),
    boilerplate: BoilerplateRefSchema.nullable().default(null),
    endMark: EndMarkSchema.nullable().default(null),
    contacts: z.array(DocIdSchema).max(200).default([]),
    tags: z.array(tag).max(100).default([]),
    translationGroup: DocIdSchema.nullable().default(null),
    /** Why and when it was withdrawn (status "withdrawn"); set by release.withdraw. */
    withdrawal: WithdrawalSchema.nullable().optional(),
    /** In the trash since then: hidden from lists, search and new kits until restored or the trash is emptied. */
    trashed: TrashedSchema.nullable().optional(),
  })
  .strict();
export type ReleaseFieldsT = z.infer<typeof ReleaseFields>;

/**
 * Who may see a phone number or an e-mail address of a contact: anyone (a public PDF), the
 * press (a kit sent to journalists), or only the organisation's own staff.
 */
export const CHANNEL_VISIBILITIES = ['public', 'press-only', 'internal'] as const;
export type ChannelVisibility = (typeof CHANNEL_VISIBILITIES)[number];
const VisibilitySchema = z.enum(CHANNEL_VISIBILITIES).default('public');

/**
 * A contact's limits, named once: the schema below and the import's check of a spreadsheet
 * row (core/contacts/row-to-contact.ts, which must accept exactly what the schema accepts) read them.
 */
export const CONTACT_LIMITS = {
  name: 300,
  role: 300,
  organisation: 300,
  notes: 20_000,
  beats: 50,
  /** tags, regions and lists */
  tagLists: 100,
  /** stints in outletHistory */
  outletHistory: 100,
  emails: 20,
  phones: 20,
  emailLength: 320,
  phoneMin: 3,
  phoneMax: 40,
} as const;
/** The form of an e-mail address: zod's own, which z.email() checks by default. */
export const EMAIL_PATTERN: RegExp = z.regexes.email;
/**
 * A phone number: digits of any script (a number typed in Arabic-Indic "٠٧٩…" or Persian "۰۹۱…"
 * digits is kept as typed; matching and E.164 read them as ASCII digits, see contacts/phone.ts).
 */
export const PHONE_PATTERN = /^[+(\p{Nd}][\p{Nd} ().\-/]*\p{Nd}(\s*(ext\.?|x)\s*\p{Nd}+)?$/iu;

/** What can be wrong with a phone number, for the window to word in the person's language. */
export type PhoneProblemCode = 'tooShort' | 'tooLong' | 'noDigits' | 'noNumber' | 'character' | 'plusInside' | 'start' | 'end';
export interface PhoneProblem {
  code: PhoneProblemCode;
  /** The character at fault, where there is one. */
  char?: string;
  /** English, for the command line and as a fallback. */
  message: string;
}

/**
 * What is wrong with a phone number, or null when it is one: exactly PHONE_PATTERN and the
 * limits of CONTACT_LIMITS, said by the first thing that breaks them.
 */
export function phoneProblem(number: string): PhoneProblem | null {
  const L = CONTACT_LIMITS;
  if (number.length < L.phoneMin) return { code: 'tooShort', message: `is too short for a phone number (at least ${L.phoneMin} characters)` };
  if (number.length > L.phoneMax) return { code: 'tooLong', message: `is too long for a phone number (at most ${L.phoneMax} characters)` };
  if (PHONE_PATTERN.test(number)) return null;
  if (!/\p{Nd}/u.test(number)) return { code: 'noDigits', message: 'has no digits' };
  // The extension at the end ("ext. 12", "x12"), found from its last "x" and checked whole.
  const lower = number.toLowerCase();
  const at = lower.lastIndexOf('x');
  const ext = lower.lastIndexOf('ext');
  const mark = ext >= 0 && ext + 1 === at ? ext : at;
  const body = mark >= 0 && /^(?:ext\.?|x)\s*\p{Nd}+$/iu.test(number.slice(mark)) ? number.slice(0, mark).trimEnd() : number;
  if (body === '') return { code: 'noNumber', message: 'has an extension but no number before it' };
  const stray = /[^\p{Nd} ().\-/+]/u.exec(body)?.[0];
  if (stray !== undefined) {
    return { code: 'character', char: stray, message: `holds "${stray}", which is not part of a phone number (digits, spaces and + ( ) - . / only, and an extension written "ext. 12" or "x12")` };
  }
  if (body.lastIndexOf('+') > 0) return { code: 'plusInside', char: '+', message: 'has a + that is not its first character' };
  const first = body[0]!;
  if (!/^[+(\p{Nd}]/u.test(first)) return { code: 'start', char: first, message: `starts with "${first}"; a phone number starts with +, ( or a digit` };
  const last = body[body.length - 1]!;
  return { code: 'end', char: last, message: `ends with "${last}"; a phone number ends with a digit` };
}

export const EmailSchema = z
  .object({
    type: z.enum(['work', 'personal', 'other']).default('work'),
    address: z.email({ message: 'not an e-mail address', pattern: EMAIL_PATTERN }).max(CONTACT_LIMITS.emailLength),
    visibility: VisibilitySchema,
  })
  .strict();
export const PhoneSchema = z
  .object({
    type: z.enum(['work', 'mobile', 'fax', 'other']).default('work'),
    number: z.string().superRefine((number, ctx) => {
      const problem = phoneProblem(number);
      // Its problem by code too (shared/errors.ts inputIssue), for the window to say in the person's language.
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem.message, params: { issue: 'notPhone', phone: problem.code, ...(problem.char === undefined ? {} : { char: problem.char }) } });
    }),
    visibility: VisibilitySchema,
  })
  .strict();

export const CONTACT_KINDS = ['spokesperson', 'journalist'] as const;
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'a country is an ISO 3166 code such as KE or CH');

export const OutletStintSchema = z
  .object({
    outlet: DocIdSchema,
    role: shortText(300).nullable().default(null),
    from: IsoDateSchema.nullable().default(null),
    to: IsoDateSchema.nullable().default(null),
  })
  .strict();

export const SocialHandleSchema = z
  .object({
    network: z.string().trim().min(1).max(40),
    handle: z.string().trim().min(1).max(200),
  })
  .strict();

export const LEGAL_BASES = ['consent', 'legitimate-interest', 'public-task', 'contract', 'other'] as const;
export const DataProtectionSchema = z
  .object({
    legalBasis: z.enum(LEGAL_BASES).nullable().default(null),
    purpose: shortText(1000).nullable().default(null),
    consentDate: IsoDateSchema.nullable().default(null),
    consentSource: shortText(500).nullable().default(null),
    doNotContact: z.boolean().default(false),
    lastVerified: IsoDateSchema.nullable().default(null),
  })
  .strict();
export type DataProtection = z.infer<typeof DataProtectionSchema>;

export const ContactFields = z
  .object({
    ...BaseFields,
    kind: z.enum(CONTACT_KINDS).default('journalist'),
    name: z.string().trim().min(1, 'a contact needs a name').max(CONTACT_LIMITS.name),
    role: shortText(CONTACT_LIMITS.role).nullable().default(null),
    organisation: shortText(CONTACT_LIMITS.organisation).nullable().default(null),
    outlet: DocIdSchema.nullable().default(null),
    beats: z.array(tag).max(CONTACT_LIMITS.beats).default([]),
    languages: z.array(LanguageSchema).max(20).default([]),
    countries: z.array(CountrySchema).max(100).default([]),
    emails: z.array(EmailSchema).max(CONTACT_LIMITS.emails).default([]),
    phones: z.array(PhoneSchema).max(CONTACT_LIMITS.phones).default([]),
    notes: z.string().max(CONTACT_LIMITS.notes).nullable().default(null),
    /** The contact's photo, an attachment (from a vCard, for instance). */
    photo: DocIdSchema.nullable().optional(),
    /** Outlets a journalist wrote for before, newest first: a move keeps the past. */
    outletHistory: z.array(OutletStintSchema).max(CONTACT_LIMITS.outletHistory).optional(),
    tags: z.array(tag).max(CONTACT_LIMITS.tagLists).optional(),
    regions: z.array(tag).max(CONTACT_LIMITS.tagLists).optional(),
    socialHandles: z.array(SocialHandleSchema).max(20).optional(),
    /** The static lists the contact is on (by name). */
    lists: z.array(tag).max(CONTACT_LIMITS.tagLists).optional(),
    /** Why the office may hold this person's data, and since when (not `consent`: that is a photo subject's). */
    dataProtection: DataProtectionSchema.optional(),
  })
  .strict();
export type ContactFieldsT = z.infer<typeof ContactFields>;

export const OUTLET_KINDS = ['newspaper', 'tv', 'radio', 'online', 'agency', 'magazine', 'other'] as const;
export const OutletFields = z
  .object({
    ...BaseFields,
    name: z.string().trim().min(1, 'an outlet needs a name').max(300),
    kind: z.enum(OUTLET_KINDS).default('other'),
    languages: z.array(LanguageSchema).max(20).default([]),
    countries: z.array(CountrySchema).max(100).default([]),
    website: z.url({ protocol: /^https?$/, message: 'a website is an http(s) address' }).nullable().default(null),
    emails: z.array(EmailSchema).max(20).default([]),
    phones: z.array(PhoneSchema).max(20).default([]),
    notes: z.string().max(20_000).nullable().default(null),
  })
  .strict();
export type OutletFieldsT = z.infer<typeof OutletFields>;

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');

export const ConsentSchema = z
  .object({
    consentObtained: z.boolean().default(false),
    faceRedacted: z.boolean().default(false),
    locationRedacted: z.boolean().default(false),
    nameRedacted: z.boolean().default(false),
    nameChanged: z.boolean().default(false),
    sensitive: z.boolean().default(false),
  })
  .strict();

/** Fields a person edits on an attachment; the file facts are set by the store. */
export const AttachmentEditableFields = z
  .object({
    office: DocIdSchema.nullable().default(null),
    caption: z.string().max(5000).nullable().default(null),
    credit: z.string().max(500).nullable().default(null),
    altText: z.string().max(2000).nullable().default(null),
    usageRights: z.string().max(5000).nullable().default(null),
    usageExpires: IsoDateSchema.nullable().default(null),
    consent: ConsentSchema.default({
      consentObtained: false,
      faceRedacted: false,
      locationRedacted: false,
      nameRedacted: false,
      nameChanged: false,
      sensitive: false,
    }),
    releases: z.array(DocIdSchema).max(500).default([]),
  })
  .strict();

export const AttachmentFields = AttachmentEditableFields.extend({
  sha256: Sha256Schema,
  originalName: z.string().min(1).max(1000),
  mediaType: z.string().min(3).max(255),
  size: z.number().int().min(1),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
}).strict();
export type AttachmentFieldsT = z.infer<typeof AttachmentFields>;

/** Who a kit is for: the public (anyone may read it), the press, or the organisation's own staff. */
export const KIT_AUDIENCES = ['public', 'press', 'internal'] as const;
export type KitAudience = (typeof KIT_AUDIENCES)[number];

export const SECTION_KINDS = ['factSheet', 'backgrounder', 'bio', 'faq', 'text'] as const;
export const KitItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('release'), id: DocIdSchema, languages: z.array(LanguageSchema).max(20).optional() }).strict(),
  z.object({ kind: z.literal('attachment'), id: DocIdSchema }).strict(),
  z.object({ kind: z.literal('contact'), id: DocIdSchema }).strict(),
  z
    .object({
      kind: z.literal('section'),
      sectionKind: z.enum(SECTION_KINDS),
      title: z.string().max(500),
      body: RichTextSchema,
    })
    .strict(),
]);
export type KitItem = z.infer<typeof KitItemSchema>;

export const KitFields = z
  .object({
    ...BaseFields,
    title: z.string().trim().min(1, 'a kit needs a title').max(500),
    language: LanguageSchema.default('en'),
    items: z.array(KitItemSchema).max(2000).default([]),
    pageSize: z.enum(['A4', 'Letter']).default('A4'),
    /** Who the kit is for: it prints only the contact channels that audience may see. */
    audience: z.enum(KIT_AUDIENCES).default('public'),
  })
  .strict();
export type KitFieldsT = z.infer<typeof KitFields>;

export const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #RRGGBB');
/** An office's colours until someone chooses its own: a kit without an office prints in these too. */
export const DEFAULT_COLOURS: Readonly<{ primary: string; accent: string }> = { primary: '#1f3a5f', accent: '#c8102e' };
export const OfficeFields = z
  .object({
    name: z.string().trim().min(1, 'an office needs a name').max(300),
    logo: DocIdSchema.nullable().default(null),
    colours: z.object({ primary: ColourSchema, accent: ColourSchema }).strict().default({ ...DEFAULT_COLOURS }),
    boilerplate: z.record(LanguageSchema, z.string().max(20_000)).default({}),
    timeZone: TimeZoneSchema.nullable().default(null),
    /** Its kits' fonts, from the bundled set; none: the kit's own (Arial in Word, DejaVu Sans in the PDF). */
    fonts: z
      .object({
        headings: z.enum(KIT_FONT_FAMILIES, { error: `a kit font is one of the bundled fonts: ${KIT_FONT_FAMILIES.join(', ')}` }),
        body: z.enum(KIT_FONT_FAMILIES, { error: `a kit font is one of the bundled fonts: ${KIT_FONT_FAMILIES.join(', ')}` }),
      })
      .strict()
      .nullable()
      .optional(),
    /** The line at the foot of every page of its kits (beside the page number); none: the office's name and the kit's title. */
    footer: z.string().trim().max(FOOTER_MAX, `the footer is one line of at most ${FOOTER_MAX} characters`).optional(),
    /** The press contacts its kits print when a kit names none (spokespeople, in order). */
    contacts: z.array(DocIdSchema).max(OFFICE_CONTACTS_MAX, `an office names at most ${OFFICE_CONTACTS_MAX} default contacts`).optional(),
    /** The digits its Arabic interface writes: Arabic-Indic (٠١٢٣) or Western (0123). */
    digits: z.enum(['arab', 'latn']).optional(),
    office: DocIdSchema.nullable().default(null),
    /** Where the office is: phone numbers typed without a country code are read as this country's. */
    country: CountrySchema.nullable().optional(),
    /** The office's list of beats, offered beside free tags on its contacts. */
    beats: z.array(tag).max(200).optional(),
    /** A contact not verified for this many months is shown as outdated. */
    outdatedAfterMonths: z.number().int().min(1).max(120).nullable().optional(),
    /** Key of the suppression record (shared by the office's devices through sync); see contacts/suppression.ts. */
    privacyKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** Keyed hashes of erased people's e-mails and phones, sorted, so no import brings them back. */
    suppressed: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1_000_000).optional(),
    /**
     * Lists of erased people that joined the office's from a library that kept its own before it
     * had an office, each under the key it was made with (a keyed hash cannot be made again
     * under another key: the addresses are gone). Sorted by key; see contacts/suppression.ts.
     */
    suppressedUnder: z
      .array(z.object({ privacyKey: z.string().regex(/^[0-9a-f]{64}$/), suppressed: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1_000_000) }).strict())
      .max(1000)
      .optional(),
  })
  .strict();
export type OfficeFieldsT = z.infer<typeof OfficeFields>;

export const FIELDS_BY_TYPE = {
  release: ReleaseFields,
  contact: ContactFields,
  outlet: OutletFields,
  attachment: AttachmentFields,
  kit: KitFields,
  office: OfficeFields,
} as const;

export interface FieldsByType {
  release: ReleaseFieldsT;
  contact: ContactFieldsT;
  outlet: OutletFieldsT;
  attachment: AttachmentFieldsT;
  kit: KitFieldsT;
  office: OfficeFieldsT;
}

/**
 * A document as the contract returns it: its id and winning revision, its type, its
 * fields, the revision metadata, and any fields this version does not know (kept as is).
 */
export type Doc<T extends DocType = DocType> = FieldsByType[T] &
  RevisionMeta & {
    id: string;
    rev: string;
    type: T;
    conflicted?: boolean;
    [unknownField: string]: unknown;
  };

export const ID_PREFIX: Record<DocType, string> = {
  release: 'rel',
  contact: 'con',
  outlet: 'out',
  attachment: 'att',
  kit: 'kit',
  office: 'off',
};

/** Fields the store writes on every revision; a caller's copy of them is ignored. */
export const STORE_FIELDS: ReadonlySet<string> = new Set(['type', 'schema', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'id', 'rev', 'conflicted']);

export type FieldCheck =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; path: (string | number)[]; message: string; issue: z.core.$ZodIssue };

/**
 * Checks the fields this version knows against the type's schema (defaults filled in) and
 * keeps the others as they are, so what a newer app or another office wrote survives an edit.
 * Store fields and reserved "_" names are left out of the result.
 */
export function checkKnownFields(type: DocType, body: Readonly<Record<string, unknown>>): FieldCheck {
  const schema = FIELDS_BY_TYPE[type] as unknown as z.ZodObject;
  const known: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (STORE_FIELDS.has(k) || isReservedName(k)) continue;
    if (k in schema.shape) known[k] = v;
    else unknown[k] = v;
  }
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), message: issue.message, issue };
  }
  return { ok: true, fields: { ...unknown, ...(parsed.data as Record<string, unknown>) } };
}

const MAX_REPAIRS = 100;

/**
 * Reads a body of a newer schema version for showing and exporting (never for storing): what
 * this version's schema refuses is mapped to what it knows. A nested field it does not know is
 * left out, a value outside an enum becomes "other" (or the enum's first value), and any other
 * field it cannot read is left out at its nearest list item or top-level field, where defaults
 * apply. The stored document keeps all of it.
 */
export function readLeniently<S extends z.ZodObject>(schema: S, body: Readonly<Record<string, unknown>>): z.output<S> | null {
  const known: Record<string, unknown> = {};
  for (const k of Object.keys(schema.shape)) if (k in body) known[k] = JSON.parse(JSON.stringify(body[k])) as unknown;
  for (let i = 0; i < MAX_REPAIRS; i++) {
    const parsed = schema.safeParse(known);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    if (!repair(known, issue)) return null;
  }
  return null;
}

function repair(root: Record<string, unknown>, issue: z.core.$ZodIssue): boolean {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = (p: readonly PropertyKey[]): unknown => p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), root);
  if (issue.code === 'unrecognized_keys') {
    const target = at(path);
    if (!target || typeof target !== 'object') return false;
    for (const k of issue.keys) delete (target as Record<string, unknown>)[k];
    return true;
  }
  if (issue.code === 'invalid_value' && path.length > 0) {
    const parent = at(path.slice(0, -1));
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    if (!parent || typeof parent !== 'object' || values.length === 0) return false;
    (parent as Record<PropertyKey, unknown>)[path[path.length - 1]!] = values.includes('other') ? 'other' : values[0];
    return true;
  }
  // Leave out the nearest list item holding the problem, or else the top-level field.
  for (let n = path.length - 1; n >= 1; n--) {
    const list = at(path.slice(0, n));
    const index = path[n];
    if (Array.isArray(list) && typeof index === 'number') {
      list.splice(index, 1);
      return true;
    }
  }
  if (path.length === 0 || !(path[0]! in root)) return false;
  delete root[path[0] as string];
  return true;
}

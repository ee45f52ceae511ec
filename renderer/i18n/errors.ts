import type { TFunction } from 'i18next';
import { CONTACT_LIMITS } from '../../electron/shared/documents';
import { INPUT_ISSUES, INPUT_PROBLEMS, isKnownReason, type ApiError, type ErrorCode } from '../../electron/shared/errors';
import { fieldLabelKey, PART_LABELS } from '../conflicts/fieldLabels';

const SYNC_FILE_PROBLEMS = new Set(['notSyncFile', 'syncFileDamaged', 'syncFileCutShort', 'syncFileNewer', 'syncFileTooLarge', 'syncFileUnfinished']);
/** A kit that cannot be exported as it is (core/kits/model.ts), by what is wrong with it. */
const KIT_PROBLEMS = new Set(['kitEmpty', 'kitTooLong', 'kitWithdrawn']);
/** A contacts file refused as a whole (core/contacts: csv-parse, encoding, import-run), by what is wrong with it. */
const CONTACTS_FILE_PROBLEMS = new Set(['notText', 'tooManyColumns', 'cellTooLong', 'unclosedQuote', 'mixedEncodings', 'notInEncoding']);

/**
 * A contact's fields by the labels the contact form gives them, so that a refusal names what the
 * person sees ("Phone 1"), not the field's path ("phones.0.number"). Keyed by the path without
 * its numbers; a label with {{n}} takes the item's place in its list.
 */
const CONTACT_FIELD_LABELS: Record<string, string> = {
  name: 'contacts.name',
  kind: 'contacts.kindLabel',
  role: 'contacts.role',
  organisation: 'contacts.organisation',
  notes: 'contacts.notes',
  beats: 'contacts.beats',
  languages: 'contacts.languages',
  countries: 'contacts.countries',
  emails: 'contacts.emails',
  'emails.address': 'contacts.emailAddress',
  'emails.type': 'contacts.emailType',
  'emails.visibility': 'contacts.emailVisibility',
  phones: 'contacts.phones',
  'phones.number': 'contacts.phoneNumber',
  'phones.type': 'contacts.phoneType',
  'phones.visibility': 'contacts.phoneVisibility',
  outlet: 'contactFields.outlet',
  tags: 'contactFields.tags',
  regions: 'contactFields.regions',
  lists: 'contactFields.lists',
  socialHandles: 'contactFields.social',
  'socialHandles.network': 'contactFields.network',
  'socialHandles.handle': 'contactFields.handle',
  dataProtection: 'contactFields.dataProtection',
  'dataProtection.legalBasis': 'contactFields.legalBasis',
  'dataProtection.purpose': 'contactFields.purpose',
  'dataProtection.consentDate': 'contactFields.consentDate',
  'dataProtection.consentSource': 'contactFields.consentSource',
  'dataProtection.lastVerified': 'contactFields.lastVerified',
  'dataProtection.doNotContact': 'contactFields.doNotContact',
};

/**
 * An error from the core in the person's language: by its code (with its params), falling
 * back to the core's own English message when this UI has no words for it.
 */
export function errorText(t: TFunction, error: ApiError): string {
  const params = { ...(error.params ?? {}), message: error.message };
  if (error.code === 'INTERNAL' && error.params?.reason === 'unreachable') return t('errors.unreachable', params);
  if (error.code === 'INTERNAL' && error.params?.reason === 'badReply') return t('errors.badReply', params);
  if (error.code === 'RELEASE_INCOMPLETE') {
    // The fields by the names the editor gives them, so the message matches the labels on screen.
    const fields = String(error.params?.missing ?? '')
      .split(',')
      .filter(Boolean)
      .map((f) => t(`releases.${f}`))
      .join(t('common.listSeparator'));
    return t('errors.RELEASE_INCOMPLETE', { ...params, status: t(`status.${String(error.params?.status)}`), fields });
  }
  // Damage to what is stored is not the person's input to check: said as such (unreadableStored).
  if (error.code === 'INVALID_INPUT' && error.params?.reason === 'unreadable') return withDetails(t, t('errors.storedUnreadable'), error.params.detail);
  // A tag or search page is named by the heading that gave it away, not by a count of items.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'archive') return t('errors.archivePage', params);
  // Teasers over "Read more" links, or text that is only a story's opening cut short: said by what was seen.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'teasers') return t('errors.teaserPage', params);
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'excerpts') return t('errors.excerptPage', params);
  // A list's page counter over the one story it shows: named as seen.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'pager') return t('errors.pagerPage', params);
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'open') return t('errors.openPage', params);
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'noText') return t('errors.noTextPage', params);
  // A long text that never dates, places or quotes anything: said with its number of paragraphs.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'undated') return t('errors.undatedPage', params);
  // A template or model release with its blanks still open: a few of the blanks quoted as seen.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'template') return t('errors.templatePage', params);
  // A page a site keeps about itself: each mark that gave it away, in the person's language.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'standing') {
    const marks = String(error.params.marks ?? '').split(',').filter(Boolean);
    const seen = marks.map((m) => t(`errors.standingMarks.${m}`, { heading: error.params?.heading ?? '' })).join(t('errors.standingSeparator'));
    return t('errors.standingPage', { ...params, seen });
  }
  // A page listing other stories: each mark of a list that gave it away, in the person's language.
  if (error.code === 'NOT_A_RELEASE' && error.params?.reason === 'list') {
    const marks = String(error.params.marks ?? '').split(',').filter(Boolean);
    const seen = marks.map((m) => t(`errors.listMarks.${m}`, { heading: error.params?.heading ?? '' })).join(t('errors.standingSeparator'));
    return t(error.params.itemOwn === true ? 'errors.listPageItemOwn' : 'errors.listPage', { ...params, seen });
  }
  // A file made for the browser (a backup, a kit) that waited too long or was fetched already.
  if (error.code === 'NOT_FOUND' && error.params?.reason === 'downloadGone') return t('errors.downloadGone', params);
  // A contact merged while it was edited into one that is gone too: there is no one to name.
  if (error.code === 'NOT_FOUND' && error.params?.reason === 'mergedAway' && typeof error.params.survivorName !== 'string') return t('errors.mergedAwayGone', params);
  // A sync server without the office's database: nothing was deleted from the library, and the address may be right.
  if (error.code === 'NOT_FOUND' && error.params?.failure === 'not-found') return t(typeof error.params.url === 'string' ? 'errors.syncNoDatabaseAt' : 'errors.syncNoDatabase', params);
  // Creating an office's database: this account may not, or the password is not known yet.
  if (error.code === 'FORBIDDEN' && error.params?.reason === 'mayNotCreate') return t('errors.mayNotCreateDatabase', params);
  if (error.code === 'SERVER_AUTH' && error.params?.reason === 'needsPassword') return t('sync.state.needs-password', params);
  // A backup (or any file written) to a folder that is not there: the folder named, in the person's language.
  if (error.code === 'FILE_UNWRITABLE' && error.params?.reason === 'folderMissing') return t('errors.folderMissing', params);
  // A kit that took the release before it went to the trash: restoring it is one way on, taking it out the other.
  if (error.code === 'RELEASE_UNAVAILABLE' && error.params?.reason === 'trashed' && error.params.inKit === true) return t('errors.kitReleaseTrashed', params);
  if (error.code === 'RELEASE_UNAVAILABLE' && error.params?.reason === 'trashed') return t('errors.releaseTrashed', params);
  // A kit's photo, file or office logo not on this computer: the export wrote nothing (not an import's "nothing was stored").
  if ((error.code === 'FILE_UNREADABLE' || error.code === 'NOT_FOUND') && error.params?.reason === 'kitFileMissing') {
    // Files still on the server are not damaged: said first, with what brings them down; then any gone from the folder.
    if (typeof error.params.serverCount === 'number' && error.params.serverCount > 0) {
      const gone = typeof error.params.itemCount === 'number' && error.params.itemCount > 0;
      return [
        t('errors.kitOnServer', params),
        t(error.params.download === 'on-request' ? 'errors.kitOnServerOnRequest' : 'errors.kitOnServerSyncFirst', params),
        t('errors.kitNothingExported'),
        ...(gone ? [t('errors.kitAlsoMissingItems', params)] : []),
        ...(typeof error.params.logo === 'string' ? [t('errors.kitAlsoMissingLogo', params)] : []),
      ].join(' ');
    }
    // Every missing file is named at once, so the person relinks or removes them all before exporting
    // again; the office's logo among them is changed in Settings, not in the kit.
    if (typeof error.params.count === 'number' && error.params.count > 1) {
      return t(typeof error.params.logo === 'string' ? 'errors.kitFilesAndLogoMissing' : 'errors.kitFilesMissing', params);
    }
    return t(error.params.office === undefined ? 'errors.kitFileMissing' : 'errors.kitLogoMissing', params);
  }
  if (error.code === 'DISK_FULL') return diskFullText(t, error);
  const sync = syncFailureText(t, error);
  if (sync !== null) return sync;
  // A sync file refused: said by what is wrong with it, whatever the code.
  const reason = error.params?.reason;
  if (typeof reason === 'string' && SYNC_FILE_PROBLEMS.has(reason)) return t(`errors.${reason}`, params);
  if (error.code === 'INVALID_INPUT') return invalidInputText(t, error, params);
  // A file named .docx that is no Word document: said by what it turned out to be (a PNG, a .doc, a PDF...).
  const kind = error.params?.kind;
  if (error.code === 'FILE_UNREADABLE' && reason === 'notDocx' && typeof kind === 'string' && kind !== 'damaged') {
    return t(`errors.docxKinds.${kind}`, { ...params, defaultValue: reasonText(t, error.code, reason, error.params ?? {}) });
  }
  // A general code said by why it was raised: the core's English message only for a reason this window does not know.
  if (isKnownReason(error.code, reason)) return withDetails(t, reasonText(t, error.code, reason, error.params ?? {}), error.params?.detail);
  const key = `errors.${error.code}`;
  return t(key, { ...params, defaultValue: error.message });
}

/**
 * A technical detail (SQLite's words, a file's name in a package, what a stored record lacks) on a
 * line of its own under the person's sentence: said as it came, for whoever looks into it, and
 * kept out of the sentence so the sentence reads in one language.
 */
function withDetails(t: TFunction, text: string, detail: unknown): string {
  return typeof detail === 'string' && detail !== '' ? `${text}\n${t('errors.details', { detail })}` : text;
}

/** The documents an error may name by their type (reason_type in the locale files); another type is said as "this item". */
const NAMED_TYPES = new Set(['release', 'contact', 'outlet', 'attachment', 'kit', 'office']);

/**
 * A general code's reason (shared/errors.ts ERROR_REASONS) in the person's words, with what the
 * core sent to fill them: a file's name or path, a size in MB, a document's type, a limit.
 */
function reasonText(t: TFunction, code: ErrorCode, reason: string, p: NonNullable<ApiError['params']>): string {
  const mb = (n: unknown) => (typeof n === 'number' ? Math.max(0.1, Math.round((n / (1024 * 1024)) * 10) / 10) : null);
  const values = { ...p, sizeMb: mb(p.size), limitMb: mb(p.limit), name: p.name ?? p.path ?? '' };
  const said = t(`errors.reasons.${code}.${reason}`, values);
  // Said by the document's type where it has words of its own ("This release is no longer in the library").
  const type = typeof p.type === 'string' && NAMED_TYPES.has(p.type) ? p.type : null;
  return type === null ? said : t(`errors.reasons.${code}.${reason}_${type}`, { ...values, defaultValue: said });
}

/**
 * Input the core refused. A contacts file refused as a whole is said by what is wrong with it; a
 * field by the label its editor gives it (or its path, where no editor shows it) and the problem
 * in the person's words (`issue`, shared/errors.ts inputIssue). Only a refusal this window has no
 * words for shows the core's English, said to be English.
 */
function invalidInputText(t: TFunction, error: ApiError, params: Record<string, unknown>): string {
  const p = error.params ?? {};
  if (typeof p.reason === 'string' && CONTACTS_FILE_PROBLEMS.has(p.reason)) {
    const encoding = typeof p.encoding === 'string' ? t(`contactImport.encodingName.${p.encoding}`, { defaultValue: p.encoding }) : '';
    return t(`errors.contactsFile.${p.reason}`, { ...params, encoding });
  }
  if (typeof p.reason === 'string' && KIT_PROBLEMS.has(p.reason)) return t(`errors.kitExport.${p.reason}`, params);
  if (typeof p.reason === 'string' && (INPUT_PROBLEMS as readonly string[]).includes(p.reason)) {
    // A phone number refused by what is wrong with it, in the words the contact import uses; a list as a list.
    const problem = typeof p.phone === 'string' ? t(`contactImport.phoneProblem.${p.phone}`, { char: p.char ?? '', min: CONTACT_LIMITS.phoneMin, max: CONTACT_LIMITS.phoneMax }) : '';
    return t(`errors.inputProblems.${p.reason}`, { ...params, problem, headers: listed(t, p.headers), headline: p.headline ?? p.id ?? '' });
  }
  // Fields this Dateline does not know: a window and a core of different versions, not the person's typing.
  if (p.issue === 'unknownField') return t('errors.inputIssues.unknownField', { keys: listed(t, p.keys) });
  const problem = issueText(t, p);
  const field = typeof p.field === 'string' && p.field !== 'input' ? p.field : '';
  if (field === '') return problem === null ? t('errors.invalidInputNoField', params) : t('errors.inputRefused', { problem });
  const label = fieldLabel(t, p.method, field) ?? field;
  return problem === null ? t('errors.INVALID_INPUT', { ...params, field: label }) : t('errors.invalidField', { field: label, problem });
}

/** What is wrong with a field in the person's words, or null for an issue this window does not know. */
function issueText(t: TFunction, p: NonNullable<ApiError['params']>): string | null {
  if (typeof p.issue !== 'string' || !(INPUT_ISSUES as readonly string[]).includes(p.issue)) return null;
  if (p.issue === 'notPhone') {
    const problem = t(`contactImport.phoneProblem.${String(p.phone ?? 'other')}`, { char: p.char ?? '', min: CONTACT_LIMITS.phoneMin, max: CONTACT_LIMITS.phoneMax });
    return t('errors.inputIssues.notPhone', { problem });
  }
  const values = Array.isArray(p.values) ? p.values.map((v) => valueLabel(t, p.method, p.field, String(v))) : p.values;
  return t(`errors.inputIssues.${p.issue}`, { limit: p.limit ?? '', values: listed(t, values) });
}

/**
 * The names the interface gives an enumerated field's values, by the field's own name: a
 * refusal lists "In review", as the status menu does, not the stored "in-review".
 */
const VALUE_LABELS: Record<string, string> = {
  status: 'status',
  type: 'contacts.type',
  visibility: 'contacts.visibility',
  legalBasis: 'contactFields.basis',
  sectionKind: 'kitBuilder.section',
};

function valueLabel(t: TFunction, method: unknown, field: unknown, value: string): string {
  const name = typeof field === 'string' ? field.slice(field.lastIndexOf('.') + 1) : '';
  const contact = typeof method === 'string' && method.startsWith('contact.');
  const prefix = name === 'kind' && contact ? 'contacts.kind' : Object.hasOwn(VALUE_LABELS, name) ? VALUE_LABELS[name] : undefined;
  return prefix === undefined ? value : t(`${prefix}.${value}`, { defaultValue: value });
}

const listed = (t: TFunction, items: unknown): string => (Array.isArray(items) ? items.map(String).join(t('common.listSeparator')) : '');

/**
 * A field's path as its editor labels it: a contact's by the contact form ("Phone 1"), another
 * document's by the label of its field (and of its part, as an office's colours), the same words
 * the Conflicts screen uses; null when no editor shows it.
 */
function fieldLabel(t: TFunction, method: unknown, field: string): string | null {
  if (typeof method !== 'string') return null;
  const type = method.slice(0, method.indexOf('.'));
  if (type === 'contact') {
    const label = contactFieldLabel(t, field);
    if (label !== null) return label;
  }
  const parts = field.split('.').filter((s) => !/^\d+$/.test(s));
  if (parts[0] === 'fields') parts.shift();
  const [top, part] = parts;
  if (top === undefined) return null;
  const partKey = part === undefined ? undefined : PART_LABELS[top]?.[part];
  const key = partKey ?? fieldLabelKey(type, top);
  return key === null ? null : t(key, { n: '' });
}

/** A contact field's path ("fields.phones.0.number") as the form labels it ("Phone 1"), or null when the form has no label for it. */
function contactFieldLabel(t: TFunction, field: string): string | null {
  const parts = field.split('.');
  if (parts[0] === 'fields') parts.shift();
  const at = parts.find((s) => /^\d+$/.test(s));
  const key = CONTACT_FIELD_LABELS[parts.filter((s) => !/^\d+$/.test(s)).join('.')];
  if (key === undefined) return null;
  return t(key, { n: at === undefined ? '' : Number(at) + 1 });
}

/**
 * A full disk, said once: which disk (the library's, or the folder an export went to), the space
 * free and the space to free, when the core could measure them. The core's own message says the
 * same in English, so it is not added.
 */
function diskFullText(t: TFunction, error: ApiError): string {
  const p = error.params ?? {};
  const mb = (n: unknown) => (typeof n === 'number' ? Math.ceil(n / (1024 * 1024)) : null);
  const free = mb(p.freeBytes);
  const need = mb(p.neededBytes);
  const folder = typeof p.folder === 'string' ? p.folder : null;
  const known = free !== null && need !== null;
  const key = folder === null ? (known ? 'errors.diskFullFree' : 'errors.DISK_FULL') : known ? 'errors.diskFullOfFree' : 'errors.diskFullOf';
  return t(key, { free, need, folder });
}

/**
 * A sync server's answer, or its silence, in words that say what to check, naming the server as
 * the person typed it. The core's own message is English and names a database's URL, so it is
 * not added (the CLI prints it). Failures with no words of their own here keep the general ones.
 */
function syncFailureText(t: TFunction, error: ApiError): string | null {
  const p = error.params ?? {};
  const host = typeof p.host === 'string' ? p.host : null;
  if (p.failure === 'auth') return t('errors.syncRefused');
  if (p.failure === 'forbidden') return t('errors.syncForbidden');
  // Without the server's name (an address that is not one, an answer read wrong, a file's bytes that do not match): said without it.
  if (p.failure === 'protocol') return host === null ? t('errors.syncNotServerAddress') : t('errors.syncNotServer', { host });
  if (p.failure === 'damaged') return t('errors.syncDamaged');
  if (p.failure === 'too-large') return t('errors.syncTooLarge');
  if (host === null) return p.failure === 'server' ? t('errors.syncServerErrorNoHost', { status: p.status ?? '' }) : null;
  if (p.failure === 'network' && typeof p.cause === 'string') return t(`errors.syncNetwork.${p.cause}`, { host, defaultValue: t('errors.syncNetwork.cut', { host }) });
  if (p.failure === 'server') return t('errors.syncServerError', { host, status: p.status ?? '' });
  return null;
}

import type { DocType, FieldsByType } from '../../electron/shared/documents';

/**
 * The words for each field of each document type on the Conflicts screen: the key of the label
 * its editor shows, so a field is called the same wherever a person meets it; the fields no
 * editor shows (file facts, an office's erased-people lists) have words of their own under
 * conflicts.fieldName. Typed against the schemas: a field added to a document without words
 * here does not compile.
 */
export const FIELD_LABELS: { readonly [T in DocType]: Readonly<Record<keyof FieldsByType[T] & string, string>> } = {
  release: {
    office: 'releases.office',
    headline: 'releases.headline',
    subheadline: 'releases.subheadline',
    datelinePlace: 'releases.datelinePlace',
    releaseDate: 'releases.releaseDate',
    embargo: 'embargo.legend',
    language: 'releases.language',
    status: 'releases.status',
    body: 'releases.body',
    quotes: 'releases.quotes',
    notesToEditors: 'releases.notesToEditors',
    boilerplate: 'releases.boilerplate',
    endMark: 'releases.endMark',
    contacts: 'releases.mediaContacts',
    tags: 'releases.tags',
    translationGroup: 'versions.title',
    withdrawal: 'conflicts.fieldName.withdrawal',
    trashed: 'status.trashed',
  },
  contact: {
    office: 'releases.office',
    kind: 'contacts.kindLabel',
    name: 'contacts.name',
    role: 'contacts.role',
    organisation: 'contacts.organisation',
    outlet: 'contactFields.outlet',
    beats: 'contacts.beats',
    languages: 'contacts.languages',
    countries: 'contacts.countries',
    emails: 'contacts.emails',
    phones: 'contacts.phones',
    notes: 'contacts.notes',
    photo: 'contactRecord.fieldName.photo',
    outletHistory: 'contactFields.outletHistory',
    tags: 'contactFields.tags',
    regions: 'contactFields.regions',
    socialHandles: 'contactFields.social',
    lists: 'contactFields.lists',
    dataProtection: 'contactFields.dataProtection',
  },
  outlet: {
    office: 'releases.office',
    name: 'outlets.name',
    kind: 'outlets.kindLabel',
    languages: 'contacts.languages',
    countries: 'contacts.countries',
    website: 'outlets.website',
    emails: 'contacts.emails',
    phones: 'contacts.phones',
    notes: 'contacts.notes',
  },
  attachment: {
    office: 'releases.office',
    caption: 'attachments.caption',
    credit: 'attachments.credit',
    altText: 'attachments.altText',
    usageRights: 'attachments.usageRights',
    usageExpires: 'attachments.usageExpires',
    consent: 'attachments.consent',
    releases: 'conflicts.fieldName.releases',
    sha256: 'conflicts.fieldName.sha256',
    originalName: 'conflicts.fieldName.originalName',
    mediaType: 'attachments.type',
    size: 'attachments.size',
    width: 'conflicts.fieldName.width',
    height: 'conflicts.fieldName.height',
  },
  kit: {
    office: 'kitBuilder.office',
    title: 'kitBuilder.title',
    language: 'kitBuilder.language',
    items: 'kitBuilder.items',
    pageSize: 'kitBuilder.pageSize',
    audience: 'kitBuilder.audience',
  },
  office: {
    name: 'settings.officeName',
    logo: 'settings.logo',
    colours: 'conflicts.fieldName.colours',
    boilerplate: 'settings.boilerplate',
    timeZone: 'settings.timeZone',
    fonts: 'settings.kitFonts',
    footer: 'settings.footer',
    contacts: 'settings.defaultContacts',
    digits: 'settings.digits',
    office: 'releases.office',
    country: 'contactFilters.country',
    beats: 'officeMedia.beats',
    outdatedAfterMonths: 'officeMedia.outdatedAfter',
    privacyKey: 'conflicts.fieldName.privacyKey',
    suppressed: 'conflicts.fieldName.suppressed',
    suppressedUnder: 'conflicts.fieldName.suppressedUnder',
  },
};

/**
 * The words for the parts of a field that holds an object (a contact's data protection, a
 * photo's consent, an office's colours), by field, then part. A part not named here (written by
 * a newer Dateline) is shown by its own name.
 */
export const PART_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  dataProtection: {
    legalBasis: 'contactFields.legalBasis',
    purpose: 'contactFields.purpose',
    consentDate: 'contactFields.consentDate',
    consentSource: 'contactFields.consentSource',
    doNotContact: 'contactFields.doNotContact',
    lastVerified: 'contactFields.lastVerified',
  },
  consent: {
    consentObtained: 'attachments.flag.consentObtained',
    faceRedacted: 'attachments.flag.faceRedacted',
    locationRedacted: 'attachments.flag.locationRedacted',
    nameRedacted: 'attachments.flag.nameRedacted',
    nameChanged: 'attachments.flag.nameChanged',
    sensitive: 'attachments.flag.sensitive',
  },
  colours: { primary: 'settings.primaryColour', accent: 'settings.accentColour' },
  fonts: { headings: 'settings.fontHeadings', body: 'settings.fontBody' },
  withdrawal: { reason: 'conflicts.part.reason', at: 'conflicts.part.at' },
};

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The key of a field's label, or null for a field (or a type) this version of Dateline does not know. */
export function fieldLabelKey(type: string, field: string): string | null {
  if (!has(FIELD_LABELS, type)) return null;
  const labels: Readonly<Record<string, string>> = FIELD_LABELS[type as DocType];
  return has(labels, field) ? labels[field]! : null;
}

/** Fields in the order the type's editor shows them (FIELD_LABELS), then those only a newer Dateline knows. */
export function inEditorOrder(type: string, fields: readonly string[]): string[] {
  const known: readonly string[] = has(FIELD_LABELS, type) ? Object.keys(FIELD_LABELS[type as DocType]) : [];
  const rank = (k: string) => {
    const i = known.indexOf(k);
    return i === -1 ? known.length : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

import { CONTACT_PHOTO_MAX_BYTES } from '../../shared/contacts/bulk-contract';
import { CHANNEL_VISIBILITIES, ContactFields, CountrySchema, EmailSchema, LanguageSchema, PhoneSchema, phoneProblem, TAG_MAX, type ChannelVisibility, type ContactFieldsT } from '../../shared/documents';
import { knownNetwork, networkName, sameHandle, SOCIAL_LIMITS, type SocialHandle } from '../../shared/contacts/social';
import { TAG_PROPERTIES, VISIBILITY_PARAM } from './vcard-text';
import type { Vcard, VcardProperty } from './vcard-parse';
import { rowNote, type RowNote } from '../../shared/contacts/row-notes';
import { kindFromTitle } from '../../shared/contacts/kind';
import { DATA_PROTECTION_FIELDS, dataProtectionCell, dataProtectionProperty, dataProtectionOf, type DataProtectionCells } from './data-protection-cells';
import { invalidInput } from '../../shared/errors';

/**
 * One vCard to a contact's fields, or the reason it cannot be one. Pure. Quoted-printable
 * values are decoded in their CHARSET (UTF-8 when none is given); an embedded photo is kept
 * as bytes for the import to store as an attachment, when it is an image and small enough;
 * a photo given as a link (PHOTO;VALUE=uri) is never fetched: no import makes a request.
 */

export interface CardContact {
  fields: ContactFieldsT;
  outletName: string | null;
  warnings: RowNote[];
  photo: Uint8Array | null;
}

export interface CardProblem {
  name: string | null;
  column: string;
  reason: RowNote;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '=' && i === value.length - 1) {
      // a soft break left at the very end
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  let label = charset.toLowerCase();
  if (label === 'iso-8859-1' || label === 'latin1') label = 'windows-1252';
  try {
    return new TextDecoder(label).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** A text value: quoted-printable decoded, backslash escapes undone. */
function text(p: VcardProperty): string {
  let v = p.value;
  if (p.params.ENCODING?.some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE')) v = decodeQuotedPrintable(v, p.params.CHARSET?.[0] ?? 'utf-8');
  // A phone's vCard 2.1 encodes a note's line breaks as "=0D=0A": a line break is stored as one "\n", as typed ones are.
  return v.replace(/\r\n?/g, '\n').trim();
}

/** Splits a structured value on unescaped `sep`, then undoes the escapes. */
function components(v: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\' && i + 1 < v.length) {
      const n = v[++i]!;
      cur += n === 'n' || n === 'N' ? '\n' : n;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const unescape = (v: string): string => components(v, '\u0000' as ';')[0]!;

/** Who may see an e-mail or phone: Dateline's own parameter, public when the card does not say (a phone's card never does). */
function seenBy(p: VcardProperty): ChannelVisibility {
  const v = p.params[VISIBILITY_PARAM]?.[0]?.toLowerCase();
  return (CHANNEL_VISIBILITIES as readonly string[]).includes(v ?? '') ? (v as ChannelVisibility) : 'public';
}

function types(p: VcardProperty): string[] {
  return (p.params.TYPE ?? []).flatMap((t) => t.split(',')).map((t) => t.toLowerCase());
}

export function vcardToContact(card: Vcard, _n: number): CardContact | CardProblem {
  const byName = (n: string) => card.properties.filter((p) => p.name.toUpperCase() === n);
  const fn = byName('FN')[0];
  const nProp = byName('N')[0];
  let name = fn ? unescape(text(fn)) : '';
  if (name === '' && nProp) {
    const [family = '', given = '', middle = '', prefix = '', suffix = ''] = components(text(nProp), ';');
    name = [prefix, given, middle, family, suffix].filter(Boolean).join(' ');
  }
  if (card.problem) return { name: name || null, column: 'card', reason: rowNote('CARD_BROKEN', card.problem) };
  const warnings: RowNote[] = [];
  const fields: Partial<ContactFieldsT> & { emails: ContactFieldsT['emails']; phones: ContactFieldsT['phones'] } = {
    emails: [],
    phones: [],
    beats: [],
    languages: [],
    countries: [],
  };
  for (const p of byName('EMAIL')) {
    const address = unescape(text(p)).replace(/^mailto:/i, '');
    const t = types(p);
    const e = EmailSchema.safeParse({ type: t.includes('home') ? 'personal' : t.includes('work') ? 'work' : 'other', address, visibility: seenBy(p) });
    if (!e.success) return { name: name || null, column: 'EMAIL', reason: rowNote('BAD_EMAIL', `"${address}" is not an e-mail address`, { column: 'EMAIL', value: address }) };
    if (!fields.emails.some((x) => x.address.toLowerCase() === address.toLowerCase())) fields.emails.push(e.data);
  }
  for (const p of byName('TEL')) {
    const number = unescape(text(p)).replace(/^tel:/i, '');
    const t = types(p);
    const type = t.includes('cell') ? 'mobile' : t.includes('fax') ? 'fax' : t.includes('work') ? 'work' : 'other';
    const ph = PhoneSchema.safeParse({ type, number, visibility: seenBy(p) });
    if (!ph.success) {
      // The same rule as a CSV row's and the contact form's (shared/documents.ts), said the same way.
      const problem = phoneProblem(number);
      const params = { value: number, ...(problem ? { problem: problem.code } : {}), ...(problem?.char !== undefined ? { char: problem.char } : {}) };
      warnings.push(rowNote('PHONE_LEFT_OUT', `TEL "${number}" is not a phone number (it ${problem?.message ?? 'is not one'}); left out`, params));
      continue;
    }
    if (!fields.phones.some((x) => x.number === ph.data.number)) fields.phones.push(ph.data);
  }
  if (name === '') name = fields.emails[0]?.address ?? fields.phones[0]?.number ?? '';
  if (name === '') return { name: null, column: 'FN', reason: rowNote('NO_NAME', 'the card has no name, e-mail or phone number', { column: 'FN' }) };
  const org = byName('ORG')[0];
  if (org) fields.organisation = components(text(org), ';').filter(Boolean).join(', ') || null;
  const title = byName('TITLE')[0] ?? byName('ROLE')[0];
  if (title) fields.role = unescape(text(title)) || null;
  const notes = byName('NOTE').map((p) => unescape(text(p))).filter(Boolean);
  if (notes.length) fields.notes = notes.join('\n');
  for (const p of byName('CATEGORIES')) for (const c of components(text(p), ',')) if (c && !fields.beats!.includes(c)) fields.beats!.push(c.slice(0, 60));
  for (const p of [...byName('LANG'), ...byName('X-DATELINE-LANGUAGES')]) {
    for (const l of components(text(p), ',')) if (LanguageSchema.safeParse(l).success && !fields.languages!.includes(l)) fields.languages!.push(l);
  }
  for (const p of byName('X-DATELINE-COUNTRIES')) {
    for (const c of components(text(p), ',')) if (CountrySchema.safeParse(c).success && !fields.countries!.includes(c)) fields.countries!.push(c);
  }
  // Tags, regions and lists have no vCard property: Dateline's own X- properties carry them.
  for (const [field, property] of TAG_PROPERTIES) {
    const props = byName(property);
    if (props.length === 0) continue;
    const into: string[] = [];
    for (const p of props) for (const c of components(text(p), ',')) if (c && !into.includes(c.slice(0, TAG_MAX))) into.push(c.slice(0, TAG_MAX));
    if (into.length) fields[field] = into;
  }
  const social = socialHandles(card.properties, warnings);
  if (social.length) fields.socialHandles = social;
  const kind = byName('X-DATELINE-KIND')[0];
  if (kind && (text(kind) === 'journalist' || text(kind) === 'spokesperson')) fields.kind = text(kind) as ContactFieldsT['kind'];
  else {
    // A phone's card has no kind: a title such as "Spokesperson" or "Porte-parole" says it.
    const said = kindFromTitle(fields.role);
    if (said) fields.kind = said;
  }
  // vCard has no property for the data-protection record: Dateline's own X- properties carry it.
  const dataProtection: DataProtectionCells = {};
  for (const field of DATA_PROTECTION_FIELDS) {
    const p = byName(dataProtectionProperty(field))[0];
    const value = p ? unescape(text(p)).trim() : '';
    if (!p || value === '') continue;
    const column = p.name.toUpperCase();
    const read = dataProtectionCell(field, value, column);
    if ('note' in read) return { name: name || null, column, reason: read.note };
    dataProtection[field] = read.value;
  }
  const record = dataProtectionOf(dataProtection, byName('X-DATELINE-DO-NOT-CONTACT').some((p) => text(p).toLowerCase() === 'true'));
  if (record) fields.dataProtection = record;

  let photo: Uint8Array | null = null;
  const tooLarge = () => rowNote('PHOTO_TOO_LARGE', `the photo is larger than ${CONTACT_PHOTO_MAX_BYTES / 1024 / 1024} MB; left out`, { megabytes: CONTACT_PHOTO_MAX_BYTES / 1024 / 1024 });
  if (card.dropped.includes('PHOTO')) warnings.push(tooLarge());
  const ph = byName('PHOTO')[0];
  if (ph) {
    const isUri = ph.params.VALUE?.some((v) => v.toLowerCase() === 'uri') || /^https?:/i.test(ph.value);
    const dataUri = /^data:image\/[a-z+.-]+;base64,/i.exec(ph.value);
    if (isUri && !dataUri) warnings.push(rowNote('PHOTO_LINK', 'the photo is a link; it was not fetched (an import never reaches the network)'));
    else {
      const b64 = dataUri ? ph.value.slice(dataUri[0].length) : ph.value;
      const bytes = Buffer.from(b64.replace(/\s+/g, ''), 'base64');
      if (bytes.length > CONTACT_PHOTO_MAX_BYTES) warnings.push(tooLarge());
      else if (bytes.length > 0) photo = bytes;
      // Text that is not base64 decodes to nothing: a photo the card meant to carry, so the person is told it was left out.
      else if (b64.trim() !== '') warnings.push(rowNote('PHOTO_NOT_IMAGE', 'the photo is not an image Dateline reads (JPEG, PNG, GIF or WebP); left out'));
    }
  }
  const parsed = ContactFields.safeParse({ ...fields, name });
  if (!parsed.success) {
    const e = invalidInput(parsed.error);
    const field = String(e.path?.[0] ?? 'FN');
    const column = field === 'socialHandles' ? 'SOCIALPROFILE' : field.toUpperCase();
    return { name, column, reason: rowNote('BAD_FIELD', e.message, { column }) };
  }
  const outlet = byName('X-DATELINE-OUTLET')[0];
  return { fields: parsed.data, outletName: outlet ? unescape(text(outlet)) || null : null, warnings, photo };
}

/**
 * The card's social profiles, in its order: RFC 9554's SOCIALPROFILE (the network in
 * SERVICE-TYPE), Apple's X-SOCIALPROFILE;type=twitter;x-user=name, and the X-TWITTER,
 * X-LINKEDIN... a phone writes. A profile given as a link with no network is named after its
 * site; one naming no network at all is left out with a note.
 */
function socialHandles(properties: readonly VcardProperty[], warnings: RowNote[]): SocialHandle[] {
  const out: SocialHandle[] = [];
  for (const p of properties) {
    const name = p.name.toUpperCase();
    let network: string | null;
    let handle: string;
    if (name === 'SOCIALPROFILE' || name === 'X-SOCIALPROFILE') {
      const isText = p.params.VALUE?.some((v) => v.toLowerCase() === 'text') ?? false;
      const user = p.params['X-USER']?.[0]?.trim();
      const value = text(p);
      handle = user || (isText ? unescape(value) : stripApple(value));
      const said = p.params['SERVICE-TYPE']?.[0] ?? types(p).find((t) => t !== 'pref');
      network = said?.trim() ? networkName(said) : linkNetwork(handle);
    } else if (name.startsWith('X-') && knownNetwork(name.slice(2)) !== null) {
      network = knownNetwork(name.slice(2));
      handle = unescape(text(p));
    } else continue;
    if (handle === '') continue;
    if (network === null) {
      warnings.push(rowNote('SOCIAL_LEFT_OUT', `${name} "${handle}" names no social network; left out`, { column: name, value: handle }));
      continue;
    }
    const h = { network, handle };
    if (!out.some((x) => sameHandle(x, h))) out.push(h);
  }
  return out;
}

/** Apple writes some profiles as "x-apple:name": the name. */
function stripApple(value: string): string {
  return value.toLowerCase().startsWith('x-apple:') ? value.slice('x-apple:'.length).trim() : value;
}

/** The network a profile's link names by its site ("https://www.linkedin.com/in/name": LinkedIn; "https://mastodon.social/@name": mastodon.social), or null when it is no link. */
function linkNetwork(handle: string): string | null {
  const lower = handle.toLowerCase();
  const scheme = lower.startsWith('https://') ? 8 : lower.startsWith('http://') ? 7 : -1;
  if (scheme < 0) return null;
  let host = lower.slice(scheme);
  for (const end of ['/', '?', '#', ':']) {
    const at = host.indexOf(end);
    if (at >= 0) host = host.slice(0, at);
  }
  if (host.startsWith('www.')) host = host.slice(4);
  const labels = host.split('.');
  const site = labels.length >= 2 ? labels[labels.length - 2]! : host;
  return knownNetwork(site) ?? (host === '' ? null : host.slice(0, SOCIAL_LIMITS.network));
}

export function isCardProblem(c: CardContact | CardProblem): c is CardProblem {
  return 'reason' in c;
}

import type { TFunction } from 'i18next';
import { ColourSchema, InstantSchema, IsoDateSchema, type DocType, type Embargo } from '../../electron/shared/documents';
import { blockTexts, RichTextSchema } from '../../electron/shared/richtext';
import type { DateFormats } from '../i18n/dates';
import { embargoWording } from '../releases/embargo';
import { zoneName } from '../../electron/shared/zone-names';
import { countryName, formatBytes, languageName } from '../ui/languages';
import { fieldLabelKey, PART_LABELS } from './fieldLabels';

export { docTitle } from '../../electron/shared/conflicts/doc-title';

/**
 * A field's value as a person reads it on the Conflicts screen: codes in words (a status, a
 * language, a kind of phone), dates as the person writes them, documents by their names, lists
 * joined as the language joins them, objects as "label: value" lines. Pure: the screen gives
 * it the words, the dates and the names it fetched.
 */

/**
 * A piece of a line: the interface's words, or the person's own text (isolated in its own
 * direction, a <bdi>); `colour`: the text is a colour (#rrggbb), shown beside a swatch of it.
 */
export type Part = string | { own: string; colour?: true };
export type Line = readonly Part[];

export interface ValueWords {
  t: TFunction;
  /** The interface's language. */
  language: string;
  dates: Pick<DateFormats, 'date' | 'dateTime' | 'dateIn' | 'clock'>;
  /** A document's name by id ("" when it has none yet): null when it is no longer in the library. */
  name(id: string): string | null;
}

/** A document a value names by id, to be fetched for its name. */
export interface Reference {
  type: DocType;
  id: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const own = (text: string): Part => ({ own: text });

/** Fields (and parts) holding a calendar date, written YYYY-MM-DD. */
const DATE_FIELDS = new Set(['releaseDate', 'usageExpires', 'consentDate', 'lastVerified', 'from', 'to']);

/** Which type of document a field (or a list's items) names by id. */
const REFERENCES: Readonly<Record<string, DocType>> = {
  office: 'office',
  outlet: 'outlet',
  photo: 'attachment',
  logo: 'attachment',
  translationGroup: 'release',
};
function referenceType(type: string, field: string): DocType | null {
  if (field === 'contacts' && (type === 'release' || type === 'office')) return 'contact';
  if (field === 'releases' && type === 'attachment') return 'release';
  return REFERENCES[field] ?? null;
}

/** The documents a field's value names, for the screen to fetch their names before it shows the value. */
export function references(type: string, field: string, value: unknown): Reference[] {
  if (fieldLabelKey(type, field) === null) return [];
  const to = referenceType(type, field);
  if (to !== null) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ type: to, id }));
  }
  if (!Array.isArray(value) && !isRecord(value)) return [];
  const out: Reference[] = [];
  if (field === 'items' && Array.isArray(value)) {
    for (const item of value) {
      if (isRecord(item) && typeof item.id === 'string' && (item.kind === 'release' || item.kind === 'attachment' || item.kind === 'contact')) out.push({ type: item.kind, id: item.id });
    }
  }
  if (field === 'outletHistory' && Array.isArray(value)) {
    for (const stint of value) if (isRecord(stint) && typeof stint.outlet === 'string') out.push({ type: 'outlet', id: stint.outlet });
  }
  if (field === 'boilerplate' && isRecord(value) && typeof value.office === 'string') out.push({ type: 'office', id: value.office });
  return out;
}

// Where the person's own text goes in a sentence of the interface: the sentence is written by
// t() with a mark (a private-use character) in place of each text, then cut there, so that
// each text can be a <bdi> of its own.
const slot = (i: number): string => String.fromCharCode(0xe000 + i);
const FSI = '\u2068';
const PDI = '\u2069';

/** `text` with the lines `inners` in place of its marks slot(0), slot(1)... */
function compose(text: string, ...inners: Line[]): Line {
  const out: Part[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const n = text.charCodeAt(i) - 0xe000;
    if (n < 0 || n >= inners.length) {
      run += text[i];
      continue;
    }
    // A right-to-left interface isolates each value it is given (i18n/index.ts); the <bdi> does it now.
    if (run.endsWith(FSI)) run = run.slice(0, -1);
    if (run) out.push(run);
    run = '';
    out.push(...inners[n]!);
    if (text[i + 1] === PDI) i++;
  }
  if (run) out.push(run);
  return out;
}

/** "Label: value", with the punctuation of the interface's language. */
function labelled(w: ValueWords, label: string, value: Line): Line {
  return compose(w.t('conflicts.value.labelled', { label, value: slot(0) }), value);
}

/** Lines as one line, each joined to the next by the language's list separator. */
function joined(w: ValueWords, lines: readonly Line[]): Line {
  const sep = w.t('common.listSeparator');
  return lines.flatMap((l, i) => (i === 0 ? l : [sep, ...l]));
}

const number = (w: ValueWords, n: number): string => new Intl.NumberFormat(w.language).format(n);
const yesNo = (w: ValueWords, b: boolean): string => w.t(b ? 'conflicts.value.yes' : 'conflicts.value.no');
const named = (w: ValueWords, id: string): Part => {
  const name = w.name(id);
  if (name === null) return w.t('conflicts.value.gone');
  return name.trim() === '' ? w.t('common.untitled') : own(name);
};
const word = (w: ValueWords, key: string, value: string): string => w.t(key, { defaultValue: value });

function richLines(value: unknown): Line[] | null {
  const rich = RichTextSchema.safeParse(value);
  if (!rich.success) return null;
  return blockTexts(rich.data)
    .filter((p) => p.trim() !== '')
    .map((p) => [own(p)]);
}

/** An e-mail address or phone number with its kind and who may see it: "amina@example.org (Work, The press only)". */
function channelLine(w: ValueWords, channel: Record<string, unknown>): Line {
  const text = typeof channel.address === 'string' ? channel.address : typeof channel.number === 'string' ? channel.number : '';
  const type = typeof channel.type === 'string' ? w.t(`contacts.type.${channel.type}`, { defaultValue: channel.type }) : null;
  const visibility = typeof channel.visibility === 'string' ? w.t(`contacts.visibility.${channel.visibility}`, { defaultValue: channel.visibility }) : null;
  const about = [type, visibility].filter((s): s is string => s !== null);
  if (about.length === 0) return [own(text)];
  return [own(text), ' ', w.t('conflicts.value.about', { about: about.join(w.t('common.listSeparator')) })];
}

function quoteLine(w: ValueWords, q: Record<string, unknown>): Line {
  const text = typeof q.text === 'string' ? q.text : '';
  const who = [q.speaker, q.role].filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => [own(s)]);
  if (who.length === 0) return compose(w.t('conflicts.value.quote', { text: slot(0) }), [own(text)]);
  return compose(w.t('conflicts.value.quoteBy', { text: slot(0), speaker: slot(1) }), [own(text)], joined(w, who));
}

function kitItemLine(w: ValueWords, item: Record<string, unknown>): Line {
  const kind = typeof item.kind === 'string' ? item.kind : '';
  if (kind === 'section') {
    const sectionKind = typeof item.sectionKind === 'string' ? word(w, `kitBuilder.section.${item.sectionKind}`, item.sectionKind) : w.t('kitBuilder.kind.section');
    const title = typeof item.title === 'string' && item.title.trim() !== '' ? own(item.title) : w.t('common.untitled');
    return labelled(w, sectionKind, [title]);
  }
  const what = w.t(`kitBuilder.kind.${kind}`, { defaultValue: kind });
  const line: Part[] = [...labelled(w, what, [typeof item.id === 'string' ? named(w, item.id) : ''])];
  if (Array.isArray(item.languages) && item.languages.length > 0) {
    const languages = item.languages.filter((l): l is string => typeof l === 'string').map((l) => languageName(l, w.language));
    line.push(' ', w.t('conflicts.value.about', { about: languages.join(w.t('common.listSeparator')) }));
  }
  return line;
}

function stintLine(w: ValueWords, s: Record<string, unknown>): Line {
  const line: Part[] = [typeof s.outlet === 'string' ? named(w, s.outlet) : ''];
  if (typeof s.role === 'string' && s.role.trim() !== '') line.push(w.t('common.listSeparator'), own(s.role));
  if (typeof s.from === 'string' || typeof s.to === 'string') {
    const day = (d: unknown) => (typeof d === 'string' ? w.dates.date(d) : '…');
    line.push(' ', w.t('conflicts.value.about', { about: w.t('contactFields.stint', { from: day(s.from), to: day(s.to) }) }));
  }
  return line;
}

/**
 * A part of an object (or an item of a list) in words, by its name. `newer`: written by a newer
 * Dateline, whose names say nothing here, so a text that is a date or an instant is taken for one.
 */
function partLines(w: ValueWords, name: string, value: unknown, newer = false): Line[] | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return [[yesNo(w, value)]];
  if (typeof value === 'number') return [[number(w, value)]];
  if (typeof value === 'string') {
    if (name === 'legalBasis') return [[word(w, `contactFields.basis.${value}`, value)]];
    if ((newer || name === 'at') && InstantSchema.safeParse(value).success) return [[w.dates.dateTime(value)]];
    if ((newer || DATE_FIELDS.has(name)) && IsoDateSchema.safeParse(value).success) return [[w.dates.date(value)]];
    return [[own(value)]];
  }
  const rich = richLines(value);
  if (rich !== null) return rich.length ? rich : null;
  if (Array.isArray(value)) {
    const items = value.map((v) => partLines(w, name, v, newer)).filter((l): l is Line[] => l !== null);
    if (items.length === 0) return null;
    // Words and numbers on one line; anything bigger one item a line.
    return value.every((v) => typeof v !== 'object' || v === null) ? [joined(w, items.flat())] : items.map((l) => joined(w, l));
  }
  if (isRecord(value)) {
    const labels = PART_LABELS[name] ?? {};
    const lines = Object.entries(value).flatMap(([k, v]): Line[] => {
      const shown = partLines(w, k, v, newer);
      if (shown === null) return [];
      const label = Object.prototype.hasOwnProperty.call(labels, k) ? w.t(labels[k]!) : k;
      return [labelled(w, label, joined(w, shown))];
    });
    return lines.length ? lines : null;
  }
  return null;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const records = (value: unknown): Record<string, unknown>[] => list(value).filter(isRecord);

/**
 * A field's value as lines of words, or null when it is empty (shown as "(empty)"). `type` is the
 * document's: a contact's kind and an outlet's are worded apart.
 */
export function valueLines(type: string, field: string, value: unknown, w: ValueWords): Line[] | null {
  if (isEmpty(value)) return null;
  if (fieldLabelKey(type, field) === null) return partLines(w, field, value, true);
  const to = referenceType(type, field);
  if (to !== null) {
    const ids = list(value).length ? list(value) : [value];
    const names = ids.filter((id): id is string => typeof id === 'string').map((id) => [named(w, id)]);
    return names.length ? [joined(w, names)] : null;
  }
  const text = typeof value === 'string' ? value : null;
  switch (field) {
    case 'status':
      return text === null ? null : [[word(w, `status.${text}`, text)]];
    case 'language':
      return text === null ? null : [[languageName(text, w.language)]];
    case 'languages':
      return [[list(value).filter((l): l is string => typeof l === 'string').map((l) => languageName(l, w.language)).join(w.t('common.listSeparator'))]];
    case 'countries':
    case 'country': {
      const codes = (text !== null ? [text] : list(value)).filter((c): c is string => typeof c === 'string');
      return [[codes.map((c) => countryName(c, w.language)).join(w.t('common.listSeparator'))]];
    }
    case 'kind':
      return text === null ? null : [[word(w, type === 'outlet' ? `outlets.kind.${text}` : `contacts.kind.${text}`, text)]];
    case 'audience':
      return text === null ? null : [[word(w, `kitBuilder.audiences.${text}`, text)]];
    case 'pageSize':
      return [[text === 'Letter' ? w.t('kitBuilder.pageLetter') : text === 'A4' ? w.t('kitBuilder.pageA4') : own(String(value))]];
    case 'digits':
      return [[text === 'arab' ? w.t('settings.digitsArabic') : text === 'latn' ? w.t('settings.digitsWestern') : own(String(value))]];
    case 'embargo': {
      if (!isRecord(value) || typeof value.at !== 'string' || typeof value.timeZone !== 'string') break;
      const e = embargoWording(value as Embargo, w.language, w.dates);
      return [[w.t(e.key, { time: e.time, place: e.place, date: e.date })]];
    }
    case 'trashed':
      if (isRecord(value) && typeof value.at === 'string') return [[w.t('conflicts.trashedSince', { time: w.dates.dateTime(value.at) })]];
      break;
    case 'emails':
    case 'phones':
      return records(value).map((c) => channelLine(w, c));
    case 'quotes':
      return records(value).map((q) => quoteLine(w, q));
    case 'items':
      return records(value).map((i) => kitItemLine(w, i));
    case 'outletHistory':
      return records(value).map((s) => stintLine(w, s));
    case 'socialHandles':
      return records(value).map((h) => [own(typeof h.handle === 'string' ? h.handle : ''), ' ', w.t('conflicts.value.about', { about: typeof h.network === 'string' ? h.network : '' })]);
    case 'consent': {
      if (!isRecord(value)) break;
      const labels = PART_LABELS.consent!;
      const set = Object.keys(labels).filter((k) => value[k] === true);
      return set.length ? set.map((k) => [w.t(labels[k]!)]) : [[w.t('common.none')]];
    }
    case 'boilerplate':
      if (type === 'release' && isRecord(value)) {
        if (typeof value.office === 'string') {
          return [compose(w.t('releases.boilerplateOffice', { office: slot(0) }), [named(w, value.office)])];
        }
        if (typeof value.text === 'string') return [[own(value.text)]];
      }
      if (type === 'office' && isRecord(value)) {
        const lines = Object.entries(value).flatMap(([lang, t]) => (typeof t === 'string' && t.trim() !== '' ? [labelled(w, languageName(lang, w.language), [own(t)])] : []));
        return lines.length ? lines : null;
      }
      break;
    case 'size':
      if (typeof value === 'number') return [[formatBytes(value, w.language)]];
      break;
    case 'suppressed':
      return [[w.t('conflicts.value.entries', { count: list(value).length })]];
    case 'suppressedUnder':
      return [[w.t('conflicts.value.entries', { count: records(value).reduce((n, r) => n + list(r.suppressed).length, 0) })]];
    case 'colours': {
      // Each colour beside a swatch of it: "#1f3a5f" alone says nothing to the person choosing.
      if (!isRecord(value)) break;
      const labels = PART_LABELS.colours!;
      const lines = Object.entries(value).flatMap(([k, v]): Line[] => {
        const label = Object.prototype.hasOwnProperty.call(labels, k) ? w.t(labels[k]!) : k;
        if (typeof v === 'string' && ColourSchema.safeParse(v).success) return [labelled(w, label, [{ own: v, colour: true }])];
        const shown = partLines(w, k, v);
        return shown === null ? [] : [labelled(w, label, joined(w, shown))];
      });
      return lines.length ? lines : null;
    }
    case 'privacyKey':
      return [[w.t('conflicts.value.keySet')]];
    case 'timeZone': {
      // The zone's place in the person's language ("Kigali"), with the name the zone field takes.
      if (text === null) break;
      const zone = zoneName(text, w.language);
      return zone === null ? [[own(text)]] : [[zone.name, ' ', w.t('conflicts.value.about', { about: text })]];
    }
  }
  if (DATE_FIELDS.has(field) && text !== null && IsoDateSchema.safeParse(text).success) return [[w.dates.date(text)]];
  return partLines(w, field, value);
}

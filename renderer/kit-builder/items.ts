import type { KitItem } from '../../electron/shared/documents';
import type { KitExportedBytes } from '../../electron/shared/kits/contract';
import type { ReleaseSummary } from '../../electron/shared/releases/contract';
import type { AttachmentSummary } from '../../electron/shared/attachments/contract';
import type { ContactSummary } from '../../electron/shared/contacts/contract';

/**
 * The kit builder's list logic, kept free of React so the rules (where a moved item lands,
 * which language versions a release prints) are tested on their own.
 */

/** An item as the builder holds it: with a key that stays with it when it moves, so its editor keeps its state. */
export type BuilderItem = KitItem & { key: string };

let counter = 0;

export function withKey(item: KitItem): BuilderItem {
  counter += 1;
  return { ...item, key: `kit-item-${counter}` };
}

export function withoutKey(item: BuilderItem): KitItem {
  const { key: _key, ...rest } = item;
  return rest;
}

/**
 * Whether a release may be added to a kit (or a language version ticked): a withdrawn or
 * trashed one may not, as the core refuses it (RELEASE_UNAVAILABLE). One already in a kit stays
 * there, marked, for the person to take out.
 */
export function canAddRelease(r: Pick<ReleaseSummary, 'status'>): boolean {
  return r.status !== 'withdrawn' && r.status !== 'trashed';
}

/**
 * Moves the item at `from` so that it ends at index `to` (dropping onto another item puts the
 * dragged one in that item's place). Out-of-range or no-op moves return the list unchanged.
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/**
 * The language versions a release item prints: those chosen, or (none chosen) the release's
 * own language, which is what the core prints for an item without a list.
 */
export function chosenLanguages(item: Extract<KitItem, { kind: 'release' }>, ownLanguage: string): string[] {
  return item.languages && item.languages.length > 0 ? item.languages : [ownLanguage];
}

/**
 * Ticks or unticks one language version. A newly ticked language goes after those already
 * chosen, so the kit prints the versions in the order they were picked; the last one left
 * cannot be unticked (a release with no version would print nothing).
 */
export function toggleLanguage(
  item: Extract<KitItem, { kind: 'release' }>,
  ownLanguage: string,
  language: string,
  on: boolean,
): Extract<KitItem, { kind: 'release' }> {
  const current = chosenLanguages(item, ownLanguage);
  const next = on ? (current.includes(language) ? current : [...current, language]) : current.filter((l) => l !== language);
  if (next.length === 0) return item;
  return { ...item, languages: next };
}

/** Checks what arrived with a finished export job before the browser is asked to save it. */
export function isExportedBytes(x: unknown): x is KitExportedBytes {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.mediaType === 'string' && typeof r.data === 'string';
}

const CAPTION_SHOWN = 60;

/** An attachment's caption (or null) and size, shown apart so that text in either direction keeps its own order. */
export interface AttachmentDetail {
  caption: string | null;
  size: string;
}

/**
 * What tells an attachment apart from another of the same name: its caption (or else its
 * credit), cut short, and its size ("Pupils at the Timbuktu school · 2.1 MB").
 */
export function attachmentDetail(a: Pick<AttachmentSummary, 'caption' | 'credit' | 'size'>, size: (bytes: number) => string): AttachmentDetail {
  const words = (a.caption?.trim() || a.credit?.trim() || '').replace(/\s+/g, ' ');
  const chars = [...words];
  const shown = chars.length > CAPTION_SHOWN ? `${chars.slice(0, CAPTION_SHOWN - 1).join('').trimEnd()}…` : words;
  return { caption: shown || null, size: size(a.size) };
}

/**
 * The list rows of what the kit holds, by kind: what its items are called and what tells them
 * apart (a file's caption and size, whether it is on this computer). Read by id for the kit as
 * opened, and taken from the picker's row for an item added since.
 */
export interface KnownRows {
  releases: ReleaseSummary[];
  attachments: AttachmentSummary[];
  contacts: ContactSummary[];
}

/** A row of a picker, as it was added to the kit. */
export type PickedRow = { kind: 'release'; row: ReleaseSummary } | { kind: 'attachment'; row: AttachmentSummary } | { kind: 'contact'; row: ContactSummary };

const FIELD = { release: 'releases', attachment: 'attachments', contact: 'contacts' } as const;

/** The known rows with `rows` of one kind in place of any of the same id (a row read again replaces the one read before). */
export function withRows<K extends PickedRow['kind']>(known: KnownRows, kind: K, rows: readonly Extract<PickedRow, { kind: K }>['row'][]): KnownRows {
  const field = FIELD[kind];
  const ids = new Set(rows.map((r) => r.id));
  return { ...known, [field]: [...(known[field] as { id: string }[]).filter((r) => !ids.has(r.id)), ...rows] };
}

/** The distinct ids of the kit's items of one kind, in the kit's order. */
export function idsOfKind(items: readonly KitItem[], kind: PickedRow['kind']): string[] {
  return [...new Set(items.flatMap((it) => (it.kind === kind ? [it.id] : [])))];
}

/** The known rows with the row a picker just added. */
export function withPicked(known: KnownRows, picked: PickedRow): KnownRows {
  switch (picked.kind) {
    case 'release':
      return withRows(known, 'release', [picked.row]);
    case 'attachment':
      return withRows(known, 'attachment', [picked.row]);
    case 'contact':
      return withRows(known, 'contact', [picked.row]);
  }
}

/** What a picked row is called in the kit's list (a release without a headline: `untitled`). */
export function pickedName(picked: PickedRow, untitled: string): string {
  switch (picked.kind) {
    case 'release':
      return picked.row.headline || untitled;
    case 'attachment':
      return picked.row.originalName;
    case 'contact':
      return picked.row.name;
  }
}

import type { KitItem } from '../../electron/shared/documents';
import type { KitExportedBytes } from '../../electron/shared/kits/contract';
import type { ReleaseSummary } from '../../electron/shared/releases/contract';
import type { AttachmentSummary } from '../../electron/shared/attachments/contract';

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
 * Moves the item at `from` so that it ends at index `to` (dropping onto another item puts the
 * dragged one in that item's place). Out-of-range or no-op moves return the list unchanged.
 */
/**
 * Whether a release may be added to a kit (or a language version ticked): a withdrawn or
 * trashed one may not, as the core refuses it (RELEASE_UNAVAILABLE). One already in a kit stays
 * there, marked, for the person to take out.
 */
export function canAddRelease(r: Pick<ReleaseSummary, 'status'>): boolean {
  return r.status !== 'withdrawn' && r.status !== 'trashed';
}

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


/** The ids of attachments whose name another one has too (as Windows and macOS compare names: case aside). */
export function sharedNames(attachments: readonly Pick<AttachmentSummary, 'id' | 'originalName'>[]): ReadonlySet<string> {
  const count = new Map<string, number>();
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  for (const a of attachments) count.set(key(a.originalName), (count.get(key(a.originalName)) ?? 0) + 1);
  return new Set(attachments.filter((a) => (count.get(key(a.originalName)) ?? 0) > 1).map((a) => a.id));
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

/** The same as one line of text (a list's option holds no markup): the caption isolated in its own direction. */
export function attachmentDetailText(d: AttachmentDetail): string {
  return d.caption === null ? d.size : `\u2068${d.caption}\u2069 · ${d.size}`;
}

import { DEFAULT_COLOURS, type Doc, type KitAudience, type KitItem, type Quote } from '../../shared/documents';
import { DatelineError } from '../../shared/errors';
import { directionOf, textDirection } from '../../shared/direction';
import { channelVisibleTo, commaFor, embargoNotice, endMarkText, formatDate, type NotApproved, type PageSize } from '../../shared/kits/layout';
import { plainText, type BlockNode, type RichText } from '../../shared/richtext';
import { releaseSummaries } from '../releases/queries';
import { wallTimeIn } from '../../shared/zoned-time';
import type { KitFontFamily } from '../../shared/offices/look';
import type { CoreContext } from '../context';
import { filesOnServer } from '../sync/files/on-server';
import type { NotDownloaded } from '../sync/files/files-here';
import { formatBytes } from '../../shared/sync/bytes';
import { canThumbnail } from '../attachments/images';
import { warning, type Warning } from '../../shared/warnings';
import { attachmentWarnings } from './photo-warnings';
import type { KitMissingFile } from '../../shared/kits/contract';

/**
 * One press kit, resolved from the store into what both renderings (DOCX and the HTML the
 * PDF is printed from) need: releases in their chosen language versions, photos with
 * captions and credits, the organisation's spokespeople (never journalists), text sections,
 * the office's look and boilerplate, and the embargo that governs the whole kit.
 */

export interface KitEmbargo {
  at: string;
  timeZone: string;
  notice: string;
}

export interface KitAttachment {
  id: string;
  sha256: string;
  mediaType: string;
  originalName: string;
  size: number;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  altText: string | null;
  usageRights: string | null;
  usageExpires: string | null;
  /** As recorded on the attachment: read for the kit's warnings, never printed or bundled. */
  consent: Doc<'attachment'>['consent'];
  /** A raster image this build decodes: shown in the documents, not only bundled. */
  isImage: boolean;
  /**
   * Only in a preview: the file is not in the library folder ('file') or still on the server
   * only ('server'); the preview marks it in place. An export refuses such a kit before it starts.
   */
  missing: 'file' | 'server' | null;
}



export interface KitContact {
  id: string;
  name: string;
  role: string | null;
  organisation: string | null;
  emails: { type: string; address: string }[];
  phones: { type: string; number: string }[];
  languages: string[];
}

export interface KitRelease {
  id: string;
  language: string;
  dir: 'ltr' | 'rtl';
  headline: string;
  subheadline: string | null;
  datelinePlace: string | null;
  releaseDate: string | null;
  /** "Kampala, 30 November 2026" in the release's language. */
  datelineText: string | null;
  embargo: KitEmbargo | null;
  /** A draft or a release in review prints "Draft — not for publication" where the others print "For immediate release"; null once approved. */
  notApproved: NotApproved | null;
  body: RichText;
  quotes: Quote[];
  notesToEditors: string | null;
  boilerplate: string | null;
  /** As printed: "-ENDS-" in the release's language. */
  endMark: string | null;
  contacts: KitContact[];
}

export type SectionKind = Extract<KitItem, { kind: 'section' }>['sectionKind'];

export type KitBlock =
  | { kind: 'release'; release: KitRelease }
  | { kind: 'section'; sectionKind: SectionKind; title: string; body: RichText }
  | { kind: 'photos'; photos: KitAttachment[] }
  | { kind: 'files'; files: KitAttachment[] }
  | { kind: 'contacts'; contacts: KitContact[] };

export interface KitOffice {
  id: string;
  name: string;
  colours: { primary: string; accent: string };
  /** Headings and body text in fonts of the bundled set; null: the kit's own. */
  fonts: { headings: KitFontFamily; body: KitFontFamily } | null;
  /** The line at the foot of every page; null: the office's name (and the kit's title in the PDF). */
  footer: string | null;
  boilerplate: Record<string, string>;
  timeZone: string | null;
  template: string;
  /** The press contacts printed when the kit names none. */
  contacts: string[];
}

export interface KitModel {
  id: string;
  rev: string;
  title: string;
  language: string;
  dir: 'ltr' | 'rtl';
  pageSize: PageSize;
  audience: KitAudience;
  office: KitOffice | null;
  logo: KitAttachment | null;
  blocks: KitBlock[];
  /** The latest embargo still in force among the kit's releases. */
  embargo: KitEmbargo | null;
  /** Every attachment in item order (photos and other files), each once. */
  attachments: KitAttachment[];
  /** The organisation's press contacts the kit names (from its items and its releases), each once. */
  spokespeople: KitContact[];
  /** The date printed on the cover, in the kit's language. */
  dateText: string;
  generatedAt: Date;
  /** Files the kit names that are not on this computer (a preview marks them; an export refuses them). */
  missingFiles: KitMissingFile[];
  /** Paragraph-level blocks in all the kit's text: the measure of how long the documents get. */
  blockCount: number;
  /** Words in the kit's text (releases, quotes, sections): what laying its pages out costs. */
  words: number;
  warnings: Warning[];
}

/** More text than this makes documents no one will read and exports that take minutes. */
const MAX_KIT_BLOCKS = 20_000;

function countBlocks(blocks: BlockNode[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') n += 1;
    else if (b.type === 'blockquote') n += countBlocks(b.content);
    else for (const li of b.content) n += countBlocks(li.content);
  }
  return n;
}

const wordsIn = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

export interface ResolveOptions {
  now?: Date;
  /** Exports refuse an empty kit; the live preview shows its cover. */
  requireItems: boolean;
  /**
   * A file missing from the library folder or still on the server: an export refuses the kit
   * before anything is written, naming every such file ('refuse', the default); the live
   * preview shows everything else with the file marked in place ('mark').
   */
  missingFiles?: 'refuse' | 'mark';
  /** Why the files still on the server did not come down (see withFilesHere): the refusal says what to do. */
  notDownloaded?: NotDownloaded;
}

export function resolveKit(ctx: CoreContext, kitId: string, opts: ResolveOptions): KitModel {
  // Documents of a newer Dateline are decoded as far as this version can read them, and exported so.
  const repo = ctx.library.repo;
  const now = opts.now ?? new Date();
  const kit = repo.get('kit', kitId);
  if (opts.requireItems && kit.items.length === 0) {
    throw new DatelineError('INVALID_INPUT', `The kit "${kit.title}" has no items yet: add a release, a photo, a contact or a section before exporting it.`, {
      path: ['items'],
      params: { id: kitId, title: kit.title, reason: 'kitEmpty' },
    });
  }
  const warnings: Warning[] = [];
  const approvalSaid = new Set<string>();
  const missing: MissingAttachment[] = [];
  const attachment = (id: string, where: (string | number)[], what: string, place: AttachmentPlace): KitAttachment => {
    const a = findAttachment(ctx, id, where, what, place);
    if (a.missing) missing.push(a.missing);
    return a.attachment;
  };

  let office: KitOffice | null = null;
  let logo: KitAttachment | null = null;
  // The kit's own choice, or else the office of its releases.
  const officeId = kit.office ?? releasesOffice(ctx, kit.items);
  if (officeId) {
    const f = repo.find('office', officeId);
    if (!f) {
      warnings.push(warning('KIT_OFFICE_MISSING', `The kit's office "${officeId}" is no longer in the library; the kit is printed without an office template.`, { id: officeId }));
    } else {
      const template = typeof f.template === 'string' && /^[a-z0-9-]{1,40}$/.test(f.template) ? f.template : 'default';
      office = {
        id: f.id,
        name: f.name,
        colours: f.colours ?? DEFAULT_COLOURS,
        fonts: f.fonts ?? null,
        footer: f.footer?.trim() ? f.footer.trim() : null,
        boilerplate: f.boilerplate,
        timeZone: f.timeZone,
        template,
        contacts: f.contacts ?? [],
      };
      if (f.logo) logo = attachment(f.logo, ['office', 'logo'], `the logo of office "${f.name}"`, { office: f.name });
    }
  }

  // The kit's day where its office is: what "today" means for embargoes and usage rights.
  const todayIso = isoDateIn(now, office?.timeZone ?? 'UTC');
  const attachments = new Map<string, KitAttachment>();
  const spokespeople = new Map<string, KitContact>();
  const contactCache = new Map<string, KitContact | null>();
  const blocks: KitBlock[] = [];
  const embargoes: KitEmbargo[] = [];
  let blockCount = 0;
  let words = 0;

  const contactOf = (id: string, where: (string | number)[], fromRelease: boolean): KitContact | null => {
    if (contactCache.has(id)) return contactCache.get(id)!;
    const f = repo.find('contact', id);
    if (!f) {
      if (fromRelease) {
        warnings.push(warning('KIT_CONTACT_MISSING', `A contact of a release ("${id}") is no longer in the library; it is left out.`, { id }));
        contactCache.set(id, null);
        return null;
      }
      throw new DatelineError('NOT_FOUND', `Item ${Number(where[1]) + 1} of the kit is the contact "${id}", which is no longer in the library; remove it from the kit.`, {
        path: where,
        params: { id, item: Number(where[1]) + 1, type: 'contact', reason: 'kitItemGone' },
      });
    }
    if (f.kind !== 'spokesperson') {
      // A journalist from the media list is never printed in a kit or put in its vCard file.
      warnings.push(warning('KIT_JOURNALIST_LEFT_OUT', `"${f.name}" is a journalist in the media list, not a press contact of the organisation; left out of the kit.`, { name: f.name }));
      contactCache.set(id, null);
      return null;
    }
    if (f.dataProtection?.doNotContact) {
      // The person asked not to be contacted: their details go out in no kit.
      warnings.push(warning('KIT_DO_NOT_CONTACT', `"${f.name}" is marked do-not-contact; left out of the kit.`, { name: f.name }));
      contactCache.set(id, null);
      return null;
    }
    const c: KitContact = {
      id,
      name: f.name,
      role: f.role,
      organisation: f.organisation,
      // Only the channels the kit's audience may see: a mobile kept for the press never reaches a public PDF.
      emails: f.emails.filter((e) => channelVisibleTo(e.visibility, kit.audience)).map(({ type, address }) => ({ type, address })),
      phones: f.phones.filter((p) => channelVisibleTo(p.visibility, kit.audience)).map(({ type, number }) => ({ type, number })),
      languages: f.languages,
    };
    contactCache.set(id, c);
    spokespeople.set(id, c);
    return c;
  };

  const push = (b: KitBlock): void => pushBlock(blocks, b);

  kit.items.forEach((item, i) => {
    const where = ['items', i];
    switch (item.kind) {
      case 'release': {
        for (const r of releaseVersions(ctx, item.id, item.languages, where)) {
          const release = resolveRelease(ctx, r, where, office, now, (id) => contactOf(id, where, true));
          // Not cleared yet: the kit may still be made and looked at, but sending it is the person's call.
          if (!approvalSaid.has(r.id)) {
            const notYet = releaseNotApproved(r);
            if (notYet) warnings.push(notYet);
            approvalSaid.add(r.id);
          }
          if (release.embargo) embargoes.push(release.embargo);
          blockCount += countBlocks(release.body.content) + release.quotes.length + 4;
          words += wordsIn(plainText(release.body)) + release.quotes.reduce((n, q) => n + wordsIn(q.text), 0) + wordsIn(release.boilerplate ?? '') + wordsIn(release.notesToEditors ?? '');
          push({ kind: 'release', release });
        }
        break;
      }
      case 'attachment': {
        const a = attachment(item.id, where, `item ${i + 1} of the kit`, { item: i + 1 });
        // A caption and a credit, consent, the usage rights: said before the kit goes out, once a file.
        if (!attachments.has(a.id)) warnings.push(...attachmentWarnings(a, todayIso));
        if (!attachments.has(a.id)) attachments.set(a.id, a);
        push(a.isImage ? { kind: 'photos', photos: [a] } : { kind: 'files', files: [a] });
        blockCount += 2;
        break;
      }
      case 'contact': {
        const c = contactOf(item.id, where, false);
        if (c) push({ kind: 'contacts', contacts: [c] });
        blockCount += 1;
        break;
      }
      case 'section':
        blockCount += countBlocks(item.body.content) + 1;
        words += wordsIn(plainText(item.body));
        push({ kind: 'section', sectionKind: item.sectionKind, title: item.title, body: directedByText(item.body) });
        break;
    }
  });

  // Each media contact printed once: with the releases that name them, or in the kit's contacts section.
  blocks.splice(0, blocks.length, ...contactsOnce(blocks));
  // A kit that names no press contact prints its office's default ones.
  if (spokespeople.size === 0 && office) {
    const defaults = office.contacts.map((id) => contactOf(id, ['office', 'contacts'], true)).filter((c): c is KitContact => c !== null);
    if (defaults.length) {
      push({ kind: 'contacts', contacts: defaults });
      blockCount += defaults.length;
    }
  }

  if (blockCount > MAX_KIT_BLOCKS) {
    throw new DatelineError(
      'INVALID_INPUT',
      `The kit "${kit.title}" has ${blockCount.toLocaleString('en')} paragraphs; a kit exports at most ${MAX_KIT_BLOCKS.toLocaleString('en')} (several hundred pages). Split it into smaller kits or shorten its longest release.`,
      { path: ['items'], params: { blocks: blockCount, limit: MAX_KIT_BLOCKS, title: kit.title, reason: 'kitTooLong' } },
    );
  }

  if (opts.missingFiles !== 'mark' && missing.length > 0) throw missingFilesError(kit.title, missing, opts.notDownloaded);

  const active = embargoes.filter((e) => Date.parse(e.at) > now.getTime()).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const latest = active[0];
  const embargo = latest ? { ...latest, notice: embargoNotice(latest.at, latest.timeZone, kit.language) } : null;

  return {
    id: kit.id,
    rev: kit.rev,
    title: kit.title,
    language: kit.language,
    dir: directionOf(kit.language),
    pageSize: kit.pageSize,
    audience: kit.audience,
    office,
    logo,
    blocks,
    embargo,
    attachments: [...attachments.values()],
    spokespeople: [...spokespeople.values()],
    dateText: formatDate(todayIso, kit.language),
    generatedAt: now,
    missingFiles: missing.map((m) => ({ id: m.id, name: m.name, item: 'item' in m.place ? m.place.item : null, office: 'office' in m.place ? m.place.office : null, onServer: m.onServer, size: m.size })),
    blockCount,
    words,
    warnings,
  };
}

/** Adds a part to the kit: consecutive photos form one gallery, consecutive files one list, consecutive contacts one contact block. */
function pushBlock(blocks: KitBlock[], b: KitBlock): void {
  const last = blocks[blocks.length - 1];
  if (b.kind === 'photos' && last?.kind === 'photos') last.photos.push(...b.photos);
  else if (b.kind === 'files' && last?.kind === 'files') last.files.push(...b.files);
  else if (b.kind === 'contacts' && last?.kind === 'contacts') last.contacts.push(...b.contacts);
  else blocks.push(b);
}

/**
 * The kit's parts with each media contact printed once. A release prints the contacts it names
 * under its own "Media contacts", where a journalist reading that release looks for whom to
 * call (and where they stay when the release is copied out on its own), so the kit's contacts
 * section lists only the press contacts no release of the kit names, each once; a section left
 * with no one is left out, and with it its contents entry. A release in two languages prints its
 * contacts with each version, as each is a release a journalist may read alone.
 */
export function contactsOnce(blocks: readonly KitBlock[]): KitBlock[] {
  const withRelease = new Set(blocks.flatMap((b) => (b.kind === 'release' ? b.release.contacts.map((c) => c.id) : [])));
  const listed = new Set<string>();
  const out: KitBlock[] = [];
  for (const b of blocks) {
    if (b.kind !== 'contacts') {
      pushBlock(out, b);
      continue;
    }
    const contacts = b.contacts.filter((c) => !withRelease.has(c.id) && !listed.has(c.id));
    for (const c of contacts) listed.add(c.id);
    if (contacts.length > 0) pushBlock(out, { kind: 'contacts', contacts });
  }
  return out;
}

function isoDateIn(now: Date, timeZone: string): string {
  const { year, month, day } = wallTimeIn(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}`;
}

/** The office of the kit's first release that names one. */
function releasesOffice(ctx: CoreContext, items: readonly KitItem[]): string | null {
  for (const item of items) {
    if (item.kind !== 'release') continue;
    const office = ctx.library.repo.find('release', item.id)?.office;
    if (office) return office;
  }
  return null;
}

/** The releases an item stands for: the release itself, or the chosen language versions of its translation group. */
function releaseVersions(ctx: CoreContext, id: string, languages: string[] | undefined, where: (string | number)[]): Doc<'release'>[] {
  const source = ctx.library.repo.find('release', id);
  if (!source) {
    throw new DatelineError('NOT_FOUND', `Item ${Number(where[1]) + 1} of the kit is the release "${id}", which is no longer in the library; remove it from the kit.`, {
      path: where,
      params: { id, item: Number(where[1]) + 1, type: 'release', reason: 'kitItemGone' },
    });
  }
  if (!languages || languages.length === 0) return [source];
  const group = source.translationGroup;
  const versions = group
    ? releaseSummaries(ctx, { sql: 'p.translation_group = ? AND d.deleted = 0', params: [group] })
    : releaseSummaries(ctx, { sql: 'd.id = ? AND d.deleted = 0', params: [source.id] });
  return languages.map((lang, li) => {
    const v = versions.find((s) => s.language === lang);
    if (!v) {
      const have = versions.map((s) => s.language).join(', ');
      throw new DatelineError(
        'NOT_FOUND',
        `Item ${Number(where[1]) + 1} of the kit asks for the "${lang}" version of "${source.headline || id}", which has none (it has: ${have}). Translate it first or choose another language.`,
        { path: [...where, 'languages', li], params: { id, language: lang, item: Number(where[1]) + 1, headline: source.headline || id, reason: 'kitNoLanguage' } },
      );
    }
    return ctx.library.repo.get('release', v.id);
  });
}

/** An office's boilerplate in a language (or its base language), when it has a non-empty one. */
function boilerplateIn(texts: Readonly<Record<string, string>>, language: string): string | null {
  const t = texts[language] ?? texts[language.split('-')[0]!];
  return t !== undefined && t.trim() !== '' ? t : null;
}

/**
 * A release in a kit that nobody has approved yet: a draft, or one still in review. Its page says
 * it is a draft not for publication, and the kit says so before it goes out.
 */
function releaseNotApproved(f: Doc<'release'>): Warning | null {
  const headline = f.headline.trim() !== '' ? f.headline : f.id;
  if (f.status === 'draft') {
    return warning('KIT_RELEASE_DRAFT', `"${headline}" is still a draft, not approved: check that it may go out before sending the kit.`, { headline });
  }
  if (f.status === 'in-review') {
    return warning('KIT_RELEASE_IN_REVIEW', `"${headline}" is still in review, not approved: check that it may go out before sending the kit.`, { headline });
  }
  return null;
}

function resolveRelease(
  ctx: CoreContext,
  f: Doc<'release'>,
  where: (string | number)[],
  office: KitOffice | null,
  now: Date,
  contactOf: (id: string) => KitContact | null,
): KitRelease {
  // A release moved to the trash after the kit took it stays in the kit (the trash can be
  // undone), but must not go out: the person restores it or takes it out of the kit.
  if (f.trashed) {
    const headline = f.headline !== '' ? f.headline : f.id;
    throw new DatelineError('RELEASE_UNAVAILABLE', `The release "${headline}" (${f.id}) is in the trash, so the kit cannot go out with it: restore it from the trash, or take it out of the kit.`, {
      path: where,
      params: { id: f.id, headline, reason: 'trashed', inKit: true },
    });
  }
  if (f.status === 'withdrawn') {
    throw new DatelineError('INVALID_INPUT', `The release "${f.headline}" (${f.id}) was withdrawn; a withdrawn release must not go out in a kit. Remove it from the kit.`, {
      path: where,
      params: { id: f.id, headline: f.headline, reason: 'kitWithdrawn' },
    });
  }
  let boilerplate: string | null = null;
  if (f.boilerplate && 'text' in f.boilerplate) boilerplate = f.boilerplate.text;
  else if (f.boilerplate && 'office' in f.boilerplate) {
    boilerplate = boilerplateIn(ctx.library.repo.find('office', f.boilerplate.office)?.boilerplate ?? {}, f.language);
  }
  if (boilerplate === null && office) boilerplate = boilerplateIn(office.boilerplate, f.language);
  const embargo =
    f.embargo && Date.parse(f.embargo.at) > now.getTime()
      ? { at: f.embargo.at, timeZone: f.embargo.timeZone, notice: embargoNotice(f.embargo.at, f.embargo.timeZone, f.language) }
      : null;
  const dateText = f.releaseDate ? formatDate(f.releaseDate, f.language) : null;
  const datelineText = [f.datelinePlace, dateText].filter((x): x is string => !!x && x.trim() !== '').join(commaFor(f.language)) || null;
  return {
    id: f.id,
    language: f.language,
    dir: directionOf(f.language),
    headline: f.headline,
    subheadline: f.subheadline,
    datelinePlace: f.datelinePlace,
    releaseDate: f.releaseDate,
    datelineText,
    embargo,
    notApproved: f.status === 'draft' || f.status === 'in-review' ? f.status : null,
    body: f.body,
    quotes: quotesOutsideBody(f.body, f.quotes),
    notesToEditors: f.notesToEditors,
    boilerplate,
    endMark: f.endMark && endMarkText(f.endMark, f.language),
    contacts: f.contacts.map(contactOf).filter((c): c is KitContact => c !== null),
  };
}

/** Where a kit's attachment comes from: the kit's item (counted from 1) or an office's logo; the app words a missing file by it. */
type AttachmentPlace = { item: number } | { office: string };

interface MissingAttachment {
  id: string;
  name: string;
  sha256: string;
  size: number;
  what: string;
  where: (string | number)[];
  place: AttachmentPlace;
  onServer: boolean;
}

/**
 * What a deleted attachment was: the revision its tombstone replaced, or undefined when the id
 * never named an attachment here or that revision's body is gone (compacted, erased).
 */
function deletedAttachment(ctx: CoreContext, id: string): Doc<'attachment'> | undefined {
  const stored = ctx.library.docs.getStored(id);
  if (!stored?.deleted || stored.type !== 'attachment') return undefined;
  try {
    const parent = ctx.library.docs.getRevision(id, stored.rev).parent;
    return parent === null ? undefined : ctx.library.repo.revision('attachment', id, parent);
  } catch {
    return undefined;
  }
}

function findAttachment(ctx: CoreContext, id: string, where: (string | number)[], what: string, place: AttachmentPlace): { attachment: KitAttachment; missing: MissingAttachment | null } {
  const live = ctx.library.repo.find('attachment', id);
  // A deleted attachment is a missing file, marked in its place like one gone from the folder
  // (relinked or removed there), so the rest of the kit still shows in the preview.
  const f = live ?? deletedAttachment(ctx, id);
  if (!f) {
    throw new DatelineError('NOT_FOUND', `The attachment "${id}" (${what}) is no longer in the library; remove it from the kit.`, {
      path: where,
      params: { id, type: 'attachment', reason: 'kitItemGone' },
    });
  }
  const here = live !== undefined && ctx.blobs.has(f.sha256);
  // A deleted one is not brought down from the server: it is no longer the library's.
  const onServer = live !== undefined && !here && filesOnServer(ctx.library.replication).has(f.sha256);
  const attachment: KitAttachment = {
    id,
    sha256: f.sha256,
    mediaType: f.mediaType,
    originalName: f.originalName,
    size: f.size,
    width: f.width,
    height: f.height,
    caption: f.caption,
    credit: f.credit,
    altText: f.altText,
    usageRights: f.usageRights,
    usageExpires: f.usageExpires,
    consent: f.consent,
    isImage: canThumbnail(f.mediaType),
    missing: here ? null : onServer ? 'server' : 'file',
  };
  return { attachment, missing: here ? null : { id, name: f.originalName, sha256: f.sha256, size: f.size, what, where, place, onServer } };
}

/**
 * Why an export cannot run, every file at once, each with what to do, so the person deals with
 * them all before exporting again. A file still on the server is not damaged: the export brings
 * it down where sync can and tries again (see withFilesHere; its refusal carries `notHere`), and
 * says why it could not otherwise (`notDownloaded`). A file gone from the library folder is
 * relinked or removed in the kit; an office's logo is changed in Settings → Offices.
 */
function missingFilesError(title: string, all: MissingAttachment[], notDownloaded?: NotDownloaded): DatelineError {
  // A file the server turned out not to hold is as gone as one lost from the folder.
  const server = notDownloaded === 'not-on-server' ? [] : all.filter((m) => m.onServer);
  const missing = all.filter((m) => !server.includes(m));
  const items = missing.filter((m) => 'item' in m.place);
  // A kit has one office, so at most one logo; it is not one of the kit's items: it is changed
  // in the office's settings, not relinked or removed in the kit.
  const logo = missing.find((m) => 'office' in m.place);
  const office = logo && 'office' in logo.place ? logo.place.office : null;
  const where = (m: MissingAttachment): string => `files/${m.sha256.slice(0, 2)}/${m.sha256.slice(0, 12)}…`;
  const list = (ms: MissingAttachment[]) => ms.map((m) => `"${m.name}" (${m.what}, ${where(m)})`).join(', ');
  const logoFix = office === null ? '' : `Choose another logo for the office "${office}" in Settings → Offices`;

  // What is gone from the library folder: a first sentence saying so, and how each is put right.
  let gone: { said: string; fix: string } | null = null;
  if (missing.length === 1) {
    const m = missing[0]!;
    gone = {
      said: `The file of "${m.name}" (${m.id}, ${m.what}) is missing from the library folder (${where(m)}).`,
      fix: `${logo ? logoFix : 'Relink it to a file or remove it from the kit'}, or restore the library from a backup.`,
    };
  } else if (missing.length > 1) {
    const fixes = [
      ...(items.length > 0 ? [`${items.length === 1 ? 'Relink it to a file or remove it from the kit' : 'Relink each to a file or remove it from the kit'}: ${list(items)}.`] : []),
      ...(logo ? [`${logoFix}: ${list([logo])}.`] : []),
    ];
    gone = { said: `${missing.length} files of the kit "${title}" are missing from the library folder.`, fix: `${fixes.join(' ')} Or restore the library from a backup.` };
  }

  let message: string;
  if (server.length === 0) {
    message = `${gone!.said} Nothing was exported. ${gone!.fix}`;
  } else {
    const one = server.length === 1;
    const s = server[0]!;
    const bytes = server.reduce((n, m) => n + m.size, 0);
    const said = one
      ? `The file of "${s.name}" (${s.id}, ${s.what}) is on the server (${formatBytes(s.size)}), not on this computer yet; it is not damaged.`
      : `${server.length} files of the kit "${title}" are on the server (${formatBytes(bytes)}), not on this computer yet; they are not damaged: ${server.map((m) => `"${m.name}" (${m.what})`).join(', ')}.`;
    const todo =
      notDownloaded === 'on-request'
        ? `This computer downloads files only when asked (Settings → Server): download ${one ? 'it' : 'each'} on its attachment's page, then export again.`
        : `${one ? 'It' : 'They'} could not be downloaded now: sync is not set up, paused, offline or waiting for its password. Sync first, then export again: the export downloads ${one ? 'it' : 'them'}.`;
    message = `${said} ${todo} Nothing was exported.${gone ? ` ${gone.said} ${gone.fix}` : ''}`;
  }

  const first = server[0] ?? missing[0]!;
  return new DatelineError(server.length > 0 && missing.length === 0 ? 'NOT_FOUND' : 'FILE_UNREADABLE', message, {
    path: first.where,
    params: {
      id: first.id,
      sha256: first.sha256,
      reason: 'kitFileMissing',
      name: first.name,
      ...first.place,
      count: all.length,
      names: all.map((m) => m.name),
      // Apart, for the app to say what to do with each. Lists as lists: the app joins them in the person's language.
      items: items.map((m) => m.name),
      itemCount: items.length,
      ...(logo && office !== null ? { office, logo: logo.name } : {}),
      ...(server.length > 0
        ? { notHere: true, size: first.size, server: server.map((m) => m.name), serverCount: server.length, download: notDownloaded ?? 'sync-first' }
        : {}),
    },
  });
}

/** The images the documents show: every image attachment, and the office's logo. */
export function imagesOf(model: KitModel): KitAttachment[] {
  // A missing file (marked in a preview) has no bytes to show.
  const list = model.attachments.filter((a) => a.isImage && !a.missing);
  if (model.logo && model.logo.isImage && !model.logo.missing && !list.some((a) => a.id === model.logo!.id)) list.push(model.logo);
  return list;
}

/**
 * The quotes a kit prints after the body: an imported release keeps each quote found in its
 * body as a quote too (for search and the pull-quote), so one the body already prints is not
 * printed a second time. Words are compared, not punctuation: the body's “… keep warm,” said
 * Lina is the quote "… keep warm." (a comma where the quote ends its sentence, French « » with
 * their spaces, the Arabic comma).
 */
export function quotesOutsideBody(body: RichText, quotes: Quote[]): Quote[] {
  const fold = (s: string) => ` ${s.replace(/[\s\p{P}]+/gu, ' ').trim().toLowerCase()} `;
  const text = fold(plainText(body));
  // A quote of no words (punctuation only) prints nothing either.
  return quotes.filter((q) => fold(q.text).trim() !== '' && !text.includes(fold(q.text)));
}

/**
 * A text section has no language of its own (an Arabic kit may carry a fact sheet written in
 * English): each block that names neither language nor direction reads in the direction of its
 * own first letter, as typed text does (shared/direction.ts). Blocks with no letter keep the
 * kit's direction.
 */
export function directedByText(doc: RichText): RichText {
  const firstDirection = (b: BlockNode): 'ltr' | 'rtl' | null => {
    if (b.type === 'paragraph' || b.type === 'heading') return textDirection((b.content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join(''));
    const children = b.type === 'blockquote' ? b.content : b.content.flatMap((li) => li.content);
    for (const c of children) {
      const d = firstDirection(c);
      if (d) return d;
    }
    return null;
  };
  const directed = (b: BlockNode): BlockNode => {
    const dir = b.attrs?.lang || b.attrs?.dir ? null : firstDirection(b);
    switch (b.type) {
      case 'paragraph':
        return dir ? { ...b, attrs: { ...b.attrs, dir } } : b;
      case 'heading':
        return dir ? { ...b, attrs: { ...b.attrs, dir } } : b;
      case 'blockquote':
        return { ...b, ...(dir ? { attrs: { ...b.attrs, dir } } : {}), content: b.content.map(directed) };
      case 'bulletList':
      case 'orderedList':
        return { ...b, ...(dir ? { attrs: { ...b.attrs, dir } } : {}), content: b.content.map((li) => ({ ...li, content: li.content.map(directed) })) };
    }
  };
  return { ...doc, content: doc.content.map(directed) };
}

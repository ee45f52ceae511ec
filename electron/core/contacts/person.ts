import type { ContactReferences, EraseResult, MergeResult, PersonExport } from '../../shared/contacts/person-contract';
import { mergeContactFields } from '../../shared/contacts/merge';
import { removeFile } from '../attachments/images';
import type { CoreContext } from '../context';
import type { Doc, KitItem } from '../../shared/documents';
import type { StoredDoc } from '../store/docstore';
import { contactKeys } from '../store/projections';
import { decodeDoc, validateKnown } from '../store/repository';
import { deletePrivateNote, privateNote, setPrivateNote } from './organise';
import { joinOfficeSuppression, keyedHash, localSuppression, newPrivacyKey, setLocalSuppression } from './suppression';

/**
 * One person: where they are named, everything held about them as JSON, merging a duplicate
 * into them, and erasing them. Merge and erase each run in one transaction: the survivor or
 * the suppression record, the releases and kits that named the person, and the tombstone.
 */

type OutletStint = NonNullable<Doc<'contact'>['outletHistory']>[number];

/** Live releases and kits whose winning revision names the contact (found by the reference links, then checked on the typed document). */
function referencing(ctx: CoreContext, id: string): { releases: Doc<'release'>[]; kits: Doc<'kit'>[] } {
  const rows = ctx.library.db
    .prepare<[string], { id: string; type: 'release' | 'kit' }>(
      `SELECT d.id, d.type FROM doc_ref_p x JOIN docs d ON d.rowid = x.doc_rowid
       WHERE x.target_id = ? AND d.deleted = 0 AND d.type IN ('release', 'kit') ORDER BY d.rowid`,
    )
    .all(id);
  const releases: Doc<'release'>[] = [];
  const kits: Doc<'kit'>[] = [];
  for (const r of rows) {
    if (r.type === 'release') {
      const release = ctx.library.repo.get('release', r.id);
      if (release.contacts.includes(id)) releases.push(release);
    } else {
      const kit = ctx.library.repo.get('kit', r.id);
      if (kit.items.some((i) => i.kind === 'contact' && i.id === id)) kits.push(kit);
    }
  }
  return { releases, kits };
}

export function contactReferences(ctx: CoreContext, id: string): ContactReferences {
  ctx.library.repo.get('contact', id);
  const found = referencing(ctx, id);
  return {
    releases: found.releases.map((r) => ({ id: r.id, headline: r.headline, releaseDate: r.releaseDate })),
    kits: found.kits.map((k) => ({ id: k.id, title: k.title })),
  };
}

/** Points every release and kit naming `from` at `to` instead (or at no one when `to` is null). */
function repoint(ctx: CoreContext, from: string, to: string | null): { releasesChanged: number; kitsChanged: number } {
  const repo = ctx.library.repo;
  const found = referencing(ctx, from);
  for (const r of found.releases) {
    const contacts = r.contacts.map((c) => (c === from ? to : c)).filter((c): c is string => c !== null);
    repo.put(r, { contacts: [...new Set(contacts)] });
  }
  for (const k of found.kits) {
    const seen = new Set<string>();
    const items = k.items
      .map((i): KitItem | null => (i.kind === 'contact' && i.id === from ? (to === null ? null : { ...i, id: to }) : i))
      .filter((i): i is KitItem => i !== null)
      .filter((i) => i.kind !== 'contact' || (seen.has(i.id) ? false : (seen.add(i.id), true)));
    repo.put(k, { items });
  }
  return { releasesChanged: found.releases.length, kitsChanged: found.kits.length };
}

export function exportPerson(ctx: CoreContext, id: string): PersonExport {
  const { docs, repo } = ctx.library;
  const contact = repo.get('contact', id);
  const named = (oid: string) => repo.find('outlet', oid)?.name ?? null;
  const photo = contact.photo ? repo.find('attachment', contact.photo) : undefined;
  return {
    exportedAt: docs.now(),
    contact,
    history: docs.revisions(id).map((r) => ({ ...r, body: r.available ? docs.getRevision(id, r.rev).body : null })),
    outlet: contact.outlet ? { id: contact.outlet, name: named(contact.outlet) ?? '' } : null,
    outletHistory: (contact.outletHistory ?? []).map((s) => ({ id: s.outlet, name: named(s.outlet) })),
    photo: photo
      ? {
          id: photo.id,
          originalName: photo.originalName,
          mediaType: photo.mediaType,
          size: photo.size,
          sha256: photo.sha256,
          data: ctx.blobs.has(photo.sha256) ? ctx.blobs.read(photo.sha256).toString('base64') : null,
        }
      : null,
    references: contactReferences(ctx, id),
    privateNote: privateNote(ctx, id).text,
  };
}

export function mergeContacts(ctx: CoreContext, survivorId: string, otherId: string, take: readonly string[]): MergeResult {
  const { docs, repo } = ctx.library;
  return ctx.library.db.transaction(() => {
    const survivor = repo.get('contact', survivorId);
    const other = repo.get('contact', otherId);
    const combined = mergeContactFields(survivor, other);
    for (const f of take) if (f in other) combined[f] = other[f];
    // A different outlet on the other record is a past (or parallel) job: kept in the history.
    const history: OutletStint[] = [...((combined.outletHistory as OutletStint[] | undefined) ?? [])];
    for (const o of [survivor.outlet, other.outlet]) {
      if (o !== null && o !== combined.outlet && !history.some((h) => h.outlet === o)) history.push({ outlet: o, role: null, from: null, to: null });
    }
    if (history.length > 0) combined.outletHistory = history;
    const written = docs.update(survivorId, validateKnown('contact', combined), { author: ctx.library.author }, survivor.rev);
    const moved = repoint(ctx, otherId, survivorId);
    // Private notes stay on this computer; the survivor's gains the duplicate's.
    const notes = [privateNote(ctx, survivorId).text, privateNote(ctx, otherId).text].filter((n): n is string => n !== null);
    if (notes.length > 0) setPrivateNote(ctx, survivorId, notes.join('\n\n'));
    deletePrivateNote(ctx, otherId);
    docs.erase(otherId, { mergedInto: survivorId }, { author: ctx.library.author });
    return { id: survivorId, rev: written.rev, mergedFrom: otherId, ...moved };
  }).immediate();
}

/** The office keeping the suppression record: the person's, else the library's first; none when the library has no office. */
function suppressionOffice(ctx: CoreContext, contact: Doc<'contact'>): { stored: StoredDoc; office: Doc<'office'> } | null {
  const docs = ctx.library.docs;
  const own = contact.office ? docs.getStored(contact.office) : undefined;
  const first = own && !own.deleted && own.type === 'office' ? own : undefined;
  const id = first?.id ?? ctx.library.db.prepare<[], string>('SELECT d.id FROM office_p p JOIN docs d ON d.rowid = p.doc_rowid ORDER BY d.rowid LIMIT 1').pluck().get();
  const stored = first ?? (id !== undefined ? docs.require(id, 'office') : undefined);
  return stored ? { stored, office: decodeDoc('office', stored) } : null;
}

/** The keyed hashes of the person's e-mails and phones, added to the record that keeps them out of imports; returns how many and the office holding it (null: this library's own record). */
function suppress(ctx: CoreContext, contact: Doc<'contact'>): { office: string | null; keys: number } {
  // A list kept here before the library had an office joins it first, so the office holds one record.
  joinOfficeSuppression(ctx.library);
  const holder = suppressionOffice(ctx, contact);
  const record = holder ? holder.office : localSuppression(ctx);
  const key = record?.privacyKey ?? newPrivacyKey();
  const hashes = contactKeys(contact).map((k) => keyedHash(key, k));
  const suppressed = [...new Set([...(record?.suppressed ?? []), ...hashes])].sort();
  if (!holder) {
    setLocalSuppression(ctx, { privacyKey: key, suppressed });
    return { office: null, keys: hashes.length };
  }
  // Written without a clock, so two devices erasing the same person make the same revision:
  // the stored body as it is, with only these two fields changed.
  const { stored } = holder;
  ctx.library.docs.writeExact(stored.id, stored.rev, { ...stored.body, privacyKey: key, suppressed }, false, { author: ctx.library.author });
  return { office: stored.id, keys: hashes.length };
}

export function eraseContact(ctx: CoreContext, id: string): EraseResult {
  const docs = ctx.library.docs;
  return ctx.library.db.transaction(() => {
    const contact = ctx.library.repo.get('contact', id);
    const { office, keys } = suppress(ctx, contact);
    const moved = repoint(ctx, id, null);
    deletePrivateNote(ctx, id);
    docs.erase(id, { erased: true }, { author: ctx.library.author });
    const photo = contact.photo ? erasePhoto(ctx, contact.photo) : { documents: 0, files: 0 };
    return { id, office, suppressedKeys: keys, documentsErased: 1 + photo.documents, filesRemoved: photo.files, ...moved };
  }).immediate();
}

/** The person's photo goes too: its document, and its file and preview when no other attachment shares the bytes. */
function erasePhoto(ctx: CoreContext, id: string): { documents: number; files: number } {
  const photo = ctx.library.repo.find('attachment', id);
  if (!photo) return { documents: 0, files: 0 };
  ctx.library.docs.erase(id, { erased: true }, { author: ctx.library.author });
  if (ctx.library.db.prepare('SELECT 1 FROM attachment_p WHERE sha256 = ?').get(photo.sha256)) return { documents: 1, files: 0 };
  const here = ctx.blobs.has(photo.sha256);
  removeFile(ctx.blobs, photo.sha256);
  return { documents: 1, files: here ? 1 : 0 };
}

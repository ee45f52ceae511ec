import type { ContactReferences, EraseResult, MergeResult, PersonExport } from '../../shared/contacts/person-contract';
import { mergeContactFields } from '../../shared/contacts/merge';
import { removeFile } from '../attachments/images';
import type { CoreContext } from '../context';
import { CONTACT_LIMITS, DOC_SCHEMA_VERSION, schemaOf, type Doc } from '../../shared/documents';
import type { Body, StoredDoc } from '../store/docstore';
import { contactKeys } from '../store/projections';
import { decodeDoc, validateKnown } from '../store/repository';
import { joinedNotes } from './private-notes';
import { deletePrivateNote, privateNote, setPrivateNote } from './organise';
import { forgetNotSame, moveNotSame } from './not-same';
import { joinOfficeSuppression, keyedHash, localSuppression, newPrivacyKey, setLocalSuppression } from './suppression';

/**
 * One person: where they are named, everything held about them as JSON, merging a duplicate
 * into them, and erasing them. Merge and erase each run in one transaction: the survivor or
 * the suppression record, the releases, kits and offices that named the person, and the
 * tombstone.
 */

type OutletStint = NonNullable<Doc<'contact'>['outletHistory']>[number];

type Naming = 'release' | 'kit' | 'office';

/**
 * Live releases, kits and offices whose winning revision names the contact: releases and kits
 * found by the reference links, offices (few) read one by one; each then checked on its
 * stored body, the same way repoint changes it.
 */
function naming(ctx: CoreContext, id: string): { type: Naming; stored: StoredDoc }[] {
  const { db, docs } = ctx.library;
  const rows = db
    .prepare<[string], { id: string; type: Naming }>(
      `SELECT d.id, d.type FROM doc_ref_p x JOIN docs d ON d.rowid = x.doc_rowid
       WHERE x.target_id = ? AND d.deleted = 0 AND d.type IN ('release', 'kit') ORDER BY d.rowid`,
    )
    .all(id);
  // CROSS JOIN: the offices first (a few), never a walk of every document.
  const offices = db.prepare<[], string>('SELECT d.id FROM office_p p CROSS JOIN docs d ON d.rowid = p.doc_rowid ORDER BY p.doc_rowid').pluck().all();
  const found = [...rows, ...offices.map((o) => ({ id: o, type: 'office' as const }))].map((r) => ({ type: r.type, stored: docs.require(r.id, r.type) }));
  return found.filter((f) => {
    if (referenceField(f.type, f.stored.body, id, id) === null) return false;
    // One damaged outside Dateline is named with its field before anything is written (a newer one is read as stored).
    if (schemaOf(f.stored.body) <= DOC_SCHEMA_VERSION) decodeDoc(f.type, f.stored);
    return true;
  });
}

/** Live releases and kits whose winning revision names the contact, decoded. */
function referencing(ctx: CoreContext, id: string): { releases: Doc<'release'>[]; kits: Doc<'kit'>[] } {
  const found = naming(ctx, id);
  return {
    releases: found.filter((f) => f.type === 'release').map((f) => decodeDoc('release', f.stored)),
    kits: found.filter((f) => f.type === 'kit').map((f) => decodeDoc('kit', f.stored)),
  };
}

export function contactReferences(ctx: CoreContext, id: string): ContactReferences {
  ctx.library.repo.get('contact', id);
  const found = referencing(ctx, id);
  return {
    releases: found.releases.map((r) => ({ id: r.id, headline: r.headline, releaseDate: r.releaseDate })),
    kits: found.kits.map((k) => ({ id: k.id, title: k.title })),
  };
}

/** An array's entries, each once (by `key`; entries without one are all kept), the first of each. */
function once(values: unknown[], key: (v: unknown) => string | null): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (k === null) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const kitContactId = (v: unknown): string | null => {
  const i = v as { kind?: unknown; id?: unknown } | null;
  return i !== null && typeof i === 'object' && i.kind === 'contact' && typeof i.id === 'string' ? i.id : null;
};

/**
 * The one field of a stored body that names `from`, naming `to` instead (or no one when `to` is
 * null), each person once: a release's and an office's `contacts`, a kit's contact `items`. Only
 * the entries naming `from` change; every other entry, known to this version or not, stays as it
 * is. Null when the body does not name `from`.
 */
function referenceField(type: Naming, body: Readonly<Body>, from: string, to: string | null): Body | null {
  if (type === 'kit') {
    const items = Array.isArray(body.items) ? (body.items as unknown[]) : [];
    if (!items.some((i) => kitContactId(i) === from)) return null;
    const moved = items.flatMap((i) => (kitContactId(i) !== from ? [i] : to === null ? [] : [{ ...(i as Body), id: to }]));
    return { items: once(moved, kitContactId) };
  }
  const contacts = Array.isArray(body.contacts) ? (body.contacts as unknown[]) : [];
  if (!contacts.includes(from)) return null;
  const moved = contacts.flatMap((c) => (c !== from ? [c] : to === null ? [] : [to]));
  return { contacts: once(moved, (c) => (typeof c === 'string' ? c : null)) };
}

/**
 * Writes the reference field's change. A document of this version or older is edited as any
 * (its fields checked, a new revision on the one read). One a newer Dateline wrote is read-only
 * here, but an erase is a legal duty and a merge must not leave a tombstone named: it takes
 * only this change, on its stored body as it is (its version mark, every field and value this
 * version does not know kept), written without clock like the erase itself, so that two
 * libraries making the same change make the same revision.
 */
function writeReference(ctx: CoreContext, type: Naming, stored: StoredDoc, patch: Body): void {
  const { docs, repo, author } = ctx.library;
  if (schemaOf(stored.body) > DOC_SCHEMA_VERSION) docs.writeExact(stored.id, stored.rev, { ...stored.body, ...patch }, false, { author });
  else repo.update(type, stored.id, stored.rev, patch);
}

interface Moved {
  releasesChanged: number;
  kitsChanged: number;
  officesChanged: number;
}

/**
 * Points every release, kit and office naming `from` at `to` instead (at no one when `to` is
 * null). An office names only spokespeople as its press contacts: one merged into a journalist
 * is taken out of it.
 */
function repoint(ctx: CoreContext, from: string, to: string | null): Moved {
  const moved: Moved = { releasesChanged: 0, kitsChanged: 0, officesChanged: 0 };
  const spokesperson = to !== null && ctx.library.repo.get('contact', to).kind === 'spokesperson';
  for (const { type, stored } of naming(ctx, from)) {
    const patch = referenceField(type, stored.body, from, type === 'office' && !spokesperson ? null : to);
    if (patch === null) continue;
    writeReference(ctx, type, stored, patch);
    moved[type === 'release' ? 'releasesChanged' : type === 'kit' ? 'kitsChanged' : 'officesChanged']++;
  }
  return moved;
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
    // A different outlet on the other record is a past (or parallel) job, the latest one: first in the history.
    const history: OutletStint[] = [...((combined.outletHistory as OutletStint[] | undefined) ?? [])];
    for (const o of [other.outlet, survivor.outlet]) {
      if (o !== null && o !== combined.outlet && !history.some((h) => h.outlet === o)) history.unshift({ outlet: o, role: null, from: null, to: null });
    }
    if (history.length > 0) combined.outletHistory = history.slice(0, CONTACT_LIMITS.outletHistory);
    const written = docs.update(survivorId, validateKnown('contact', combined), { author: ctx.library.author }, survivor.rev);
    const moved = repoint(ctx, otherId, survivorId);
    // Private notes stay on this computer; the survivor's gains the duplicate's.
    const notes = joinedNotes(privateNote(ctx, survivorId).text, privateNote(ctx, otherId).text);
    if (notes !== null) setPrivateNote(ctx, survivorId, notes);
    deletePrivateNote(ctx, otherId);
    moveNotSame(ctx.library.db, otherId, survivorId);
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
    forgetNotSame(ctx.library.db, id);
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

import { rmSync } from 'node:fs';
import type { ContactReferences, EraseResult, MergeResult, PersonExport } from '../../shared/contacts/person-contract';
import { mergeContactFields } from '../../shared/contacts/merge';
import type { CoreContext } from '../context';
import type { Body } from '../store/docstore';
import { contactKeys } from '../store/projections';
import { validateKnown } from '../store/repository';
import { deletePrivateNote, privateNote, setPrivateNote } from './organise';
import { keyedHash, newPrivacyKey } from './suppression';

/**
 * One person: where they are named, everything held about them as JSON, merging a duplicate
 * into them, and erasing them. Merge and erase each run in one transaction: the survivor or
 * the suppression record, the releases and kits that named the person, and the tombstone.
 */

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Live releases and kits whose winning revision names the contact (found by its id in the body, then checked). */
function referencing(ctx: CoreContext, id: string): { releases: { id: string; body: Body; rev: string }[]; kits: { id: string; body: Body; rev: string }[] } {
  const rows = ctx.library.db
    .prepare<[string, string], { id: string; type: string; rev: string; body: string }>(
      `SELECT d.id, d.type, d.winner AS rev, r.body FROM docs d JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
       WHERE d.deleted = 0 AND d.type IN ('release', 'kit') AND instr(r.body, ?) > 0 AND instr(r.body, ?) > 0`,
    )
    .all(`"${id}"`, id);
  const releases: { id: string; body: Body; rev: string }[] = [];
  const kits: { id: string; body: Body; rev: string }[] = [];
  for (const r of rows) {
    const body = JSON.parse(r.body) as Body;
    if (r.type === 'release' && Array.isArray(body.contacts) && body.contacts.includes(id)) releases.push({ id: r.id, body, rev: r.rev });
    if (r.type === 'kit' && Array.isArray(body.items) && body.items.some((i) => (i as Body).kind === 'contact' && (i as Body).id === id)) kits.push({ id: r.id, body, rev: r.rev });
  }
  return { releases, kits };
}

export function contactReferences(ctx: CoreContext, id: string): ContactReferences {
  ctx.library.docs.require(id, 'contact');
  const found = referencing(ctx, id);
  return {
    releases: found.releases.map((r) => ({ id: r.id, headline: str(r.body.headline) ?? '', releaseDate: str(r.body.releaseDate) })),
    kits: found.kits.map((k) => ({ id: k.id, title: str(k.body.title) ?? '' })),
  };
}

/** Points every release and kit naming `from` at `to` instead (or at no one when `to` is null). */
function repoint(ctx: CoreContext, from: string, to: string | null): { releasesChanged: number; kitsChanged: number } {
  const docs = ctx.library.docs;
  const write = { author: ctx.library.author };
  const found = referencing(ctx, from);
  for (const r of found.releases) {
    const contacts = (r.body.contacts as string[]).map((c) => (c === from ? to : c)).filter((c): c is string => c !== null);
    docs.update(r.id, validateKnown('release', { ...r.body, contacts: [...new Set(contacts)] }), write, r.rev);
  }
  for (const k of found.kits) {
    const seen = new Set<string>();
    const items = (k.body.items as Body[])
      .map((i) => (i.kind === 'contact' && i.id === from ? (to === null ? null : { ...i, id: to }) : i))
      .filter((i): i is Body => i !== null)
      .filter((i) => i.kind !== 'contact' || (seen.has(String(i.id)) ? false : (seen.add(String(i.id)), true)));
    docs.update(k.id, validateKnown('kit', { ...k.body, items }), write, k.rev);
  }
  return { releasesChanged: found.releases.length, kitsChanged: found.kits.length };
}

export function exportPerson(ctx: CoreContext, id: string): PersonExport {
  const docs = ctx.library.docs;
  const contact = ctx.library.repo.get('contact', id);
  const named = (oid: unknown) => {
    const d = typeof oid === 'string' ? docs.getStored(oid) : undefined;
    return d && !d.deleted ? str(d.body.name) : null;
  };
  const photo = contact.photo ? ctx.library.repo.find('attachment', contact.photo) : undefined;
  return {
    exportedAt: docs.now(),
    contact,
    history: docs.revisions(id),
    outlet: contact.outlet ? { id: contact.outlet, name: named(contact.outlet) ?? '' } : null,
    outletHistory: (contact.outletHistory ?? []).map((s) => ({ id: s.outlet, name: named(s.outlet) })),
    photo: photo ? { id: photo.id, originalName: photo.originalName, mediaType: photo.mediaType, size: photo.size } : null,
    references: contactReferences(ctx, id),
    privateNote: privateNote(ctx, id).text,
  };
}

export function mergeContacts(ctx: CoreContext, survivorId: string, otherId: string, take: readonly string[]): MergeResult {
  const docs = ctx.library.docs;
  return ctx.library.db.transaction(() => {
    const survivor = docs.require(survivorId, 'contact');
    const other = docs.require(otherId, 'contact');
    const combined = mergeContactFields(survivor.body, other.body);
    for (const f of take) if (f in other.body) combined[f] = other.body[f];
    // A different outlet on the other record is a past (or parallel) job: kept in the history.
    const history = [...((combined.outletHistory as Body[] | undefined) ?? [])];
    for (const o of [survivor.body.outlet, other.body.outlet]) {
      if (typeof o === 'string' && o !== combined.outlet && !history.some((h) => h.outlet === o)) history.push({ outlet: o, role: null, from: null, to: null });
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

/** The office keeping the suppression record: the person's, else the library's first; one is made when there is none. */
function suppressionOffice(ctx: CoreContext, contact: Body): { id: string; body: Body; rev: string } {
  const docs = ctx.library.docs;
  const own = typeof contact.office === 'string' ? docs.getStored(contact.office) : undefined;
  if (own && !own.deleted && own.type === 'office') return { id: own.id, body: own.body, rev: own.rev };
  const first = ctx.library.db.prepare<[], { id: string }>('SELECT d.id FROM office_p p JOIN docs d ON d.rowid = p.doc_rowid ORDER BY d.rowid LIMIT 1').get();
  if (first) {
    const d = docs.require(first.id, 'office');
    return { id: d.id, body: d.body, rev: d.rev };
  }
  const made = docs.create('office', validateKnown('office', { name: 'This office' }), { author: ctx.library.author });
  return { id: made.id, body: made.body, rev: made.rev };
}

export function eraseContact(ctx: CoreContext, id: string): EraseResult {
  const docs = ctx.library.docs;
  return ctx.library.db.transaction(() => {
    const contact = docs.require(id, 'contact');
    const office = suppressionOffice(ctx, contact.body);
    const key = typeof office.body.privacyKey === 'string' ? office.body.privacyKey : newPrivacyKey();
    const hashes = contactKeys(contact.body).map((k) => keyedHash(key, k));
    const before = Array.isArray(office.body.suppressed) ? (office.body.suppressed as string[]) : [];
    const suppressed = [...new Set([...before, ...hashes])].sort();
    // Written without a clock, so two devices erasing the same person make the same revision.
    docs.writeExact(office.id, office.rev, { ...office.body, privacyKey: key, suppressed }, false, { author: ctx.library.author });
    const moved = repoint(ctx, id, null);
    const photo = str(contact.body.photo);
    deletePrivateNote(ctx, id);
    docs.erase(id, { erased: true }, { author: ctx.library.author });
    if (photo) erasePhoto(ctx, photo);
    return { id, office: office.id, suppressedKeys: hashes.length, ...moved };
  }).immediate();
}

/** The person's photo goes too: its document, and its file when no other attachment shares the bytes. */
function erasePhoto(ctx: CoreContext, id: string): void {
  const d = ctx.library.docs.getStored(id);
  if (!d || d.deleted || d.type !== 'attachment') return;
  ctx.library.docs.erase(id, { erased: true }, { author: ctx.library.author });
  const sha = str(d.body.sha256);
  if (sha && !ctx.library.db.prepare('SELECT 1 FROM attachment_p WHERE sha256 = ?').get(sha)) rmSync(ctx.blobs.path(sha), { force: true });
}

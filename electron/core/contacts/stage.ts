import type Database from 'better-sqlite3';
import type { ContactImportCounts, ImportDecision, RecordDifference, RowOutcome } from '../../shared/contacts/bulk-contract';
import { legalBasisDiffers, mergeContactFields, mergeTakingRecord } from '../../shared/contacts/merge';
import type { ContactFieldsT } from '../../shared/documents';
import { sortName } from './sort-name';
import type { Body, DocStore, WriteContext } from '../store/docstore';
import { BulkWriter } from '../store/bulk-write';
import { contactKeys } from '../store/projections';
import { canonicalJson } from '../store/revisions';
import { decodeDoc, validateKnown } from '../store/repository';
import type { BlobStore } from '../attachments/blobs';
import { sniffMediaType } from '../attachments/images';
import { refOf, rowNote, type RowNote, type RowNoteRef } from '../../shared/contacts/row-notes';
import { KeyFilter } from './key-filter';
import { likenessKeys, nameLikeness, nameParts, organisationKey, type NameLikeness, type NameParts } from './similar-names';
import { toE164 } from '../../shared/contacts/phone';
import { phonesToE164 } from './write';

/**
 * Stores imported rows one by one inside the caller's transaction, finding duplicates as it
 * goes: a row sharing a normalised e-mail or phone with a contact (in the library, or from an
 * earlier row of the same file) is merged into it; a row with the same or a similar name at the
 * same organisation or outlet (`similar-names.ts`) is created with a merge suggestion. A row
 * that would add nothing to the stored contact it matches is counted as unchanged and writes
 * nothing (a file imported twice leaves the library as it was, with no new revision to sync).
 * New contacts are written in batches; lookups see the batch not yet written through small maps, and everything written
 * before through the projections, asked only when a fixed-size filter of the keys and names
 * says the library may hold them (nearly every row of a file is new). Merges into contacts
 * already written are gathered and written together, through the bulk path with no savepoint
 * (a savepoint per merge made the search index flush: 0.7 ms each). Memory stays that of one
 * batch, the gathered merges and the filters, whatever the file's size.
 */

/**
 * Rows held before they are written. Small, so that a row's objects die young: with 500, more
 * of them outlived two young collections and reached the old heap as garbage, and the peak
 * memory of the bench's import grew 1.31x from 10,000 to 100,000 rows; with 100 it grew
 * 1.13-1.22x (four runs), for the same CPU time.
 */
const BATCH = 100;
/** Merges into stored contacts gathered before they are written (each holds a whole contact; bounded for the same reason). */
const LATER_MAX = 256;
/** Rows looked up in the library directly before the filters are built (a small file never pays for them). */
const FILTER_AFTER = 1000;
/**
 * Contacts read to compare names before the filter of similar names is built, whatever the
 * number of rows: a small file into a library whose outlets hold many people pays for the
 * filter rather than read them all for each row.
 */
const LIKE_READ_BEFORE_FILTER = 20_000;

interface Pending {
  row: number;
  fields: Body;
  /** The name's likeness keys at its organisation and outlet, once the row is held (null: it has none). */
  like?: Like | null;
}

interface Match {
  id: string | null;
  pending: Pending | null;
  name: string;
  /** A similar name's likeness (a suggestion's reason); none for the same words. */
  likeness?: NameLikeness;
}

export class ContactStager {
  readonly counts: ContactImportCounts = { rows: 0, created: 0, merged: 0, unchanged: 0, refused: 0, skipped: 0 };
  readonly outcomes: RowOutcome[] = [];
  more = 0;
  /** Refused rows listed beyond the limit. */
  private refusedPast = 0;
  private pending: Pending[] = [];
  private pendingByKey = new Map<string, Pending>();
  private pendingByName = new Map<string, Pending>();
  private outlets = new Map<string, string>();
  /** Merged fields of stored contacts, not yet written, and the keys they gained. */
  /** The revision each was read at: nothing else writes in the import's transaction, so it is still the current one when written. */
  private later = new Map<string, { fields: Body; rev: string }>();
  private laterByKey = new Map<string, string>();
  /** Every contact key and folded name in the library or this import, once FILTER_AFTER rows have been read. */
  private filters: { keys: KeyFilter; names: KeyFilter } | null = null;
  private looked = 0;
  /**
   * The likeness keys of every name in the library or this import, at its organisation and
   * outlet, once a row has asked for them FILTER_AFTER times or LIKE_READ_BEFORE_FILTER contacts
   * were read for them. A name has about seven keys: 4 MB and 6 hashes keep false "maybe"s under
   * 1 in 10,000 rows at 100,000 names, each of which reads the people of an outlet.
   */
  private likeFilter: KeyFilter | null = null;
  private likeAsked = 0;
  private likeRead = 0;
  /** Organisations (folded) and outlets by a short id of their own, for the import's likeness keys. */
  private likeScopes = new Map<string, string>();
  /** Outcomes of the pending batch, waiting for their ids. */
  private waiting: { outcome: RowOutcome; pending: Pending }[] = [];
  private readonly s;
  private readonly bulk: BulkWriter;
  /**
   * The last document row before this import: a contact above it was created by an earlier row
   * of the same file (and written with its batch), so a row matching it is merged into that row,
   * never "already in the library". Rows only grow during the import (nothing is deleted in it).
   */
  private readonly libraryEnd: number;

  constructor(
    private readonly db: Database.Database,
    private readonly docs: DocStore,
    private readonly blobs: BlobStore,
    private readonly write: WriteContext,
    private readonly opts: {
      decisions: Record<string, ImportDecision>;
      /** A row with no decision whose legal basis differs from the contact's in the library takes the file's record ('merge-file'). */
      takeFileLegalBasis: boolean;
      limit: number;
      isSuppressed: (keys: string[]) => string | null;
      office: string | null;
      /** The country a phone written without its country code is read in. */
      country: string | null;
    },
  ) {
    this.bulk = new BulkWriter(db, docs);
    this.s = {
      byKey: db.prepare<[string], { id: string; name: string }>(
        `SELECT d.id, p.name FROM contact_key_p k JOIN contact_p p ON p.doc_rowid = k.doc_rowid JOIN docs d ON d.rowid = k.doc_rowid
         WHERE k.key = ? ORDER BY k.doc_rowid LIMIT 1`,
      ),
      byName: db.prepare<[string], { id: string; name: string; organisation: string | null; outlet: string | null }>(
        `SELECT d.id, p.name, p.organisation, p.outlet FROM contact_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.sort_name = ? LIMIT 20`,
      ),
      atOutlet: db.prepare<[string], { id: string; name: string; organisation: string | null; outlet: string | null }>(
        `SELECT d.id, p.name, p.organisation, p.outlet FROM contact_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.outlet = ?`,
      ),
      // By the organisation's key (contact_org_p): "Societe Radio Canada" finds "Société Radio-Canada".
      atOrganisation: db.prepare<[string], { id: string; name: string; organisation: string | null; outlet: string | null }>(
        `SELECT d.id, p.name, p.organisation, p.outlet FROM contact_org_p g JOIN contact_p p ON p.doc_rowid = g.doc_rowid JOIN docs d ON d.rowid = g.doc_rowid
         WHERE g.org_key = ?`,
      ),
      outlet: db.prepare<[string], { id: string }>('SELECT d.id FROM outlet_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.sort_name = ? LIMIT 1'),
      rowid: db.prepare<[string], number>('SELECT rowid FROM docs WHERE id = ?').pluck(),
    };
    this.libraryEnd = db.prepare<[], number>('SELECT coalesce(max(rowid), 0) FROM docs').pluck().get()!;
  }

  /** A row that could not be read: refused with its reason. */
  refuse(row: number, name: string | null, reason: string, column: string, why: RowNoteRef, cells?: string[]): void {
    this.counts.rows++;
    this.counts.refused++;
    // Held to the end of the import, so copied (see ownCopy).
    this.record({ row, action: 'refuse', name, reason, column, why, ...(cells ? { cells: ownCopy(cells) } : {}) });
  }

  add(row: number, fields: ContactFieldsT, outletName: string | null, warnings: RowNote[], photo: Uint8Array | null = null): void {
    this.counts.rows++;
    const body: Body = { ...fields };
    if (this.opts.office && body.office === null) body.office = this.opts.office;
    phonesToE164(body, this.opts.country, this.e164);
    if (outletName) body.outlet = this.outletId(outletName);
    // The photo is stored only once the row is known to need it: a card already in the library
    // with its photo would otherwise leave a new attachment behind at each import.
    const mediaType = photo ? sniffMediaType(photo) : null;
    const image = photo && mediaType && PHOTO_TYPES.test(mediaType) ? { bytes: photo, mediaType } : null;
    if (photo && !image) warnings.push(rowNote('PHOTO_NOT_IMAGE', 'the photo is not an image Dateline reads (JPEG, PNG, GIF or WebP); left out'));
    const withPhoto = () => {
      if (image) body.photo = this.photoId(image.bytes, image.mediaType, fields.name);
    };
    const keys = contactKeys(body);
    const base: RowOutcome = { row, action: 'create', name: fields.name, ...(warnings.length ? { warnings: warnings.map((w) => w.message), notes: warnings.map(refOf) } : {}) };
    const erased = this.opts.isSuppressed(keys);
    if (erased) {
      this.counts.refused++;
      this.record({ ...base, action: 'refuse', reason: erased, why: { code: 'ERASED' } });
      return;
    }
    const decision = this.opts.decisions[String(row)];
    if (decision === 'skip') {
      this.counts.skipped++;
      this.record({ ...base, action: 'skip', reason: 'skipped by choice', why: { code: 'SKIPPED' } });
      return;
    }
    const same = this.findByKeys(keys);
    const name = nameForms(fields.name);
    const organisation = body.organisation as string | null;
    const outlet = body.outlet as string | null;
    const like = same ? undefined : this.likeOf(fields.name, organisation, outlet, name.folded);
    const similar = same ? null : (this.findByName(name, organisation, outlet) ?? (like ? this.findSimilar(like, organisation, outlet) : null));
    if ((same && decision !== 'create') || (similar && (decision === 'merge' || decision === 'merge-file'))) {
      const m = (same ?? similar)!;
      const reason = same ? same.name === fields.name ? 'same e-mail or phone' : `same e-mail or phone as ${m.name}` : 'chosen: same person';
      const why: RowNoteRef = same ? { code: 'SAME_CHANNEL' } : { code: 'CHOSEN_SAME' };
      const into = { id: m.id, row: m.pending?.row ?? null, name: m.name, reason, why };
      // A merge keeps one data-protection record: when the two state different legal bases,
      // the outcome says so (both values, and which is kept) for the person to decide. The
      // person decides per row ('merge-file'), or for every row merging into a contact already
      // in the library at once (the command line's --take-file-legal-basis); a row repeating an
      // earlier row of the file keeps that row's, unless chosen for it.
      const differs = this.differs(m, body);
      const takeFile = decision === 'merge-file' || (decision === undefined && differs !== null && !m.pending && this.opts.takeFileLegalBasis);
      const merge = takeFile ? mergeTakingRecord : mergeContactFields;
      const said = differs && this.differing(m, differs, takeFile);
      const merging: RowOutcome = said
        ? { ...base, differences: [said.difference], warnings: [...(base.warnings ?? []), said.note.message], notes: [...(base.notes ?? []), refOf(said.note)] }
        : base;
      if (!m.pending && this.changesNothing(m.id!, body, image !== null, merge)) {
        this.counts.unchanged++;
        this.record({ ...merging, action: 'unchanged', id: m.id!, into });
        return;
      }
      this.counts.merged++;
      withPhoto();
      if (m.pending) {
        m.pending.fields = merge(m.pending.fields, body);
        this.index(m.pending);
        this.record({ ...merging, action: 'merge', into });
      } else {
        this.mergeLater(m.id!, body, merge);
        this.record({ ...merging, action: 'merge', id: m.id!, into });
      }
      return;
    }
    withPhoto();
    const p: Pending = { row, fields: body };
    this.pending.push(p);
    this.index(p, keys, name, like);
    this.counts.created++;
    const outcome: RowOutcome = { ...base };
    if (similar) outcome.suggestion = { id: similar.id, row: similar.pending?.row ?? null, name: similar.name, ...SUGGESTED[similar.likeness ?? 'same'] };
    if (this.record(outcome)) this.waiting.push({ outcome, pending: p });
    if (this.pending.length >= BATCH) this.flush();
  }

  /** Writes everything still held: the pending batch and the gathered merges. */
  finish(): void {
    this.flush();
    this.writeLater();
  }

  /** Writes the pending batch; ids reach the outcomes listed. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const written = this.bulk.createMany('contact', batch.map((p) => ({ fields: p.fields })), this.write);
    const ids = new Map(batch.map((p, i) => [p, written[i]!.id]));
    for (const w of this.waiting) {
      w.outcome.id = ids.get(w.pending)!;
    }
    this.waiting = [];
    this.pending = [];
    this.pendingByKey.clear();
    this.pendingByName.clear();
  }

  private record(o: RowOutcome): boolean {
    // A refused row is listed past the limit: it is what the person has to correct (and save to a file to do so).
    const listed = o.action === 'refuse' && o.cells !== undefined && this.refusedPast < REFUSED_PAST_LIMIT;
    if (this.outcomes.length >= this.opts.limit && listed) this.refusedPast++;
    else if (this.outcomes.length >= this.opts.limit) {
      this.more++;
      return false;
    }
    this.outcomes.push(o);
    return true;
  }

  /** Makes a held row findable by its keys and name (worked out by the caller when it has them). */
  private index(p: Pending, keys = contactKeys(p.fields), name = nameForms(String(p.fields.name)), like?: Like | null): void {
    for (const k of keys) {
      if (!this.pendingByKey.has(k)) this.pendingByKey.set(k, p);
      this.filters?.keys.add(k);
    }
    this.pendingByName.set(name.key, p);
    this.filters?.names.add(name.folded);
    p.like = like !== undefined ? like : this.likeOf(String(p.fields.name), p.fields.organisation as string | null, p.fields.outlet as string | null, name.folded);
    if (this.likeFilter) for (const key of p.like?.keys ?? []) this.likeFilter.add(key);
  }

  /**
   * Whether merging the row into a contact the library held before this import would leave it
   * as it is (compared as it would be written). A photo the contact lacks is a change; one it has is
   * kept over the row's.
   */
  private changesNothing(id: string, body: Body, hasPhoto: boolean, merge: Merge): boolean {
    if ((this.s.rowid.get(id) ?? 0) > this.libraryEnd) return false;
    const stored = decodeDoc('contact', this.docs.require(id, 'contact'));
    if (hasPhoto && !stored.photo) return false;
    return canonicalJson(validateKnown('contact', merge(stored, body))) === canonicalJson(validateKnown('contact', stored));
  }

  /**
   * The difference a merge of this row would settle: the legal bases of the row's record and of
   * the contact's (or earlier row's) when both state one and they differ. Only a row with a
   * legal basis of its own reads the contact for it.
   */
  private differs(m: Match, body: Body): { contact: string; file: string } | null {
    const basis = (body.dataProtection as { legalBasis?: unknown } | undefined)?.legalBasis;
    if (typeof basis !== 'string') return null;
    const target = m.pending ? m.pending.fields : (this.later.get(m.id!)?.fields ?? decodeDoc('contact', this.docs.require(m.id!, 'contact')));
    return legalBasisDiffers(target, body);
  }

  /** A difference found by `differs`, worded for the row's outcome with the side the merge keeps. */
  private differing(m: Match, d: { contact: string; file: string }, takeFile: boolean): { difference: RecordDifference; note: RowNote } {
    const difference: RecordDifference = { field: 'legalBasis', contact: d.contact, file: d.file, kept: takeFile ? 'file' : 'contact' };
    const theirs = m.pending ? 'the earlier row' : 'the contact';
    const note = rowNote(
      'LEGAL_BASIS_DIFFERS',
      takeFile
        ? `legal basis differs: "${d.contact}" on ${theirs}, "${d.file}" in the file; the file's record is stored, as chosen`
        : `legal basis differs: "${d.contact}" on ${theirs}, "${d.file}" in the file; ${theirs}'s record is kept (${m.pending ? "the import screen can take this row's instead" : "the import screen, or --take-file-legal-basis on the command line, takes the file's instead"})`,
      { contact: d.contact, file: d.file },
    );
    return { difference, note };
  }

  /** A row's fields merged into a stored contact, written with the others later. */
  private mergeLater(id: string, body: Body, merge: Merge): void {
    // Held until written, so copied: a value cut from the file's text would keep the whole chunk it came from alive.
    let held = this.later.get(id);
    if (!held) {
      const stored = decodeDoc('contact', this.docs.require(id, 'contact'));
      held = { fields: stored, rev: stored.rev };
    }
    const merged = ownCopy(merge(held.fields, body));
    this.later.set(id, { fields: merged, rev: held.rev });
    for (const k of contactKeys(merged)) {
      this.laterByKey.set(k, id);
      this.filters?.keys.add(k);
    }
    if (this.later.size >= LATER_MAX) this.writeLater();
  }

  private writeLater(): void {
    this.bulk.updateMany(
      Array.from(this.later, ([id, { fields, rev }]) => ({ id, rev, fields: validateKnown('contact', fields) })),
      this.write,
    );
    this.later.clear();
    this.laterByKey.clear();
  }

  /**
   * The filters of keys and names, built once the file has proved long enough to pay for a
   * pass over the library's keys and names: before that, every lookup is a query.
   */
  private mayBeStored(kind: 'keys' | 'names', value: string): boolean {
    if (this.filters === null && ++this.looked > FILTER_AFTER) {
      const keys = new KeyFilter();
      const names = new KeyFilter();
      for (const k of this.db.prepare<[], string>('SELECT key FROM contact_key_p').pluck().iterate()) keys.add(k);
      for (const n of this.db.prepare<[], string>('SELECT sort_name FROM contact_p').pluck().iterate()) names.add(n);
      // What is held but not yet written (the batch, the gathered merges) goes in too.
      for (const k of [...this.pendingByKey.keys(), ...this.laterByKey.keys()]) keys.add(k);
      for (const p of this.pending) names.add(nameForms(String(p.fields.name)).folded);
      this.filters = { keys, names };
    }
    return this.filters === null || this.filters[kind].mightHave(value);
  }

  private findByKeys(keys: string[]): Match | null {
    for (const k of keys) {
      const p = this.pendingByKey.get(k);
      if (p) return { id: null, pending: p, name: String(p.fields.name) };
    }
    for (const k of keys) {
      const id = this.laterByKey.get(k);
      if (id) return { id, pending: null, name: String(this.later.get(id)!.fields.name) };
    }
    for (const k of keys) {
      if (!this.mayBeStored('keys', k)) continue;
      const r = this.s.byKey.get(k);
      if (r) return { id: r.id, pending: null, name: r.name };
    }
    return null;
  }

  /** The same name (words in any order, accents and case aside) at the same organisation or outlet. */
  private findByName(name: NameForms, organisation: string | null, outlet: string | null): Match | null {
    if (!organisation && !outlet) return null;
    const org = organisationKey(organisation);
    const sameOrg = (o: string | null, out: string | null) => (outlet !== null && out === outlet) || (org !== null && organisationKey(o) === org);
    const p = this.pendingByName.get(name.key);
    if (p && sameOrg(p.fields.organisation as string | null, p.fields.outlet as string | null)) return { id: null, pending: p, name: String(p.fields.name) };
    for (const f of name.stored) {
      if (!this.mayBeStored('names', f)) continue;
      for (const r of this.s.byName.all(f)) if (sameOrg(r.organisation, r.outlet)) return { id: r.id, pending: null, name: r.name };
    }
    return null;
  }

  /**
   * A similar name (not the same words) at the same organisation or outlet, among the batch's
   * rows and the people of the organisation or outlet in the library (earlier rows of the file
   * included), compared only when the filter of likeness keys says one may be there (it holds
   * the batch's keys too).
   */
  private findSimilar(like: Like, organisation: string | null, outlet: string | null): Match | null {
    if (!this.mayBeLike(like.lookups)) return null;
    const org = organisationKey(organisation);
    const sameOrg = (o: string | null, out: string | null) => (outlet !== null && out === outlet) || (org !== null && organisationKey(o) === org);
    for (const p of this.pending) {
      if (!p.like || !sameOrg(p.fields.organisation as string | null, p.fields.outlet as string | null)) continue;
      const likeness = nameLikeness(like.parts, p.like.parts);
      if (likeness) return { id: null, pending: p, name: String(p.fields.name), likeness };
    }
    const asked: [typeof this.s.atOutlet, string | null][] = [
      [this.s.atOutlet, outlet],
      [this.s.atOrganisation, org],
    ];
    for (const [statement, value] of asked) {
      if (value === null) continue;
      for (const r of statement.iterate(value)) {
        this.likeRead++;
        if (!sameOrg(r.organisation, r.outlet)) continue;
        const likeness = nameLikeness(like.parts, nameParts(r.name));
        if (likeness) return { id: r.id, pending: null, name: r.name, likeness };
      }
    }
    return null;
  }

  /** A name's likeness keys and lookups at its organisation and at its outlet, or null when it has none. */
  private likeOf(name: string, organisation: string | null, outlet: string | null, folded?: string): Like | null {
    const org = organisationKey(organisation) ?? '';
    if (!org && !outlet) return null;
    const parts = nameParts(name, folded);
    if (parts.words.length < 2) return null;
    const keys: string[] = [];
    const lookups: string[] = [];
    for (const scope of [outlet ? `o${outlet}` : null, org ? `g${org}` : null]) {
      if (scope === null) continue;
      // Each organisation and outlet as a number of a few digits: the keys are hashed into the filter.
      let id = this.likeScopes.get(scope);
      if (id === undefined) {
        id = `${this.likeScopes.size.toString(36)}\u0001`;
        this.likeScopes.set(ownCopy(scope), id);
      }
      const found = likenessKeys(parts, id);
      keys.push(...found.keys);
      lookups.push(...found.lookups);
    }
    return { parts, keys, lookups };
  }

  /** Whether the library may hold a name alike (one of the row's lookups is a key there); builds the filter when it has been asked enough. */
  private mayBeLike(lookups: string[]): boolean {
    if (this.likeFilter === null && (++this.likeAsked > FILTER_AFTER || this.likeRead > LIKE_READ_BEFORE_FILTER)) {
      const filter = new KeyFilter(25, 6);
      const stored = this.db.prepare<[], { name: string; organisation: string | null; outlet: string | null }>(
        'SELECT name, organisation, outlet FROM contact_p WHERE organisation IS NOT NULL OR outlet IS NOT NULL',
      );
      for (const r of stored.iterate()) for (const key of this.likeOf(r.name, r.organisation, r.outlet)?.keys ?? []) filter.add(key);
      // The batch not yet written goes in too.
      for (const p of this.pending) for (const key of p.like?.keys ?? []) filter.add(key);
      this.likeFilter = filter;
    }
    if (this.likeFilter === null) return true;
    for (const key of lookups) if (this.likeFilter.mightHave(key)) return true;
    return false;
  }

  /**
   * Stores a card's photo by its hash and records it as an attachment. The file is written
   * before the document; a rolled-back preview leaves at most an unreferenced file, which
   * costs nothing and is what the next commit of the same card reuses.
   */
  private photoId(bytes: Uint8Array, mediaType: string, name: string): string {
    const { sha256, size } = this.blobs.put(bytes);
    const ext = mediaType.split('/')[1] === 'jpeg' ? 'jpg' : mediaType.split('/')[1];
    const fields = validateKnown('attachment', { sha256, size, mediaType, originalName: `${name.slice(0, 80)}.${ext}`, width: null, height: null });
    return this.docs.create('attachment', fields, this.write).id;
  }

  private outletId(name: string): string {
    const key = sortName(name.trim());
    let id = this.outlets.get(key) ?? this.s.outlet.get(key)?.id;
    if (!id) id = this.docs.create('outlet', validateKnown('outlet', { name: name.trim(), office: this.opts.office }), this.write).id;
    // Kept for the whole import, so copied (see ownCopy).
    this.outlets.set(ownCopy(key), id);
    return id;
  }

  /** toE164 remembered per number as typed: a list repeats its office's switchboard and its own numbers. */
  private readonly e164 = (typed: string, country: string | null): string | null => {
    let n = this.e164Seen.get(typed);
    if (n === undefined) {
      if (this.e164Seen.size >= E164_SEEN_MAX) this.e164Seen.clear();
      n = toE164(typed, country);
      this.e164Seen.set(ownCopy(typed), n);
    }
    return n;
  };
  private readonly e164Seen = new Map<string, string | null>();
}

/** How a row's fields join the contact they go into: mergeContactFields, or mergeTakingRecord when the person chose the file's record. */
type Merge = (kept: Body, other: Body) => Body;

/** The photos a contact keeps (what the renderer and every kit show). */
const PHOTO_TYPES = /^image\/(jpeg|png|gif|webp)$/;

/** Refused rows listed beyond the limit of outcomes; a file refused wholesale is one to fix and read again, not to list. */
const REFUSED_PAST_LIMIT = 10_000;

/** Numbers remembered by the stager's toE164 before it starts again (one import reads them in one country). */
const E164_SEEN_MAX = 10_000;

/** A suggestion's reason, by how alike the two names are. */
const SUGGESTED: Record<NameLikeness, { reason: string; why: RowNoteRef }> = {
  same: { reason: 'same name at the same organisation or outlet', why: { code: 'SIMILAR_NAME' } },
  spelling: { reason: 'name spelt nearly the same (a letter, a hyphen or a transliteration apart) at the same organisation or outlet', why: { code: 'SIMILAR_NAME_SPELLING' } },
  initial: { reason: 'same family name, a given name written as its initial, at the same organisation or outlet', why: { code: 'SIMILAR_NAME_INITIAL' } },
  part: { reason: 'same name with one name more (a middle or second family name) at the same organisation or outlet', why: { code: 'SIMILAR_NAME_PART' } },
};

/** A name's words as the similarity rule reads them, and its likeness keys and lookups at its organisation and at its outlet. */
interface Like {
  parts: NameParts;
  keys: string[];
  lookups: string[];
}

/** A row's name folded, the same in either word order, and the forms the library's sort names are asked in. */
interface NameForms {
  folded: string;
  /** The words in order: the same person written "Given Family" or "Family Given". */
  key: string;
  stored: string[];
}

function nameForms(name: string): NameForms {
  const folded = sortName(name);
  const words = folded.split(/\s+/).filter(Boolean);
  const inOrder = words.join(' ');
  const reversed = words.length > 1 ? [...words].reverse().join(' ') : inOrder;
  return { folded, key: words.sort().join(' '), stored: reversed === inOrder ? [inOrder] : [inOrder, reversed] };
}

/**
 * The value with strings of its own. A string cut from a decoded chunk of the file (a cell)
 * points into the whole chunk, which then stays in memory as long as the cell does: values
 * the import holds past their batch are copied, or memory would grow with the file.
 */
function ownCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

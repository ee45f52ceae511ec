import { z } from 'zod';
import type { Created } from '../../shared/contract';
import { ContactFilterSchema } from '../../shared/contacts/filter';
import type { ContactFacets, PrivateNote, Segment } from '../../shared/contacts/organise-contract';
import { DatelineError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { ContactFacetField } from '../store/projections';
import { forgetNote, privateNoteId } from './private-notes';

/**
 * The media list's organisation: values in use, segments, outlets' references, private notes.
 *
 * Private notes and segments are `_local` documents: this library only, never in the changes
 * feed, a sync or a sync file (a note about a journalist is not for every colleague who holds
 * the office's data). A backup of the library does carry them.
 */

const SEGMENTS_ID = 'contact-segments';
const StoredNote = z.object({ text: z.string() });

/**
 * The offices' beats from their bodies: offices are few. CROSS JOIN keeps the offices first:
 * left to choose, SQLite walked every document (98,001 contacts: 5-40 ms) to find them.
 */
const OFFICE_BEATS_SQL = `SELECT DISTINCT j.value FROM office_p p CROSS JOIN docs d ON d.rowid = p.doc_rowid JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner,
  json_each(r.body, '$.beats') j WHERE j.type = 'text' ORDER BY j.value`;

function officeBeats(ctx: CoreContext): string[] {
  return ctx.library.db.prepare<[], string>(OFFICE_BEATS_SQL).pluck().all();
}

/**
 * The values in use of the contacts' array fields, from contact_facet_p's key (no body is read:
 * from the bodies, the six lists took about 4 s in a library of 98,001 contacts).
 */
const FACET_VALUES_SQL = 'SELECT DISTINCT value FROM contact_facet_p WHERE field = ? ORDER BY value';

export function contactFacets(ctx: CoreContext): ContactFacets {
  const values = ctx.library.db.prepare<[ContactFacetField], string>(FACET_VALUES_SQL).pluck();
  return {
    beats: values.all('beats'),
    officeBeats: officeBeats(ctx),
    tags: values.all('tags'),
    regions: values.all('regions'),
    lists: values.all('lists'),
    countries: values.all('countries'),
    languages: values.all('languages'),
  };
}

export function privateNote(ctx: CoreContext, id: string): PrivateNote {
  ctx.library.docs.require(id, 'contact');
  const text = ctx.library.repo.local(privateNoteId(id), StoredNote, 'private note')?.text ?? '';
  return { id, text: text !== '' ? text : null };
}

export function setPrivateNote(ctx: CoreContext, id: string, text: string): PrivateNote {
  ctx.library.docs.require(id, 'contact');
  const trimmed = text.trim();
  if (trimmed === '') deletePrivateNote(ctx, id);
  else ctx.library.replication.putLocal({ _id: privateNoteId(id), text: trimmed });
  return { id, text: trimmed === '' ? null : trimmed };
}

/** Leaves no trace of the note (erase runs this inside its transaction). */
export function deletePrivateNote(ctx: CoreContext, id: string): void {
  forgetNote(ctx.library.db, id);
}

const StoredSegments = z.object({ segments: z.array(z.object({ name: z.string(), filter: ContactFilterSchema })) });

/**
 * The saved segments. A record damaged outside Dateline is the coded error naming the segment
 * and field, for listing and for saving alike: saving over it would silently lose the others.
 */
export function listSegments(ctx: CoreContext): Segment[] {
  return ctx.library.repo.local(SEGMENTS_ID, StoredSegments, 'saved segments')?.segments ?? [];
}

function writeSegments(ctx: CoreContext, segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.name.localeCompare(b.name));
  ctx.library.replication.putLocal({ _id: SEGMENTS_ID, segments: sorted });
  return sorted;
}

/** Saves a segment, replacing the one of the same name. */
export function saveSegment(ctx: CoreContext, segment: Segment): Segment[] {
  return writeSegments(ctx, [...listSegments(ctx).filter((s) => s.name !== segment.name), segment]);
}

export function deleteSegment(ctx: CoreContext, name: string): Segment[] {
  const all = listSegments(ctx);
  if (!all.some((s) => s.name === name)) throw new DatelineError('NOT_FOUND', `There is no segment named "${name}".`, { path: ['name'], params: { name, reason: 'segmentGone' } });
  return writeSegments(ctx, all.filter((s) => s.name !== name));
}

/** Live contacts naming the outlet as theirs or in their history. */
export function outletReferences(ctx: CoreContext, id: string): { contacts: { id: string; name: string }[] } {
  ctx.library.docs.require(id, 'outlet');
  const contacts = ctx.library.db
    .prepare<[string], { id: string; name: string }>(
      // The reference links hold each live contact's outlet and past outlets (contact_p only live contacts).
      `SELECT d.id, p.name FROM doc_ref_p x JOIN contact_p p ON p.doc_rowid = x.doc_rowid JOIN docs d ON d.rowid = x.doc_rowid
       WHERE x.target_id = ? ORDER BY p.sort_name, p.doc_rowid`,
    )
    .all(id);
  return { contacts };
}

export function deleteOutlet(ctx: CoreContext, id: string, rev: string | null): Created {
  return ctx.library.db
    .transaction((): Created => {
      const { contacts } = outletReferences(ctx, id);
      if (contacts.length > 0) {
        throw new DatelineError('FORBIDDEN', `${contacts.length} contact(s) name this outlet, ${contacts[0]!.name} first; give them another outlet before deleting it.`, {
          params: { contacts: contacts.length, reason: 'outletInUse' },
        });
      }
      const d = ctx.library.docs.remove(id, { author: ctx.library.author }, rev);
      return { id: d.id, rev: d.rev };
    })
    .immediate();
}

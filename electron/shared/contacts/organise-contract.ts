import { z } from 'zod';
import { DocIdSchema, type OutletFieldsT } from '../documents';
import { BaseRev, method, type Created } from '../methods';
import { ContactFilterSchema, type ContactFilter } from './filter';

/**
 * Contract methods that organise the media list: the values in use (for filters and pickers),
 * saved searches (segments), outlets' references and deletion, and a contact's private note,
 * which stays on this computer. Merged into API through contacts/contract.ts.
 */

export interface ContactFacets {
  beats: string[];
  /** The beats the offices offer, whether or not a contact has them yet. */
  officeBeats: string[];
  tags: string[];
  regions: string[];
  lists: string[];
  countries: string[];
  languages: string[];
}

export interface Segment {
  name: string;
  filter: ContactFilter;
}

export interface OutletSummary {
  id: string;
  rev: string;
  name: string;
  kind: OutletFieldsT['kind'];
  updatedAt: string;
}

export interface PrivateNote {
  id: string;
  /** Null when there is none. Kept in this library only: never replicated, never in a sync file. */
  text: string | null;
}

const SegmentName = z.string().trim().min(1, 'a segment needs a name').max(100);

export const ORGANISE_API = {
  'contact.facets': method<ContactFacets>()(z.object({}).strict()),
  'contact.privateNote': method<PrivateNote>()(z.object({ id: DocIdSchema }).strict()),
  'contact.setPrivateNote': method<PrivateNote>()(z.object({ id: DocIdSchema, text: z.string().max(20_000) }).strict()),
  'segment.list': method<Segment[]>()(z.object({}).strict()),
  'segment.save': method<Segment[]>()(z.object({ name: SegmentName, filter: ContactFilterSchema }).strict()),
  'segment.delete': method<Segment[]>()(z.object({ name: SegmentName }).strict()),
  /** The live contacts naming the outlet, now or in their history. */
  'outlet.references': method<{ contacts: { id: string; name: string }[] }>()(z.object({ id: DocIdSchema }).strict()),
  /** Refused while a contact names the outlet. */
  'outlet.delete': method<Created>()(z.object({ id: DocIdSchema, rev: BaseRev }).strict()),
} as const;

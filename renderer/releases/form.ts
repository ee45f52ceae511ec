import type { Doc, ReleaseFieldsT } from '../../electron/shared/documents';
import { RichTextSchema } from '../../electron/shared/richtext';

/** What the release editor edits: every field but the translation group (set by translate). */
export type ReleaseForm = Omit<ReleaseFieldsT, 'translationGroup'>;
export type ReleaseDraftFields = Partial<ReleaseForm>;

const FORM_KEYS = [
  'office',
  'headline',
  'subheadline',
  'datelinePlace',
  'releaseDate',
  'embargo',
  'language',
  'status',
  'body',
  'quotes',
  'notesToEditors',
  'boilerplate',
  'endMark',
  'contacts',
  'tags',
] as const satisfies readonly (keyof ReleaseForm)[];

export function formFromDoc(doc: Doc<'release'>): ReleaseForm {
  const body = RichTextSchema.safeParse(doc.body);
  return {
    office: doc.office ?? null,
    headline: doc.headline ?? '',
    subheadline: doc.subheadline ?? null,
    datelinePlace: doc.datelinePlace ?? null,
    releaseDate: doc.releaseDate ?? null,
    embargo: doc.embargo ?? null,
    language: doc.language ?? 'en',
    status: doc.status ?? 'draft',
    body: body.success ? body.data : { type: 'doc', content: [] },
    quotes: Array.isArray(doc.quotes) ? doc.quotes : [],
    notesToEditors: doc.notesToEditors ?? null,
    boilerplate: doc.boilerplate ?? null,
    endMark: doc.endMark ?? null,
    contacts: Array.isArray(doc.contacts) ? doc.contacts : [],
    tags: Array.isArray(doc.tags) ? doc.tags : [],
  };
}

/** A leftover draft's fields laid over the document, keeping only the fields this form knows. */
export function applyDraft(form: ReleaseForm, draft: Record<string, unknown>): ReleaseForm {
  const out: Record<string, unknown> = { ...form };
  for (const k of FORM_KEYS) if (k in draft) out[k] = draft[k];
  const merged = out as ReleaseForm;
  const body = RichTextSchema.safeParse(merged.body);
  return { ...merged, body: body.success ? body.data : form.body };
}

const blankToNull = (s: string | null) => (s === null || s.trim() === '' ? null : s);

/**
 * The fields written to the draft journal: empty text becomes null and half-typed quotes
 * (no text yet) stay on screen but are not saved, so a draft is always a valid release.
 */
export function draftFields(form: ReleaseForm, bodyUsable: boolean): ReleaseDraftFields {
  const fields: ReleaseDraftFields = {
    ...form,
    subheadline: blankToNull(form.subheadline),
    datelinePlace: blankToNull(form.datelinePlace),
    notesToEditors: blankToNull(form.notesToEditors),
    releaseDate: blankToNull(form.releaseDate),
    quotes: form.quotes
      .filter((q) => q.text.trim() !== '')
      .map((q) => ({ text: q.text, speaker: blankToNull(q.speaker), role: blankToNull(q.role ?? null) })),
    boilerplate: form.boilerplate && 'text' in form.boilerplate && form.boilerplate.text.trim() === '' ? null : form.boilerplate,
  };
  // A body the editor could not read is left alone rather than overwritten with an empty one.
  if (!bodyUsable) delete fields.body;
  return fields;
}

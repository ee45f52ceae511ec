/**
 * Why an imported row was refused, merged or skipped, and what was left out of it: a code and
 * parameters the interface words in its language, beside the English message the CLI prints.
 */
export const ROW_NOTE_CODES = [
  'BAD_KIND',
  'BAD_DO_NOT_CONTACT',
  'BAD_LEGAL_BASIS',
  'BAD_DATE',
  'BAD_EMAIL',
  'BAD_PHONE',
  'BAD_FIELD',
  'BAD_SOCIAL',
  'BAD_VISIBILITY',
  'TOO_LONG',
  'NO_NAME',
  'ONLY_LEFT_OUT',
  'CARD_BROKEN',
  'ERASED',
  'SKIPPED',
  'SAME_CHANNEL',
  'CHOSEN_SAME',
  'SIMILAR_NAME',
  'SIMILAR_NAME_SPELLING',
  'SIMILAR_NAME_INITIAL',
  'SIMILAR_NAME_PART',
  'LANGUAGE_LEFT_OUT',
  'COUNTRY_LEFT_OUT',
  'PHONE_LEFT_OUT',
  'SOCIAL_LEFT_OUT',
  'NAME_FROM_CHANNEL',
  'PHOTO_NOT_IMAGE',
  'PHOTO_TOO_LARGE',
  'PHOTO_LINK',
  'LEGAL_BASIS_DIFFERS',
] as const;
export type RowNoteCode = (typeof ROW_NOTE_CODES)[number];

export interface RowNoteRef {
  code: RowNoteCode;
  params?: Record<string, string | number>;
}

export interface RowNote extends RowNoteRef {
  /** English, for the command line and as a fallback. */
  message: string;
}

export function rowNote(code: RowNoteCode, message: string, params?: RowNoteRef['params']): RowNote {
  return params ? { code, message, params } : { code, message };
}

/** The code and parameters only, as an outcome carries them. */
export function refOf(n: RowNote): RowNoteRef {
  return n.params ? { code: n.code, params: n.params } : { code: n.code };
}

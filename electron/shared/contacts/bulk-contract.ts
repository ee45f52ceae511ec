import { z } from 'zod';
import { ColumnMappingSchema, type ColumnMapping, type HeaderSet } from './columns';
import { DocIdSchema } from '../documents';
import { ContactFilterShape } from './filter';
import type { RowNoteRef } from './row-notes';
import { jobMethod, localPath, method } from '../methods';
import { CSV_SEPARATORS } from '../csv-cell';

/**
 * Contract methods for media contacts in bulk: import from CSV and vCard, export to CSV and
 * vCard. Merged into API in contract.ts.
 *
 * An import is read twice on purpose: without `commit` it stores nothing and reports what
 * would be created, merged and refused (the preview the person confirms, or `--dry-run`);
 * with `commit` the same reading is stored in one transaction, all of it or nothing. Both
 * run as jobs: progress as the file is read, and a cancel that stores nothing.
 */

/** Largest upload (web mode sends the file's bytes); a file on this computer is read as a stream. */
export const CONTACT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Largest file read from a path: a million journalists fit in a tenth of it. */
export const CONTACT_FILE_MAX_BYTES = 1024 * 1024 * 1024;
/** Largest photo kept from a vCard. */
export const CONTACT_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1256'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];
export const TextEncodingSchema = z.enum(TEXT_ENCODINGS);

/**
 * `merge-file`: merge, and where the row and the contact it goes into disagree on a value only
 * one can keep (the data-protection record's legal basis), take the row's record.
 */
export const IMPORT_DECISIONS = ['create', 'merge', 'merge-file', 'skip'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];

const importOptions = {
  /** Read as this encoding instead of the one detected. */
  encoding: TextEncodingSchema.optional(),
  /** Header (as written in the file) to field; needed when the headers are not a known export's. */
  mapping: ColumnMappingSchema.optional(),
  /**
   * The office the contacts belong to: they get it, and a phone written without its country
   * code is put in E.164 from its country. Without it, the library's office when it has only
   * one gives the country (and the contacts stay without an office).
   */
  office: DocIdSchema.optional(),
  /** The person's choice for a row (by its row number), where it differs from the suggestion. */
  decisions: z.record(z.string().regex(/^\d+$/, 'a decision is keyed by row number'), z.enum(IMPORT_DECISIONS)).optional(),
  /**
   * Every row without a decision of its own whose legal basis differs from that of the contact
   * in the library it merges into takes the row's record, as `merge-file` would (the command
   * line's --take-file-legal-basis; the import screen decides row by row).
   */
  takeFileLegalBasis: z.boolean().default(false),
  /** Store it (one transaction); without it nothing is stored. */
  commit: z.boolean().default(false),
  /** The file's SHA-256 from the preview: a file changed since then is refused, not half-guessed. */
  expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** How many row outcomes to list (the counts are always complete). */
  limit: z.number().int().min(0).max(1_000_000).default(200),
};

export const ContactImportInput = z
  .object({
    name: z.string().trim().min(1).max(1000),
    data: z
      .base64({ message: 'file data must be base64' })
      .max(Math.ceil((CONTACT_UPLOAD_MAX_BYTES * 4) / 3) + 4, `an uploaded file is at most ${CONTACT_UPLOAD_MAX_BYTES / 1024 / 1024} MB; larger files import from the desktop app or the command line`),
    ...importOptions,
  })
  .strict();

export const ContactImportFileInput = z.object({ path: localPath(), ...importOptions }).strict();

/** `unchanged`: the row is a contact already in the library and would add nothing to it; nothing is written for it. */
export type RowAction = 'create' | 'merge' | 'unchanged' | 'refuse' | 'skip';

export interface RowOutcome {
  /** The row as a spreadsheet numbers it (the header is row 1), or the card's number in a vCard file. */
  row: number;
  action: RowAction;
  name: string | null;
  /** The contact created or merged into (after a commit), or the one a merge would go into. */
  id?: string;
  /** A merge: the contact (or earlier row) this row goes into, and why; for `unchanged`, the contact it already is. */
  into?: { id: string | null; row: number | null; name: string; reason: string; why: RowNoteRef };
  /**
   * A merge whose row and contact disagree on a value only one of them can keep: both values,
   * and which one the import keeps (the contact's, unless the person chose `merge-file`).
   */
  differences?: RecordDifference[];
  /** A possible duplicate not merged on its own (a similar name at the same organisation). */
  suggestion?: { id: string | null; row: number | null; name: string; reason: string; why: RowNoteRef };
  /** Why a row is refused (or a field dropped), naming the column. */
  reason?: string;
  column?: string;
  /** Fields left out of an otherwise good row (a bad phone number, a photo too big). */
  warnings?: string[];
  /** `reason` and `warnings` as codes with parameters, for the interface to word (en, fr, es, ar). */
  why?: RowNoteRef;
  notes?: RowNoteRef[];
  /** A refused CSV row: its cells as read, for the person to correct and import again. */
  cells?: string[];
}

export interface RecordDifference {
  field: 'legalBasis';
  /** The contact's value (or the earlier row's, for a row merged into one of the same file). */
  contact: string;
  file: string;
  kept: 'contact' | 'file';
}

/** What became of an import's rows, counted. */
export interface ContactImportCounts {
  rows: number;
  created: number;
  merged: number;
  /** Rows already in the library that would change nothing there: not written. */
  unchanged: number;
  refused: number;
  skipped: number;
}

export interface ContactImportReport extends ContactImportCounts {
  format: 'csv' | 'vcard';
  encoding: TextEncodingName;
  separator: ',' | ';' | '\t' | null;
  headers: string[];
  headerSet: HeaderSet | null;
  /** The mapping used, or suggested when `needsMapping`. */
  mapping: ColumnMapping;
  /** The headers are not a known export's and no mapping was given: nothing was read past them. */
  needsMapping: boolean;
  /**
   * Rows after the header with nothing in any cell (an empty line, or a row of empty cells a
   * spreadsheet leaves): passed over, neither a contact nor refused, and counted so that the rows
   * a person sees in the file add up. Always 0 for vCards.
   */
  blank: number;
  sha256: string;
  /** The first rows as cells, for the mapping step. */
  sample: string[][];
  /** Columns left out (mapped to nothing) that hold a value in some row, in the file's order: said, so nothing is dropped silently. */
  leftOut: string[];
  outcomes: RowOutcome[];
  /** Outcomes beyond `limit`, left off the list. */
  more: number;
  committed: boolean;
}

export const EXPORT_FORMATS = ['csv', 'vcf'] as const;
const exportSelection = {
  format: z.enum(EXPORT_FORMATS),
  ids: z.array(DocIdSchema).max(100_000).optional(),
  /** A search, a static list (by name), a beat...: what the contacts screen shows. */
  ...ContactFilterShape,
  /** A CSV's separator: a semicolon for French or Spanish Excel; a comma when not given. */
  separator: z.enum(CSV_SEPARATORS).optional(),
};

export const ContactExportInput = z
  .object({
    ...exportSelection,
    /** What the person calls this selection (a saved segment's name): the file is named after it, else after the list or the search. */
    title: z.string().max(200).optional(),
  })
  .strict();
export const ContactExportFileInput = z.object({ ...exportSelection, out: localPath() }).strict();

export interface ContactExportText {
  fileName: string;
  mediaType: string;
  text: string;
  count: number;
}

export const CONTACT_BULK_API = {
  'contact.import': jobMethod<ContactImportReport>()(ContactImportInput),
  'contact.importFile': jobMethod<ContactImportReport>()(ContactImportFileInput, { access: 'local' }),
  'contact.export': method<ContactExportText>()(ContactExportInput),
  'contact.exportFile': method<{ path: string; count: number; bytes: number }>()(ContactExportFileInput, { access: 'local' }),
} as const;

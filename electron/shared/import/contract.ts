import { z } from 'zod';
import { DocIdSchema, EndMarkSchema, InstantSchema, IsoDateSchema, LanguageSchema, TimeZoneSchema } from '../documents';
import { method } from '../methods';
import { TEXT_NODE_MAX_CHARS } from '../richtext';
import type { Warning } from '../warnings';

/**
 * Contract methods of the release importer (pasted text, web pages, Word files).
 * Merged into API in contract.ts.
 *
 * The import is two steps on purpose: `import.preview` parses (in a worker, with limits) and
 * stores nothing; the person reviews and fixes the fields; `import.commit` stores the reviewed
 * draft, its contacts and the original in one transaction.
 */

/** Largest source accepted: Word files with photos are big; a release's text is small. */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Pasted text or HTML, in characters. */
export const IMPORT_MAX_CHARS = 5_000_000;

const base64Limit = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4;

export const IMPORT_FORMATS = ['text', 'html', 'docx', 'markdown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One source: a file's bytes (base64), or pasted text, or pasted HTML. */
export const ImportSourceSchema = z
  .object({
    /** The file's name as the person gave it; only shown, never used as a path. */
    name: z.string().trim().min(1).max(1000).optional(),
    data: z.base64({ message: 'file data must be base64' }).max(base64Limit, 'the file is larger than 40 MB').optional(),
    mediaType: z.string().max(255).optional(),
    text: z.string().max(IMPORT_MAX_CHARS, 'the pasted text is longer than 5 million characters').optional(),
    html: z.string().max(IMPORT_MAX_CHARS, 'the pasted HTML is longer than 5 million characters').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const given = [v.data, v.text, v.html].filter((x) => x !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of data (a file), text or html', path: [] });
    }
    if (v.data !== undefined && v.name === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a file needs its name (it tells a .docx from a .html)', path: ['name'] });
    }
  });
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/**
 * What `import.preview` reads: one source, and whether the person has said, after a refusal,
 * that it is a release all the same (`allowNotARelease`: the page is read even where Dateline
 * judges it a list of stories or no release at all; every other refusal stands).
 */
export const ImportPreviewInputSchema = ImportSourceSchema.safeExtend({
  allowNotARelease: z.boolean().default(false),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInputSchema>;

export const ImportedQuoteSchema = z
  .object({
    speaker: z.string().max(200).nullable(),
    /** The speaker's job as the release gives it ("Regional Director for …"). */
    role: z.string().max(300).nullable().optional(),
    text: z.string().trim().min(1).max(10_000),
  })
  .strict();
export type ImportedQuote = z.infer<typeof ImportedQuoteSchema>;

/** The embargo as found: the instant when it could be read, and the line as written. */
export const ImportedEmbargoSchema = z
  .object({
    at: InstantSchema.nullable(),
    timeZone: TimeZoneSchema.nullable(),
    text: z.string().max(1000),
  })
  .strict();
export type ImportedEmbargo = z.infer<typeof ImportedEmbargoSchema>;

/** The release as extracted (and as the person corrects it): the release document's field names. */
export const ImportedReleaseSchema = z
  .object({
    headline: z.string().max(500).nullable(),
    subheadline: z.string().max(1000).nullable(),
    datelinePlace: z.string().max(200).nullable(),
    releaseDate: IsoDateSchema.nullable(),
    embargo: ImportedEmbargoSchema.nullable(),
    language: LanguageSchema,
    /** Paragraphs in order, without the dateline prefix. */
    body: z.array(z.string().max(TEXT_NODE_MAX_CHARS)).max(5000),
    quotes: z.array(ImportedQuoteSchema).max(500),
    notesToEditors: z.string().max(50_000).nullable(),
    boilerplate: z.string().max(20_000).nullable(),
    endMark: EndMarkSchema.nullable(),
  })
  .strict();
export type ImportedRelease = z.infer<typeof ImportedReleaseSchema>;

export const ImportedContactSchema = z
  .object({
    name: z.string().max(300).nullable(),
    role: z.string().max(300).nullable(),
    organisation: z.string().max(300).nullable(),
    email: z.string().max(320).nullable(),
    phone: z.string().max(40).nullable(),
  })
  .strict();
export type ImportedContact = z.infer<typeof ImportedContactSchema>;

/** An existing contact an imported one matches (same normalised e-mail or phone). */
export interface ImportContactMatch {
  id: string;
  name: string;
  organisation: string | null;
}

/** A block of the cleaned source, shown beside the fields so the person can compare. */
export interface ImportSourceBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'quote';
  text: string;
  dir: 'rtl' | 'ltr';
}

/** The fields whose reading the review screen grades. */
export const IMPORT_GRADED_FIELDS = ['headline', 'datelinePlace', 'releaseDate', 'body', 'contacts'] as const;
export type ImportGradedField = (typeof IMPORT_GRADED_FIELDS)[number];
/** How sure the importer is of a field: found where releases put it, found by a guess, or not found. */
export type ImportCertainty = 'sure' | 'doubtful' | 'missing';
export type ImportConfidence = Record<ImportGradedField, ImportCertainty>;

/** A release already in the library that an import would store again. */
export interface ImportDuplicate {
  id: string;
  headline: string;
  /** When the library's copy was first stored (an instant). */
  storedAt: string;
  /** Found by the same original file, or by the same headline and body. */
  by: 'original' | 'text';
}

export interface ImportPreview {
  name: string;
  format: ImportFormat;
  /** Bytes of the original (UTF-8 for pasted text). */
  size: number;
  release: ImportedRelease;
  contacts: ImportContactRead[];
  /** The source after cleaning: blocks to show, and the sanitised HTML (allow-listed tags, no references out). */
  source: { blocks: ImportSourceBlock[]; html: string };
  /** Things the person should look at (an embargo whose time could not be read, say). */
  warnings: Warning[];
  /** How sure the importer is of each graded field; the review marks the doubtful ones. */
  confidence: ImportConfidence;
  /** Milliseconds spent parsing, for the person's patience and the benchmark. */
  elapsedMs: number;
  /** The same release already in the library, said before anything is stored. */
  duplicate: ImportDuplicate | null;
}

export interface ImportCommitted {
  id: string;
  rev: string;
  contacts: { id: string; name: string; created: boolean }[];
  attachment: { id: string; sha256: string; deduped: boolean };
}

const CommitContactSchema = ImportedContactSchema.extend({
  /** The person chose this existing contact instead of the match Dateline would find. */
  existingId: DocIdSchema.nullable().optional(),
}).strict();

export const ImportCommitInputSchema = z
  .object({
    release: ImportedReleaseSchema,
    contacts: z.array(CommitContactSchema).max(50).default([]),
    /** The original, kept as an attachment of the new release. */
    source: ImportSourceSchema,
    office: DocIdSchema.nullable().default(null),
    tags: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
    /** Store even when the library already holds the same release (the person said so). */
    allowDuplicate: z.boolean().default(false),
  })
  .strict();

/** One line of the cleaned source that the person says is a media contact. */
export const ImportReadContactSchema = z
  .object({
    text: z.string().trim().min(1, 'the line is empty').max(2000, 'a contact line is at most 2,000 characters'),
  })
  .strict();

/** The lines read around a quote's line: enough for a speaker named a few paragraphs above, and "Those were the words of …" under it. */
export const IMPORT_QUOTE_CONTEXT = { before: 8, after: 1 } as const;
/** A line longer than this is no paragraph of a release; it is not read for a speaker. */
export const IMPORT_QUOTE_LINE_MAX = 4000;

/** One line of the cleaned source the person made a quote, with the lines around it (`index`: the quote's line among them). */
export const ImportReadQuoteSchema = z
  .object({
    lines: z
      .array(z.string().max(IMPORT_QUOTE_LINE_MAX, 'a line is at most 4,000 characters'))
      .min(1)
      .max(IMPORT_QUOTE_CONTEXT.before + 1 + IMPORT_QUOTE_CONTEXT.after),
    index: z.number().int().min(0),
  })
  .strict()
  .refine((v) => v.index < v.lines.length, { message: 'the index is past the last line', path: ['index'] });

/** Who said a quote, as the importer reads it beside the quotation; null where the text does not say. */
export interface ImportQuoteSpeaker {
  speaker: string | null;
  role: string | null;
}

/** A person read from one line, with the library's contact they match. */
export type ImportContactRead = ImportedContact & { match: ImportContactMatch | null };

export const IMPORT_API = {
  /** Parses one source in a worker and returns the draft for review. Stores nothing. */
  'import.preview': method<ImportPreview>()(ImportPreviewInputSchema),
  /** Stores a reviewed draft: release, contacts (matched or created) and the original, in one transaction. */
  'import.commit': method<ImportCommitted>()(ImportCommitInputSchema),
  /** Reads the media contacts in one line of a source, as the importer reads a contact block. Stores nothing. */
  'import.readContact': method<ImportContactRead[]>()(ImportReadContactSchema),
  /** Reads who said the quote in one line of a source (and their role), as the importer reads a quote's speaker. Stores nothing. */
  'import.readQuote': method<ImportQuoteSpeaker>()(ImportReadQuoteSchema),
} as const;

/** A headline must hold a letter: "-" or "28/05/2010" is page furniture picked by mistake. The rule the commit applies, and the review and the CLI word before it. */
export function headlineHasLetters(headline: string | null | undefined): boolean {
  return /\p{L}/u.test(headline ?? '');
}

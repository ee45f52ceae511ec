import { z } from 'zod';

/**
 * What a library check finds, as a code and its parameters, so that the UI words it in the
 * person's language. SQLite's own findings keep its English detail as a parameter: it names
 * pages and tables, and it is what a support engineer will ask for.
 */
export const LibraryProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('DATABASE_DAMAGED'), params: z.object({ detail: z.string() }) }),
  z.object({ code: z.literal('BROKEN_REFERENCES'), params: z.object({ count: z.number().int().min(1) }) }),
  z.object({ code: z.literal('FILE_MISSING'), params: z.object({ file: z.string() }) }),
  z.object({ code: z.literal('CHECK_FAILED'), params: z.object({ reason: z.string() }) }),
]);

export type LibraryProblem = z.infer<typeof LibraryProblemSchema>;
export type LibraryProblemCode = LibraryProblem['code'];

/** The problem in English, for the CLI and as the UI's fallback. */
export function libraryProblemText(p: LibraryProblem): string {
  switch (p.code) {
    case 'DATABASE_DAMAGED':
      return `the database reports: ${p.params.detail}`;
    case 'BROKEN_REFERENCES':
      return `${p.params.count} broken references between tables`;
    case 'FILE_MISSING':
      return `the file ${p.params.file}… of an attachment is missing from the library folder`;
    case 'CHECK_FAILED':
      return `the check could not run: ${p.params.reason}`;
  }
}

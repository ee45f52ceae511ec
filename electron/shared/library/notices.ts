import { z } from 'zod';

/**
 * What the core has to tell the person once when a library opens, as a code and its
 * parameters so the UI words it in the person's language. Today there is one: a damaged
 * library was moved aside and this is a new, empty one. A notice stays until it is marked
 * seen (the UI's dismiss, or the CLI having printed it), so the first window to open says it.
 */
export const NoticeIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a notice id is letters, digits and "-"');

export const LibraryNoticeSchema = z.discriminatedUnion('code', [
  z.object({
    id: NoticeIdSchema,
    code: z.literal('MOVED_ASIDE'),
    /** `movedTo`: the folder the old files are in; `reason`: SQLite's words, kept in English. */
    params: z.object({ dir: z.string(), movedTo: z.string(), reason: z.string() }),
  }),
]);

export type LibraryNotice = z.infer<typeof LibraryNoticeSchema>;

/** The notice in English, for the CLI and as the UI's fallback. */
export function libraryNoticeText(n: LibraryNotice): string {
  switch (n.code) {
    case 'MOVED_ASIDE':
      return (
        `The library in ${n.params.dir} was damaged (${n.params.reason}) and was moved, untouched, to ${n.params.movedTo}; ` +
        'this is a new, empty library. Restore a backup with `dateline restore FILE`.'
      );
  }
}

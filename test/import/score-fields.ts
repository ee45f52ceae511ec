import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ImportedContact, ImportedRelease } from '../../electron/shared/import/contract';

/**
 * The figures `npm run import:score` prints: for each case, whether the importer got each field a
 * person checks first. An expectation leaves a field out when the page does not show it (a copy
 * cut short has no contacts to compare), and that field is then not counted for the case.
 */

export const SCORED_FIELDS = ['headline', 'dateline', 'date', 'bodyStart', 'bodyEnd', 'contactNames', 'contactEmails'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export const CaseExpectationSchema = z
  .object({
    /** Where the page came from and in what language, for the person reading the figures. */
    source: z.string().optional(),
    language: z.enum(['en', 'fr', 'es', 'ar']).optional(),
    organisation: z.string().optional(),
    headline: z.string().nullable().optional(),
    dateline: z.string().nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).nullable().optional(),
    /** The first words of the body's first paragraph, after the dateline. */
    bodyStart: z.string().nullable().optional(),
    /** The last words of the body's last paragraph. */
    bodyEnd: z.string().nullable().optional(),
    contactNames: z.array(z.string()).optional(),
    contactEmails: z.array(z.string()).optional(),
    /** A page with no release in it: the importer must refuse it. */
    refused: z.boolean().optional(),
  })
  .strict();
export type CaseExpectation = z.infer<typeof CaseExpectationSchema>;

export const norm = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFC')
    .replace(/[‘’]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(/[\u00A0\s]+/gu, ' ')
    // "Bogotá / Nueva York" and "Bogotá/Nueva York" name the same places.
    .replace(/ ?\/ ?/gu, '/')
    .trim()
    .toLowerCase();

const sameSet = (a: string[], b: string[]) => JSON.stringify(a.map(norm).sort()) === JSON.stringify(b.map(norm).sort());

/** Per field: true (right), false (wrong) or null (not scored for this case). */
export function scoreCase(
  want: CaseExpectation,
  got: { release: ImportedRelease; contacts: ImportedContact[] } | null,
): Record<ScoredField, boolean | null> {
  const out = Object.fromEntries(SCORED_FIELDS.map((f) => [f, null])) as Record<ScoredField, boolean | null>;
  if (want.refused) {
    // Every field of a page that must be refused is right only when it is refused.
    for (const f of SCORED_FIELDS) out[f] = got === null;
    return out;
  }
  const r = got?.release;
  const body = r?.body ?? [];
  const first = norm(body[0]);
  const last = norm(body[body.length - 1]);
  if (want.headline !== undefined) out.headline = r !== undefined && norm(r.headline) === norm(want.headline);
  if (want.dateline !== undefined) out.dateline = r !== undefined && norm(r.datelinePlace) === norm(want.dateline);
  if (want.date !== undefined) out.date = r !== undefined && (r.releaseDate ?? null) === want.date;
  if (want.bodyStart !== undefined) out.bodyStart = r !== undefined && (want.bodyStart === null ? body.length === 0 : body.length > 0 && first.startsWith(norm(want.bodyStart)));
  if (want.bodyEnd !== undefined) out.bodyEnd = r !== undefined && (want.bodyEnd === null ? body.length === 0 : body.length > 0 && last.endsWith(norm(want.bodyEnd)));
  if (want.contactNames !== undefined) out.contactNames = got !== null && sameSet(got.contacts.map((c) => c.name ?? '').filter(Boolean), want.contactNames);
  if (want.contactEmails !== undefined) out.contactEmails = got !== null && sameSet(got.contacts.map((c) => c.email ?? '').filter(Boolean), want.contactEmails);
  return out;
}

/** One case of a folder: its input file beside `<id>.expected.json`, and what a person wrote of it. */
export interface FolderCase {
  id: string;
  /** The input file's name and full path. */
  input: string;
  path: string;
  want: CaseExpectation;
}

/**
 * The cases of a folder in name order (the scorer's and the headline trainer's); throws, naming
 * the folder or the file, when the folder cannot be read, a case has no input beside it, or its
 * expectation does not fit the schema.
 */
export function readCaseFolder(dir: string): FolderCase[] {
  const root = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(root).sort();
  } catch (e) {
    throw new Error(`cannot read the folder ${root}: ${(e as Error).message}`, { cause: e });
  }
  return files
    .filter((x) => x.endsWith('.expected.json'))
    .map((f) => {
      const id = f.replace(/\.expected\.json$/u, '');
      const input = files.find((x) => x.startsWith(`${id}.`) && !x.endsWith('.expected.json') && statSync(join(root, x)).isFile());
      if (!input) throw new Error(`case ${id} has no input file beside ${f}`);
      const parsed = CaseExpectationSchema.safeParse(JSON.parse(readFileSync(join(root, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { id, input, path: join(root, input), want: parsed.data };
    });
}

import { z } from 'zod';
import { DocIdSchema, RevSchema } from './documents';

/** How a contract method is declared, and the inputs and results every domain's contract shares; see contract.ts. */

export type Access = 'any' | 'local';

export interface MethodDef<I extends z.ZodType, O, J extends boolean = boolean> {
  input: I;
  /** 'local' methods touch paths on this computer: the CLI and the desktop shell only. */
  access: Access;
  /** Long work: the call returns a job id; progress and the result arrive as events. */
  job: J;
  /** Phantom: the result type. */
  readonly _output?: O;
}

const LOCAL_PATHS = new WeakSet<z.ZodType>();

/**
 * A path on this computer, in a method's input. Declaring a field with it is what makes the
 * method 'local' (CLI and desktop shell only, refused over HTTP): a new method that takes a
 * path is on the safe side without anyone remembering to say so.
 */
export function localPath(): z.ZodString {
  // A zero character cannot be in a file name; Node refuses such a path with an error of its own, after the job has begun.
  const schema = z
    .string()
    .min(1, 'the path is empty')
    .max(4096, 'the path is longer than 4096 characters')
    .refine((p) => !p.includes('\u0000'), 'the path holds a zero character (U+0000), which no file name can')
    // Relative to what? The core runs in its own process, whose working folder is nobody's choice:
    // each caller (the CLI from where it was run, the desktop app from a dialog) gives a full path.
    .refine(isAbsolutePath, 'not an absolute path: give the full path, from the root of the disk (such as /home/amina/kit or C:\\Users\\amina\\kit)');
  LOCAL_PATHS.add(schema);
  return schema;
}

/** A full path on POSIX ("/…") or Windows ("C:\\…", "C:/…", "\\\\server\\share…"); shared code has no node:path. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

export function isLocalPath(schema: z.ZodType): boolean {
  return LOCAL_PATHS.has(schema);
}

function isSchema(v: unknown): v is z.ZodType {
  return typeof v === 'object' && v !== null && '_zod' in v;
}

/** True when a local path sits anywhere in the schema: a field, an optional, an array, a union. */
export function takesLocalPath(schema: z.ZodType, seen = new Set<z.ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (LOCAL_PATHS.has(schema)) return true;
  const def = schema._zod.def as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(def)) {
    const children = isSchema(value) ? [value] : Array.isArray(value) ? value.filter(isSchema) : key === 'shape' && value ? Object.values(value).filter(isSchema) : [];
    if (children.some((c) => takesLocalPath(c, seen))) return true;
  }
  return false;
}

function accessOf(name: string, input: z.ZodType, asked: Access | undefined): Access {
  const local = takesLocalPath(input);
  if (local && asked === 'any') throw new Error(`${name}: a method that takes a path on this computer cannot be open to web mode`);
  return asked ?? (local ? 'local' : 'any');
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { access?: Access } = {}): MethodDef<I, O, false> => ({
    input,
    access: accessOf('method', input, opts.access),
    job: false,
  });
}

/** A long-running method: returns `{ jobId }` at once; its result `O` arrives with job.done. */
export function jobMethod<O>() {
  return <I extends z.ZodType>(input: I, opts: { access?: Access } = {}): MethodDef<I, O, true> => ({
    input,
    access: accessOf('job method', input, opts.access),
    job: true,
  });
}

export const Empty = z.object({}).strict();
export const Limit = z.number().int().min(1).max(500).default(50);
export const Cursor = z.string().max(200).nullable().default(null);
export const Query = z.string().max(500);
/** A list narrowed to these documents (what a kit holds, named in its builder): a page's worth at most. */
export const ListIds = z.array(DocIdSchema).min(1).max(500);
export const BaseRev = RevSchema.nullable().default(null);

export interface Created {
  id: string;
  rev: string;
}

/**
 * What became of changes made elsewhere (a sync, another window, an import's merge) while a
 * person edited a document: none came; they were merged with the person's edit; the same
 * field was changed on both sides, so both versions are kept and the case waits in the
 * conflicts inbox; or the document was deleted elsewhere, so the person's version is kept
 * beside the deletion and that case waits in the inbox.
 */
export type Meanwhile = 'nothing' | 'merged' | 'conflict' | 'deleted';

/** An edit saved as a three-way merge against the revision it was made on: the revision written (the person's own branch after a conflict). */
export interface Saved extends Created {
  meanwhile: Meanwhile;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  total: number;
}

export interface NamedSummary {
  id: string;
  rev: string;
  name: string;
  updatedAt: string;
}

/**
 * A change to some fields: each field optional and, unlike `.partial()` in zod 4, without its
 * default, so a field left out stays as it is instead of being reset.
 */
export function changeOf<T extends z.ZodObject>(fields: T) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(fields.shape as Record<string, z.ZodType>)) {
    shape[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Partial<z.output<T>>, Partial<z.input<T>>>;
}

export const fieldsUpdate = <T extends z.ZodObject>(fields: T) =>
  z
    .object({
      id: DocIdSchema,
      rev: BaseRev,
      fields: changeOf(fields),
    })
    .strict();

export const pageInput = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ limit: Limit, cursor: Cursor, query: Query.optional(), ...shape }).strict();

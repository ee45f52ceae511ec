import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { API } from '../../electron/shared/contract';
import { IsoDateSchema } from '../../electron/shared/documents';
import { isLocalPath, jobMethod, localPath, method, takesLocalPath } from '../../electron/shared/methods';

/**
 * A method that reads or writes a path on this computer must never be reachable over HTTP, where
 * any web page in the person's browser could try it. The contract says so by the field itself:
 * a `localPath()` makes its method 'local', and a path written as a plain string is caught here.
 */

/** Names a field holding a path would have. */
const PATH_LIKE = /^(?:path|paths|file|files|filename|out|outDir|outFile|from|to|dir|folder|directory|dest|destination|target|source|library|location)$/iu;

/** Every free string field of an input schema (no pattern: a date or an id is no path) with its key, through objects, optionals, arrays and unions. */
function stringFields(schema: z.ZodType, key = '', out: Array<{ key: string; schema: z.ZodType }> = [], seen = new Set<z.ZodType>()): typeof out {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  // A date (YYYY-MM-DD, checked by refinements that name their issue) is no path either.
  if (def.type === 'string' && (schema as z.ZodString).format === null && schema !== IsoDateSchema) out.push({ key, schema });
  for (const [k, v] of Object.entries(def)) {
    if (k === 'shape' && v) for (const [field, s] of Object.entries(v as Record<string, z.ZodType>)) stringFields(s, field, out, seen);
    else if (typeof v === 'object' && v !== null && '_zod' in v) stringFields(v as z.ZodType, key, out, seen);
    else if (Array.isArray(v)) for (const s of v) if (typeof s === 'object' && s !== null && '_zod' in s) stringFields(s as z.ZodType, key, out, seen);
  }
  return out;
}

describe('methods that touch paths on this computer', () => {
  const methods = Object.entries(API) as Array<[string, { input: z.ZodType; access: string }]>;

  it('every field that names a path is a local path, and its method is local', () => {
    const plain: string[] = [];
    const open: string[] = [];
    for (const [name, def] of methods) {
      for (const f of stringFields(def.input)) if (PATH_LIKE.test(f.key) && !isLocalPath(f.schema)) plain.push(`${name}.${f.key}`);
      if (takesLocalPath(def.input) && def.access !== 'local') open.push(name);
    }
    expect(plain).toEqual([]);
    expect(open).toEqual([]);
  });

  it('the methods that take a path are exactly the file ones', () => {
    const withPath = methods.filter(([, def]) => takesLocalPath(def.input)).map(([name]) => name).sort();
    expect(withPath).toEqual(['contact.exportFile', 'contact.importFile', 'kit.export', 'library.backup', 'library.checkBackup', 'library.restore', 'sync.export', 'sync.import']);
  });

  it('a new method is local by declaring a path, and cannot be opened to web mode', () => {
    expect(method<null>()(z.object({ out: localPath() }).strict()).access).toBe('local');
    expect(jobMethod<null>()(z.object({ items: z.array(z.object({ from: localPath().optional() })) })).access).toBe('local');
    expect(method<null>()(z.union([z.object({ text: z.string() }), z.object({ dir: localPath() })])).access).toBe('local');
    expect(method<null>()(z.object({ text: z.string() })).access).toBe('any');
    expect(() => method<null>()(z.object({ out: localPath() }), { access: 'any' })).toThrow(/cannot be open to web mode/);
  });
});

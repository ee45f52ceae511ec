import type { Created } from '../../shared/contract';
import { DatelineError } from '../../shared/errors';
import { checkKnownFields, type Doc, type DocType } from '../../shared/documents';
import type { CoreContext } from '../context';
import type { Body, StoredDoc } from './docstore';

/** The contract's view of a stored document: id, rev, type, its fields and unknown fields. */
export function toDoc<T extends DocType>(d: StoredDoc): Doc<T> {
  return { ...d.body, id: d.id, rev: d.rev, type: d.type, conflicted: d.conflicted } as Doc<T>;
}

/**
 * Validates the fields this version knows and keeps the others as they are, so that what a
 * newer app or another office wrote survives an edit made here.
 */
export function validateKnown(type: DocType, body: Body, where: (string | number)[] = ['fields']): Body {
  const checked = checkKnownFields(type, body);
  if (!checked.ok) {
    const path = [...where, ...checked.path];
    throw new DatelineError('INVALID_INPUT', `${path.join('.')}: ${checked.message}`, { path, params: { field: path.join('.') } });
  }
  return checked.fields;
}

export function createDoc(ctx: CoreContext, type: DocType, fields: Body): Created {
  const d = ctx.library.docs.create(type, fields, { author: ctx.library.author });
  return { id: d.id, rev: d.rev };
}

/** Applies a partial change on top of `rev` (the current winner when null). */
export function updateDoc(ctx: CoreContext, type: DocType, id: string, rev: string | null, patch: Body): Created {
  const docs = ctx.library.docs;
  // Read and write in one write transaction: without a rev, the current winner read here is
  // still the winner when the new revision goes on it, so another process's write in between
  // is waited for, never reported as a CONFLICT.
  return ctx.library.db
    .transaction((): Created => {
      const current = docs.require(id, type);
      const base = rev && rev !== current.rev ? docs.getRevision(id, rev).body : current.body;
      const merged = validateKnown(type, { ...base, ...patch });
      const d = docs.update(id, merged, { author: ctx.library.author }, rev ?? current.rev);
      return { id: d.id, rev: d.rev };
    })
    .immediate();
}

export function getDoc<T extends DocType>(ctx: CoreContext, type: T, id: string): Doc<T> {
  return toDoc<T>(ctx.library.docs.require(id, type));
}

/** Opaque keyset cursors: the sort key and rowid of the last row of the page. */
export function encodeCursor(key: string | number, rowid: number): string {
  return Buffer.from(JSON.stringify([key, rowid])).toString('base64url');
}

export function decodeCursor(cursor: string | null): [string | number, number] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'number') {
      return [v[0], v[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new DatelineError('INVALID_INPUT', 'cursor: this page cursor is not one Dateline gave out; start from the first page.', {
    path: ['cursor'],
  });
}

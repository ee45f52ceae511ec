import { existsSync } from 'node:fs';
import { DatelineError } from '../../shared/errors';
import { TRASH_LIST_MAX, TRASHABLE_TYPES, type DeletedItem, type TrashableType, type TrashRestored } from '../../shared/library/trash-contract';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import { removeFile } from '../attachments/images';
import { emptyReleaseTrash } from '../releases/lifecycle';
import { noSuchDoc, type Body } from '../store/docstore';
import { validateKnown } from '../store/repository';
import { prepared } from '../store/statements';

/**
 * The trash of contacts, outlets, kits and attachments. Deleting one writes a tombstone (so the
 * deletion syncs) and keeps the version before it: while that body is kept the document is in
 * the trash and can come back. Emptying the trash compacts those bodies away, so nothing is
 * left to restore, and takes the files of the attachments emptied off this computer.
 */

const TYPES_SQL = `(${TRASHABLE_TYPES.map((t) => `'${t}'`).join(', ')})`;

/** A deleted document of a trashable type whose last version before its deletion is still kept. */
const IN_TRASH = `FROM docs d
  JOIN rev_tree t ON t.doc_rowid = d.rowid AND t.rev = d.winner
  JOIN rev_tree p ON p.doc_rowid = d.rowid AND p.rev = t.parent
  JOIN bodies b ON b.id = p.body_id
  WHERE d.deleted = 1 AND d.type IN ${TYPES_SQL}`;

interface TrashRow {
  id: string;
  type: TrashableType;
  author: string;
  at: string;
  parent: string;
  json: string;
}

/** What the document's own list calls it. */
export function trashName(type: TrashableType, body: Body): string {
  const value = type === 'kit' ? body.title : type === 'attachment' ? body.originalName : body.name;
  return typeof value === 'string' ? value : '';
}

function parse(json: string): Body {
  try {
    return JSON.parse(json) as Body;
  } catch {
    return {};
  }
}

function list(ctx: CoreContext): { items: DeletedItem[]; total: number } {
  const db = ctx.library.db;
  const rows = prepared(db, `SELECT d.id, d.type, t.author, t.at, p.rev AS parent, b.json ${IN_TRASH} ORDER BY t.at DESC, d.id LIMIT ?`).all(TRASH_LIST_MAX) as TrashRow[];
  const total = (prepared(db, `SELECT count(*) AS n ${IN_TRASH}`).get() as { n: number }).n;
  return {
    items: rows.map((r) => ({ id: r.id, type: r.type, name: trashName(r.type, parse(r.json)), deletedBy: r.author, deletedAt: r.at })),
    total,
  };
}

function trashRow(ctx: CoreContext, id: string): TrashRow | undefined {
  return prepared(ctx.library.db, `SELECT d.id, d.type, t.author, t.at, p.rev AS parent, b.json ${IN_TRASH} AND d.id = ?`).get(id) as TrashRow | undefined;
}

/** A live document of the type with the same name, whatever its capitals: the one a restore would stand beside. */
function sameName(ctx: CoreContext, type: TrashableType, name: string): string | undefined {
  const table = type === 'contact' ? 'contact_p' : type === 'outlet' ? 'outlet_p' : type === 'kit' ? 'kit_p' : null;
  if (table === null || name.trim() === '') return undefined;
  const column = type === 'kit' ? 'title' : 'name';
  const row = prepared(
    ctx.library.db,
    `SELECT d.id FROM ${table} p JOIN docs d ON d.rowid = p.doc_rowid WHERE d.deleted = 0 AND lower(trim(p.${column})) = lower(trim(?)) LIMIT 1`,
  ).get(name) as { id: string } | undefined;
  return row?.id;
}

function restore(ctx: CoreContext, id: string, allowSameName: boolean): TrashRestored {
  return ctx.library.db
    .transaction((): TrashRestored => {
      const docs = ctx.library.docs;
      const stored = docs.getStored(id);
      if (!stored) throw noSuchDoc(id);
      const row = trashRow(ctx, id);
      if (!row) {
        throw new DatelineError('INVALID_INPUT', `id: "${id}" is not in the trash (it was restored meanwhile, or deleted for good); nothing was changed.`, {
          path: ['id'],
          params: { field: 'id', id, reason: 'notInTrashAny' },
        });
      }
      const type = row.type;
      const { deleted: _deleted, ...old } = ctx.library.repo.showRevision(type, id, row.parent);
      const fields: Body = validateKnown(type, old);
      const name = trashName(type, fields);
      if (!allowSameName) {
        const other = sameName(ctx, type, name);
        if (other !== undefined) {
          throw new DatelineError('CONFLICT', `A ${type} named "${name}" is already in the library ("${other}"); restore anyway to keep both, or rename one first. Nothing was restored.`, {
            params: { id, other, name, type, reason: 'nameTaken' },
          });
        }
      }
      let outletDropped = false;
      if (type === 'contact' && typeof fields.outlet === 'string') {
        const outlet = docs.getStored(fields.outlet);
        if (!outlet || outlet.deleted) {
          const inTrash = trashRow(ctx, fields.outlet);
          if (inTrash) {
            const outletName = trashName('outlet', parse(inTrash.json));
            throw new DatelineError('CONFLICT', `"${name}" works for the outlet "${outletName}", which is in the trash too: restore the outlet first. Nothing was restored.`, {
              params: { id, other: fields.outlet, name, parent: outletName, type, reason: 'parentInTrash' },
            });
          }
          fields.outlet = null;
          outletDropped = true;
        }
      }
      if (type === 'attachment') {
        const sha = typeof fields.sha256 === 'string' ? fields.sha256 : '';
        if (!existsSync(ctx.blobs.path(sha))) {
          throw new DatelineError('NOT_FOUND', `The file of "${name}" is no longer on this computer, so it cannot come back; add the file again instead. Nothing was restored.`, {
            params: { id, name, type, reason: 'trashFileGone' },
          });
        }
      }
      const d = docs.update(id, fields, { author: ctx.library.author }, stored.rev);
      return { id: d.id, rev: d.rev, type, name, outletDropped };
    })
    .immediate();
}

/** Documents compacted per transaction when the trash is emptied: a writer elsewhere waits for one batch only. */
const EMPTY_BATCH = 200;

function empty(ctx: CoreContext): { releases: number; others: number } {
  const releases = emptyReleaseTrash(ctx);
  const db = ctx.library.db;
  const batch = prepared(db, `SELECT d.id, d.type, b.json ${IN_TRASH} LIMIT ?`);
  const files = new Set<string>();
  let others = 0;
  for (;;) {
    const rows = batch.all(EMPTY_BATCH) as Pick<TrashRow, 'id' | 'type' | 'json'>[];
    const emptied = db
      .transaction(() => {
        let n = 0;
        for (const r of rows) {
          ctx.library.docs.compact(r.id);
          if (trashRow(ctx, r.id)) continue;
          n += 1;
          const sha = r.type === 'attachment' ? parse(r.json).sha256 : undefined;
          if (typeof sha === 'string') files.add(sha);
        }
        return n;
      })
      .immediate();
    others += emptied;
    // A version compaction must keep (the base of an open conflict) stays: stop rather than go round.
    if (rows.length < EMPTY_BATCH || emptied === 0) break;
  }
  const held = prepared(db, 'SELECT 1 FROM attachment_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.sha256 = ? AND d.deleted = 0');
  for (const sha of files) {
    if (held.get(sha) !== undefined || !/^[0-9a-f]{64}$/.test(sha)) continue;
    try {
      removeFile(ctx.blobs, sha);
    } catch {
      // A file the system would not let go (busy, permissions) stays, harmless, named by its hash.
    }
  }
  return { releases, others };
}

export const trashHandlers: Pick<Handlers, 'trash.list' | 'trash.restore' | 'trash.empty'> = {
  'trash.list': (_input, ctx) => list(ctx),
  'trash.restore': (input, ctx) => restore(ctx, input.id, input.allowSameName === true),
  'trash.empty': (_input, ctx) => empty(ctx),
};

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Doc, KitItem } from '../../shared/documents';
import { FORMAT_MEDIA_TYPES } from '../../shared/kits/layout';
import type { KIT_API, KitSummary } from '../../shared/kits/contract';
import type { Handlers } from '../dispatcher';
import { assertUsableInKit } from '../releases/gate';
import { listPage, type ListedRow } from '../store/paging';
import { decodeDoc } from '../store/repository';
import type { Body } from '../store/docstore';
import { inTempFolder } from '../litter';
import { newDownloadFolder, offerDownload, removeDownloadFolder } from '../library/downloads';
import { exportKit } from './export';
import { kitEmbargoes } from './list-embargo';
import { previewKit } from './preview';

const releaseIds = (items: readonly KitItem[]): string[] => items.flatMap((i) => (i.kind === 'release' ? [i.id] : []));
/** The items of a stored kit body (none in one written before kits had items). */
const storedItems = (body: Readonly<Body>): readonly KitItem[] => (Array.isArray(body.items) ? (body.items as KitItem[]) : []);

export const kitHandlers: Pick<Handlers, keyof typeof KIT_API> = {
  'kit.create': (input, ctx) => {
    assertUsableInKit(ctx, releaseIds(input.items));
    return ctx.library.repo.create('kit', input);
  },
  // Releases already in the kit may stay whatever became of them (the export names them); new ones must be usable.
  'kit.update': (input, ctx) =>
    ctx.library.repo.commit('kit', input.id, input.rev, input.fields, {
      check: (before, after) => assertUsableInKit(ctx, releaseIds(after.items), new Set(releaseIds(storedItems(before)))),
    }),
  'kit.get': (input, ctx) => ctx.library.repo.show('kit', input.id),
  // The page's kit bodies come with the list query, and their releases in one more (list-embargo.ts).
  'kit.list': (input, ctx) => {
    const page = listPage<'kit_p', { row: ListedRow<'kit_p'>; kit: Doc<'kit'> | null }, { body: string | null }>(ctx.library.db, {
      table: 'kit_p',
      extra: '(SELECT r.body FROM revs r WHERE r.doc_rowid = p.doc_rowid AND r.rev = d.winner) AS body',
      sort: { column: 'updated_at', direction: 'DESC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (row) => ({ row, kit: row.body === null ? null : decodeDoc('kit', { id: row.id, rev: row.rev, body: JSON.parse(row.body) as Body, conflicted: false }) }),
    });
    const embargoes = kitEmbargoes(ctx, page.items.flatMap((x) => (x.kit ? [x.kit] : [])));
    return {
      ...page,
      items: page.items.map(({ row: r }): KitSummary => ({ id: r.id, rev: r.rev, title: r.title, language: r.language, itemCount: r.item_count, updatedAt: r.updated_at, embargo: embargoes.get(r.id) ?? null })),
    };
  },
  'kit.preview': (input, ctx) => previewKit(ctx, input.id),
  'kit.export': (input, ctx, job) => exportKit(ctx, input.id, input.formats, input.outDir, job, { confirmEmbargo: input.confirmEmbargo }),
  // Web mode touches no path the caller names: the export is made in the library's own tmp/
  // folder, read back and removed.
  'kit.exportFile': (input, ctx, job) =>
    inTempFolder(ctx.dir, 'export', async (dir) => {
      const result = await exportKit(ctx, input.id, [input.format], dir, job, { confirmEmbargo: input.confirmEmbargo });
      const file = result.files[0]!;
      const bytes = readFileSync(file.path);
      return {
        name: file.path.slice(dir.length + 1),
        mediaType: FORMAT_MEDIA_TYPES[input.format],
        data: bytes.toString('base64'),
        bytes: bytes.length,
        warnings: result.warnings,
      };
    }),
  // Web mode's download: the file waits in the library's tmp/ for one fetch by the browser, which
  // saves it to disk as it arrives (a ZIP with photos can be hundreds of MB).
  'kit.exportDownload': async (input, ctx, job) => {
    const folder = newDownloadFolder(ctx.dir, 'kitExport');
    try {
      const result = await exportKit(ctx, input.id, [input.format], folder, job, { confirmEmbargo: input.confirmEmbargo });
      const file = result.files[0]!;
      const name = basename(file.path);
      const download = offerDownload({ path: file.path, name, bytes: file.bytes, folder });
      return { download, name, mediaType: FORMAT_MEDIA_TYPES[input.format], bytes: file.bytes, warnings: result.warnings };
    } catch (e) {
      removeDownloadFolder(folder);
      throw e;
    }
  },
};

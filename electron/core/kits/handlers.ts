import { readFileSync } from 'node:fs';
import type { KitItem } from '../../shared/documents';
import { FORMAT_MEDIA_TYPES } from '../../shared/kits/layout';
import type { KIT_API, KitSummary } from '../../shared/kits/contract';
import type { Handlers } from '../dispatcher';
import { assertUsableInKit } from '../releases/gate';
import { listPage } from '../store/paging';
import { inTempFolder } from '../litter';
import { exportKit } from './export';
import { kitEmbargo } from './model';
import { previewKit } from './preview';

const releaseIds = (items: readonly KitItem[]): string[] => items.flatMap((i) => (i.kind === 'release' ? [i.id] : []));

export const kitHandlers: Pick<Handlers, keyof typeof KIT_API> = {
  'kit.create': (input, ctx) => {
    assertUsableInKit(ctx, releaseIds(input.items));
    return ctx.library.repo.create('kit', input);
  },
  // Releases already in the kit may stay whatever became of them (the export names them); new ones must be usable.
  'kit.update': (input, ctx) =>
    ctx.library.repo.update('kit', input.id, input.rev, input.fields, (before, after) =>
      assertUsableInKit(ctx, releaseIds(after.items), new Set(releaseIds(before.items))),
    ),
  'kit.get': (input, ctx) => ctx.library.repo.show('kit', input.id),
  'kit.list': (input, ctx) =>
    listPage(ctx.library.db, {
      table: 'kit_p',
      sort: { column: 'updated_at', direction: 'DESC' },
      where: [],
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r): KitSummary => {
        const kit = ctx.library.repo.find('kit', r.id);
        return { id: r.id, rev: r.rev, title: r.title, language: r.language, itemCount: r.item_count, updatedAt: r.updated_at, embargo: kit ? kitEmbargo(ctx, kit) : null };
      },
    }),
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
};

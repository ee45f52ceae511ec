import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_MEDIA_TYPES } from '../../shared/kit-layout';
import type { KitHandlers } from '../api/extensions';
import { exportKit } from './export';
import { previewKit } from './preview';

export const kitHandlers: KitHandlers = {
  'kit.preview': (input, ctx) => previewKit(ctx, input.id),
  'kit.export': (input, ctx, job) => exportKit(ctx, input.id, input.formats, input.outDir, job, { confirmEmbargo: input.confirmEmbargo }),
  // Web mode touches no path the caller names: the export is made in the library's own tmp/
  // folder, read back and removed.
  'kit.exportFile': async (input, ctx, job) => {
    const dir = join(ctx.dir, 'tmp', `export-${randomBytes(6).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    try {
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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

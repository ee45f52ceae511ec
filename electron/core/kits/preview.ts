import type { KitPreview } from '../../shared/kits/contract';
import type { CoreContext } from '../context';
import { renderKitHtml, type HtmlImage } from './html';
import { eachLimited, IMAGE_CONCURRENCY, rendition } from './images';
import { imagesOf, resolveKit } from './model';

/**
 * The live preview: the same HTML the PDF is printed from, with small photos inlined as data:
 * URLs (the preview frame is sandboxed and loads nothing) and the fonts left to the viewer.
 */
export async function previewKit(ctx: CoreContext, kitId: string): Promise<KitPreview> {
  // A missing file is marked where it would be; everything else is shown as it will print.
  const model = resolveKit(ctx, kitId, { requireItems: false, missingFiles: 'mark' });
  const rendered = await eachLimited(imagesOf(model), IMAGE_CONCURRENCY, async (a) => [a.id, await rendition(ctx, a, 'screen')] as const);
  const htmlImages = new Map<string, HtmlImage>(
    rendered.map(([id, r]) => [id, { src: `data:${r.mediaType};base64,${r.bytes.toString('base64')}`, width: r.width, height: r.height }]),
  );
  return {
    html: renderKitHtml(model, { images: htmlImages, bundledFonts: false, pages: 'none' }),
    pageSize: model.pageSize,
    embargo: model.embargo ? { at: model.embargo.at, timeZone: model.embargo.timeZone } : null,
    warnings: model.warnings,
    missingFiles: model.missingFiles,
    // Said before the export is pressed: whether it will download them, or what must come first.
    serverFiles: model.missingFiles.some((m) => m.onServer) ? (ctx.sync?.exportDownloads() ?? 'sync-first') : null,
  };
}

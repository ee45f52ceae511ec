import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { cancelledError, DatelineError } from '../../shared/errors';
import type { KitExportResult } from '../../shared/kits/contract';
import { jobStep, type JobStep } from '../../shared/library/job-steps';
import { bundleDocumentNames, EntryNamer, exportFileName, KIT_ORIGIN, kitBaseName, type ExportFormat } from '../../shared/kits/layout';
import type { CoreContext } from '../context';
import { diskFullError, type JobHandle } from '../jobs';
import { captionsCsv, vCards, type CaptionRow } from './bundle-text';
import { buildDocx } from './docx';
import { renderKitHtml, type HtmlImage, type RenderOptions } from './html';
import { bundledImage, eachLimited, IMAGE_CONCURRENCY, rendition, type Rendition, type RenderedImage } from './images';
import { imagesOf, resolveKit, type KitAttachment, type KitModel } from './model';
import { BlobStore } from '../attachments/blobs';
import { withFilesHere } from '../sync/files/files-here';
import { pdfPrinter, type PdfPrinter } from './pdf';
import { destinationPages } from './pdf-pages';
import { fontPath, KIT_FONTS } from './resources';
import { notePending } from '../litter';
import { alreadyCompressed, writeZip, type ZipEntry } from './zip';
import { warning, type Warning } from '../../shared/warnings';

/**
 * Exports a kit to the formats asked for. Everything is written under temporary names in the
 * destination folder and renamed only when every format is complete, so a failure or a cancel
 * leaves no file that looks like a finished export (and no half of a set).
 */

export interface ExportOptions {
  printer?: PdfPrinter;
  now?: Date;
  /** The person confirmed exporting a kit under embargo. */
  confirmEmbargo?: boolean;
}

class Progress {
  private done = 0;
  constructor(
    private readonly job: JobHandle | null,
    private readonly total: number,
  ) {
    job?.progress(0, total, jobStep('KIT_READING'));
  }
  step(message: JobStep, n = 1): void {
    this.done = Math.min(this.total, this.done + n);
    this.job?.progress(this.done, this.total, message);
  }
  check(): void {
    this.job?.throwIfCancelled();
  }
}


function checkOutDir(outDir: string): void {
  if (!isAbsolute(outDir)) {
    throw new DatelineError('INVALID_INPUT', `outDir: "${outDir}" is not an absolute path; give the full path of the folder to export to.`, { path: ['outDir'], params: { path: outDir, reason: 'folderNotAbsolute' } });
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new DatelineError('FILE_UNWRITABLE', `Cannot write the export in ${outDir}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'it is a file, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'this user may not write there' : code === 'EROFS' ? 'the disk is read-only' : code ?? String(e)}; nothing was written.`, {
      path: ['outDir'],
      params: { path: outDir, reason: code === 'EEXIST' || code === 'ENOTDIR' ? 'isFile' : code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'EROFS' ? 'readOnlyDisk' : 'writeFailed' },
    });
  }
  if (!statSync(outDir).isDirectory()) {
    throw new DatelineError('NOT_A_FILE', `${outDir} is a file, not a folder; give the folder to export to.`, { path: ['outDir'], params: { path: outDir } });
  }
}

/** Files being written; removed unless `commit` renames them into place. */
class Staging {
  private readonly temps = new Map<string, string>(); // final → temp
  private readonly notes: (() => void)[] = [];

  constructor(
    private readonly dir: string,
    private readonly libraryDir: string,
  ) {}

  tempFor(finalName: string): string {
    // A dot-name with ".part": hidden in most file managers, never mistaken for the export.
    const temp = join(this.dir, `.${finalName}.${randomBytes(6).toString('hex')}.part`);
    this.temps.set(join(this.dir, finalName), temp);
    // Noted in the library, so the next start removes it if this process is killed.
    this.notes.push(notePending(this.libraryDir, temp));
    return temp;
  }

  private forget(): void {
    for (const done of this.notes.splice(0)) done();
  }

  /** Writes a file's bytes, or its pieces one after the other (the DOCX, see packParts). */
  write(finalName: string, bytes: Buffer | readonly Buffer[]): void {
    const temp = this.tempFor(finalName);
    if (Buffer.isBuffer(bytes)) {
      writeFileSync(temp, bytes, { flag: 'wx' });
      return;
    }
    const fd = openSync(temp, 'wx');
    try {
      for (const piece of bytes) for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
    } finally {
      closeSync(fd);
    }
  }

  commit(): { path: string; bytes: number }[] {
    const out: { path: string; bytes: number }[] = [];
    for (const [final, temp] of this.temps) {
      const fd = openSync(temp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      out.push({ path: final, bytes: statSync(temp).size });
    }
    for (const [final, temp] of this.temps) renameSync(temp, final);
    this.temps.clear();
    this.forget();
    return out;
  }

  discard(): void {
    for (const temp of this.temps.values()) rmSync(temp, { force: true });
    this.temps.clear();
    this.forget();
  }
}

async function renditions(ctx: CoreContext, images: KitAttachment[], which: Rendition, progress: Progress, message: JobStep): Promise<Map<string, RenderedImage>> {
  const list = await eachLimited(images, IMAGE_CONCURRENCY, async (a) => {
    progress.check();
    const r = await rendition(ctx, a, which);
    progress.step(message);
    return [a.id, r] as const;
  });
  return new Map(list);
}

/** The HTML and the files the printer may serve for it. */
function printableHtml(model: KitModel, images: Map<string, RenderedImage>, which: Rendition, render: Pick<RenderOptions, 'pages' | 'draft'>): { html: string; files: Map<string, string> } {
  const files = new Map<string, string>();
  for (const f of KIT_FONTS) files.set(`${KIT_ORIGIN}/fonts/${f.file}`, fontPath(f.file));
  const htmlImages = new Map<string, HtmlImage>();
  for (const [id, img] of images) {
    const url = `${KIT_ORIGIN}/images/${encodeURIComponent(id)}-${which}.${img.mediaType === 'image/png' ? 'png' : 'jpg'}`;
    files.set(url, img.path);
    htmlImages.set(id, { src: url, width: img.width, height: img.height });
  }
  return { html: renderKitHtml(model, { images: htmlImages, bundledFonts: true, ...render }), files };
}

function checkedPdf(pdf: Buffer): Buffer {
  if (pdf.length < 5 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new DatelineError('INTERNAL', 'The PDF printer returned something that is not a PDF; nothing was written.', { params: { reason: 'notPdf' } });
  }
  return pdf;
}

/**
 * The kit's PDF. Chromium has no `target-counter()`, so the contents page gets its numbers
 * from a draft print first: the same layout with only the parts' headings painted (no photos,
 * no body text, untagged), whose named destinations say where each part starts, in a fraction
 * of a real print's time. Kit-lite has no numbers on its contents page (its entries are links)
 * and is printed once.
 */
async function printPdf(printer: PdfPrinter, model: KitModel, images: Map<string, RenderedImage>, which: Rendition, job: JobHandle | null): Promise<Buffer> {
  const signal = job ? { signal: job.signal } : {};
  const tagged = which !== 'lite';
  let pages: ReadonlyMap<string, number> | 'none' = 'none';
  if (which !== 'lite' && model.blocks.length > 0) {
    const draft = printableHtml(model, images, which, { pages: 'blank', draft: true });
    pages = destinationPages(checkedPdf(await printer.print(draft.html, { pageSize: model.pageSize, files: draft.files, tagged: false, ...signal })));
    job?.throwIfCancelled();
  }
  const final = printableHtml(model, images, which, { pages });
  return checkedPdf(await printer.print(final.html, { pageSize: model.pageSize, files: final.files, tagged, ...signal }));
}

function captionRows(model: KitModel, names: Map<string, string>): CaptionRow[] {
  return model.attachments
    .filter((a) => names.has(a.id))
    .map((a) => ({ file: names.get(a.id)!, caption: a.caption, credit: a.credit, altText: a.altText, usageRights: a.usageRights, usageExpires: a.usageExpires }));
}

/**
 * The office logo the ZIP carries in logos/, named after the office: it is on the cover, and a
 * journalist also needs it as a file. None when the kit already carries it as one of its files.
 */
function bundledLogo(model: KitModel): KitAttachment | null {
  const logo = model.logo;
  return logo && model.office && !model.attachments.some((a) => a.id === logo.id) ? logo : null;
}

function manifestItems(model: KitModel, names: Map<string, string>): Record<string, unknown>[] {
  return model.blocks.flatMap((b): Record<string, unknown>[] => {
    switch (b.kind) {
      case 'release':
        return [{ kind: 'release', id: b.release.id, language: b.release.language, headline: b.release.headline, embargo: b.release.embargo ? { at: b.release.embargo.at, timeZone: b.release.embargo.timeZone } : null }];
      case 'section':
        return [{ kind: 'section', sectionKind: b.sectionKind, title: b.title }];
      case 'photos':
        return b.photos.map((p) => ({ kind: 'photo', id: p.id, path: names.get(p.id) ?? null }));
      case 'files':
        return b.files.map((f) => ({ kind: 'file', id: f.id, path: names.get(f.id) ?? null }));
      case 'contacts':
        return b.contacts.map((c) => ({ kind: 'contact', id: c.id, name: c.name }));
    }
  });
}

async function writeBundle(ctx: CoreContext, model: KitModel, path: string, docx: Buffer, pdf: Buffer, progress: Progress, job: JobHandle | null, warnings: Warning[]): Promise<void> {
  const namer = new EntryNamer();
  const { docx: docxName, pdf: pdfName } = bundleDocumentNames(model.title, model.embargo?.at ?? null);
  for (const reserved of [docxName, pdfName, 'captions.csv', 'contacts.vcf', 'manifest.json']) namer.reserve(reserved);
  const names = new Map<string, string>();
  for (const a of model.attachments) {
    names.set(a.id, `${a.isImage ? 'photos' : 'files'}/${namer.take(a.originalName, a.isImage ? a.mediaType : null, a.isImage ? 'photo' : 'file')}`);
    if (/^video\//.test(a.mediaType)) {
      warnings.push(warning('KIT_VIDEO_METADATA', `"${a.originalName}" is a video: Dateline removes location from photos only, so check the video's metadata before sending the bundle.`, { name: a.originalName }));
    }
  }
  const logo = bundledLogo(model);
  if (logo) names.set(logo.id, `logos/${namer.take(model.office!.name, logo.mediaType, 'logo')}`);
  const logoPath = model.logo ? (names.get(model.logo.id) ?? null) : null;
  const files: Record<string, unknown>[] = [];
  const entries: ZipEntry[] = [
    { path: docxName, bytes: () => docx, compress: false },
    { path: pdfName, bytes: () => pdf, compress: false },
  ];
  for (const a of logo ? [...model.attachments, logo] : model.attachments) {
    const name = names.get(a.id)!;
    entries.push({
      path: name,
      compress: !alreadyCompressed(a.mediaType),
      bytes: async () => {
        progress.check();
        let bytes: Buffer;
        let mediaType = a.mediaType;
        let reencoded = false;
        if (a.isImage) ({ bytes, mediaType, reencoded } = await bundledImage(ctx, a));
        else bytes = ctx.blobs.read(a.sha256);
        files.push({
          path: name,
          attachmentId: a.id,
          originalName: a.originalName,
          mediaType,
          bytes: bytes.length,
          sha256: BlobStore.hash(bytes),
          width: a.width,
          height: a.height,
          caption: a.caption,
          credit: a.credit,
          altText: a.altText,
          usageRights: a.usageRights,
          usageExpires: a.usageExpires,
          locationMetadataRemoved: a.isImage,
          reencoded,
        });
        progress.step(jobStep('KIT_ZIP'));
        return bytes;
      },
    });
  }
  const captions = Buffer.from(captionsCsv(captionRows(model, names), model.language), 'utf8');
  const contacts = Buffer.from(vCards(model.spokespeople, model.language), 'utf8');
  entries.push({ path: 'captions.csv', bytes: () => captions, compress: true });
  entries.push({ path: 'contacts.vcf', bytes: () => contacts, compress: true });
  entries.push({
    path: 'manifest.json',
    compress: true,
    // Last, so it can list the hashes of the photos as they were written.
    bytes: () =>
      Buffer.from(
        `${JSON.stringify(
          {
            generator: 'Dateline',
            manifestVersion: 1,
            generatedAt: model.generatedAt.toISOString(),
            kit: { id: model.id, rev: model.rev, title: model.title, language: model.language, pageSize: model.pageSize, audience: model.audience },
            office: model.office ? { id: model.office.id, name: model.office.name, logo: logoPath } : null,
            embargo: model.embargo ? { at: model.embargo.at, timeZone: model.embargo.timeZone, notice: model.embargo.notice } : null,
            documents: [
              { path: docxName, bytes: docx.length, sha256: BlobStore.hash(docx) },
              { path: pdfName, bytes: pdf.length, sha256: BlobStore.hash(pdf) },
              { path: 'captions.csv', bytes: captions.length, sha256: BlobStore.hash(captions) },
              { path: 'contacts.vcf', bytes: contacts.length, sha256: BlobStore.hash(contacts), contacts: model.spokespeople.length },
            ],
            items: manifestItems(model, names),
            files,
          },
          null,
          2,
        )}\n`,
        'utf8',
      ),
  });
  await writeZip(path, entries, model.generatedAt, job?.signal);
}

/** Kit-lite: one small PDF, light photos with their captions under them, to open straight from an e-mail. */
async function liteBytes(ctx: CoreContext, model: KitModel, printer: PdfPrinter, progress: Progress, job: JobHandle | null): Promise<Buffer> {
  const lite = await renditions(ctx, imagesOf(model), 'lite', progress, jobStep('KIT_LIGHT_PHOTOS'));
  progress.check();
  const pdf = await printPdf(printer, model, lite, 'lite', job);
  progress.step(jobStep('KIT_LITE'));
  return pdf;
}

export async function exportKit(ctx: CoreContext, kitId: string, formats: ExportFormat[], outDir: string, job: JobHandle | null, opts: ExportOptions = {}): Promise<KitExportResult> {
  checkOutDir(outDir);
  // Files still on the server are downloaded first where sync can reach it; otherwise the export says which and where.
  const model = await withFilesHere(
    ctx,
    (notDownloaded) => resolveKit(ctx, kitId, { requireItems: true, ...(opts.now ? { now: opts.now } : {}), ...(notDownloaded ? { notDownloaded } : {}) }),
    job?.signal,
    (file, done) => job?.progress(done, file.size, jobStep('FILE_DOWNLOADING', { name: file.name })),
  );
  job?.about(formats.length === 1 ? { title: model.title, format: formats[0]! } : { title: model.title });
  if (model.embargo && !opts.confirmEmbargo) {
    throw new DatelineError('INVALID_INPUT', `The kit "${model.title}" is under embargo (${model.embargo.notice}). Confirm that you mean to export it now; every file will carry the embargo.`, {
      path: ['confirmEmbargo'],
      params: { reason: 'embargo', until: model.embargo.at, timeZone: model.embargo.timeZone },
    });
  }
  const warnings = [...model.warnings];
  const want = new Set(formats);
  const needDocx = want.has('docx') || want.has('zip');
  const needPdf = want.has('pdf') || want.has('zip');
  const images = imagesOf(model);
  const total =
    (needDocx || needPdf ? images.length : 0) + (needDocx ? 1 : 0) + (needPdf ? 1 : 0) + (want.has('zip') ? model.attachments.length + (bundledLogo(model) ? 1 : 0) + 1 : 0) + (want.has('lite') ? images.length + 1 : 0);
  const progress = new Progress(job, Math.max(1, total));
  const printer = opts.printer ?? pdfPrinter();
  const staging = new Staging(outDir, ctx.dir);
  const base = kitBaseName(model.title);
  try {
    const print = needDocx || needPdf ? await renditions(ctx, images, 'print', progress, jobStep('KIT_PHOTOS')) : new Map<string, RenderedImage>();
    progress.check();
    let docx: Buffer[] | null = null;
    let pdf: Buffer | null = null;
    if (needDocx) {
      docx = await buildDocx(model, print, () => progress.check());
      progress.step(jobStep('KIT_WORD'));
      if (want.has('docx')) staging.write(exportFileName(base, 'docx'), docx);
    }
    progress.check();
    if (needPdf) {
      pdf = await printPdf(printer, model, print, 'print', job);
      progress.step(jobStep('KIT_PDF'));
      if (want.has('pdf')) staging.write(exportFileName(base, 'pdf'), pdf);
    }
    progress.check();
    if (want.has('zip')) {
      await writeBundle(ctx, model, staging.tempFor(exportFileName(base, 'zip')), Buffer.concat(docx!), pdf!, progress, job, warnings);
      progress.step(jobStep('KIT_ZIP'));
    }
    progress.check();
    if (want.has('lite')) staging.write(exportFileName(base, 'lite'), await liteBytes(ctx, model, printer, progress, job));
    progress.check();
    const written = staging.commit();
    const byPath = new Map(written.map((w) => [w.path, w.bytes]));
    return {
      files: formats.map((f) => {
        const path = join(outDir, exportFileName(base, f));
        return { format: f, path, bytes: byPath.get(path) ?? 0 };
      }),
      warnings,
    };
  } catch (e) {
    staging.discard();
    if (job?.signal.aborted) throw cancelledError('export');
    // The export's folder filled up (a USB stick, say): its disk, not the library's, is the one to free.
    throw diskFullError(e, outDir) ?? e;
  }
}

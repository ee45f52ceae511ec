import { z } from 'zod';
import { DocIdSchema, KitFields, type Doc } from '../documents';
import { EXPORT_FORMATS, type ExportFormat, type PageSize } from './layout';
import { fieldsUpdate, jobMethod, localPath, method, pageInput, type Created, type Page, type Saved } from '../methods';
import type { Warning } from '../warnings';

/**
 * Contract methods of press kits and their exports (DOCX, PDF, ZIP, kit-lite).
 * Merged into API in contract.ts.
 */

const ExportFormatSchema = z.enum(EXPORT_FORMATS);
/**
 * A kit with a release under embargo is exported only when the person has confirmed it (the
 * kit builder asks; the CLI takes --confirm-embargo): a file that leaves the laptop too early
 * cannot be called back.
 */
const ConfirmEmbargo = z.boolean().default(false);

export interface KitSummary {
  id: string;
  rev: string;
  title: string;
  language: string;
  itemCount: number;
  updatedAt: string;
  /** The embargo an export made now would carry: the latest still in force among the kit's releases. */
  embargo: { at: string; timeZone: string } | null;
}

/** A file the kit names that is not on this computer: its item (counted from 1) or the office whose logo it is. */
export interface KitMissingFile {
  /** The attachment's id. */
  id: string;
  name: string;
  item: number | null;
  office: string | null;
  /** Still on the server (sync brings it down), rather than gone from the library folder. */
  onServer: boolean;
  /** In bytes: what a file still on the server costs to bring down. */
  size: number;
}

/**
 * How a kit's files still on the server come down: the export downloads them first ('export');
 * sync cannot reach a server now, being not set up, paused, offline or waiting for its password
 * ('sync-first'); or this computer downloads files only when asked, from an attachment's page
 * ('on-request').
 */
export type ServerFilesDownload = 'export' | 'sync-first' | 'on-request';

export interface KitPreview {
  /** The same HTML the PDF is printed from, with photos as small data: URLs; show it in a sandboxed iframe. */
  html: string;
  pageSize: PageSize;
  /**
   * The embargo an export made now would carry (the latest still in force among the kit's
   * releases), or null: what the person confirms before exporting, in the interface's words.
   */
  embargo: { at: string; timeZone: string } | null;
  /** Things left out of the kit and why (a journalist added as a contact, say). */
  warnings: Warning[];
  /**
   * Files missing from this computer, marked in place in the preview: an export refuses the kit
   * until each file gone from the library folder is relinked or removed; one still on the server
   * it downloads first, as `serverFiles` says.
   */
  missingFiles: KitMissingFile[];
  /** How the files still on the server among `missingFiles` would come down now; null when there are none. */
  serverFiles: ServerFilesDownload | null;
}

export interface ExportedFile {
  format: ExportFormat;
  path: string;
  bytes: number;
}

export interface KitExportResult {
  files: ExportedFile[];
  warnings: Warning[];
}

export interface KitExportedBytes {
  name: string;
  mediaType: string;
  /** The file's bytes, base64-encoded. */
  data: string;
  bytes: number;
  warnings: Warning[];
}

/**
 * Web mode's export: made in the library's tmp/ and fetched once by the browser, streamed to its
 * downloads by a link (a ticket minted with the token), never held in the page's memory. Unfetched,
 * it is removed after BACKUP_DOWNLOAD_TTL_MS, as a backup is.
 */
export interface KitExportDownload {
  download: string;
  name: string;
  mediaType: string;
  bytes: number;
  warnings: Warning[];
}

export const KIT_API = {
  'kit.create': method<Created>()(KitFields),
  'kit.update': method<Saved>()(fieldsUpdate(KitFields)),
  'kit.get': method<Doc<'kit'>>()(z.object({ id: DocIdSchema }).strict()),
  'kit.list': method<Page<KitSummary>>()(pageInput({})),
  'kit.preview': method<KitPreview>()(z.object({ id: DocIdSchema }).strict()),
  'kit.export': jobMethod<KitExportResult>()(
    z
      .object({
        id: DocIdSchema,
        formats: z
          .array(ExportFormatSchema)
          .min(1, 'choose at least one format: docx, pdf, zip or lite')
          .max(EXPORT_FORMATS.length)
          .refine((f) => new Set(f).size === f.length, 'a format is listed twice'),
        outDir: localPath(),
        confirmEmbargo: ConfirmEmbargo,
      })
      .strict(),
    { access: 'local' },
  ),
  /** Web mode: one export's bytes, for the browser to download (no path on this computer is touched). */
  'kit.exportFile': jobMethod<KitExportedBytes>()(z.object({ id: DocIdSchema, format: ExportFormatSchema, confirmEmbargo: ConfirmEmbargo }).strict()),
  /** Web mode: one export waiting in the library for the browser's download (see KitExportDownload). */
  'kit.exportDownload': jobMethod<KitExportDownload>()(z.object({ id: DocIdSchema, format: ExportFormatSchema, confirmEmbargo: ConfirmEmbargo }).strict()),
} as const;

import { resolve } from 'node:path';
import type { CONTACT_BULK_API } from '../../shared/contacts/bulk-contract';
import { contactExportFileName } from '../../shared/contacts/export-name';
import type { Handlers } from '../dispatcher';
import { bufferSource, fileSource } from './byte-source';
import { exportPieces, exportToFile } from './export';
import { runContactImport } from './import-run';

/** Handlers of the bulk contact methods: import (upload or path) and export (text or file). */
export const contactBulkHandlers: Pick<Handlers, keyof typeof CONTACT_BULK_API> = {
  'contact.import': (input, ctx, job) => runContactImport(ctx, bufferSource(input.name, Buffer.from(input.data, 'base64')), input, job),
  'contact.importFile': (input, ctx, job) => runContactImport(ctx, fileSource(input.path), input, job),
  'contact.export': (input, ctx) => {
    const pieces = [...exportPieces(ctx, input.format, input, input.separator)];
    return {
      fileName: contactExportFileName(input.format, input),
      mediaType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/vcard; charset=utf-8',
      text: pieces.join(''),
      count: input.format === 'csv' ? pieces.length - 1 : pieces.length,
    };
  },
  'contact.exportFile': (input, ctx) => {
    const path = resolve(input.out);
    return { path, ...exportToFile(ctx, input.format, input, path, input.separator) };
  },
};

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { markdownToRichText } from '../../electron/core/markdown';
import { call, core } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * A file that cannot be written is said as a write (FILE_UNWRITABLE, "Cannot write FILE: why"),
 * not as a file that could not be read, by every method that writes one; a full disk stays
 * DISK_FULL. (A backup asks for an existing folder first; as another user, in a folder it may not
 * write, every command that writes a file: test/reliability/permissions.test.ts.)
 */

/** The error of a call, or of the job it started. */
async function failure(c: Awaited<ReturnType<typeof core>>, method: string, input: unknown): Promise<ApiError> {
  const r = await c.dispatch(method, input, { transport: 'test' });
  if (!r.ok) return r.error;
  const { jobId } = r.value as { jobId: string };
  return c.jobs.wait(jobId).then(
    () => {
      throw new Error(`${method} should have failed`);
    },
    (e: unknown) => e as ApiError,
  );
}

describe('a file that cannot be written', () => {
  it('is FILE_UNWRITABLE naming the file and why, for a sync file, a contacts export and a kit', async () => {
    const c = await core();
    const gone = join(tempDir(), 'pulled-out');
    for (const [method, input, out] of [
      ['sync.export', { out: join(gone, 'office.dateline-sync') }, join(gone, 'office.dateline-sync')],
      ['contact.exportFile', { format: 'csv', out: join(gone, 'contacts.csv') }, join(gone, 'contacts.csv')],
    ] as const) {
      expect(await failure(c, method, input), method).toMatchObject({
        code: 'FILE_UNWRITABLE',
        message: `Cannot write ${out}: the folder ${gone} does not exist; nothing was written.`,
      });
    }
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kit', items: [{ kind: 'section', sectionKind: 'text', title: 'A', body: markdownToRichText('Twelve boreholes.') }] });
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    expect(await failure(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: file })).toMatchObject({
      code: 'FILE_UNWRITABLE',
      message: `Cannot write the export in ${file}: it is a file, not a folder; nothing was written.`,
    });
  });

  it('is said as a write in the four languages of the window, by why it failed', () => {
    const message = 'Cannot write /media/usb/office.dateline-sync: the disk of /media/usb is read-only; nothing was written.';
    const error: ApiError = { code: 'FILE_UNWRITABLE', message, params: { path: '/media/usb/office.dateline-sync', folder: '/media/usb', reason: 'readOnlyDisk' } };
    const said = (language: string, e = error) => errorText(setUpI18n(language).t, e).replace(/[\u2068\u2069]/g, '');
    expect(said('en')).toBe('/media/usb/office.dateline-sync could not be written: the disk of /media/usb is read-only. Nothing was written; choose another place.');
    expect(said('fr')).toBe('/media/usb/office.dateline-sync n’a pas pu être écrit : le disque de /media/usb est en lecture seule. Rien n’a été écrit ; choisissez un autre emplacement.');
    expect(said('es')).toBe('No se pudo escribir /media/usb/office.dateline-sync: el disco de /media/usb es de solo lectura. No se escribió nada; elija otro lugar.');
    expect(said('ar')).toBe('تعذّرت كتابة /media/usb/office.dateline-sync: قرص /media/usb للقراءة فقط. لم يُكتب شيء؛ اختر مكانًا آخر.');
    // From a core whose reason this window does not know: its English detail, said to be English.
    const older: ApiError = { code: 'FILE_UNWRITABLE', message };
    expect(said('en', older)).toBe(`The file could not be written; nothing was saved. ${message}`);
    expect(said('fr', older)).toBe(`Le fichier n’a pas pu être écrit ; rien n’a été enregistré. (détail en anglais : ${message})`);
    expect(said('es', older)).toBe(`No se pudo escribir el archivo; no se guardó nada. (detalle en inglés: ${message})`);
    expect(said('ar', older)).toBe(`تعذّرت كتابة الملف؛ لم يُحفظ شيء. (التفاصيل بالإنجليزية: ${message})`);
  });
});

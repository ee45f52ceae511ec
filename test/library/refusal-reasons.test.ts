import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../../electron/core/jobs';
import { checkBackupFile } from '../../electron/core/library/restore';
import { Library } from '../../electron/core/store/library';
import { DB_FILE } from '../../electron/core/store/open';
import { DatelineError, unreadableStored, type ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { noiseOverMiddlePages } from '../damage';
import { tempDir } from '../helpers';

/**
 * A folder that is no library, a damaged library, a file that is no backup and a fault of
 * Dateline's own carry why (`params.reason`), so the window says each in the person's language;
 * SQLite's words go in `detail`, shown on a "Details" line of their own.
 */

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof DatelineError) return e.toApiError();
    throw e;
  }
  throw new Error('expected a refusal');
}

const said = (lng: string, error: ApiError) => errorText(setUpI18n(lng).t, error);

describe('why a library is refused or moved aside', () => {
  it('says which of the ways a folder is not a library', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), 'Minutes of the Tuesday meeting\n'.repeat(50));
    expect(await refusal(Library.open(dir))).toMatchObject({ code: 'NOT_A_LIBRARY', params: { reason: 'notSqlite' } });

    const other = tempDir();
    const db = new Database(join(other, DB_FILE));
    db.exec('CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices(total) VALUES (12.5);');
    db.close();
    expect(await refusal(Library.open(other))).toMatchObject({ code: 'NOT_A_LIBRARY', params: { reason: 'otherProgram' } });

    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello');
    expect(await refusal(Library.open(file))).toMatchObject({ code: 'NOT_A_LIBRARY', params: { reason: 'isFile', path: file } });

    const folder = tempDir();
    mkdirSync(join(folder, DB_FILE));
    expect(await refusal(Library.open(folder))).toMatchObject({ code: 'NOT_A_LIBRARY', params: { reason: 'dataIsFolder' } });

    const under = join(file, 'library');
    expect(await refusal(Library.open(under))).toMatchObject({ code: 'NOT_A_LIBRARY', params: { reason: 'fileInPath', file } });
  });

  it('says a damaged library moved aside in French, with SQLite’s words on a Details line of their own', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    for (let i = 0; i < 300; i++) l.docs.create('contact', { name: `Person ${i}`, notes: 'x'.repeat(500) }, { author: 't' });
    l.db.pragma('wal_checkpoint(TRUNCATE)');
    l.db.close();
    noiseOverMiddlePages(join(dir, DB_FILE));
    const e = await refusal(Library.open(dir));
    expect(e.code).toBe('LIBRARY_DAMAGED');
    expect(['cannotOpen', 'checkFailed', 'corrupt']).toContain(e.params?.reason);
    expect(typeof e.params?.detail).toBe('string');
    expect(e.message).toContain(String(e.params?.detail));

    const [sentence, details, ...more] = said('fr', e).split('\n');
    expect(more).toEqual([]);
    expect(sentence).toContain(String(e.params?.movedTo));
    expect(sentence).toContain('restaurez une sauvegarde');
    // The folder it went to is named as it is (…/damaged/<time>); the words around it are French.
    expect(sentence!.replace(String(e.params?.movedTo), '')).not.toMatch(/SQLite|damaged|library/);
    expect(details).toBe(`Détails : ${String(e.params?.detail)}`);
  });
});

describe('why a file is not a backup, or a damaged one', () => {
  it('names each cause', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.backup');
    writeFileSync(empty, '');
    expect(await refusal(() => checkBackupFile(empty))).toMatchObject({ code: 'NOT_A_BACKUP', params: { reason: 'empty', path: empty } });

    const text = join(dir, 'notes.backup');
    writeFileSync(text, 'Minutes of the Tuesday meeting\n'.repeat(50));
    expect(await refusal(() => checkBackupFile(text))).toMatchObject({ code: 'NOT_A_BACKUP', params: { reason: 'notSqlite' } });

    const invoices = join(dir, 'invoices.backup');
    const db = new Database(invoices);
    db.exec('CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)');
    db.close();
    expect(await refusal(() => checkBackupFile(invoices))).toMatchObject({ code: 'NOT_A_BACKUP', params: { reason: 'otherProgram' } });

    const libraryDir = tempDir();
    (await Library.open(libraryDir)).close();
    const library = join(libraryDir, DB_FILE);
    const refused = await refusal(() => checkBackupFile(library));
    expect(refused).toMatchObject({ code: 'NOT_A_BACKUP', params: { reason: 'libraryNotBackup' } });
    for (const lng of ['fr', 'es', 'ar']) expect(said(lng, refused), lng).not.toContain('not a Dateline backup');
  });
});

describe('a fault of Dateline’s own', () => {
  it('is said without the system’s English in the sentence, which goes on the Details line', () => {
    const e = toApiError(new TypeError('Cannot read properties of undefined (reading "rev")'));
    expect(e).toMatchObject({ code: 'INTERNAL', params: { reason: 'unexpected', detail: 'Cannot read properties of undefined (reading "rev")' } });
    const [sentence, details] = said('ar', e).split('\n');
    expect(sentence).not.toContain('Cannot read');
    expect(sentence).toContain('Dateline');
    expect(details).toContain('Cannot read properties of undefined');
  });

  it('says a stored record that cannot be read with the record and its field on the Details line', () => {
    const e = unreadableStored({ type: 'contact', id: 'con-1', rev: '2-ab' }, 'its text is not JSON').toApiError();
    expect(e.params).toMatchObject({ reason: 'unreadable', detail: 'contact "con-1" (revision 2-ab): its text is not JSON' });
    const [sentence, details] = said('es', e).split('\n');
    expect(sentence).not.toContain('cannot be read');
    expect(sentence).toContain('No se pueden leer');
    expect(details).toBe('Detalles: contact "con-1" (revision 2-ab): its text is not JSON');
  });
});

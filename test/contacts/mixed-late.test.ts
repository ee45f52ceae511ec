import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, core, importFile, jobFails } from './helpers';

/**
 * A file that starts in a Windows code page and goes on in UTF-8 (rows pasted from another
 * export): a code page decodes any byte, so without a look at each chunk those rows would be
 * stored garbled ("JosÃ©") without a word. Past the first megabyte, where the encoding was
 * decided, the UTF-8 rows are found as the file is read.
 */
describe('UTF-8 rows after a first megabyte in a Windows code page', () => {
  const rows1252 = (n: number) => Buffer.from(`Name,Notes\n${'Zoë Martin,Réunion à Genève\n'.repeat(200)}${'Ann Smith,plain notes here\n'.repeat(n)}`, 'latin1');

  it('are refused with the line they start on, and nothing is stored', async () => {
    const c = await core();
    const head = rows1252(45_000);
    const path = join(tempDir(), 'pasted.csv');
    writeFileSync(path, Buffer.concat([head, Buffer.from('José Pérez,Ré-élu à Lomé\n'.repeat(5), 'utf8')]));
    const lines = head.toString('latin1').split('\n').length;
    const err = await jobFails(c, 'contact.importFile', { path, commit: true });
    expect(err).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'mixedEncodings', line: lines } });
    expect(err.message).toBe(`The file mixes encodings: it starts in Windows-1252 (Western), but line ${lines} holds UTF-8 text. Choose the encoding it was mostly saved in (the other part will look wrong), or save it again as UTF-8.`);
    expect(await allContacts(c)).toEqual([]);
  });

  it('are read in the encoding the person chose', async () => {
    const c = await core();
    const path = join(tempDir(), 'pasted.csv');
    writeFileSync(path, Buffer.concat([rows1252(45_000), Buffer.from('José Pérez,Ré-élu à Lomé\n'.repeat(5), 'utf8')]));
    const mapping = { Name: 'name', Notes: 'notes' };
    const chosen = await importFile(c, path, { encoding: 'windows-1252', mapping });
    expect([chosen.encoding, chosen.refused]).toEqual(['windows-1252', 0]);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedRowsCsv } from '../../electron/shared/contacts/refused-csv';
import { tempDir } from '../helpers';
import { allContacts, core, importFile } from './helpers';

/** Refused rows keep their cells, so the person saves them, corrects them and imports them again. */

const GOOGLE = 'Name,E-mail 1 - Value,Organization 1 - Name';

describe('the refused rows of a contacts import', () => {
  it('are listed with their cells even past the limit of rows listed', async () => {
    const c = await core();
    const good = Array.from({ length: 6 }, (_, i) => `Person ${i},p${i}@gazette.example,Gazette`);
    const path = join(tempDir(), 'list.csv');
    writeFileSync(path, [GOOGLE, ...good, 'Koffi Mensah,koffi-at-gazette,Gazette'].join('\n'));
    const r = await importFile(c, path, { limit: 3 });
    expect(r).toMatchObject({ created: 6, refused: 1, more: 3 });
    expect(r.outcomes.at(-1)).toMatchObject({ row: 8, action: 'refuse', column: 'E-mail 1 - Value', cells: ['Koffi Mensah', 'koffi-at-gazette', 'Gazette'] });
  });

  it('saved as CSV with a Reason column, read again with the same columns recognised once corrected', async () => {
    const c = await core();
    const path = join(tempDir(), 'list.csv');
    writeFileSync(path, [GOOGLE, 'Ama Owusu,ama@gazette.example,Gazette', 'Koffi Mensah,koffi-at-gazette,"=1+1"'].join('\n'));
    const r = await importFile(c, path, { commit: true });
    const text = refusedRowsCsv(r.headers, r.outcomes, (o) => o.reason ?? '');
    expect(text).toBe(
      '\uFEFF"Name","E-mail 1 - Value","Organization 1 - Name","Reason"\r\n' +
        '"Koffi Mensah","koffi-at-gazette","\'=1+1","row 3, column ""E-mail 1 - Value"": ""koffi-at-gazette"" is not an e-mail address"\r\n',
    );
    const fixed = join(tempDir(), 'fixed.csv');
    writeFileSync(fixed, text.replace('koffi-at-gazette",', 'koffi@gazette.example",'));
    const again = await importFile(c, fixed, { commit: true });
    expect(again).toMatchObject({ headerSet: 'google', created: 1, refused: 0 });
    expect((await allContacts(c)).map((p) => p.name)).toEqual(['Ama Owusu', 'Koffi Mensah']);
  });
});

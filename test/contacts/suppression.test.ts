import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EraseResult } from '../../electron/shared/contacts/person-contract';
import { damageRevision } from '../damage';
import { tempDir } from '../helpers';
import { call, core, importFile, jobFails } from './helpers';

/** The suppression list of erased people, read from each office through the one decoder. */
describe('the suppression list', () => {
  it('refuses an erased person on import, and an office record damaged outside Dateline stops the import instead of letting them back', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', emails: [{ type: 'work', address: 'amina@omega.example' }] });
    const erased = await call<EraseResult>(c, 'contact.erase', { id: a.id });
    const csv = join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'Name,E-mail (work)\r\nAmina Yusuf,amina@omega.example\r\n');
    const refused = await importFile(c, csv, { commit: true });
    expect(refused).toMatchObject({ created: 0, refused: 1 });

    damageRevision(c.library.db, erased.office, '$.suppressed', '["not a hash"]');
    const e = await jobFails(c, 'contact.importFile', { path: csv, commit: true });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'unreadable', type: 'office', id: erased.office, field: 'suppressed.0' } });
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type = 'contact' AND deleted = 0").pluck().get()).toBe(0);
  });
});

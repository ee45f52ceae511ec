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
    const office = (await call<{ id: string }>(c, 'office.create', { name: 'Kampala' })).id;
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', emails: [{ type: 'work', address: 'amina@omega.example' }] });
    const erased = await call<EraseResult>(c, 'contact.erase', { id: a.id });
    const csv = join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'Name,E-mail (work)\r\nAmina Yusuf,amina@omega.example\r\n');
    const refused = await importFile(c, csv, { commit: true });
    expect(refused).toMatchObject({ created: 0, refused: 1 });

    expect(erased.office).toBe(office);
    damageRevision(c.library.db, office, '$.suppressed', '["not a hash"]');
    const e = await jobFails(c, 'contact.importFile', { path: csv, commit: true });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', params: { reason: 'unreadable', type: 'office', id: office, field: 'suppressed.0' } });
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type = 'contact' AND deleted = 0").pluck().get()).toBe(0);
  });

  it('is kept on this computer when the library has no office, and erasing there creates no office', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', emails: [{ type: 'work', address: 'amina@omega.example' }] });
    const erased = await call<EraseResult>(c, 'contact.erase', { id: a.id });
    expect(erased).toMatchObject({ office: null, suppressedKeys: 1 });
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type = 'office'").pluck().get()).toBe(0);
    expect((await call<{ items: unknown[] }>(c, 'office.list', {})).items).toEqual([]);
    const csv = join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'Name,E-mail (work)\r\nAmina Y.,amina@omega.example\r\nJoseph Okello,joseph@okello.example\r\n');
    expect(await importFile(c, csv, { commit: true })).toMatchObject({ created: 1, refused: 1 });
    // A second erase adds to the same record, under the same key.
    const b = await call<{ id: string }>(c, 'contact.create', { name: 'Grace Akello', emails: [{ type: 'work', address: 'grace@akello.example' }] });
    expect(await call<EraseResult>(c, 'contact.erase', { id: b.id })).toMatchObject({ office: null, suppressedKeys: 1 });
    writeFileSync(csv, 'Name,E-mail (work)\r\nGrace A.,grace@akello.example\r\n');
    expect(await importFile(c, csv, { commit: true })).toMatchObject({ created: 0, refused: 1 });
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type = 'office'").pluck().get()).toBe(0);
  });
});

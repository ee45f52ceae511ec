import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageRevision } from '../damage';
import { tempDir } from '../helpers';
import { call, core, importFile, jobFails } from './helpers';

/** The import's stager merging a row into a stored contact reads that contact through the one decoder. */
describe('an imported row merged into a stored contact', () => {
  it('merges into the typed contact, and a damaged one is the coded error naming it, with nothing stored', async () => {
    const c = await core();
    const a = await call<{ id: string }>(c, 'contact.create', { name: 'Amina Yusuf', emails: [{ type: 'work', address: 'amina@omega.example' }] });
    const csv = join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'Name,E-mail (work),Role\r\nAmina Yusuf,amina@omega.example,Health editor\r\n');
    const report = await importFile(c, csv, { commit: true });
    expect(report).toMatchObject({ merged: 1, created: 0 });
    const merged = await call<{ rev: string; role: string }>(c, 'contact.get', { id: a.id });
    expect(merged.role).toBe('Health editor');

    damageRevision(c.library.db, a.id, '$.languages', '["not a language"]');
    writeFileSync(csv, 'Name,E-mail (work),Organisation\r\nAmina Yusuf,amina@omega.example,Radio Omega\r\nPeter Okoth,peter@nation.example,\r\n');
    const e = await jobFails(c, 'contact.importFile', { path: csv, commit: true });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', params: { type: 'contact', id: a.id, field: 'languages.0' } });
    expect(e.message).toMatch(new RegExp(`^The contact "${a.id}" cannot be read: languages\\.0: `));
    expect((c.library.db.prepare('SELECT rev FROM revs WHERE doc_rowid = (SELECT rowid FROM docs WHERE id = ?)').pluck().all(a.id) as string[])).toHaveLength(2);
    expect(c.library.db.prepare("SELECT count(*) FROM docs WHERE type = 'contact'").pluck().get()).toBe(1);
  });
});

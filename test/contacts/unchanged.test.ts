import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { tempDir } from '../helpers';
import { call, core, fixture, importFile } from './helpers';

/** A file imported a second time: rows that would change nothing say so, and write nothing. */
describe('rows already in the library, unchanged', () => {
  const store = (c: Core) => ({
    revs: c.library.db.prepare('SELECT count(*) FROM revs').pluck().get() as number,
    seq: c.library.db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number,
  });

  it('counts them apart from merges, writes no revision and no change, and still merges a row that adds a phone or a role', async () => {
    const c = await core();
    const dir = tempDir();
    const csv = join(dir, 'contacts.csv');
    writeFileSync(csv, 'Name,E-mail (work),Phone (mobile),Organisation\r\nAmina Yusuf,amina@omega.example,+254 710 000001,Radio Omega\r\nPeter Okoth,peter@nation.example,,Daily Nation\r\n');
    expect(await importFile(c, csv, { commit: true })).toMatchObject({ created: 2, merged: 0, unchanged: 0 });
    const before = store(c);

    const dry = await importFile(c, csv);
    expect(dry).toMatchObject({ rows: 2, created: 0, merged: 0, unchanged: 2, refused: 0, skipped: 0 });
    expect(dry.outcomes.map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
    expect(dry.outcomes[0]).toMatchObject({ name: 'Amina Yusuf', into: { name: 'Amina Yusuf', row: null } });

    const again = await importFile(c, csv, { commit: true });
    expect(again).toMatchObject({ committed: true, created: 0, merged: 0, unchanged: 2 });
    expect(store(c)).toEqual(before);

    // A new phone for one, a role for the other: both merged, and written.
    writeFileSync(csv, 'Name,E-mail (work),Phone (mobile),Organisation,Role\r\nAmina Yusuf,amina@omega.example,+254 710 000002,Radio Omega,\r\nPeter Okoth,peter@nation.example,,Daily Nation,Editor\r\n');
    const more = await importFile(c, csv, { commit: true });
    expect(more).toMatchObject({ created: 0, merged: 2, unchanged: 0 });
    expect(store(c).seq).toBeGreaterThan(before.seq);
    const amina = await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: more.outcomes[0]!.id! });
    expect(amina.phones.map((p) => p.number)).toEqual(['+254 710 000001', '+254 710 000002']);
  });

  it('a vCard with a photo, read again, stores no second copy of the photo', async () => {
    const c = await core();
    await importFile(c, fixture('phone.vcf'), { commit: true });
    const before = store(c);
    const again = await importFile(c, fixture('phone.vcf'), { commit: true });
    expect(again.created).toBe(0);
    expect(again.merged).toBe(0);
    expect(again.unchanged).toBeGreaterThan(0);
    expect(store(c)).toEqual(before);
  });

  it('a row repeating an earlier row of the same file is merged into it, near or far (after that row was written), never "already in the library"', async () => {
    const c = await core();
    const csv = join(tempDir(), 'contacts.csv');
    const others = Array.from({ length: 250 }, (_, i) => `Person ${i},p${i}@press.example`);
    writeFileSync(csv, ['Name,E-mail (work)', 'Amina Yusuf,amina@omega.example', 'Amina Yusuf,amina@omega.example', ...others, 'Amina Yusuf,amina@omega.example', ''].join('\r\n'));
    const r = await importFile(c, csv, { commit: true, limit: 1000 });
    expect(r).toMatchObject({ rows: 253, created: 251, merged: 2, unchanged: 0 });
    expect(r.outcomes.filter((o) => o.name === 'Amina Yusuf').map((o) => o.action)).toEqual(['create', 'merge', 'merge']);
  });
});

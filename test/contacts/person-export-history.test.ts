import { describe, expect, it } from 'vitest';
import type { PersonExport } from '../../electron/shared/contacts/person-contract';
import { call, core, job } from './helpers';

/**
 * The export of everything held about one person carries what each kept version of their
 * record held, not only when it was written: a number they gave before is data held about them
 * until compaction removes that version.
 */
describe("a person's export and the earlier versions of their record", () => {
  it('holds each kept version’s fields, and none for a version compacted away', async () => {
    const c = await core();
    const made = await call<{ id: string; rev: string }>(c, 'contact.create', {
      kind: 'journalist',
      name: 'Kwame Boateng',
      phones: [{ type: 'mobile', number: '+233 24 555 0101', visibility: 'public' }],
    });
    await call(c, 'contact.update', { id: made.id, rev: made.rev, fields: { phones: [{ type: 'mobile', number: '+233 24 555 0202', visibility: 'public' }] } });
    const x = await call<PersonExport>(c, 'contact.exportPerson', { id: made.id });
    expect(x.history).toHaveLength(2);
    const byRev = new Map(x.history.map((h) => [h.rev, h]));
    expect(byRev.get(made.rev)?.body).toMatchObject({ name: 'Kwame Boateng', phones: [{ number: '+233 24 555 0101' }] });
    expect(x.history.find((h) => h.winner)?.body).toMatchObject({ phones: [{ number: '+233 24 555 0202' }] });

    await job(c, 'library.compact', {});
    const after = await call<PersonExport>(c, 'contact.exportPerson', { id: made.id });
    const old = after.history.find((h) => h.rev === made.rev)!;
    expect([old.available, old.body]).toEqual([false, null]);
    expect(after.history.find((h) => h.winner)?.body).toMatchObject({ phones: [{ number: '+233 24 555 0202' }] });
  });
});

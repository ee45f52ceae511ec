import { describe, expect, it } from 'vitest';
import { core, fixture, importFile } from './helpers';

/** Google Contacts' label columns type the e-mail or phone beside them: they are read, and not said to be left out. */
describe('a Spanish Google Contacts export', () => {
  it('types each phone by its label ("Móvil", "Trabajo") and lists no label column as not imported', async () => {
    const c = await core();
    const r = await importFile(c, fixture('google-es.csv'));
    expect(r).toMatchObject({ headerSet: 'google', created: 3, refused: 0, leftOut: [] });
    const lucia = await importFile(c, fixture('google-es.csv'), { commit: true });
    const doc = (await c.dispatch('contact.get', { id: lucia.outcomes[0]!.id! }, { transport: 'test' })) as { ok: true; value: { phones: { type: string; number: string }[] } };
    expect(doc.value.phones.map((p) => [p.type, p.number])).toEqual([
      ['mobile', '+34 612 34 56 78'],
      ['work', '+34 91 337 82 00'],
    ]);
  });
});

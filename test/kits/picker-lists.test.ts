import { describe, expect, it } from 'vitest';
import type { Page } from '../../electron/shared/contract';
import { call, core, fail, release } from '../core-harness';

/**
 * What the kit builder's pickers ask of the core: the releases a kit can take (no withdrawn or
 * trashed one), searched as the releases list searches, and the names of what a kit holds, asked
 * by id however far down the library's lists they are.
 */

type Listed = Page<{ id: string; headline?: string; name?: string; originalName?: string }>;

describe('the lists behind the kit builder’s pickers', () => {
  it('leaves withdrawn and trashed releases out of what a kit can take, and finds one by a word of its headline, accents aside', async () => {
    const c = await core();
    const floods = await call<{ id: string }>(c, 'release.create', release({ headline: 'Réponse aux inondations au Soudan', status: 'released' }));
    const wrong = await call<{ id: string }>(c, 'release.create', release({ headline: 'Inondations : chiffres erronés', status: 'released' }));
    await call(c, 'release.withdraw', { id: wrong.id, rev: null, reason: 'The figures were wrong.' });
    const old = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Inondations, ancien brouillon' }));
    await call(c, 'release.trash', { id: old.id, rev: old.rev });
    await call(c, 'release.create', release({ headline: 'Clean water reaches Kasese' }));

    const addable = await call<Listed>(c, 'release.list', { addable: true, query: 'inondation' });
    expect(addable.items.map((r) => r.id)).toEqual([floods.id]);
    // Without the flag the releases list still shows a withdrawn release.
    expect((await call<Listed>(c, 'release.list', { query: 'inondation' })).items.map((r) => r.id).sort()).toEqual([floods.id, wrong.id].sort());
    expect((await call<Listed>(c, 'release.list', { addable: true, query: 'SOUDAN' })).items.map((r) => r.headline)).toEqual(['Réponse aux inondations au Soudan']);
    expect((await call<Listed>(c, 'release.list', { addable: true })).total).toBe(2);
  });

  it('lists the attachments and contacts named by id, whatever their place in the library', async () => {
    const c = await core();
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      files.push((await call<{ id: string }>(c, 'attachment.add', { name: `photo-${i}.jpg`, data: Buffer.from(`bytes ${i}`).toString('base64') })).id);
    }
    const named = await call<Listed>(c, 'attachment.list', { ids: [files[0]!, files[5]!, 'no-such-attachment'], limit: 2 });
    expect(named.total).toBe(2);
    expect(named.items.map((a) => a.originalName).sort()).toEqual(['photo-0.jpg', 'photo-5.jpg']);

    const spokespeople: string[] = [];
    for (const name of ['Grace Akello', 'Amina Diallo', 'José Pérez']) spokespeople.push((await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name })).id);
    const contacts = await call<Listed>(c, 'contact.list', { ids: [spokespeople[2]!], kind: 'spokesperson' });
    expect(contacts.items.map((x) => x.name)).toEqual(['José Pérez']);
    // A search among spokespeople, the newest first, accents aside.
    expect((await call<Listed>(c, 'contact.list', { kind: 'spokesperson', sort: 'updated', query: 'jose' })).items.map((x) => x.name)).toEqual(['José Pérez']);

    // An empty list of ids is refused rather than read as "every one".
    expect((await fail(c, 'attachment.list', { ids: [] })).code).toBe('INVALID_INPUT');
  });
});

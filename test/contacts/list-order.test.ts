import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ContactSummary, Page } from '../../electron/shared/contract';
import { call, core, fail } from './helpers';

/**
 * The contacts list grouped by outlet, country or language: groups in the interface language's
 * order of their names, people by name inside each, the ungrouped last; paged by cursor like
 * every other order, filters and search still applying.
 */

type Listed = Page<ContactSummary>;

async function everyPage(c: Core, input: Record<string, unknown>): Promise<ContactSummary[]> {
  const out: ContactSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page: Listed = await call<Listed>(c, 'contact.list', { limit: 2, ...input, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('the list never ended');
}

const shown = (items: ContactSummary[]) => items.map((i) => `${i.group ?? '?'} | ${i.name}`);

async function library(): Promise<Core> {
  const c = await core();
  const okapi = await call<{ id: string }>(c, 'outlet.create', { name: 'Radio Okapi', kind: 'radio' });
  const nation = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', kind: 'newspaper' });
  const person = (name: string, over: Record<string, unknown>) => call(c, 'contact.create', { name, kind: 'journalist', ...over });
  await person('Zoé Martin', { outlet: okapi.id, organisation: 'Radio Okapi', countries: ['CD'], languages: ['fr'], beats: ['santé', 'eau, assainissement'], lists: ['Goma'] });
  await person('Ahmed Ali', { organisation: 'Al Jazeera', countries: ['EG'], languages: ['ar', 'en'], beats: ['migration'], lists: ['Cairo', 'Goma'] });
  await person('Bruno Díaz', { outlet: nation.id, countries: ['KE', 'UG'], languages: ['es'] });
  await person('Carla Ruiz', { kind: 'spokesperson' });
  await person('Élise Durand', { outlet: okapi.id, countries: ['DE'], languages: ['fr'] });
  await person('Kamau Njoroge', { outlet: nation.id, countries: ['KE'], languages: ['en', 'sw'] });
  return c;
}

describe('the contacts list grouped', () => {
  it('by outlet: the outlet named, else the organisation typed, people by name inside, the rest last; page after page', async () => {
    const c = await library();
    const all = await everyPage(c, { sort: 'outlet', locale: 'en' });
    expect(shown(all)).toEqual([
      'Al Jazeera | Ahmed Ali',
      'Daily Nation | Bruno Díaz',
      'Daily Nation | Kamau Njoroge',
      'Radio Okapi | Élise Durand',
      'Radio Okapi | Zoé Martin',
      ' | Carla Ruiz',
    ]);
    const first = await call<Listed>(c, 'contact.list', { limit: 2, sort: 'outlet', locale: 'en' });
    expect(first.total).toBe(6);
  });

  it('follows an outlet renamed', async () => {
    const c = await library();
    const outlets = await call<{ items: { id: string; rev: string; name: string }[] }>(c, 'outlet.list', { limit: 10 });
    const okapi = outlets.items.find((o) => o.name === 'Radio Okapi')!;
    await call(c, 'outlet.update', { id: okapi.id, rev: okapi.rev, fields: { name: 'Okapi FM' } });
    const all = await everyPage(c, { sort: 'outlet', locale: 'en' });
    expect(shown(all).slice(0, 4)).toEqual(['Al Jazeera | Ahmed Ali', 'Daily Nation | Bruno Díaz', 'Daily Nation | Kamau Njoroge', 'Okapi FM | Élise Durand']);
  });

  it('by country, named and ordered in the interface language', async () => {
    const c = await library();
    expect(shown(await everyPage(c, { sort: 'country', locale: 'en' }))).toEqual([
      'Congo - Kinshasa | Zoé Martin',
      'Egypt | Ahmed Ali',
      'Germany | Élise Durand',
      'Kenya | Kamau Njoroge',
      'Kenya, Uganda | Bruno Díaz',
      ' | Carla Ruiz',
    ]);
    expect(shown(await everyPage(c, { sort: 'country', locale: 'fr' }))).toEqual([
      'Allemagne | Élise Durand',
      'Congo-Kinshasa | Zoé Martin',
      'Égypte | Ahmed Ali',
      'Kenya | Kamau Njoroge',
      'Kenya, Ouganda | Bruno Díaz',
      ' | Carla Ruiz',
    ]);
  });

  it('by language, with the filters and the search still narrowing it', async () => {
    const c = await library();
    expect(shown(await everyPage(c, { sort: 'language', locale: 'en' }))).toEqual([
      'Arabic, English | Ahmed Ali',
      'English, Swahili | Kamau Njoroge',
      'French | Élise Durand',
      'French | Zoé Martin',
      'Spanish | Bruno Díaz',
      ' | Carla Ruiz',
    ]);
    expect(shown(await everyPage(c, { sort: 'language', locale: 'es', kind: 'journalist', country: 'KE' }))).toEqual(['español | Bruno Díaz', 'inglés, suajili | Kamau Njoroge']);
    expect(shown(await everyPage(c, { sort: 'country', locale: 'en', query: 'durand' }))).toEqual(['Germany | Élise Durand']);
  });

  it('by beat or by list, as they are written', async () => {
    const c = await library();
    expect(shown(await everyPage(c, { sort: 'beat', locale: 'fr' })).slice(0, 3)).toEqual(['eau, assainissement, santé | Zoé Martin', 'migration | Ahmed Ali', ' | Bruno Díaz']);
    expect(shown(await everyPage(c, { sort: 'list', locale: 'en' })).slice(0, 3)).toEqual(['Cairo, Goma | Ahmed Ali', 'Goma | Zoé Martin', ' | Bruno Díaz']);
  });

  it('refuses a cursor of another order, saying to start again', async () => {
    const c = await library();
    const byName = await call<Listed>(c, 'contact.list', { limit: 2, sort: 'name' });
    const err = await fail(c, 'contact.list', { limit: 2, sort: 'country', cursor: byName.nextCursor });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('start from the first page');
  });
});

import { describe, expect, it } from 'vitest';
import { numericKey, sortName } from '../../electron/core/contacts/sort-name';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import type { ContactSummary, Page } from '../../electron/shared/contract';
import type { OutletSummary } from '../../electron/shared/contacts/organise-contract';
import { libraries } from '../search/fixtures';
import { tempDir } from '../helpers';
import { call, core } from './helpers';

/** Names with numbers in the order people count them, in the contacts and outlets lists, whatever the digits. */

const library = libraries();
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('names with numbers', () => {
  it('lists outlets and contacts with their numbers in numeric order, Arabic-Indic digits too', async () => {
    const c = await core();
    for (const name of ['Radio 10', '307 FM', 'Radio 9', '67 Radio', 'إذاعة ١٠', 'إذاعة ٩', 'Radio 009 Nord', 'Channel 4']) {
      await call(c, 'outlet.create', { name, kind: 'radio' });
      await call(c, 'contact.create', { name: `${name} desk`, kind: 'journalist' });
    }
    const outlets = await call<Page<OutletSummary>>(c, 'outlet.list', { limit: 50 });
    expect(names(outlets.items)).toEqual(['67 Radio', '307 FM', 'Channel 4', 'Radio 9', 'Radio 009 Nord', 'Radio 10', 'إذاعة ٩', 'إذاعة ١٠']);
    const contacts = await call<Page<ContactSummary>>(c, 'contact.list', { limit: 50, sort: 'name' });
    expect(names(contacts.items)).toEqual(['67 Radio desk', '307 FM desk', 'Channel 4 desk', 'Radio 9 desk', 'Radio 009 Nord desk', 'Radio 10 desk', 'إذاعة ٩ desk', 'إذاعة ١٠ desk']);
    // Page after page in the same order.
    const first = await call<Page<OutletSummary>>(c, 'outlet.list', { limit: 3 });
    const second = await call<Page<OutletSummary>>(c, 'outlet.list', { limit: 3, cursor: first.nextCursor });
    expect([...names(first.items), ...names(second.items)]).toEqual(['67 Radio', '307 FM', 'Channel 4', 'Radio 9', 'Radio 009 Nord', 'Radio 10']);
  });

  it('keys a number by its count of digits, so the bytes sort as the numbers do', () => {
    expect(numericKey('radio 9')).toBe('radio 19');
    expect(numericKey('radio 10')).toBe('radio 210');
    expect(numericKey('007 radio')).toBe('17 radio');
    expect(numericKey('radio 0')).toBe('radio 10');
    expect(sortName('إذاعة ١٠')).toBe('اذاعه 210');
    const mixed = ['b2', 'b10', 'b1a', 'a', 'b', '10', '9', 'b 100000000000'];
    expect(mixed.map(sortName).sort()).toEqual(['9', '10', 'a', 'b', 'b 100000000000', 'b1a', 'b2', 'b10'].map(sortName));
  });

  it('keys 100,000 names in well under a second', () => {
    const list = Array.from({ length: 100_000 }, (_, i) => (i % 3 ? `Amina Okello ${i}` : `Radio ${i} FM Nord`));
    const started = performance.now();
    for (const n of list) sortName(n);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('orders a library made before numeric sort names once it is opened (migration 19)', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version <= 18));
    for (const name of ['Radio 10', 'Radio 9', 'Radio Okapi']) old.docs.create('outlet', { name, kind: 'radio' }, { author: 'amina' });
    const order = (db: typeof old.db) => db.prepare<[], string>('SELECT name FROM outlet_p ORDER BY sort_name').pluck().all();
    old.db.prepare("UPDATE outlet_p SET sort_name = lower(name)").run();
    expect(order(old.db)).toEqual(['Radio 10', 'Radio 9', 'Radio Okapi']);
    old.close();
    const l = await library(dir);
    expect(order(l.db)).toEqual(['Radio 9', 'Radio 10', 'Radio Okapi']);
  });
});

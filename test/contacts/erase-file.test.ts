import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { call, job, library } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * An erased person's words leave the library's file, not only its tables: no stored byte of the
 * library or of its write-ahead log still holds their name, role, address, number or notes,
 * whether they were erased here or the erase arrived from another library; an earlier name and
 * number they had, edited away before the erase, are gone too.
 */

const WORDS = ['quillfeather', 'zephyrine', 'wintersmith', 'zq7731', 'quillmail', 'xylophonic', '555 7731', '555 7732'];

/** The person's words found in the library's files (library.sqlite and its log), as raw bytes. */
function wordsInFiles(c: Core): string[] {
  const found: string[] = [];
  for (const name of ['library.sqlite', 'library.sqlite-wal']) {
    const path = join(c.ctx.dir, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path).toString('latin1').toLowerCase();
    for (const w of WORDS) if (text.includes(w)) found.push(`${name}: ${w}`);
  }
  return found;
}

/** A library of a few hundred contacts with Zephyrine among them, renamed and given a new number once. */
async function officeWithZephyrine(author: string): Promise<{ c: Core; id: string }> {
  const c = await library(author);
  const filler = (from: number) =>
    c.library.docs.createMany(
      'contact',
      Array.from({ length: 300 }, (_, i) => ({ fields: { kind: 'journalist', name: `Reporter ${from + i}`, organisation: 'Daily Nation', beats: ['health'], languages: ['en'], countries: ['KE'], emails: [], phones: [], notes: null, role: null, outlet: null, office: null } })),
      { author },
    );
  filler(0);
  const created = await call<{ id: string; rev: string }>(c, 'contact.create', {
    kind: 'journalist',
    name: 'Zephyrine Quill',
    role: 'Wintersmith correspondent',
    emails: [{ type: 'work', address: 'zq7731@quillmail.example', visibility: 'public' }],
    phones: [{ type: 'mobile', number: '+41 79 555 7731', visibility: 'public' }],
    notes: 'Prefers xylophonic calls',
    beats: ['wintersmith'],
  });
  await call(c, 'contact.update', { id: created.id, rev: created.rev, fields: { name: 'Zephyrine Quillfeather', phones: [{ type: 'mobile', number: '+41 79 555 7732', visibility: 'public' }] } });
  filler(300);
  return { c, id: created.id };
}

describe("an erased person's words in the library's file", () => {
  it('are gone from the library and its log once erased here, and stay gone once it is closed', async () => {
    const { c, id } = await officeWithZephyrine('Geneva HQ');
    expect(wordsInFiles(c).length).toBeGreaterThan(0);
    await call(c, 'contact.erase', { id });
    expect(wordsInFiles(c)).toEqual([]);
    // The library works on as before: search, list and a new contact.
    await call(c, 'contact.create', { kind: 'journalist', name: 'Amina Diallo' });
    const found = await call<{ total: number }>(c, 'contact.list', { limit: 5, query: 'reporter' });
    expect(found.total).toBe(600);
    c.library.close();
    expect(wordsInFiles(c)).toEqual([]);
  });

  it('are gone from a library that receives the erase on a sync file', async () => {
    const { c: amman, id } = await officeWithZephyrine('Amman laptop');
    const geneva = await library('Geneva HQ');
    const first = join(tempDir(), 'amman.dateline-sync');
    await job(amman, 'sync.export', { out: first, peer: null });
    await job(geneva, 'sync.import', { from: first });
    expect(wordsInFiles(geneva).length).toBeGreaterThan(0);
    await call(amman, 'contact.erase', { id });
    const second = join(tempDir(), 'amman-erase.dateline-sync');
    await job(amman, 'sync.export', { out: second, peer: null });
    await job(geneva, 'sync.import', { from: second });
    expect(wordsInFiles(geneva)).toEqual([]);
  });
});

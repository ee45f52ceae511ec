import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import type { ContactImportReport } from '../../electron/shared/contacts/bulk-contract';
import { tempDir } from '../helpers';
import { call, core, importFile, jobFails } from './helpers';

/**
 * A long import runs as a job: progress as the file is read, a cancel that stores nothing,
 * other calls kept out of its transaction; and duplicates are found the same way before and
 * after the import starts asking its filters instead of the library (past 1,000 lookups).
 */

/** `n` rows; every seventh repeats the e-mail of the row 300 before it, with a new phone. */
function bigCsv(n: number): string {
  const lines = ['Name,Organisation,E-mail (work),Phone (mobile),Notes'];
  for (let i = 0; i < n; i++) {
    const email = i % 7 === 6 && i >= 300 ? `person${i - 300}@press.example` : `person${i}@press.example`;
    lines.push(`Person ${i},Radio ${i % 13},${email},+254 7${String(10_000_000 + i)},"Covers the north, ""urgent"" only; row ${i}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** SQLite's page cache size of the library's connection (negative: in KiB). */
const cacheSize = (c: Awaited<ReturnType<typeof core>>) => c.library.db.pragma('cache_size', { simple: true }) as number;

const countContacts = async (c: Awaited<ReturnType<typeof core>>) => (await call<{ counts: { contact: number } }>(c, 'library.info', {})).counts.contact;

describe('a long contacts import', () => {
  it('reports progress as it reads, and finds every duplicate, in the file and in the library, past the point where it builds its filters', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Someone Known', emails: [{ address: 'person2900@press.example' }] });
    await call(c, 'contact.create', { name: 'Person 2950', organisation: 'Radio 12' });
    const events: CoreEvent[] = [];
    c.jobs.on((e) => events.push(e));
    const n = 3000;
    const r = await importFile(c, write('big.csv', bigCsv(n)), { commit: true, limit: 5000 });
    const dupes = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 6 && i >= 300).length;
    expect(r).toMatchObject({ rows: n, refused: 0, merged: dupes + 1, created: n - dupes - 1 });
    expect(r.outcomes.find((o) => o.row === 2902)).toMatchObject({ action: 'merge', into: { name: 'Someone Known' } });
    expect(r.outcomes.find((o) => o.row === 2952)).toMatchObject({ action: 'create', suggestion: { name: 'Person 2950' } });
    // Row 2,808 (person 2,806) repeats the e-mail of person 2,506 (row 2,508).
    expect(r.outcomes.find((o) => o.row === 2808)).toMatchObject({ action: 'merge', into: { name: 'Person 2506' } });
    expect(await countContacts(c)).toBe(2 + n - dupes - 1);
    const merged = await call<{ phones: { number: string }[] }>(c, 'contact.get', { id: r.outcomes.find((o) => o.row === 2508)!.id! });
    expect(merged.phones.map((p) => p.number)).toEqual(['+254 710002506', '+254 710002806']);

    const progress = events.filter((e) => e.type === 'job.progress' && e.job.method === 'contact.importFile').map((e) => (e as Extract<CoreEvent, { type: 'job.progress' }>).job);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((j) => j.total === progress[0]!.total && j.done <= j.total!)).toBe(true);
    expect(progress.map((j) => j.done)).toEqual([...progress.map((j) => j.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.step).toMatchObject({ code: 'CONTACTS_READING' });
    expect(events.find((e) => e.type === 'job.done')).toBeDefined();
  });

  it('stores nothing when cancelled, and calls made meanwhile wait for it instead of joining its transaction; the import writes with a small page cache and gives the library its own back', async () => {
    const c = await core();
    const libraryCache = cacheSize(c);
    let importCache: number | null = null;
    const path = write('big.csv', bigCsv(3000));
    const started = await call<{ jobId: string }>(c, 'contact.importFile', { path, commit: true });
    let during: Promise<unknown> | null = null;
    const cancelled = new Promise<void>((resolve) => {
      const off = c.jobs.on((e) => {
        if (e.type !== 'job.progress' || e.job.id !== started.jobId || during) return;
        importCache = cacheSize(c);
        // A write asked for while the import holds the library: it runs after, and stays.
        during = call(c, 'contact.create', { name: 'Written meanwhile' });
        void call(c, 'job.cancel', { id: started.jobId }).then(() => {
          off();
          resolve();
        });
      });
    });
    await cancelled;
    const failed = await c.jobs.wait(started.jobId).then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(failed).toMatchObject({ code: 'CANCELLED' });
    await during;
    const list = await call<{ items: { name: string }[] }>(c, 'contact.list', { limit: 10 });
    expect(list.items.map((i) => i.name)).toEqual(['Written meanwhile']);
    expect(importCache).toBe(-8192);
    expect(libraryCache).toBeLessThan(-8192);
    expect(cacheSize(c)).toBe(libraryCache);
    expect(await call(c, 'job.get', { id: started.jobId })).toMatchObject({ state: 'cancelled' });
  });

  it('refuses an upload that fails as it runs with the job\'s error, and then stores again, with the library\'s page cache back', async () => {
    const c = await core();
    const libraryCache = cacheSize(c);
    const bad = await jobFails(c, 'contact.import', { name: 'x.csv', data: Buffer.from('Name,Notes\nA,"never closed\n').toString('base64'), commit: true });
    expect(bad.message).toContain('Row 2: a quoted cell is never closed');
    const ok = (await importFile(c, write('ok.csv', 'Name,E-mail (work)\r\nGrace,grace@monitor.example\r\n'), { commit: true })) as ContactImportReport;
    expect(ok.created).toBe(1);
    expect(await countContacts(c)).toBe(1);
    expect(cacheSize(c)).toBe(libraryCache);
  });
});

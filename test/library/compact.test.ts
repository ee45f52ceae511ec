import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { NO_JOB } from '../../electron/core/library/backup';
import { compactLibrary } from '../../electron/core/library/compact';
import type { Core } from '../../electron/core/index';
import type { CompactResult, RevisionSummary } from '../../electron/shared/contract';
import { call, core, fail } from '../core-harness';

async function runJob<T>(c: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(c, method, input);
  return (await c.jobs.wait(jobId)) as T;
}

/** A release edited `edits` times: 1 + edits revisions, the last one the winner. */
async function edited(c: Core, headline: string, edits: number): Promise<string> {
  const { id } = await call<{ id: string }>(c, 'release.create', { headline, language: 'en' });
  for (let i = 1; i <= edits; i++) await call(c, 'release.update', { id, fields: { headline: `${headline} (${i})` } });
  return id;
}

const available = async (c: Core, id: string): Promise<boolean[]> =>
  (await call<RevisionSummary[]>(c, 'doc.history', { id })).map((r) => r.available);

describe('library.compact', () => {
  it('removes the old bodies of one document, then of the whole library, keeping every history and each current version', async () => {
    const c = await core();
    const kasese = await edited(c, 'Boreholes in Kasese', 3);
    const gulu = await edited(c, 'Clinic in Gulu', 1);

    expect(await runJob<CompactResult>(c, 'library.compact', { id: kasese })).toEqual({ removed: 3 });
    const history = await call<RevisionSummary[]>(c, 'doc.history', { id: kasese });
    expect(history.map((r) => r.available)).toEqual([true, false, false, false]);
    expect(history[0]!.winner).toBe(true);
    const e = await fail(c, 'doc.revision', { id: kasese, rev: history[3]!.rev });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/was compacted/);
    expect(await available(c, gulu)).toEqual([true, true]);
    expect((await call<{ headline: string }>(c, 'release.get', { id: kasese })).headline).toBe('Boreholes in Kasese (3)');

    expect(await runJob<CompactResult>(c, 'library.compact', {})).toEqual({ removed: 1 });
    expect(await available(c, gulu)).toEqual([true, false]);
    expect(await runJob<CompactResult>(c, 'library.compact', {})).toEqual({ removed: 0 });
  });

  it('refuses a malformed or unknown document id and changes nothing', async () => {
    const c = await core();
    const id = await edited(c, 'Boreholes in Kasese', 1);
    expect((await fail(c, 'library.compact', { id: '' })).code).toBe('INVALID_INPUT');
    expect((await fail(c, 'library.compact', { all: true })).code).toBe('INVALID_INPUT');
    const { jobId } = await call<{ jobId: string }>(c, 'library.compact', { id: 'rel-missing' });
    await expect(c.jobs.wait(jobId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await available(c, id)).toEqual([true, true]);
  });

  it('stops between slices when cancelled and says how much was already removed', async () => {
    const c = await core();
    const id = await edited(c, 'Boreholes in Kasese', 2);
    const cancelled = new AbortController();
    cancelled.abort();
    expect(() => compactLibrary(c.library.docs, {}, { ...NO_JOB, signal: cancelled.signal })).toThrowError(/Compaction stopped; 0 old versions/);
    expect(await available(c, id)).toEqual([true, true, true]);
  });

  it('runs from the command line: `dateline compact [ID]`', async () => {
    const c = await core();
    const id = await edited(c, 'Boreholes in Kasese', 2);
    const dir = c.ctx.dir;
    c.close();
    let out = '';
    let err = '';
    const io = { out: (s: string) => (out += s), err: (s: string) => (err += s), stdin: async () => '' };
    expect(await main(['compact', id, '--json', '--library', dir], io)).toBe(0);
    expect(JSON.parse(out)).toEqual({ removed: 2 });
    out = '';
    expect(await main(['compact', '--library', dir], io)).toBe(0);
    expect(out).toContain('Removed 0 old versions.');
    expect(err).toBe('');
    expect(await main(['compact', id, 'extra', '--library', dir], io)).toBe(2);
    expect(err).toContain('compact takes at most one document ID');
  });
});

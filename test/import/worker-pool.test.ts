import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, closeImportWorkers, idleImportWorkers, parseInWorker, workerScriptPath } from '../../electron/core/import/run';

/**
 * Warm import workers (the built out/cli/import-worker.js): a worker that read a file inside its
 * limits reads the next one; one that hit a limit is ended and replaced.
 */

const RELEASE = `Clinics reopen in the north\n\nGENEVA – ${'The organisation today reopened two clinics in the north of the country. '.repeat(3)}`;
const deep = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>NAIROBI – ${'The organisation today opened clinics. '.repeat(5)}</p>${'</div>'.repeat(n)}</body></html>`;

describe('warm import workers', () => {
  // Limits of their own, so other tests' workers are not counted here.
  const limits = { ...IMPORT_LIMITS, maxOldGenerationSizeMb: 200 };
  beforeAll(async () => {
    workerScriptPath(); // fails clearly when the worker is not built
    await closeImportWorkers();
  });
  afterAll(closeImportWorkers);

  it('reads the next file in the worker that read the last one', async () => {
    const first = await parseInWorker({ name: 'one.txt', text: RELEASE }, limits);
    expect(first.release.headline).toBe('Clinics reopen in the north');
    expect(idleImportWorkers()).toBe(1);
    const second = await parseInWorker({ name: 'two.txt', text: RELEASE.replace('north', 'south') }, limits);
    expect(second.release.headline).toBe('Clinics reopen in the south');
    // Reused, not joined by a second one.
    expect(idleImportWorkers()).toBe(1);
  });

  it('ends a worker after a file refused for a limit, and reads the next file in a fresh one', async () => {
    expect(idleImportWorkers()).toBe(1);
    await expect(parseInWorker({ name: 'deep.html', html: deep(20_000) }, limits)).rejects.toThrow(/more than 256 levels deep/u);
    expect(idleImportWorkers()).toBe(0);
    const next = await parseInWorker({ name: 'nested.html', html: deep(100) }, limits);
    expect(next.release.datelinePlace).toBe('Nairobi');
    expect(idleImportWorkers()).toBe(1);
  });

  it('ends a worker that ran past its deadline, and the next file still reads', async () => {
    const tight = { ...limits, timeoutMs: 1 };
    await expect(parseInWorker({ name: 'slow.txt', text: RELEASE.repeat(200) }, tight)).rejects.toThrow(/longer than 0\.001 s/u);
    const next = await parseInWorker({ name: 'after.txt', text: RELEASE }, limits);
    expect(next.release.datelinePlace).toBe('Geneva');
  });
});

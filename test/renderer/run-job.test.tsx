// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CoreEvent } from '../../electron/shared/contract';
import { asResult, type DatelineClient } from '../../renderer/client/types';
import { runJob } from '../../renderer/client/run-job';
import { SettingsScreen } from '../../renderer/settings/SettingsScreen';
import { core as openLibrary } from '../core-harness';
import { renderWithClient } from './with-core';

afterEach(cleanup);

/**
 * A client wired straight to a real core that hands a job method's reply (its id) over only
 * after the job has ended: the order a short job takes over IPC when events overtake replies.
 */
async function coreClient(): Promise<{ core: Core; client: DatelineClient; seen: string[] }> {
  const core = await openLibrary();
  const seen: string[] = [];
  core.jobs.on((e: CoreEvent) => seen.push(e.type));
  const client = {
    call: async (method: string, input: unknown) => {
      const ended = new Set<string>();
      let wake: (() => void) | null = null;
      const off = core.jobs.on((e) => {
        if (e.type === 'job.done' || e.type === 'job.failed') ended.add(e.job.id);
        wake?.();
      });
      const r = asResult<unknown>(await core.dispatch(method, input, { transport: 'test' }));
      const jobId = r.ok && typeof r.value === 'object' && r.value !== null && 'jobId' in r.value ? String(r.value.jobId) : null;
      if (jobId) while (!ended.has(jobId)) await new Promise<void>((resolve) => (wake = resolve));
      off();
      seen.push('reply');
      return r;
    },
    on: (listener: (e: CoreEvent) => void) => core.jobs.on(listener),
    onUnauthorized: () => () => undefined,
  } as DatelineClient;
  return { core, client, seen };
}

describe('runJob', () => {
  it('resolves with the typed result even when the job ends before its id arrives', async () => {
    const { client, seen } = await coreClient();
    let started: string | null = null;
    const r = await runJob(client, 'library.check', {}, { onStart: (id) => (started = id) });
    expect(r).toEqual({ ok: true, value: { problems: [], notDownloaded: { files: 0, bytes: 0 } } });
    expect(started).toMatch(/\S/);
    // The race this guards against: the core had finished before the call's reply was read.
    expect(seen.indexOf('job.done')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('job.done')).toBeLessThan(seen.indexOf('reply'));
  });

  it('resolves with the error of a call the core refuses', async () => {
    const { client } = await coreClient();
    const r = await runJob(client, 'library.backup', { out: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
  });
});

describe('Settings: Check the library', () => {
  it('ends with its verdict every time, run many times in a row', async () => {
    const { client } = await coreClient();
    renderWithClient(client, <SettingsScreen />);
    const button = await screen.findByRole('button', { name: 'Check the library' });
    for (let run = 0; run < 12; run++) {
      fireEvent.click(button);
      await waitFor(() => expect(screen.getByText('The library is in good order.')).toBeTruthy());
      await waitFor(() => expect(button).toHaveProperty('disabled', false));
      expect(screen.queryByText(/Checking…/)).toBeNull();
    }
  });
});

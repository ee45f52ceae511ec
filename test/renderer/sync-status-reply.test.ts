import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/shared/contract';
import { openCore } from '../../electron/core/index';
import { asCoreEvent, asResult } from '../../renderer/client/types';
import { tempDir } from '../helpers';

/**
 * The sync status crosses from the core to the window as replies and as `sync.status` events;
 * the window checks it where it arrives (both transports go through asResult and asCoreEvent),
 * so a status it cannot read (a failed file without its reason's parameters, an unknown reason)
 * becomes an error in words or a dropped event, never a crash in the settings screen.
 */

const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const failedOffice: SyncStatus['offices'][number] = {
  office: 'kampala',
  error: null,
  files: {
    state: 'synced',
    uploaded: 0,
    downloaded: 2,
    notHere: 1,
    failed: 1,
    failedFiles: [{ name: 'borehole.jpg', sha256: 'a'.repeat(64), why: { code: 'size-mismatch', serverSize: 10, size: 12 } }],
  },
};

async function realStatus(): Promise<SyncStatus> {
  const core = await openCore(tempDir(), { author: 'amina' });
  try {
    const r = await core.dispatch('sync.configure', { server: 'http://127.0.0.1:9/', user: 'amina', prefix: 'dateline', offices: ['kampala'], intervalMinutes: 5 }, { transport: 'test' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as SyncStatus;
  } finally {
    core.close();
  }
}

describe('the sync status as the window receives it', () => {
  it("passes the core's own status, with an office's failed files, through as it is", async () => {
    const status: SyncStatus = { ...(await realStatus()), offices: [failedOffice, { office: 'gulu', error: { code: 'OFFLINE', message: 'The link dropped.' }, files: null }] };
    expect(status.state).toBe('needs-password');
    expect(asResult(wire({ ok: true, value: status }), 'sync.status')).toEqual({ ok: true, value: status });
    expect(asCoreEvent(wire({ type: 'sync.status', status }))).toEqual({ type: 'sync.status', status });
  });

  it('refuses a status it cannot read, in words, and drops such an event', async () => {
    const good = await realStatus();
    const broken = (files: unknown) => wire({ ...good, offices: [{ ...failedOffice, files: { ...failedOffice.files, ...(files as object) } }] });
    const unreadable = [
      // A reason without its parameters, an unknown reason, a count that is not one.
      broken({ failedFiles: [{ name: 'x.jpg', sha256: 'b'.repeat(64), why: { code: 'chunk-missing' } }] }),
      broken({ failedFiles: [{ name: 'x.jpg', sha256: 'b'.repeat(64), why: { code: 'disk-on-fire' } }] }),
      broken({ failed: -1 }),
      wire({ ...good, state: 'dreaming' }),
      wire({ ...good, waiting: null }),
    ];
    for (const value of unreadable) {
      for (const method of ['sync.status', 'sync.now', 'sync.pause', 'sync.configure', 'sync.password', 'sync.online'] as const) {
        expect(asResult({ ok: true, value }, method)).toEqual({
          ok: false,
          error: { code: 'INTERNAL', message: 'Dateline sent a reply this window cannot read.', params: { reason: 'badReply' } },
        });
      }
      expect(asCoreEvent({ type: 'sync.status', status: value })).toBeNull();
    }
    // Other methods' values are the core's promise, not checked here.
    expect(asResult({ ok: true, value: { anything: 1 } }, 'sync.settings')).toEqual({ ok: true, value: { anything: 1 } });
  });
});

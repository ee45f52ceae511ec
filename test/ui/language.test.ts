import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import type { CoreEvent } from '../../electron/shared/contract';
import { closedAfterTest } from '../core-harness';
import { tempDir } from '../helpers';

describe('ui.language', () => {
  it('passes the window’s language on as an event, refuses a language Dateline does not speak, and is desktop-only', async () => {
    const core = await openCore(tempDir(), { author: 'amina' });
    closedAfterTest(core);
    const events: CoreEvent[] = [];
    core.jobs.on((e) => events.push(e));

    expect(await core.dispatch('ui.language', { language: 'ar' }, { transport: 'ipc' })).toEqual({ ok: true, value: null });
    expect(events).toEqual([{ type: 'ui.language', language: 'ar' }]);

    const bad = await core.dispatch('ui.language', { language: 'de' }, { transport: 'ipc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const web = await core.dispatch('ui.language', { language: 'fr' }, { transport: 'http' });
    expect(web).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(events).toHaveLength(1);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { tempDir } from '../helpers';
import { buildChild } from './child-build';
import { run } from './processes';

let child: Awaited<ReturnType<typeof buildChild>>;
beforeAll(async () => {
  child = await buildChild();
}, 120_000);
afterAll(() => child?.remove());

describe('several processes on one library', () => {
  it('two processes updating one release 100 times each: every write waits its turn, none fails', async () => {
    const dir = tempDir();
    const core = await openCore(dir);
    const made = await core.dispatch(
      'release.create',
      { headline: 'Shared', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30', body: { type: 'doc', content: [] } },
      { transport: 'test' },
    );
    core.close();
    if (!made.ok) throw new Error(made.error.message);
    const id = (made.value as { id: string }).id;
    const results = await Promise.all([run(child.script, ['update', dir, id, '100']), run(child.script, ['update', dir, id, '100'])]);
    for (const r of results) expect(r.lines).toEqual([{ ok: 100 }]);

    const after = await openCore(dir);
    const history = after.library.docs.revisions(id);
    after.close();
    expect(history).toHaveLength(201);
    expect(history.filter((h) => h.leaf)).toHaveLength(1);
  }, 120_000);

  it('three processes creating the same new library at once all open it', async () => {
    for (let trial = 0; trial < 4; trial++) {
      const dir = join(tempDir(), 'library');
      const results = await Promise.all([0, 1, 2].map(() => run(child.script, ['open', dir])));
      for (const r of results) expect(r.lines, `trial ${trial}`).toEqual([{ ok: true }]);
    }
  }, 300_000);
});

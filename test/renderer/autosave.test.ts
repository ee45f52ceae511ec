import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../electron/shared/errors';
import { Autosave, type SaveState } from '../../renderer/releases/autosave';

type Fields = { headline: string };

function makeTransport(opts: { failSaves?: number } = {}) {
  const calls: string[] = [];
  let failures = opts.failSaves ?? 0;
  let revN = 1;
  const transport = {
    saves: [] as { fields: Fields; baseRev: string | null }[],
    async saveDraft(fields: Fields, baseRev: string | null): Promise<Result<unknown>> {
      calls.push(`save:${fields.headline}`);
      transport.saves.push({ fields, baseRev });
      if (failures > 0) {
        failures -= 1;
        return { ok: false, error: { code: 'INTERNAL', message: 'disk full' } };
      }
      return { ok: true, value: { updatedAt: 'now' } };
    },
    async commit(): Promise<Result<{ rev: string } | null>> {
      calls.push('commit');
      revN += 1;
      return { ok: true, value: { rev: `${revN}-${'a'.repeat(32)}` } };
    },
  };
  return { transport, calls };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the draft once typing pauses for 400 ms, with the latest fields only', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, '1-x');
    a.change({ headline: 'F' });
    await vi.advanceTimersByTimeAsync(200);
    a.change({ headline: 'Fl' });
    await vi.advanceTimersByTimeAsync(200);
    a.change({ headline: 'Flood' });
    await vi.advanceTimersByTimeAsync(399);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['save:Flood']);
    expect(transport.saves[0]!.baseRev).toBe('1-x');
  });

  it('commits a revision 1.5 s after the last change, says "saved" only then, and the next draft builds on it', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, '1-x');
    const states: SaveState['kind'][] = [];
    a.subscribe((s) => states.push(s.kind));
    a.change({ headline: 'Flood' });
    await vi.advanceTimersByTimeAsync(1499);
    expect(calls).toEqual(['save:Flood']);
    // In the journal, not yet in the library: lists and kits would not see it, so not "saved".
    expect(a.state.kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['save:Flood', 'commit']);
    expect(a.baseRev).toBe(`2-${'a'.repeat(32)}`);
    expect(a.state.kind).toBe('saved');
    expect(states).toEqual(['saving', 'saved']);
    a.change({ headline: 'Floods' });
    await vi.advanceTimersByTimeAsync(400);
    expect(transport.saves[1]!.baseRev).toBe(`2-${'a'.repeat(32)}`);
  });

  it('keeps postponing the commit while the person keeps typing', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, null);
    for (let i = 0; i < 10; i++) {
      a.change({ headline: `v${i}` });
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(calls.filter((c) => c === 'commit')).toEqual([]);
    expect(calls.filter((c) => c.startsWith('save:')).length).toBe(10);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.at(-1)).toBe('commit');
  });

  it('flush (blur, leaving the page) saves and commits at once, in order', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, null);
    a.change({ headline: 'Quick' });
    await a.flush();
    expect(calls).toEqual(['save:Quick', 'commit']);
    // Nothing left: the timers were cleared and nothing is written twice.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['save:Quick', 'commit']);
  });

  it('does not commit when nothing was saved', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, null);
    await a.flush();
    expect(calls).toEqual([]);
  });

  it('reports a failed save, keeps the fields and writes them on the next try', async () => {
    const { transport, calls } = makeTransport({ failSaves: 1 });
    const a = new Autosave<Fields>(transport, null);
    a.change({ headline: 'Lost?' });
    await vi.advanceTimersByTimeAsync(400);
    expect(a.state).toEqual({ kind: 'error', error: { code: 'INTERNAL', message: 'disk full' } });
    await a.flush();
    expect(calls).toEqual(['save:Lost?', 'save:Lost?', 'commit']);
    expect(a.state.kind).toBe('saved');
  });

  it('close() writes what is pending, then ignores further changes', async () => {
    const { transport, calls } = makeTransport();
    const a = new Autosave<Fields>(transport, null);
    a.change({ headline: 'Last words' });
    await a.close();
    a.change({ headline: 'after close' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['save:Last words', 'commit']);
  });
});

// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { CONFLICTS_CHANGED, useConflictCount } from '../../renderer/conflicts/useConflictCount';

/**
 * The conflicts count shown in the navigation and in the sync panel at once: a burst of change
 * events (a sync pulling hundreds of documents) asks the core a bounded number of times, and the
 * count shown is the answer to a question asked after the last event.
 */

afterEach(cleanup);

/** A client whose conflict.list answers are released by the test, one at a time. */
function fakeClient() {
  const listeners = new Set<(e: CoreEvent) => void>();
  const pending: { release: (n: number) => void }[] = [];
  let asked = 0;
  const client = {
    call: (method: string) => {
      if (method !== 'conflict.list') throw new Error(`unexpected call ${method}`);
      asked++;
      return new Promise((resolve) => {
        pending.push({ release: (n: number) => resolve({ ok: true, value: Array.from({ length: n }, (_, i) => ({ caseId: String(i) })) }) });
      });
    },
    on: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onUnauthorized: () => () => undefined,
  } as unknown as DatelineClient;
  return {
    client,
    asked: () => asked,
    listeners: () => listeners.size,
    emit: (e: CoreEvent) => listeners.forEach((l) => l(e)),
    /** Answers the oldest question with `n` cases. */
    answer: async (n: number) => {
      const p = pending.shift();
      if (!p) throw new Error('no question waiting');
      await act(async () => p.release(n));
    },
    waiting: () => pending.length,
  };
}

function Badge({ label }: { label: string }) {
  const n = useConflictCount();
  return <p>{`${label}: ${n === null ? '…' : n}`}</p>;
}

const changed = { type: 'library.changed' } as unknown as CoreEvent;

describe('the conflicts count', () => {
  it('asks once for every component showing it, and twice in all for a burst of 300 changes', async () => {
    const f = fakeClient();
    render(
      <ClientProvider client={f.client}>
        <Badge label="nav" />
        <Badge label="panel" />
      </ClientProvider>,
    );
    expect(f.asked()).toBe(1);
    await f.answer(0);
    expect(screen.getByText('nav: 0')).toBeTruthy();
    expect(screen.getByText('panel: 0')).toBeTruthy();

    for (let i = 0; i < 300; i++) f.emit(changed);
    // One question in flight; the rest of the burst waits for its answer and asks once more.
    expect(f.asked()).toBe(2);
    await f.answer(1);
    expect(f.asked()).toBe(3);
    await f.answer(2);
    expect(f.asked()).toBe(3);
    expect(f.waiting()).toBe(0);
    // The count shown answers a question asked after the last change.
    expect(screen.getByText('nav: 2')).toBeTruthy();
    expect(screen.getByText('panel: 2')).toBeTruthy();
  });

  it('asks again when a case is settled in this window, and stops listening once nothing shows it', async () => {
    const f = fakeClient();
    const view = render(
      <ClientProvider client={f.client}>
        <Badge label="nav" />
      </ClientProvider>,
    );
    await f.answer(3);
    expect(screen.getByText('nav: 3')).toBeTruthy();
    window.dispatchEvent(new Event(CONFLICTS_CHANGED));
    await f.answer(2);
    expect(screen.getByText('nav: 2')).toBeTruthy();
    expect(f.listeners()).toBe(1);
    view.unmount();
    expect(f.listeners()).toBe(0);
    f.emit(changed);
    window.dispatchEvent(new Event(CONFLICTS_CHANGED));
    expect(f.asked()).toBe(2);
  });
});

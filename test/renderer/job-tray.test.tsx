// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, JobInfo } from '../../electron/shared/contract';
import type { DatelineClient } from '../../renderer/client/types';
import { JobTray } from '../../renderer/app/JobTray';
import { renderWithClient } from './with-core';

/**
 * The job tray after many failed previews: it stays in the lower part of the window with its
 * list scrolling, newest first, each failure in words (no placeholder), and it folds down or is
 * cleared of finished jobs at once, from the keyboard as from the mouse.
 */

afterEach(cleanup);

function trayWithEvents(): { send: (e: CoreEvent) => void } {
  const listeners: ((e: CoreEvent) => void)[] = [];
  const client = {
    call: () => Promise.resolve({ ok: true, value: null }),
    on: (listener: (e: CoreEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
    onUnauthorized: () => () => undefined,
  } as unknown as DatelineClient;
  renderWithClient(client, <JobTray />);
  return { send: (e) => act(() => listeners.forEach((l) => l(e))) };
}

const failedPreview = (n: number): CoreEvent => {
  const job: JobInfo = { id: `job-${n}`, method: 'contact.import', state: 'failed', done: 0, total: null, step: null, message: null };
  const error = { code: 'INVALID_INPUT', message: `Row ${n} has more than 1,000 columns; this does not look like a contacts file.`, params: { reason: 'tooManyColumns', row: n, limit: 1000 } };
  return { type: 'job.failed', job, error };
};

describe('the job tray', () => {
  it('lists failures newest first, in words, and clears the finished ones at once', () => {
    const { send } = trayWithEvents();
    for (let n = 1; n <= 8; n++) send(failedPreview(n));
    const tray = screen.getByRole('region', { name: 'Work in progress' });
    expect(within(tray).getByRole('heading').textContent).toBe('Work in progress (8)');
    const errors = within(tray).getAllByText(/columns, so this does not look like a contacts file/);
    expect(errors).toHaveLength(8);
    expect(errors[0]!.textContent).toMatch(/^Row 8 /);
    expect(tray.textContent).not.toContain('{{');
    expect(within(tray).getAllByRole('button', { name: /^Dismiss “/ })).toHaveLength(8);
    fireEvent.click(within(tray).getByRole('button', { name: 'Dismiss finished' }));
    expect(screen.queryByRole('region', { name: 'Work in progress' })).toBeNull();
  });

  it('folds down to its heading and opens again', () => {
    const { send } = trayWithEvents();
    send(failedPreview(1));
    send(failedPreview(2));
    const fold = screen.getByRole('button', { name: 'Hide' });
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(fold);
    const unfold = screen.getByRole('button', { name: 'Show' });
    expect(unfold.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: /^Dismiss “/ })).toBeNull();
    fireEvent.click(unfold);
    expect(screen.getAllByRole('button', { name: /^Dismiss “/ })).toHaveLength(2);
  });

  it('is held to the lower part of the window, its list scrolling under its heading', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'styles', 'app.css'), 'utf8');
    const rule = (selector: string) => new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2] ?? '';
    expect(rule('.job-tray')).toMatch(/max-block-size: min\(40vh/);
    expect(rule('.job-tray')).toMatch(/inset-block-end: 1rem/);
    expect(rule('.job-tray ul')).toMatch(/overflow-y: auto/);
  });
});

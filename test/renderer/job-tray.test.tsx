// @vitest-environment jsdom
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, JobInfo } from '../../electron/shared/contract';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { JobTray } from '../../renderer/app/JobTray';
import { ExportPanel } from '../../renderer/kit-builder/ExportPanel';
import { call, core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

/**
 * The job tray after many failed previews: it stays in the lower part of the window with its
 * list scrolling, newest first, each failure in words (no placeholder), and it folds down or is
 * cleared of finished jobs at once, from the keyboard as from the mouse. Its heading says what it
 * holds, and a failure the page already explains is worded once.
 */

afterEach(cleanup);

function trayWithEvents(lng = 'en'): { send: (e: CoreEvent) => void } {
  const listeners: ((e: CoreEvent) => void)[] = [];
  const client = {
    call: () => Promise.resolve({ ok: true, value: null }),
    on: (listener: (e: CoreEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
    onUnauthorized: () => () => undefined,
  } as unknown as DatelineClient;
  renderWithClient(client, <JobTray />, lng);
  return { send: (e) => act(() => listeners.forEach((l) => l(e))) };
}

const jobIn = (n: number, state: JobInfo['state']): CoreEvent => {
  const job: JobInfo = { id: `job-${n}`, method: 'kit.exportFile', state, done: 0, total: null, step: null, message: null };
  if (state === 'running') return { type: 'job.progress', job };
  if (state === 'done') return { type: 'job.done', job, result: null };
  return { type: 'job.failed', job, error: { code: 'CANCELLED', message: 'Cancelled.' } };
};

/** The tray's heading once it holds these jobs; Arabic's isolates (FSI…PDI) left out. */
function headingWith(states: JobInfo['state'][], lng = 'en'): string {
  const { send } = trayWithEvents(lng);
  states.forEach((state, n) => send(state === 'failed' ? failedPreview(n) : jobIn(n, state)));
  const text = screen.getByRole('region').querySelector('h2')!.textContent!.replace(/[\u2068\u2069]/g, '');
  cleanup();
  return text;
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
    const tray = screen.getByRole('region', { name: 'Tasks' });
    expect(within(tray).getByRole('heading').textContent).toBe('8 failed');
    const errors = within(tray).getAllByText(/columns, so this does not look like a contacts file/);
    expect(errors).toHaveLength(8);
    expect(errors[0]!.textContent).toMatch(/^Row 8 /);
    expect(tray.textContent).not.toContain('{{');
    expect(within(tray).getAllByRole('button', { name: /^Dismiss “/ })).toHaveLength(8);
    fireEvent.click(within(tray).getByRole('button', { name: 'Dismiss finished' }));
    expect(screen.queryByRole('region', { name: 'Tasks' })).toBeNull();
  });

  it('says in its heading how many jobs run, are done, failed or were cancelled', () => {
    expect(headingWith(['running'])).toBe('1 running');
    expect(headingWith(['running', 'running', 'done', 'done', 'done', 'failed', 'failed', 'failed'])).toBe('2 running, 3 done, 3 failed');
    expect(headingWith(['failed', 'cancelled', 'running'])).toBe('1 running, 1 failed, 1 cancelled');
  });

  it('agrees each count with its noun in French, Spanish and Arabic', () => {
    expect(headingWith(['done', 'failed', 'failed'], 'fr')).toBe('1 terminée et 2 en échec');
    expect(headingWith(['done', 'done', 'cancelled'], 'es')).toBe('2 terminadas y 1 cancelada');
    expect(headingWith(['failed'], 'ar')).toBe('مهمة واحدة فاشلة');
    expect(headingWith(['running', 'running', 'failed', 'failed'], 'ar')).toBe('مهمتان قيد التنفيذ ومهمتان فاشلتان');
    expect(headingWith(Array<JobInfo['state']>(3).fill('done'), 'ar')).toBe('3 مهام مكتملة');
    expect(headingWith(Array<JobInfo['state']>(11).fill('failed'), 'ar')).toBe('11 مهمة فاشلة');
  });

  it('names each job’s close button by the word it shows, unlike the button that folds the tray, in every language', () => {
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const { send } = trayWithEvents(lng);
      send(failedPreview(1));
      const tray = screen.getByRole('region');
      const [fold, close] = within(tray).getAllByRole('button');
      const shown = close!.textContent!;
      expect(close!.getAttribute('aria-label')!.startsWith(shown), `${lng}: “${shown}” in “${close!.getAttribute('aria-label')}”`).toBe(true);
      expect(shown, lng).not.toBe(fold!.textContent);
      cleanup();
    }
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

  it('does not repeat the words of a failed export the kit builder shows, and gives them again once the builder is left', async () => {
    const c = await core();
    const jpeg = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 20, g: 90, b: 60 } } }).jpeg().toBuffer();
    const photo = await call<{ id: string; sha256: string }>(c, 'attachment.add', { name: 'well.jpg', data: jpeg.toString('base64') });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Mali kit', language: 'en', items: [{ kind: 'attachment', id: photo.id }] });
    // The file goes after the builder has looked: the export itself finds it missing.
    rmSync(c.ctx.blobs.path(photo.sha256));
    const panel = <ExportPanel key="panel" ids="k" kitId={kit.id} empty={false} saveFirst={async () => true} embargo={null} missing={[]} serverFiles={null} />;
    const i18n = setUpI18n('en');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={coreClient(c)}>{children}</ClientProvider>
      </I18nextProvider>
    );
    const { rerender } = render(<>{[<JobTray key="tray" />, panel]}</>, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Download Word (DOCX)' }));

    const words = /The file of “well\.jpg” \(item 1 of the kit\) is missing from the library folder/;
    await screen.findByRole('alert', {}, { timeout: 15_000 });
    const tray = screen.getByRole('region', { name: 'Tasks' });
    expect(within(tray).getByRole('heading').textContent).toBe('1 failed');
    expect(within(tray).getByText('Failed')).toBeTruthy();
    expect(screen.getAllByText(words)).toHaveLength(1);
    expect(tray.textContent).not.toMatch(words);

    // The builder left: the tray is where the failure is read now.
    rerender(<>{[<JobTray key="tray" />]}</>);
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Tasks' })).getByText(words)).toBeTruthy());
  });

  it('names the kit an export works on and the format it makes, in the person’s language', async () => {
    const c = await core();
    const jpeg = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 20, g: 90, b: 60 } } }).jpeg().toBuffer();
    const photo = await call<{ id: string }>(c, 'attachment.add', { name: 'well.jpg', data: jpeg.toString('base64') });
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Inondations à Kassala', language: 'fr', items: [{ kind: 'attachment', id: photo.id }] });
    const events: CoreEvent[] = [];
    c.jobs.on((e) => events.push(e));
    const i18n = setUpI18n('fr');
    render(
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={coreClient(c)}>
          <JobTray />
          <ExportPanel ids="k" kitId={kit.id} empty={false} saveFirst={async () => true} embargo={null} missing={[]} serverFiles={null} />
        </ClientProvider>
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: i18n.t('kitBuilder.export.docx') }));
    const tray = await screen.findByRole('region', { name: i18n.t('jobs.title') });
    await waitFor(() => expect(within(tray).getByText('« Inondations à Kassala » · document Word')).toBeTruthy(), { timeout: 15_000 });
    // The core says it with the job itself: the tray of another window reads the same.
    await waitFor(() => expect(events.some((e) => e.type === 'job.done')).toBe(true), { timeout: 15_000 });
    const done = events.find((e) => e.type === 'job.done');
    expect(done && 'job' in done ? done.job.subject : null).toEqual({ title: 'Inondations à Kassala', format: 'docx' });
  });

  it('takes a row of its own under the content, no higher than 40% of the window, its list scrolling under its heading', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'styles', 'app.css'), 'utf8');
    const rule = (selector: string) => new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2] ?? '';
    expect(rule('.job-tray')).toMatch(/max-block-size: min\(40vh/);
    // Docked in the shell's grid, not floated over the content (keyboard-walk.test.ts measures it).
    expect(rule('.job-tray')).toMatch(/grid-area: tray/);
    expect(rule('.job-tray')).not.toMatch(/position: fixed/);
    expect(rule('.job-tray ul')).toMatch(/overflow-y: auto/);
  });
});

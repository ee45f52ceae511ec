// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/shared/contract';
import type { Doc, KitItem } from '../../electron/shared/documents';
import type { Result } from '../../electron/shared/errors';
import { href, parseRoute, sectionOf } from '../../renderer/app/router';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { ExportPanel } from '../../renderer/kit-builder/ExportPanel';
import { EmbargoWords } from '../../renderer/releases/EmbargoField';
import { KitBuilder } from '../../renderer/kit-builder/KitBuilder';
import { base64ToBytes } from '../../electron/shared/base64';
import { chosenLanguages, idsOfKind, isExportedBytes, moveItem, pickedName, toggleLanguage, withPicked, withRows } from '../../renderer/kit-builder/items';
import type { ContactSummary } from '../../electron/shared/contract';

afterEach(cleanup);

describe('kit builder list rules', () => {
  it('moves an item into the place of the one it is dropped on, either way', () => {
    const list = ['release', 'photo', 'contact', 'facts'];
    expect(moveItem(list, 3, 1)).toEqual(['release', 'facts', 'photo', 'contact']);
    expect(moveItem(list, 0, 2)).toEqual(['photo', 'contact', 'release', 'facts']);
    expect(moveItem(list, 2, 1)).toEqual(['release', 'contact', 'photo', 'facts']);
  });

  it('leaves the list as it is (the same array) for a move to nowhere', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, 0)).toBe(list);
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 1, 2)).toBe(list);
    expect(moveItem(list, 5, 0)).toBe(list);
  });

  it('prints a release in its own language until versions are chosen, in the order they are ticked, never in none', () => {
    const item: Extract<KitItem, { kind: 'release' }> = { kind: 'release', id: 'rel-1' };
    expect(chosenLanguages(item, 'en')).toEqual(['en']);
    const both = toggleLanguage(item, 'en', 'ar', true);
    expect(both.languages).toEqual(['en', 'ar']);
    expect(toggleLanguage(both, 'en', 'ar', true).languages).toEqual(['en', 'ar']);
    const arabic = toggleLanguage(both, 'en', 'en', false);
    expect(arabic.languages).toEqual(['ar']);
    expect(toggleLanguage(arabic, 'en', 'ar', false)).toBe(arabic);
  });

  it('accepts only a well-formed export result, and decodes its bytes', () => {
    expect(isExportedBytes({ name: 'kit.zip', mediaType: 'application/zip', data: 'UEsDBA==' })).toBe(true);
    expect(isExportedBytes({ name: 'kit.zip', data: 'UEsDBA==' })).toBe(false);
    expect(isExportedBytes(null)).toBe(false);
    expect([...base64ToBytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('keeps one row per item the builder knows, the newest read in place of the one before', () => {
    const grace = (organisation: string | null): ContactSummary => ({ id: 'con-1', rev: '1', kind: 'spokesperson', name: 'Grace Akello', organisation, outlet: null, updatedAt: '2026-11-30T09:00:00.000Z' });
    const none = { releases: [], attachments: [], contacts: [] };
    const known = withRows(none, 'contact', [grace(null)]);
    expect(withPicked(known, { kind: 'contact', row: grace('WFP') }).contacts).toEqual([grace('WFP')]);
    expect(pickedName({ kind: 'contact', row: grace(null) }, '(untitled)')).toBe('Grace Akello');
    const items: KitItem[] = [{ kind: 'attachment', id: 'a' }, { kind: 'contact', id: 'c' }, { kind: 'attachment', id: 'b' }, { kind: 'attachment', id: 'a' }];
    expect(idsOfKind(items, 'attachment')).toEqual(['a', 'b']);
  });

  it('routes #/kits/<id> to the builder, under the Kits section', () => {
    expect(parseRoute(href.kit('kit-7f3a'))).toEqual({ screen: 'kit', id: 'kit-7f3a' });
    expect(parseRoute('#/kits')).toEqual({ screen: 'kits' });
    expect(sectionOf({ screen: 'kit', id: 'kit-7f3a' })).toBe('kits');
  });
});

const NOW = '2026-11-30T09:00:00.000Z';
const KIT: Doc<'kit'> = {
  id: 'kit-1',
  rev: '1-a',
  type: 'kit',
  title: 'Kasese water press kit',
  language: 'en',
  office: null,
  pageSize: 'A4',
  items: [
    { kind: 'release', id: 'rel-1' },
    { kind: 'attachment', id: 'att-1' },
    { kind: 'contact', id: 'con-1' },
  ],
} as unknown as Doc<'kit'>;

const RELEASE = { id: 'rel-1', rev: '1', headline: 'Clean water reaches Kasese', language: 'en', status: 'draft', office: null, releaseDate: null, embargoAt: null, embargoTimeZone: null, translationGroup: null, updatedAt: NOW, tags: [] };

/** A core that answers from a script, records calls, and lets the test send events. */
function fakeCore(exportResult: (emit: (e: CoreEvent) => void) => void) {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<(e: CoreEvent) => void>();
  const emit = (e: CoreEvent) => listeners.forEach((l) => l(e));
  const page = <T,>(items: T[]) => ({ items, nextCursor: null, total: items.length });
  const answer = (method: string): unknown => {
    switch (method) {
      case 'kit.get':
        return KIT;
      case 'kit.update':
        return { id: 'kit-1', rev: `${calls.length}-b` };
      case 'kit.preview':
        return { html: '<!doctype html><p>preview</p>', pageSize: 'A4', embargo: null, warnings: [], missingFiles: [] };
      case 'release.list':
        return page([RELEASE]);
      // A release in the kit is named by its language versions' rows (itself among them).
      case 'release.versions':
        return [RELEASE];
      case 'attachment.list':
        return page([{ id: 'att-1', rev: '1', sha256: 'x', originalName: 'borehole.jpg', mediaType: 'image/jpeg', size: 10, updatedAt: NOW, hasThumbnail: false, caption: null, credit: null, here: true }]);
      case 'attachment.location':
        return { inFile: false };
      case 'contact.list':
        return page([{ id: 'con-1', rev: '1', kind: 'spokesperson', name: 'Grace Akello', organisation: null, outlet: null, updatedAt: NOW }]);
      case 'office.list':
        return page([]);
      // The builder's version history: a kit with no revisions to list here.
      case 'doc.versions':
        return [];
      case 'sync.status':
        // The builder follows sync for the files still on the server; this library has no sync.
        return { seq: 1, run: 'r', state: 'not-set-up', paused: false, online: true, password: 'none', keychain: false, waiting: null, lastSyncedAt: null, nextAt: null, error: null, clockSkewMs: null, clockWarning: false, last: null, offices: [] };
      case 'kit.exportFile':
        // The job finishes before the call that started it has answered.
        exportResult(emit);
        return { jobId: 'job-1' };
      default:
        throw new Error(`unexpected call ${method}`);
    }
  };
  const client = {
    call: async (method: string, input: unknown): Promise<Result<unknown>> => {
      calls.push({ method, input });
      return { ok: true, value: answer(method) };
    },
    on: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onUnauthorized: () => () => undefined,
  } as unknown as DatelineClient;
  return { client, calls, emit };
}

function renderBuilder(client: DatelineClient) {
  const i18n = setUpI18n('en');
  return render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={client}>
        <KitBuilder kitId="kit-1" />
      </ClientProvider>
    </I18nextProvider>,
  );
}

const labels = () => [...document.querySelectorAll('.kit-item-label')].map((el) => el.textContent);

describe('KitBuilder', () => {
  it('moves an item with its keyboard button, announces it, keeps focus on it and saves the new order after a pause', async () => {
    const core = fakeCore(() => undefined);
    renderBuilder(core.client);
    const up = await screen.findByRole('button', { name: 'Move Grace Akello up' });
    expect(await screen.findByRole('button', { name: 'Move Clean water reaches Kasese up' })).toHaveProperty('disabled', true);
    up.focus();
    fireEvent.click(up);
    expect(labels()).toEqual(['Clean water reaches Kasese', 'Grace Akello', 'borehole.jpg']);
    expect(screen.getByText('Grace Akello moved to position 2 of 3.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Grace Akello up' }));
    await waitFor(() => expect(core.calls.some((c) => c.method === 'kit.update')).toBe(true), { timeout: 2000 });
    const update = core.calls.find((c) => c.method === 'kit.update')?.input as { rev: string; fields: { items: KitItem[] } };
    expect(update.rev).toBe('1-a');
    expect(update.fields.items.map((i) => i.kind)).toEqual(['release', 'contact', 'attachment']);
    // Saved items carry no builder-only key.
    expect(update.fields.items[0]).toEqual({ kind: 'release', id: 'rel-1' });
    // The preview is asked again once the save is through.
    await waitFor(() => expect(core.calls.filter((c) => c.method === 'kit.preview').length).toBeGreaterThan(1));
  });

  it('downloads an export that finished before its start call answered', async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = (b: Blob | MediaSource) => (created.push(b as Blob), 'blob:kit');
    URL.revokeObjectURL = () => undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const job = { id: 'job-1', method: 'kit.exportFile', done: 3, total: 3, step: null, message: null };
    const core = fakeCore((emit) =>
      emit({ type: 'job.done', job: { ...job, state: 'done' }, result: { name: 'kasese-lite.zip', mediaType: 'application/zip', data: 'UEsDBA==', bytes: 4, warnings: [] } }),
    );
    renderBuilder(core.client);
    const lite = await screen.findByRole('button', { name: 'Download kit-lite' });
    await act(async () => {
      fireEvent.click(lite);
    });
    await screen.findByText('kasese-lite.zip is ready in your downloads.');
    expect(clicked).toEqual(['kasese-lite.zip']);
    expect(created[0]?.type).toBe('application/zip');
    expect(created[0]?.size).toBe(4);
    click.mockRestore();
  });

  it('says a cancelled export was cancelled, and shows a failed one as an error', async () => {
    const job = { id: 'job-1', method: 'kit.exportFile', done: 1, total: 5, step: null, message: null };
    let round = 0;
    const core = fakeCore((emit) => {
      round += 1;
      if (round === 1) emit({ type: 'job.failed', job: { ...job, state: 'cancelled' }, error: { code: 'CANCELLED', message: 'The export was cancelled; nothing was written.' } });
      else emit({ type: 'job.failed', job: { ...job, state: 'failed' }, error: { code: 'NOT_FOUND', message: 'The release is no longer in the library.' } });
    });
    renderBuilder(core.client);
    const zip = await screen.findByRole('button', { name: 'Download ZIP bundle' });
    await act(async () => {
      fireEvent.click(zip);
    });
    await screen.findByText('The export was cancelled; nothing was downloaded.');
    await act(async () => {
      fireEvent.click(zip);
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no longer in the library'));
  });
});

describe('the embargo question before an export', () => {
  it('takes focus when it opens, closes on Escape without exporting, and gives focus back to the button that asked', () => {
    const calls: string[] = [];
    const client = {
      call: async (method: string) => {
        calls.push(method);
        return { ok: false, error: { code: 'INTERNAL', message: 'not in this test' } };
      },
      on: () => () => undefined,
      onUnauthorized: () => () => undefined,
    } as unknown as DatelineClient;
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <ClientProvider client={client}>
          <ExportPanel ids="k" kitId="kit-1" empty={false} saveFirst={async () => true} embargo={{ at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' }} missing={[]} serverFiles={null} />
        </ClientProvider>
      </I18nextProvider>,
    );
    const pdf = screen.getByRole('button', { name: 'Download PDF' });
    pdf.focus();
    fireEvent.click(pdf);
    const question = screen.getByRole('alertdialog');
    // The safe answer has focus, so Enter on a keyboard never downloads by accident.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Not now' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(question.isConnected).toBe(false);
    expect(document.activeElement).toBe(pdf);

    // Asked from another format and answered Not now: back to that format's button.
    const docx = screen.getByRole('button', { name: 'Download Word (DOCX)' });
    fireEvent.click(docx);
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(document.activeElement).toBe(docx);
    expect(calls).toEqual([]);
  });

  it('says the embargo in the words and date format of every other screen, not the kit’s printed line', () => {
    const client = { call: async () => ({ ok: true, value: null }), on: () => () => undefined, onUnauthorized: () => () => undefined } as unknown as DatelineClient;
    const embargo = { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' };
    for (const [lng, style, question, sameWords] of [
      ['en', 'numeric', 'Embargoed until 13:00 Kampala time, 03/12/2099. Every file of this kit will say so. Download the PDF now?', 'Embargoed until 13:00 Kampala time, 03/12/2099'],
      ['fr', 'dayMonth', 'Sous embargo jusqu’à 13:00, heure de Kampala, le 3 déc. 2099. Chaque fichier de ce dossier l’indiquera. Voulez-vous télécharger le PDF maintenant ?', 'Sous embargo jusqu’à 13:00, heure de Kampala, le 3 déc. 2099'],
    ] as const) {
      const i18n = setUpI18n(lng);
      render(
        <I18nextProvider i18n={i18n}>
          <DateStyleContext.Provider value={{ style, choose: () => undefined }}>
            <ClientProvider client={client}>
              <ExportPanel ids="k" kitId="kit-1" empty={false} saveFirst={async () => true} embargo={embargo} missing={[]} serverFiles={null} />
              <p data-testid="release-page">
                <EmbargoWords embargo={embargo} />
              </p>
            </ClientProvider>
          </DateStyleContext.Provider>
        </I18nextProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: i18n.t('kitBuilder.export.pdf') }));
      expect(screen.getByRole('alertdialog').querySelector('p')!.textContent).toBe(question);
      expect(screen.getByTestId('release-page').textContent).toBe(sameWords);
      cleanup();
    }
  });
});

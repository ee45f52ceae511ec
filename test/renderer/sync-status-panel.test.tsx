// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { FailedFile, SyncStatus } from '../../electron/shared/contract';
import { FAILED_FILES_SHOWN } from '../../electron/shared/sync/app-contract';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { setUpI18n } from '../../renderer/i18n';
import { SyncStatusPanel } from '../../renderer/sync/SyncStatusPanel';
import { useSyncStatus } from '../../renderer/sync/useSyncStatus';
import { core } from '../core-harness';
import { coreClient, renderWithClient } from './with-core';

// Settings' sync status under a sync whose files partly failed: the office's note, then the first
// failed files by name with why, in the person's language, from the codes the core reports.

afterEach(cleanup);

async function client(): Promise<{ core: Core; client: DatelineClient }> {
  const c = await core();
  return { core: c, client: coreClient(c) };
}

const sha = (n: number) => n.toString(16).padStart(64, '0');
const failures: FailedFile[] = [
  { name: 'borehole.jpg', sha256: sha(1), why: { code: 'chunk-missing', chunk: 3 } },
  { name: 'market.jpg', sha256: sha(2), why: { code: 'chunk-damaged', chunk: 12 } },
  { name: 'report.pdf', sha256: sha(3), why: { code: 'size-mismatch', serverSize: 2048, size: 4096 } },
  { name: 'flood.mp4', sha256: sha(4), why: { code: 'file-damaged' } },
  { name: 'logo.png', sha256: sha(5), why: { code: 'list-damaged' } },
];

async function panel(lng: string) {
  const { core, client: c } = await client();
  const office = (await core.dispatch('office.create', { name: 'Kampala' }, { transport: 'test' })) as { ok: true; value: { id: string } };
  const status: SyncStatus = {
    ...(await core.dispatch('sync.status', {}, { transport: 'test' }) as { ok: true; value: SyncStatus }).value,
    state: 'idle',
    offices: [{ office: office.value.id, error: null, files: { state: 'synced', uploaded: 0, downloaded: 1, notHere: 7, failed: 7, failedFiles: failures } }],
  };
  expect(failures).toHaveLength(FAILED_FILES_SHOWN);
  renderWithClient(c, <SyncStatusPanel status={status} onStatus={() => undefined} />, lng);
  const note = await screen.findByText((_, el) => el?.tagName === 'LI' && el.firstChild?.nodeType === 3 && /Kampala/.test(el.firstChild.textContent ?? ''));
  // Each value is isolated from the text around it (a Latin name inside Arabic); the words are what is checked here.
  return within(note).getAllByRole('listitem').map((li) => li.textContent?.replace(/[\u2068\u2069]/g, ''));
}

describe('failed files in the sync status', () => {
  it('names each shown file with its reason, and counts the rest', async () => {
    expect(await panel('en')).toEqual([
      'borehole.jpg: part 3 of the file is missing from the server',
      'market.jpg: part 12 on the server is damaged (it does not match its checksum) and was refused',
      "report.pdf: the server's copy is 2 kB, not the 4 kB this library records",
      "flood.mp4: the file put together from the server's parts does not match its checksum and was not kept",
      "logo.png: the server's list of this file's parts is damaged",
      'and 2 more files',
    ]);
  });

  it('says it in Arabic, with the dual form for two more files', async () => {
    const items = await panel('ar');
    expect(items[0]).toBe('borehole.jpg: الجزء 3 من الملف غير موجود على الخادم');
    expect(items.at(-1)).toBe('وملفان آخران');
  });
});

describe('the status the window keeps', () => {
  it('is the one the core produced last, though a reply arrives after a later event', async () => {
    const { core, client: c } = await client();
    const dispatch = async (method: string, input: unknown) => ((await core.dispatch(method, input, { transport: 'test' })) as { ok: true; value: SyncStatus }).value;
    const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={c}>{children}</ClientProvider>;
    const { result } = renderHook(() => useSyncStatus(), { wrapper });
    await waitFor(() => expect(result.current.status).not.toBeNull());
    // "Pause" is clicked: the core replies with a paused status and says so in an event; then
    // "Resume": the event of the resume comes first, the reply of the pause last.
    const paused = await dispatch('sync.pause', { paused: true });
    await dispatch('sync.pause', { paused: false });
    await waitFor(() => expect(result.current.status?.paused).toBe(false));
    act(() => result.current.set(paused));
    expect(result.current.status?.paused).toBe(false);
    // A newer status replaces it, as a reply or as an event.
    const latest = await dispatch('sync.status', {});
    act(() => result.current.set(latest));
    expect(result.current.status?.seq).toBe(latest.seq);
    // A core restarted under this window counts from 1 again: its first status is taken.
    const restarted = { ...paused, run: 'another-run', seq: 1 };
    act(() => result.current.set(restarted));
    expect(result.current.status).toEqual(restarted);
  });
});

describe('an office this library syncs by its id', () => {
  it('is named once a sync has brought the office here', async () => {
    // Another library made the office; this one was told only its id.
    const { core: there } = await client();
    const made = (await there.dispatch('office.create', { name: 'Goma' }, { transport: 'test' })) as { ok: true; value: { id: string; rev: string } };
    const { id, rev } = made.value;
    const { core: here, client: c } = await client();
    const base = (await here.dispatch('sync.status', {}, { transport: 'test' })) as { ok: true; value: SyncStatus };
    const missing = { code: 'NOT_FOUND' as const, message: 'There is no database at http://sync.example/x.', params: { failure: 'not-found' } };
    const status = (lastSyncedAt: string | null): SyncStatus => ({ ...base.value, state: 'idle', lastSyncedAt, offices: [{ office: id, error: missing, files: null }] });
    const i18n = setUpI18n('en');
    const ui = (s: SyncStatus) => (
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={c}>
          <SyncStatusPanel status={s} onStatus={() => undefined} />
        </ClientProvider>
      </I18nextProvider>
    );
    const { rerender } = render(ui(status(null)));
    await screen.findByText(new RegExp(`^Office ${id} did not sync`));

    // The sync pulls the office's document, and the status that follows is newer.
    const body = there.library.docs.getRevision(id, rev).body;
    here.library.replication.bulkInsertRemote([{ ...body, _id: id, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } }]);
    rerender(ui(status('2026-12-05T10:42:00.000Z')));
    await screen.findByText(/^Office Goma did not sync/);
  });
});

describe('Sync now while sync is paused', () => {
  it('says that it resumes sync, which it does', async () => {
    const { core, client: c } = await client();
    const office = (await core.dispatch('office.create', { name: 'Goma' }, { transport: 'test' })) as { ok: true; value: { id: string } };
    await core.dispatch('sync.configure', { server: 'http://127.0.0.1:9', offices: [office.value.id] }, { transport: 'test' });
    const paused = (await core.dispatch('sync.pause', { paused: true }, { transport: 'test' })) as { ok: true; value: SyncStatus };
    renderWithClient(c, <SyncStatusPanel status={paused.value} onStatus={() => undefined} />);
    await screen.findByRole('button', { name: 'Resume and sync now' });
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});

describe('the clock warning', () => {
  it('says how far this computer’s clock is from the server’s, and which way', async () => {
    const { core, client: c } = await client();
    const base = ((await core.dispatch('sync.status', {}, { transport: 'test' })) as { ok: true; value: SyncStatus }).value;
    const shown = async (lng: string, clockSkewMs: number) => {
      renderWithClient(c, <SyncStatusPanel status={{ ...base, state: 'idle', clockWarning: true, clockSkewMs }} onStatus={() => undefined} />, lng);
      const text = (await screen.findByText(/clock|horloge/)).textContent?.replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ');
      cleanup();
      return text;
    };
    // The server's clock is ahead: this computer's is behind.
    expect(await shown('en', 3 * 3600_000 + 60_000)).toBe("This computer's clock is 3 hours behind the server's: check its date and time. Nothing was changed because of it.");
    expect(await shown('en', -25 * 60_000)).toBe("This computer's clock is 25 minutes ahead of the server's: check its date and time. Nothing was changed because of it.");
    expect(await shown('fr', -366 * 24 * 3600_000)).toBe('L’horloge de cet ordinateur avance de 366 jours sur celle du serveur : vérifiez sa date et son heure. Rien n’a été modifié à cause de cela.');
  });
});

describe('an office that did not sync, in French and Spanish', () => {
  it('says so in one sentence and why in the next, never a capital after a colon', async () => {
    const { core: c, client: cl } = await client();
    const office = (await c.dispatch('office.create', { name: 'Goma' }, { transport: 'test' })) as { ok: true; value: { id: string } };
    const base = (await c.dispatch('sync.status', {}, { transport: 'test' })) as { ok: true; value: SyncStatus };
    const refused = { code: 'OFFLINE' as const, message: 'connect ECONNREFUSED 127.0.0.1:9', params: { failure: 'network', cause: 'refused', host: '127.0.0.1:9' } };
    const status: SyncStatus = { ...base.value, state: 'offline', offices: [{ office: office.value.id, error: refused, files: null }] };
    for (const [lng, line] of [
      ['fr', 'Le bureau Goma n’a pas été synchronisé. Rien ne répond à 127.0.0.1:9'],
      ['es', 'La oficina Goma no se sincronizó. Nada responde en 127.0.0.1:9'],
    ] as const) {
      render(
        <I18nextProvider i18n={setUpI18n(lng)}>
          <ClientProvider client={cl}>
            <SyncStatusPanel status={status} onStatus={() => undefined} />
          </ClientProvider>
        </I18nextProvider>,
      );
      const said = await screen.findByText((text) => text.includes(line));
      expect(said.tagName).toBe('LI');
      cleanup();
    }
  });
});

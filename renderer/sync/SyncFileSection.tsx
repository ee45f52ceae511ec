import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBytes, bytesToBase64 } from '../../electron/shared/base64';
import { SYNC_FILE_EXTENSION, SYNC_FILE_WEB_MAX_BYTES, type SyncFileImport } from '../../electron/shared/sync/contract';
import { downloadFile } from '../app/download';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { runJob, runStartedJob } from '../client/run-job';
import { useJobError } from '../app/failure-shown';
import type { DatelineClient } from '../client/types';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useFocusBack } from '../ui/pageFocus';

/** A file saved (downloaded by the browser in web mode, written where the dialog said in the desktop app) or merged. */
type Outcome = { kind: 'saved'; name: string; docs: number; files: number; downloaded: boolean } | { kind: 'merged'; name: string; result: SyncFileImport };
type Dialogs = NonNullable<DatelineClient['syncFileDialog']>;
type SyncFileDialogRequest = Parameters<Dialogs>[0];

const PEER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MB = SYNC_FILE_WEB_MAX_BYTES / 1024 / 1024;

/**
 * Settings → Sync file: for an office with no link, what a server would carry goes on a USB
 * stick. Saving makes the file (for one named office, only what it has not been sent yet);
 * opening one merges it as a sync would. Both run as jobs, so the job tray shows their progress.
 * In the desktop app (its client has `syncFileDialog`) the system's dialogs pick the file and the
 * core streams it to or from disk, whatever its size; in web mode its bytes travel in the call,
 * up to SYNC_FILE_WEB_MAX_BYTES.
 */
export function SyncFileSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [peer, setPeer] = useState('');
  const [busy, setBusy] = useState<'saving' | 'opening' | null>(null);
  const saveButton = useFocusBack<HTMLButtonElement>(busy !== null);
  const openButton = useFocusBack<HTMLButtonElement>(busy !== null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A failed job is said here once, not again in the job tray.
  const [error, setError] = useJobError();
  const input = useRef<HTMLInputElement>(null);
  const peerName = peer.trim();
  const peerWrong = peerName !== '' && !PEER_NAME.test(peerName);

  const dialogs = client.syncFileDialog;
  const words = (title: string) => ({ title, filter: t('syncFile.filter') });

  const save = async () => {
    setOutcome(null);
    setError(null);
    const peerOrNull = peerName === '' ? null : peerName;
    if (dialogs) return saveThrough(dialogs, peerOrNull);
    setBusy('saving');
    const r = await runJob(client, 'sync.exportFile', { peer: peerOrNull });
    setBusy(null);
    if (!r.ok) return setError(r.error, r.job);
    downloadFile(r.value.name, 'application/gzip', base64ToBytes(r.value.data));
    setOutcome({ kind: 'saved', name: r.value.name, docs: r.value.docs, files: r.value.files, downloaded: true });
  };

  /**
   * The desktop app: the system's dialog in the main process starts the core's job on the file
   * chosen. Cancelled in the dialog, nothing runs and nothing is said (null).
   */
  const throughDialog = async <M extends 'sync.export' | 'sync.import'>(dialogs: Dialogs, method: M, request: SyncFileDialogRequest, doing: 'saving' | 'opening') => {
    let name = '';
    const r = await runStartedJob(client, method, async () => {
      const d = await dialogs(request);
      if (!d.ok || d.value.cancelled) return d.ok ? { ok: true, value: null } : d;
      name = d.value.name;
      return { ok: true, value: { jobId: d.value.jobId } };
    }, { onStart: () => setBusy(doing) });
    setBusy(null);
    return r === null ? null : { r, name };
  };

  const saveThrough = async (dialogs: Dialogs, peerOrNull: string | null) => {
    const done = await throughDialog(dialogs, 'sync.export', { action: 'save', peer: peerOrNull, words: words(t('syncFile.saveTitle')) }, 'saving');
    if (done === null) return;
    if (!done.r.ok) return setError(done.r.error, done.r.job);
    setOutcome({ kind: 'saved', name: done.name, docs: done.r.value.docs, files: done.r.value.files, downloaded: false });
  };

  const openThrough = async (dialogs: Dialogs) => {
    setOutcome(null);
    setError(null);
    const done = await throughDialog(dialogs, 'sync.import', { action: 'open', words: { ...words(t('syncFile.openTitle')), allFiles: t('syncFile.allFiles') } }, 'opening');
    if (done === null) return;
    if (!done.r.ok) return setError(done.r.error, done.r.job);
    setOutcome({ kind: 'merged', name: done.name, result: done.r.value });
  };

  const open = async (files: FileList | null) => {
    const f = files?.[0];
    if (input.current) input.current.value = '';
    if (!f) return;
    setOutcome(null);
    setError(null);
    if (f.size > SYNC_FILE_WEB_MAX_BYTES) {
      return setError({ code: 'FILE_TOO_LARGE', message: t('syncFile.tooLarge', { name: f.name, size: Math.ceil(f.size / 1024 / 1024), mb: MB }) });
    }
    setBusy('opening');
    const r = await runJob(client, 'sync.importFile', { name: f.name, data: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
    setBusy(null);
    if (!r.ok) return setError(r.error, r.job);
    setOutcome({ kind: 'merged', name: f.name, result: r.value });
  };

  return (
    <section className="panel" aria-labelledby="set-sync-file">
      <h2 id="set-sync-file">{t('syncFile.title')}</h2>
      <p>{t('syncFile.mergesNotReplaces')}</p>
      <div className="field">
        <label htmlFor="sync-file-peer">{t('syncFile.peer')}</label>
        <input id="sync-file-peer" dir="ltr" value={peer} onChange={(e) => setPeer(e.target.value)} aria-invalid={peerWrong} aria-describedby="sync-file-peer-hint" />
        <p className="hint" id="sync-file-peer-hint">
          {peerWrong ? t('syncFile.peerWrong') : t('syncFile.peerHint')}
        </p>
      </div>
      <div className="actions">
        <button ref={saveButton} type="button" onClick={() => void save()} disabled={busy !== null || peerWrong}>
          {t('syncFile.save')}
        </button>
        <button ref={openButton} type="button" onClick={() => (dialogs ? void openThrough(dialogs) : input.current?.click())} disabled={busy !== null}>
          {t('syncFile.open')}
        </button>
        {!dialogs && (
          <input
            ref={input}
            id="sync-file-open"
            type="file"
            hidden
            aria-label={t('syncFile.open')}
            accept={`.${SYNC_FILE_EXTENSION},.gz,application/gzip`}
            onChange={(e) => void open(e.target.files)}
          />
        )}
      </div>
      {!dialogs && <p className="hint">{t('syncFile.limit', { mb: MB })}</p>}
      {busy && (
        <p className="muted" role="status">
          {busy === 'saving' ? t('syncFile.saving') : t('syncFile.opening')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {outcome?.kind === 'saved' && (
        <p className="notice" role="status">
          {t(outcome.downloaded ? 'syncFile.saved' : 'syncFile.savedTo', { name: outcome.name, docs: outcome.docs, files: outcome.files })}
        </p>
      )}
      {outcome?.kind === 'merged' && (
        <div className="notice" role="status">
          <p>{t('syncFile.merged', { name: outcome.name, written: outcome.result.written, skipped: outcome.result.skipped, files: outcome.result.files })}</p>
          {outcome.result.denied.length > 0 && <p>{t('syncFile.denied', { n: outcome.result.denied.length })}</p>}
          {outcome.result.merged > 0 && <p>{t('syncFile.mergedByThemselves', { n: outcome.result.merged })}</p>}
          {outcome.result.conflicts.length > 0 ? (
            <p>
              {t('syncFile.conflicts', { n: outcome.result.conflicts.length })} <a href={href.conflicts()}>{t('syncFile.toConflicts')}</a>
            </p>
          ) : (
            <p>{t('syncFile.noConflicts')}</p>
          )}
        </div>
      )}
    </section>
  );
}

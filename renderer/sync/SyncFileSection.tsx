import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBytes, bytesToBase64 } from '../../electron/shared/base64';
import type { ApiError } from '../../electron/shared/errors';
import { SYNC_FILE_WEB_MAX_BYTES, type SyncFileBytes, type SyncFileImport } from '../../electron/shared/sync/contract';
import { downloadFile } from '../app/download';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { ErrorMessage } from '../ui/ErrorMessage';

type Outcome = { kind: 'saved'; file: SyncFileBytes } | { kind: 'merged'; name: string; result: SyncFileImport };

const PEER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MB = SYNC_FILE_WEB_MAX_BYTES / 1024 / 1024;

/**
 * Settings → Sync file: for an office with no link, what a server would carry goes on a USB
 * stick. Saving makes the file (for one named office, only what it has not been sent yet);
 * opening one merges it as a sync would. Both run as jobs, so the job tray shows their progress.
 */
export function SyncFileSection() {
  const { t } = useTranslation();
  const client = useClient();
  const [peer, setPeer] = useState('');
  const [busy, setBusy] = useState<'saving' | 'opening' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const peerName = peer.trim();
  const peerWrong = peerName !== '' && !PEER_NAME.test(peerName);

  const save = async () => {
    setOutcome(null);
    setError(null);
    setBusy('saving');
    const r = await runJob(client, 'sync.exportFile', { peer: peerName === '' ? null : peerName });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    downloadFile(r.value.name, 'application/gzip', base64ToBytes(r.value.data));
    setOutcome({ kind: 'saved', file: r.value });
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
    if (!r.ok) return setError(r.error);
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
        <button type="button" onClick={() => void save()} disabled={busy !== null || peerWrong}>
          {t('syncFile.save')}
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={busy !== null}>
          {t('syncFile.open')}
        </button>
        <input
          ref={input}
          id="sync-file-open"
          type="file"
          hidden
          aria-label={t('syncFile.open')}
          accept=".dateline-sync,.gz,application/gzip"
          onChange={(e) => void open(e.target.files)}
        />
      </div>
      <p className="hint">{t('syncFile.limit', { mb: MB })}</p>
      {busy && (
        <p className="muted" role="status">
          {busy === 'saving' ? t('syncFile.saving') : t('syncFile.opening')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {outcome?.kind === 'saved' && (
        <p className="notice" role="status">
          {t('syncFile.saved', { name: outcome.file.name, docs: outcome.file.docs, files: outcome.file.files })}
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

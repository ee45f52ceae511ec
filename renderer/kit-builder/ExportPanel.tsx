import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Embargo } from '../../electron/shared/documents';
import type { Result } from '../../electron/shared/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../../electron/shared/kits/layout';
import { useClient } from '../client/context';
import { runJob, type JobResult, type RunJobOptions } from '../client/run-job';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import { base64ToBytes } from '../../electron/shared/base64';
import { downloadFile, downloadFromLink } from '../app/download';
import { useJobError } from '../app/failure-shown';
import { isExportedBytes } from './items';
import type { ServerFilesDownload } from '../../electron/shared/kits/contract';
import type { InputOf } from '../../electron/shared/contract';
import { formatLocale } from '../i18n';
import { formatBytes } from '../ui/languages';
import { useEmbargoWords } from '../releases/EmbargoField';

/** The export buttons: each export runs as a job, with progress and cancel, and is downloaded as a file. */

type ExportInput = InputOf<'kit.exportFile'>;

interface RunningExport {
  id: string;
  format: ExportFormat;
  done: number;
  total: number | null;
}

export function ExportPanel({
  ids,
  kitId,
  empty,
  saveFirst,
  embargo,
  missing,
  serverFiles,
}: {
  ids: string;
  kitId: string;
  /** The kit has no items: nothing to export yet. */
  empty: boolean;
  /** Saves what is on screen; false when the kit on screen is not what is saved. */
  saveFirst: () => Promise<boolean>;
  /** The kit's embargo, when it is under embargo: each export asks first, with the embargo in the words of every screen. */
  embargo: Embargo | null;
  /**
   * The kit's files missing from this computer, each with the office whose logo it is (null for
   * a kit item): the export is refused until each gone from the library folder is dealt with,
   * so it is said before, and where. One still on the server is not in the way: the export
   * downloads it first (`serverFiles` says whether it can now).
   */
  missing: readonly { name: string; office: string | null; onServer: boolean; size: number }[];
  serverFiles: ServerFilesDownload | null;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const embargoWords = useEmbargoWords();
  const [running, setRunning] = useState<RunningExport | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  // A failed export is said here once, not again in the job tray.
  const [exportError, setExportError] = useJobError();
  // The format waiting for the person to confirm exporting an embargoed kit.
  const [confirming, setConfirming] = useState<ExportFormat | null>(null);
  // The running export's job id, for cancel.
  const jobId = useRef<string | null>(null);
  // Set from the press that starts an export until it ends: the state that disables the buttons lags one render behind.
  const starting = useRef(false);
  // The embargo question takes focus on its safe answer; answered, it gives focus back to the
  // format button that asked, enabled again.
  const focus = useConfirmFocus(confirming, () => setConfirming(null));

  const ask = (format: ExportFormat) => {
    // Off while an export runs or the embargo question waits: the press does nothing.
    if (running !== null || confirming !== null || starting.current) return;
    setExportNote(null);
    setExportError(null);
    if (embargo) setConfirming(format);
    else void startExport(format, false);
  };

  const startExport = async (format: ExportFormat, confirmEmbargo: boolean) => {
    // One export at a time: a second press while the kit is still being saved (a double click
    // after an edit) would otherwise start a second job and download the file twice.
    if (starting.current) return;
    starting.current = true;
    setConfirming(null);
    setExportNote(null);
    setExportError(null);
    // The buttons are off from the press on, while the kit on screen is saved first (the export reads the saved kit).
    setRunning({ id: '', format, done: 0, total: null });
    if (!(await saveFirst())) {
      starting.current = false;
      setRunning(null);
      return setExportNote(t('kitBuilder.saveFirst'));
    }
    const input = { id: kitId, format, confirmEmbargo };
    const progress = {
      onStart: (id: string) => {
        jobId.current = id;
        setRunning((run) => (run ? { ...run, id } : run));
      },
      onProgress: (job: { done: number; total: number | null }) => setRunning((run) => (run ? { ...run, done: job.done, total: job.total } : run)),
    };
    // Web mode: the file waits on the server and the browser saves it as it arrives, by a one-time
    // link (a ZIP with photos can be hundreds of MB); the desktop app gets the bytes in the answer.
    const linkFor = client.downloadLink;
    const saved = linkFor ? await exportByLink(linkFor, input, progress) : await exportAsBytes(input, progress);
    jobId.current = null;
    starting.current = false;
    setRunning(null);
    setCancelling(false);
    if (saved.ok) {
      setExportNote(t('kitBuilder.exported', { name: saved.value }));
    } else if (saved.error.code === 'CANCELLED') {
      setExportNote(t('kitBuilder.cancelled'));
    } else {
      setExportError(saved.error, saved.job);
    }
  };

  /** Web mode's export: the job leaves the file on the server, the browser downloads it by link; the file's name. */
  const exportByLink = async (linkFor: (id: string) => Promise<Result<string>>, input: ExportInput, progress: RunJobOptions): Promise<JobResult<string>> => {
    const r = await runJob(client, 'kit.exportDownload', input, progress);
    if (!r.ok) return r;
    const link = await linkFor(r.value.download);
    if (!link.ok) return link;
    downloadFromLink(link.value, r.value.name);
    return { ok: true, value: r.value.name };
  };

  /** The desktop's export: the job answers the file's bytes, handed to the downloads from memory; the file's name. */
  const exportAsBytes = async (input: ExportInput, progress: RunJobOptions): Promise<JobResult<string>> => {
    const r = await runJob(client, 'kit.exportFile', input, progress);
    if (!r.ok) return r;
    if (!isExportedBytes(r.value)) return { ok: false, error: { code: 'INTERNAL', message: t('errors.badReply'), params: { reason: 'badReply' } } };
    downloadFile(r.value.name, r.value.mediaType, base64ToBytes(r.value.data));
    return { ok: true, value: r.value.name };
  };

  const cancel = async () => {
    const id = jobId.current;
    if (!id) return;
    setCancelling(true);
    // The job's own "cancelled" event ends it on screen; an export that had already finished
    // is downloaded as usual.
    const r = await client.call('job.cancel', { id });
    if (!r.ok) {
      setCancelling(false);
      setExportError(r.error);
    }
  };

  const gone = missing.filter((m) => !m.onServer);
  const missingItems = gone.filter((m) => m.office === null);
  const missingLogos = gone.filter((m) => m.office !== null);
  const onServer = missing.filter((m) => m.onServer);
  const serverNote = {
    export: 'kitBuilder.exportOnServer',
    'sync-first': 'kitBuilder.exportOnServerSyncFirst',
    'on-request': 'kitBuilder.exportOnServerOnRequest',
  } as const;
  const percent = running?.total ? Math.round((100 * running.done) / running.total) : null;

  return (
      <section className="panel" aria-labelledby={`${ids}-export`}>
        <h2 id={`${ids}-export`}>{t('kitBuilder.exportHeading')}</h2>
        <div className="actions">
          {EXPORT_FORMATS.map((f) => (
            <button
              key={f}
              ref={focus.asker(f)}
              type="button"
              onClick={() => ask(f)}
              // Off while an export runs but still focusable: the button pressed by keyboard keeps
              // the focus (a disabled one would drop it to the page's top) and takes it back after.
              aria-disabled={running !== null || confirming !== null || undefined}
              disabled={empty || gone.length > 0}
            >
              {t(`kitBuilder.export.${f}`)}
            </button>
          ))}
        </div>
        {confirming && embargo && (
          <ConfirmQuestion
            className="kit-embargo-confirm"
            question={t('kitBuilder.embargoConfirm', { embargo: embargoWords(embargo), format: t(`kitBuilder.format.${confirming}`) })}
            confirmLabel={t('kitBuilder.embargoYes')}
            onConfirm={() => startExport(confirming, true)}
            focus={focus}
            cancelLabel={t('kitBuilder.embargoNo')}
            destructive={false}
          />
        )}
        {onServer.length > 0 && (
          <p className="hint" role="status">
            {t(serverNote[serverFiles ?? 'sync-first'], {
              names: onServer.map((m) => m.name),
              size: formatBytes(
                onServer.reduce((n, m) => n + m.size, 0),
                formatLocale(i18n.language),
              ),
            })}
          </p>
        )}
        {gone.length > 0 && (
          <p className="warning" role="status">
            {/* An item is relinked or removed in the list above; a logo only in the office's settings. */}
            {[
              ...(missingItems.length > 0 ? [t('kitBuilder.exportMissing', { names: missingItems.map((m) => m.name) })] : []),
              ...missingLogos.map((m) => t('kitBuilder.exportLogoMissing', { office: m.office, name: m.name })),
            ].join(' ')}
          </p>
        )}
        {empty ? <p className="hint">{t('kitBuilder.exportNeedsItems')}</p> : <p className="hint">{t('kitBuilder.exportCurrent')}</p>}
        {running && (
          <div className="kit-export-progress">
            <progress
              aria-label={t('kitBuilder.progress', { format: t(`kitBuilder.format.${running.format}`) })}
              max={running.total ?? undefined}
              value={running.total ? running.done : undefined}
            />
            <span role="status">
              {cancelling
                ? t('kitBuilder.cancelling')
                : percent === null
                  ? t('kitBuilder.exporting', { format: t(`kitBuilder.format.${running.format}`) })
                  : t('kitBuilder.exportingPercent', { format: t(`kitBuilder.format.${running.format}`), percent })}
            </span>
            {/* Until the job has started (the kit is being saved) there is nothing to cancel yet. */}
            <button type="button" onClick={() => void cancel()} disabled={cancelling || running.id === ''}>
              {t('kitBuilder.cancel')}
            </button>
          </div>
        )}
        {exportNote && (
          <p className="notice" role="status">
            {exportNote}
          </p>
        )}
        {exportError && <ErrorMessage error={exportError} />}
      </section>
  );
}

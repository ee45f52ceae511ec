import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError, Result } from '../../electron/shared/errors';
import { BACKUP_EXTENSION, BACKUP_UPLOAD_MAX_BYTES } from '../../electron/shared/library/contract';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { useJobError } from '../app/failure-shown';
import { formatLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { useDates } from '../i18n/useDates';
import { formatBytes } from '../ui/languages';
import { useFocusBack } from '../ui/pageFocus';
import { RestoreQuestion, type Chosen } from './RestoreQuestion';

/**
 * A refused or failed restore in words, by what went wrong with the file: every one of them left
 * the library as it was. The core's English (which names a path, in web mode a temporary one)
 * is not shown; a failure with no words of its own here falls back to the general wording.
 */
export function restoreErrorText(t: TFunction, error: ApiError, locale: string): string {
  const p = error.params ?? {};
  switch (error.code) {
    case 'NOT_A_BACKUP':
      return t(p.reason === 'syncFile' ? 'restore.errors.syncFile' : 'restore.errors.notABackup');
    case 'LIBRARY_NEWER':
      return t('restore.errors.newer', { version: p.version, supported: p.supported });
    case 'FILE_UNREADABLE':
      return t('restore.errors.unreadable');
    case 'LIBRARY_DAMAGED':
      return t('restore.errors.damaged');
    case 'FILE_TOO_LARGE':
      if (p.reason === 'uploadTooLarge') return t('restore.errors.tooLarge', { size: formatBytes(Number(p.limit), locale) });
      break;
    case 'NOT_FOUND':
      if (p.reason === 'backupGone') return t('restore.errors.gone');
      break;
    case 'LIBRARY_BUSY':
      if (p.reason === 'restoring') return t('restore.errors.busy');
      break;
    default:
      break;
  }
  return errorText(t, error);
}

/**
 * Settings → Library, "Restore from a backup…": the backup is chosen (the system's open dialog in
 * the desktop app, an upload in web mode) and checked by the core before anything else, so a file
 * that is not a backup, or is from a newer Dateline, is said at the button with no question asked.
 * Then the question (RestoreQuestion) names its date and size and what is lost; only a yes starts
 * the core's `library.restoreBackup`. Its progress, the notice after it and the fresh screens are
 * the app's (app/RestoreStatus.tsx): the whole library changes, not just this section.
 */
export function RestoreSection() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const locale = formatLocale(i18n.language);
  const [busy, setBusy] = useState<'checking' | 'uploading' | 'restoring' | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // A failed job is said here once, not again in the job tray.
  const [error, setError] = useJobError();
  // Also where the question gives the focus back when it closes.
  const button = useFocusBack<HTMLButtonElement>(busy !== null);
  const picker = useRef<HTMLInputElement>(null);
  const dialog = client.restoreDialog;

  const checked = (r: Result<Chosen | null>) => {
    setBusy(null);
    if (!r.ok) return setError(r.error);
    if (r.value) setChosen(r.value);
  };

  const choose = async () => {
    setError(null);
    if (!dialog) {
      // Web mode: the browser's own file picker; the upload starts when a file is picked.
      picker.current?.click();
      return;
    }
    setBusy('checking');
    const r = await dialog({ words: { title: t('restore.openTitle'), filter: t('backup.filter'), allFiles: t('restore.allFiles') } });
    checked(r.ok ? { ok: true, value: r.value.cancelled ? null : { checked: r.value.checked, name: r.value.name } } : r);
  };

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // The same file picked twice in a row must fire the change again.
    e.target.value = '';
    if (!file) return;
    if (file.size > BACKUP_UPLOAD_MAX_BYTES) {
      setError({ code: 'FILE_TOO_LARGE', message: file.name, params: { reason: 'uploadTooLarge', limit: BACKUP_UPLOAD_MAX_BYTES } });
      return;
    }
    if (!client.uploadBackup) return setError({ code: 'INTERNAL', message: t('restore.noUpload') });
    setBusy('uploading');
    const r = await client.uploadBackup(file);
    checked(r.ok ? { ok: true, value: { checked: r.value, name: file.name } } : r);
  };

  const cancel = () => {
    if (chosen) void client.call('library.forgetBackup', { backup: chosen.checked.backup });
    setChosen(null);
  };

  const restore = async () => {
    if (!chosen) return;
    setChosen(null);
    setBusy('restoring');
    const r = await runJob(client, 'library.restoreBackup', { backup: chosen.checked.backup });
    // Done, the app shows the restored library afresh (and this section with it); failed, it is said here.
    setBusy(null);
    if (!r.ok && r.error.code !== 'CANCELLED') setError(r.error, r.job);
  };

  return (
    <div className="restore">
      <p>{t('restore.explain')}</p>
      {!dialog && <p className="muted">{t('restore.webLimit', { size: formatBytes(BACKUP_UPLOAD_MAX_BYTES, locale) })}</p>}
      <button ref={button} type="button" onClick={() => void choose()} disabled={busy !== null} aria-describedby={error ? 'restore-error' : undefined}>
        {t('restore.now')}
      </button>
      {!dialog && (
        <input
          ref={picker}
          type="file"
          hidden
          accept={`.${BACKUP_EXTENSION},.backup`}
          aria-label={t('restore.openTitle')}
          data-testid="restore-file"
          onChange={(e) => void upload(e)}
        />
      )}
      {busy !== null && busy !== 'restoring' && (
        <p className="muted" role="status">
          {t(busy === 'uploading' ? 'restore.uploading' : 'restore.checking')}
        </p>
      )}
      {error && (
        <p className="error" role="alert" id="restore-error">
          {restoreErrorText(t, error, locale)}
        </p>
      )}
      {chosen && (
        <RestoreQuestion
          chosen={chosen}
          date={chosen.checked.createdAt === null ? null : dates.dateTime(chosen.checked.createdAt)}
          size={formatBytes(chosen.checked.bytes, locale)}
          onCancel={cancel}
          onConfirm={() => void restore()}
          returnFocus={button}
        />
      )}
    </div>
  );
}

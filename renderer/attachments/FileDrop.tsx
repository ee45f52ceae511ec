import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWindowFileDrop } from '../ui/useWindowFileDrop';
import { formatLocale } from '../i18n';
import { formatBytes } from '../ui/languages';
import { candidatesFromDrop, candidatesFromInput } from './files';
import { useAddFiles } from './useAddFiles';

/**
 * Adding files: a file input (the native dialog, in the desktop app too) and dropping files
 * anywhere on the window while this is on screen. Each file's outcome is said in words.
 */
export function FileDrop({ release, onAdded }: { release?: string; onAdded: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { addFiles, busy, outcomes, limit } = useAddFiles(release ? { release, onAdded } : { onAdded });
  const addRef = useRef(addFiles);
  addRef.current = addFiles;

  const over = useWindowFileDrop((data) => void addRef.current(candidatesFromDrop(data)));

  return (
    <div className={over ? 'file-drop over' : 'file-drop'}>
      <p>{limit === null ? t('attachments.dropHint') : t('attachments.dropHintLimit', { limit: formatBytes(limit, formatLocale(i18n.language)) })}</p>
      <label htmlFor={id} className="button">
        {t('attachments.choose')}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="visually-hidden"
        type="file"
        multiple
        disabled={busy}
        onChange={(e) => {
          const picked = candidatesFromInput(e.target.files);
          void addFiles(picked).then(() => {
            if (inputRef.current) inputRef.current.value = '';
          });
        }}
      />
      {busy && (
        <p role="status" className="muted">
          {t('attachments.adding')}
        </p>
      )}
      {outcomes.length > 0 && (
        <ul className="outcomes" aria-live="polite">
          {outcomes.map((o, i) => (
            <li key={i} className={o.ok ? 'ok' : 'error'}>
              {o.message}
            </li>
          ))}
        </ul>
      )}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          {t('attachments.dropNow')}
        </div>
      )}
    </div>
  );
}

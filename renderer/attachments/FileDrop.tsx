import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const [over, setOver] = useState(false);
  const { addFiles, busy, outcomes, limit } = useAddFiles(release ? { release, onAdded } : { onAdded });
  const addRef = useRef(addFiles);
  addRef.current = addFiles;

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file in place of Dateline.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      void addRef.current(candidatesFromDrop(e.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className={over ? 'file-drop over' : 'file-drop'}>
      <p>
        {t('attachments.dropHint')}{' '}
        {limit !== null && <span className="muted">{t('attachments.limit', { limit: formatBytes(limit, formatLocale(i18n.language)) })}</span>}
      </p>
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

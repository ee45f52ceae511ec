import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedBackup } from '../../electron/shared/library/contract';
import { twoAnswerKeys } from '../ui/useConfirmFocus';

/** A backup the core checked, waiting for the person's answer, with the name of its file. */
export interface Chosen {
  checked: CheckedBackup;
  name: string;
}

interface Props {
  chosen: Chosen;
  /** The backup's date as this screen writes dates; null when the backup does not say. */
  date: string | null;
  size: string;
  onCancel(): void;
  onConfirm(): void;
  /** Where focus goes back when the question closes (the button that asked). */
  returnFocus: RefObject<HTMLElement | null>;
}

/**
 * "Replace the library with this backup?": a modal question, since the answer replaces the whole
 * library. It names the backup (date, size, contents), says what is lost (changes since that date
 * not synced yet) and what is not (synced changes come back at the next sync; the library replaced
 * is kept under replaced/), and that a sync file merges where a backup replaces. Focus starts on
 * the safe answer and stays among the answers; Escape gives the safe answer.
 */
export function RestoreQuestion({ chosen, date, size, onCancel, onConfirm, returnFocus }: Props) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  const replace = useRef<HTMLButtonElement>(null);
  const { documents, files } = chosen.checked;

  useLayoutEffect(() => {
    keep.current?.focus();
    const back = returnFocus.current;
    return () => back?.focus();
  }, [returnFocus]);

  const onKeyDown = twoAnswerKeys(keep, replace, onCancel);

  return (
    <div className="leave-backdrop">
      <div className="leave-question restore-question" role="alertdialog" aria-modal="true" aria-labelledby="restore-q" aria-describedby="restore-which restore-lost" onKeyDown={onKeyDown}>
        <h2 id="restore-q">{t('restore.question')}</h2>
        <p id="restore-which">
          {date === null
            ? t('restore.whichUndated', { name: chosen.name, size, documents, files })
            : t('restore.which', { date, name: chosen.name, size, documents, files })}
        </p>
        <p id="restore-lost">{date === null ? t('restore.lostUndated') : t('restore.lost', { date })}</p>
        <p>{t('restore.merges')}</p>
        <p className="muted">{t('restore.kept')}</p>
        <div className="actions">
          <button ref={keep} type="button" className="primary" onClick={onCancel}>
            {t('restore.cancel')}
          </button>
          <button ref={replace} type="button" className="danger" onClick={onConfirm}>
            {t('restore.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedBackup } from '../../electron/shared/library/contract';
import { TwoAnswerQuestion } from '../ui/TwoAnswerQuestion';

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

  return (
    <TwoAnswerQuestion
      titleId="restore-q"
      title={t('restore.question')}
      describedBy="restore-which restore-lost"
      className="restore-question"
      safe={{ ref: keep, label: t('restore.cancel'), onClick: onCancel }}
      other={{ ref: replace, label: t('restore.confirm'), onClick: onConfirm }}
    >
      <p id="restore-which">
        {date === null
          ? t('restore.whichUndated', { name: chosen.name, size, documents, files })
          : t('restore.which', { date, name: chosen.name, size, documents, files })}
      </p>
      <p id="restore-lost">{date === null ? t('restore.lostUndated') : t('restore.lost', { date })}</p>
      <p>{t('restore.merges')}</p>
      <p className="muted">{t('restore.kept')}</p>
    </TwoAnswerQuestion>
  );
}

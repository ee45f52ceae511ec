import { useTranslation } from 'react-i18next';
import type { Meanwhile } from '../../electron/shared/contract';
import { href } from '../app/router';

/**
 * "Saved", said next to an editor's Save button once its last save went through; with what
 * became of a change made elsewhere meanwhile when one came (`meanwhile`): kept beside the
 * person's, or, for the same field changed on both sides or a document deleted elsewhere, both
 * versions kept until the person chooses on the Conflicts screen, linked here.
 */
export function SavedNote({ saved, meanwhile = null }: { saved: boolean; meanwhile?: Exclude<Meanwhile, 'nothing'> | null }) {
  const { t } = useTranslation();
  if (!saved) return null;
  if (meanwhile === 'conflict' || meanwhile === 'deleted') {
    return (
      <span className="save-meanwhile">
        <span className="save-state save-conflict" role="status">
          {t(meanwhile === 'deleted' ? 'save.meanwhile.deleted' : 'save.meanwhile.conflict')}
        </span>{' '}
        <a href={href.conflicts()}>{t('save.meanwhile.toConflicts')}</a>
      </span>
    );
  }
  return (
    <span className="save-state save-saved" role="status">
      {meanwhile === 'merged' ? t('save.meanwhile.merged') : t('save.saved')}
    </span>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryProblem as Problem } from '../../electron/shared/library/problems';
import { useCoreEvents } from '../client/context';
import { libraryProblemWords } from '../i18n/jobs';

/** Shown when the background check of a big library finds damage: the person must know now. */
export function LibraryProblem() {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  useCoreEvents((e) => {
    if (e.type === 'library.problem') setProblems(e.problems);
  });
  if (!problems) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{t('library.problemTitle')}</strong>{' '}
      {t('library.problemText', { details: problems.slice(0, 3).map((p) => libraryProblemWords(t, p)).join('; ') })}{' '}
      <button type="button" onClick={() => setProblems(null)}>
        {t('library.problemDismiss')}
      </button>
    </div>
  );
}

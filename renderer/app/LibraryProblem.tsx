import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreEvents } from '../client/context';

/** Shown when the background check of a big library finds damage: the person must know now. */
export function LibraryProblem() {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[] | null>(null);
  useCoreEvents((e) => {
    if (e.type === 'library.problem') setProblems(e.problems);
  });
  if (!problems) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{t('library.problemTitle')}</strong>{' '}
      {t('library.problemText', { details: problems.slice(0, 3).join('; ') })}{' '}
      <button type="button" onClick={() => setProblems(null)}>
        {t('library.problemDismiss')}
      </button>
    </div>
  );
}

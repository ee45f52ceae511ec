import { useTranslation } from 'react-i18next';

/** "Saved", said next to an editor's Save button once its last save went through. */
export function SavedNote({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  if (!saved) return null;
  return (
    <span className="save-state save-saved" role="status">
      {t('save.saved')}
    </span>
  );
}

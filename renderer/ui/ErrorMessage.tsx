import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { errorText } from '../i18n/errors';

export function ErrorMessage({ error, id }: { error: ApiError; id?: string }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert" id={id}>
      {errorText(t, error)}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

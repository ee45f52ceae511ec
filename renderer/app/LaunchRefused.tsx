import { useTranslation } from 'react-i18next';
import type { LaunchRefusal } from '../client/token';

/**
 * Web mode opened with a launch link that no longer works (each works once, for a short
 * time). When the server refused it, it has just printed a new link in its terminal.
 */
export function LaunchRefused({ reason }: { reason: LaunchRefusal }) {
  const { t } = useTranslation();
  return (
    <main className="no-token">
      <h1>{reason === 'unreachable' ? t('launchRefused.unreachableTitle') : t('launchRefused.title')}</h1>
      <p role="alert">{reason === 'unreachable' ? t('launchRefused.unreachable') : reason === 'expired' ? t('launchRefused.expired') : t('launchRefused.used')}</p>
      <p>{reason === 'unreachable' ? t('launchRefused.restart') : t('launchRefused.newLink')}</p>
      <pre>
        <code>npm start</code>
      </pre>
      <p className="muted">{t('launchRefused.why')}</p>
    </main>
  );
}

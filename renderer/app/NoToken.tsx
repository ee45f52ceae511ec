import { useTranslation } from 'react-i18next';

/** Web mode opened without its token (or with a stale one): say how to get in. */
export function NoToken() {
  const { t } = useTranslation();
  return (
    <main className="no-token">
      <h1>{t('noToken.title')}</h1>
      <p>{t('noToken.body')}</p>
      <pre>
        <code>npm start</code>
      </pre>
      <p>{t('noToken.then')}</p>
      <p className="muted">{t('noToken.why')}</p>
    </main>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { languageName } from '../ui/languages';
import { useCall } from '../ui/useCall';

/** The release in its other languages, and a way to start the missing ones. */
export function VersionsPanel({ id, language, beforeTranslate }: { id: string; language: string; beforeTranslate: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const versions = useCall('release.versions', { id }, id);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const others = versions.status === 'ok' ? versions.value.filter((v) => v.id !== id) : [];
  const have = new Set([language, ...others.map((v) => v.language)]);
  const missing = WORKING_LANGUAGES.filter((l) => !have.has(l));

  const translate = async (lang: string) => {
    setBusy(true);
    setError(null);
    await beforeTranslate();
    const res = await client.call('release.translate', { id, language: lang });
    setBusy(false);
    if (res.ok) navigate(href.release(res.value.id));
    else setError(res.error);
  };

  return (
    <section className="panel" aria-labelledby={`ver-${id}`}>
      <h2 id={`ver-${id}`}>{t('versions.title')}</h2>
      {versions.status === 'error' && <ErrorMessage error={versions.error} />}
      {error && <ErrorMessage error={error} />}
      {others.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ul className="versions">
          {others.map((v) => (
            <li key={v.id}>
              <a href={href.release(v.id)}>
                {languageName(v.language, i18n.language)}: <span dir="auto" lang={v.language}>{v.headline || t('common.untitled')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {missing.map((l) => (
          <button key={l} type="button" disabled={busy} onClick={() => void translate(l)}>
            {t('versions.create', { language: languageName(l, i18n.language) })}
          </button>
        ))}
      </div>
    </section>
  );
}

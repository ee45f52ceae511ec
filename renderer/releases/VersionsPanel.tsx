import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseSummary } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { languageName } from '../ui/languages';
import { useCall } from '../ui/useCall';
import { useDebounced } from '../ui/useDebounced';

/** The release in its other languages: start a missing one, link an existing release, unlink one. */
export function VersionsPanel({ id, language, beforeTranslate }: { id: string; language: string; beforeTranslate: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const versions = useCall('release.versions', { id }, id);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [linking, setLinking] = useState(false);

  const others = versions.status === 'ok' ? versions.value.filter((v) => v.id !== id) : [];
  const have = new Set([language, ...others.map((v) => v.language)]);
  const missing = WORKING_LANGUAGES.filter((l) => !have.has(l));

  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
    setBusy(true);
    setError(null);
    const res = await work();
    setBusy(false);
    if (res.ok) versions.reload();
    else setError(res.error);
  };

  const translate = async (lang: string) => {
    setBusy(true);
    setError(null);
    await beforeTranslate();
    const res = await client.call('release.translate', { id, language: lang });
    setBusy(false);
    if (res.ok) navigate(href.release(res.value.id));
    else setError(res.error);
  };

  const link = (other: ReleaseSummary) =>
    run(async () => {
      const res = await client.call('release.link', { id: other.id, to: id });
      if (res.ok) setLinking(false);
      return res;
    });

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
                {t('versions.languageOf', { language: languageName(v.language, i18n.language) })} <span dir="auto" lang={v.language}>{v.headline || t('common.untitled')}</span>
              </a>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => void run(() => client.call('release.unlink', { id: v.id }))}
                aria-label={t('versions.unlinkOne', { language: languageName(v.language, i18n.language) })}
              >
                {t('versions.unlink')}
              </button>
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
        {!linking && (
          <button type="button" disabled={busy} onClick={() => setLinking(true)}>
            {t('versions.link')}
          </button>
        )}
      </div>
      {linking && <LinkPicker id={id} taken={have} busy={busy} onPick={(r) => void link(r)} onClose={() => setLinking(false)} />}
    </section>
  );
}

/** Finds a release to link: by words of its headline, only in languages these versions lack. */
function LinkPicker({ id, taken, busy, onPick, onClose }: { id: string; taken: ReadonlySet<string>; busy: boolean; onPick: (r: ReleaseSummary) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [query, setQuery] = useState('');
  const applied = useDebounced(query.trim(), 250);
  const found = useCall('release.list', applied ? { query: applied, limit: 20 } : { limit: 20 }, applied);
  const choices = found.status === 'ok' ? found.value.items.filter((r) => r.id !== id && !taken.has(r.language)) : [];

  return (
    <div className="link-picker">
      <div className="field">
        <label htmlFor={`${uid}-q`}>{t('versions.findToLink')}</label>
        <input id={`${uid}-q`} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {found.status === 'error' && <ErrorMessage error={found.error} />}
      {found.status === 'ok' && choices.length === 0 && <p className="muted">{t('versions.nothingToLink')}</p>}
      <ul className="versions" aria-label={t('versions.linkChoices')}>
        {choices.map((r) => (
          <li key={r.id}>
            <button type="button" className="link-button" disabled={busy} onClick={() => onPick(r)}>
              {t('versions.linkThis', { language: languageName(r.language, i18n.language) })} <span dir="auto" lang={r.language}>{r.headline || t('common.untitled')}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

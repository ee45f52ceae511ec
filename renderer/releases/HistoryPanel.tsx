import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary, ShownRevision } from '../../electron/shared/contract';
import { historyVersions } from '../../electron/shared/library/history-versions';
import type { ApiError } from '../../electron/shared/errors';
import { plainText, RichTextSchema } from '../../electron/shared/richtext';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { languageName } from '../ui/languages';
import { useCall } from '../ui/useCall';

type Revision = ShownRevision;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** What a past revision said, in plain words (its body as text). */
function RevisionView({ revision }: { revision: Revision }) {
  const { t, i18n } = useTranslation();
  const language = text(revision.language);
  const body = RichTextSchema.safeParse(revision.body);
  return (
    <div className="revision-view">
      <h3 dir="auto">{text(revision.headline) || t('common.untitled')}</h3>
      {text(revision.subheadline) && <p dir="auto">{text(revision.subheadline)}</p>}
      <p className="muted">
        {t('history.statusLine', { status: t(`status.${text(revision.status)}`, { defaultValue: text(revision.status) }), language: language && languageName(language, i18n.language) })}
      </p>
      <div className="revision-body" dir="auto">
        {body.success ? plainText(body.data).split('\n\n').map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('history.bodyUnreadable')}</p>}
      </div>
    </div>
  );
}

/**
 * The release's versions (who, when): the saves of one editing session within ten minutes are one
 * version (history-versions.ts); one can be viewed and restored as a new revision.
 */
export function HistoryPanel({ id, currentRev, beforeRestore, onRestored }: { id: string; currentRev: string | null; beforeRestore: () => Promise<void>; onRestored: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const history = useCall('doc.history', { id }, `${id}:${currentRev ?? ''}`);
  const [viewing, setViewing] = useState<Revision | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const dates = useDates();

  const view = async (rev: RevisionSummary) => {
    setError(null);
    const res = await client.call('doc.revision', { id, rev: rev.rev });
    if (res.ok) setViewing(res.value);
    else setError(res.error);
  };

  const restore = async (rev: string) => {
    setBusy(true);
    setError(null);
    await beforeRestore();
    const res = await client.call('doc.restore', { id, rev });
    setBusy(false);
    if (res.ok) {
      setViewing(null);
      onRestored();
    } else setError(res.error);
  };

  const versions = history.status === 'ok' ? historyVersions(history.value) : [];

  return (
    <section className="panel" aria-labelledby={`hist-${id}`}>
      <h2 id={`hist-${id}`}>{t('history.title')}</h2>
      {history.status === 'loading' && <Loading />}
      {history.status === 'error' && <ErrorMessage error={history.error} />}
      {error && <ErrorMessage error={error} />}
      {history.status === 'ok' && versions.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="history" aria-labelledby={`hist-${id}`}>
        {versions.map(({ last: r, since, saves }) => {
          const current = r.rev === currentRev || (r.winner && currentRev === null);
          return (
            <li key={r.rev} className={current ? 'current' : undefined}>
              <span className="history-when">{dates.dateTime(r.at)}</span>
              <span className="history-who">{r.author}</span>
              {saves > 1 && <span className="muted">{t('history.saves', { count: saves, since: dates.time(since) })}</span>}
              {current ? (
                <span className="badge">{t('history.current')}</span>
              ) : r.available ? (
                <button type="button" className="link-button" onClick={() => void view(r)} aria-label={t('history.viewAt', { when: dates.dateTime(r.at) })}>
                  {t('history.view')}
                </button>
              ) : (
                <span className="muted">{t('history.compacted')}</span>
              )}
            </li>
          );
        })}
      </ol>
      {viewing && (
        <div className="revision" role="region" aria-label={t('history.viewing')}>
          <RevisionView revision={viewing} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(viewing.rev)}>
              {t('history.restore')}
            </button>
            <button type="button" onClick={() => setViewing(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

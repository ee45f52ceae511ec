import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocVersion, HistoryRevision, ShownRevision } from '../../electron/shared/contract';
import type { DocType } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ConfirmQuestion } from './ConfirmQuestion';
import { ErrorMessage, Loading } from './ErrorMessage';
import { useCall } from './useCall';
import { useConfirmFocus } from './useConfirmFocus';
import { changedOf, changeInWords, FIELDS_NAMED } from './versionChanges';

export interface VersionHistoryProps {
  id: string;
  /** The document's type: what a version changed is said by its editor's field labels. */
  type: DocType;
  /** The revision the editor shows; null: the library's current one. */
  currentRev: string | null;
  /** How an earlier version reads when the person opens it (read-only), the fields it changed marked. */
  show: (revision: ShownRevision, changed: ReadonlySet<string>) => ReactNode;
  /** Called before a restore: an editor saving as the person types writes what waits first. */
  beforeRestore?: () => Promise<void>;
  /** After a restore: the editor reads the document again. */
  onRestored: () => void;
  /** A document this app only reads (from a newer Dateline): its history is shown, nothing is restored. */
  readOnly?: boolean;
  /**
   * Asks before restoring, for an editor saved with a button: `unsaved` says that what was typed
   * and not saved goes. Absent: the restore is made at once (the release editor, which has saved
   * what was typed by then; the version replaced stays in the list).
   */
  ask?: { unsaved: boolean };
}

/**
 * A document's versions (who, when, what each changed): the saves of one editing session within
 * ten minutes are one version (history-versions.ts), and the core says which fields each changed
 * against the version before (`doc.versions`), so "when did the phone change, and who" is read in
 * the list. One can be viewed, by `show`, its changed fields marked, and restored as a new
 * revision, which is a version of its own, so a restore is undone the same way.
 */
export function VersionHistory({ id, type, currentRev, show, beforeRestore, onRestored, readOnly = false, ask }: VersionHistoryProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const history = useCall('doc.versions', { id }, `${id}:${currentRev ?? ''}`);
  const [viewing, setViewing] = useState<{ revision: ShownRevision; at: string; change: DocVersion['change'] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // When the version restored was saved, said until the person opens another version.
  const [restored, setRestored] = useState<string | null>(null);
  const restoredNote = useRef<HTMLParagraphElement>(null);
  const focus = useConfirmFocus(asking ? 'restore' : null, () => setAsking(false));
  const dates = useDates();

  // The Restore button has gone with the version: the note saying what happened takes the focus.
  useEffect(() => {
    if (restored !== null) restoredNote.current?.focus();
  }, [restored]);

  const view = async (rev: HistoryRevision, change: DocVersion['change']) => {
    setError(null);
    setAsking(false);
    setRestored(null);
    const res = await client.call('doc.revision', { id, rev: rev.rev });
    if (res.ok) setViewing({ revision: res.value, at: rev.at, change });
    else setError(res.error);
  };
  const changeWords = (change: DocVersion['change'], max?: number) => changeInWords(t, i18n.language, type, change, dates.dateTime, max);

  const restore = async (version: { revision: ShownRevision; at: string }) => {
    setBusy(true);
    setError(null);
    await beforeRestore?.();
    const res = await client.call('doc.restore', { id, rev: version.revision.rev });
    setBusy(false);
    // A refusal is said in the question, which stays open for another try.
    if (!res.ok) return setError(res.error);
    setAsking(false);
    setViewing(null);
    setRestored(version.at);
    onRestored();
  };

  const versions = history.status === 'ok' ? history.value : [];

  return (
    <section className="panel" aria-labelledby={`hist-${id}`}>
      <h2 id={`hist-${id}`}>{t('history.title')}</h2>
      {history.status === 'loading' && <Loading />}
      {history.status === 'error' && <ErrorMessage error={history.error} />}
      {error && !asking && <ErrorMessage error={error} />}
      {restored !== null && (
        <p ref={restoredNote} tabIndex={-1} className="notice" role="status">
          {t('history.restored', { when: dates.dateTime(restored) })}
        </p>
      )}
      {history.status === 'ok' && versions.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="history" aria-labelledby={`hist-${id}`}>
        {versions.map(({ last: r, since, saves, change }) => {
          const current = !r.deleted && (r.rev === currentRev || (r.winner && currentRev === null));
          return (
            <li key={r.rev} className={current ? 'current' : undefined}>
              <span className="history-when">{dates.dateTime(r.at)}</span>
              <span className="history-who">{r.author}</span>
              {saves > 1 && <span className="muted">{t('history.saves', { count: saves, since: dates.time(since) })}</span>}
              {r.deleted ? null : current ? (
                <span className="badge">{t('history.current')}</span>
              ) : r.available ? (
                <button type="button" className="link-button" onClick={() => void view(r, change)} aria-label={t('history.viewAt', { when: dates.dateTime(r.at) })}>
                  {t('history.view')}
                </button>
              ) : (
                <span className="muted">{t('history.compacted')}</span>
              )}
              {/* A version no longer kept says so already; that its changes are unknown goes without saying. */}
              {(r.available || r.deleted || change.kind !== 'edited' || change.fields !== null) && <span className="history-change">{changeWords(change, FIELDS_NAMED)}</span>}
            </li>
          );
        })}
      </ol>
      {viewing && (
        <div className="revision" role="region" aria-label={t('history.viewing')}>
          <p className="history-change">{changeWords(viewing.change)}</p>
          {show(viewing.revision, changedOf(viewing.change))}
          {readOnly && <p className="muted">{t('history.readOnly')}</p>}
          {asking && ask ? (
            <ConfirmQuestion
              question={t(ask.unsaved ? 'history.restoreAskUnsaved' : 'history.restoreAsk', { when: dates.dateTime(viewing.at) })}
              confirmLabel={t('history.restoreNow')}
              onConfirm={() => restore(viewing)}
              focus={focus}
              busy={busy}
              error={error}
              destructive={ask.unsaved}
            />
          ) : (
            <div className="actions">
              {!readOnly && (
                <button ref={focus.asker('restore')} type="button" className="primary" disabled={busy} onClick={() => (ask ? setAsking(true) : void restore(viewing))}>
                  {t('history.restore')}
                </button>
              )}
              <button type="button" onClick={() => setViewing(null)}>
                {t('common.close')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

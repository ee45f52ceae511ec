import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc, ReleaseStatus } from '../../electron/shared/documents';
import { withdrawRefusal } from '../../electron/shared/releases/rules';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage } from '../ui/ErrorMessage';
import { noteTrashed } from './trashed-notice';

interface Props {
  id: string;
  doc: Doc<'release'>;
  onChanged: () => void;
}

/** Says at the top of the editor that the release was withdrawn (and why) or is in the trash. */
export function LifecycleNotice({ id, doc, onChanged }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const dates = useDates();

  const restore = async () => {
    const res = await client.call('release.untrash', { id });
    if (res.ok) onChanged();
    else setError(res.error);
  };

  return (
    <>
      {doc.trashed && (
        <div className="notice warn" role="status">
          <p>{t('lifecycle.inTrash', { when: dates.dateTime(doc.trashed.at) })}</p>
          <button type="button" onClick={() => void restore()}>
            {t('lifecycle.restore')}
          </button>
        </div>
      )}
      {doc.status === 'withdrawn' && doc.withdrawal && (
        <p className="notice warn" role="status">
          {t('lifecycle.withdrawnBecause', { when: dates.dateTime(doc.withdrawal.at) })} <span dir="auto">{doc.withdrawal.reason}</span>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  );
}

/**
 * Withdrawing a release (with the reason) and moving it to the trash. "Withdraw…" is offered only
 * where the core accepts it: for a release that went out (approved or released), judged by
 * `status`, the editor's own (a draft just approved there can be withdrawn: the editor commits
 * first). A draft or a release in review is told why not, and pointed to the trash.
 */
export function LifecyclePanel({ id, doc, status, onChanged, beforeAction }: Props & { status: ReleaseStatus; beforeAction: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useClient();
  const uid = useId();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // By keyboard: the reason takes focus as its box opens (the button pressed is gone), and focus
  // goes back to "Withdraw…" when the box closes unanswered. A layout effect, so there is never a
  // frame with focus on the page.
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasWithdrawing = useRef(false);
  useLayoutEffect(() => {
    if (withdrawing) reasonBox.current?.focus();
    else if (wasWithdrawing.current) askButton.current?.focus();
    wasWithdrawing.current = withdrawing;
  }, [withdrawing]);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    await beforeAction();
    const res = await client.call('release.withdraw', { id, rev: null, reason });
    setBusy(false);
    if (res.ok) onChanged();
    else setError(res.error);
  };

  const trash = async () => {
    setBusy(true);
    setError(null);
    await beforeAction();
    const res = await client.call('release.trash', { id, rev: null });
    setBusy(false);
    if (res.ok) {
      noteTrashed({ id, headline: doc.headline });
      navigate(href.releases());
    } else setError(res.error);
  };

  if (doc.trashed) return null;
  const refusal = withdrawRefusal(status);
  return (
    <section className="panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('lifecycle.title')}</h2>
      {error && <ErrorMessage error={error} />}
      {refusal === 'withdrawDraft' && <p className="muted">{t('lifecycle.notOutDraft')}</p>}
      {refusal === 'withdrawInReview' && <p className="muted">{t('lifecycle.notOutInReview')}</p>}
      {refusal === null &&
        (withdrawing ? (
          <form
            className="withdraw-form"
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              setWithdrawing(false);
            }}
            onSubmit={(e) => {
              e.preventDefault();
              void withdraw();
            }}
          >
            <div className="field">
              <label htmlFor={`${uid}-reason`}>{t('lifecycle.reason')}</label>
              <textarea ref={reasonBox} id={`${uid}-reason`} dir="auto" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
                {t('lifecycle.withdrawNow')}
              </button>
              <button type="button" onClick={() => setWithdrawing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button ref={askButton} type="button" onClick={() => setWithdrawing(true)}>
            {t('lifecycle.withdraw')}
          </button>
        ))}
      <p className="muted">{t('lifecycle.trashHint')}</p>
      <button type="button" disabled={busy} onClick={() => void trash()}>
        {t('lifecycle.moveToTrash')}
      </button>
    </section>
  );
}

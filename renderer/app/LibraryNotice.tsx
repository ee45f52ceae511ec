import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import type { LibraryNotice as Notice } from '../../electron/shared/library/notices';
import { useClient } from '../client/context';
import { errorText } from '../i18n/errors';

/**
 * What the core has to tell the person once about this library (a damaged one moved aside
 * before this start): shown until dismissed, and dismissing records it in the library so no
 * later start shows it again.
 */
export function LibraryNotice() {
  const { t } = useTranslation();
  const client = useClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('library.notice', {}).then((res) => {
      if (live && res.ok) setNotice(res.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  if (!notice) return null;

  const dismiss = async () => {
    const res = await client.call('library.noticeSeen', { id: notice.id });
    if (res.ok) setNotice(null);
    else setFailed(res.error);
  };

  return (
    <div className="banner banner-error library-notice" role="alert">
      <strong>{t('library.notice.movedTitle')}</strong> {t('library.notice.movedText')}
      <span className="notice-detail">
        {t('library.notice.movedTo')} <code dir="ltr">{notice.params.movedTo}</code>
      </span>
      <span className="notice-detail muted">
        {t('library.notice.reason')} <bdi>{notice.params.reason}</bdi>
      </span>
      {failed && <span className="notice-detail">{errorText(t, failed)}</span>}
      <button type="button" onClick={() => void dismiss()}>
        {t('library.problemDismiss')}
      </button>
    </div>
  );
}

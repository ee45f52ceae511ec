import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { useCall } from '../ui/useCall';
import { ConflictCard } from './ConflictCard';
import { CONFLICTS_CHANGED, useConflictCount } from './useConflictCount';

/**
 * The conflicts inbox: what sync or a late edit could not settle alone, oldest first. A case
 * settled here is a normal edit of the document, so the next sync carries it everywhere.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  const count = useConflictCount();
  // Listed again whenever the count moves (a sync brought or closed cases, one was settled here).
  const list = useCall('conflict.list', {}, `conflicts:${count ?? ''}`);

  return (
    <div className="screen">
      <h1>{t('nav.conflicts')}</h1>
      <p className="muted">{t('conflicts.intro')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && list.value.length === 0 && (
        <p className="notice" role="status">
          {t('conflicts.none')}
        </p>
      )}
      {list.status === 'ok' &&
        list.value.map((c) => (
          <ConflictCard
            key={c.id}
            conflict={c}
            onResolved={() => {
              window.dispatchEvent(new Event(CONFLICTS_CHANGED));
              list.reload();
            }}
          />
        ))}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
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
  const screenRef = useRef<HTMLDivElement>(null);
  // The case just resolved: once the list no longer holds it, focus goes to the next case (or
  // to "No conflicts"), so a keyboard user carries on from there instead of from the page's top.
  const [resolved, setResolved] = useState<number | null>(null);
  useEffect(() => {
    if (resolved === null || list.status !== 'ok' || list.value.some((c) => c.id === resolved)) return;
    screenRef.current?.querySelector<HTMLElement>('.conflict h2, .conflicts-none')?.focus();
    setResolved(null);
  }, [resolved, list]);

  return (
    <div className="screen" ref={screenRef}>
      <h1>{t('nav.conflicts')}</h1>
      <p className="muted">{t('conflicts.intro')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && list.value.length === 0 && (
        <p className="notice conflicts-none" role="status" tabIndex={-1}>
          {t('conflicts.none')}
        </p>
      )}
      {list.status === 'ok' &&
        list.value.map((c) => (
          <ConflictCard
            key={c.id}
            conflict={c}
            onResolved={() => {
              setResolved(c.id);
              window.dispatchEvent(new Event(CONFLICTS_CHANGED));
              list.reload();
            }}
          />
        ))}
    </div>
  );
}

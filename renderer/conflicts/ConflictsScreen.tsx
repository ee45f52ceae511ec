import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { useCall } from '../ui/useCall';
import { caseHeadingId, ConflictCard } from './ConflictCard';
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
  // The name this library writes under: a side written under it is "Your version".
  const info = useCall('library.info', {}, 'info');
  // A case settled leaves the list: focus goes to the case now in its place (or the last), or
  // to "No conflicts to resolve" once none is left (the screen's heading if that is not shown),
  // never to the page, so a keyboard user carries on from there.
  const heading = useRef<HTMLHeadingElement>(null);
  const none = useRef<HTMLParagraphElement>(null);
  const focusAfter = useRef<{ id: number; index: number } | null>(null);
  // The case last settled, said in a status line: the card goes, and the person hears what became of it.
  const [settled, setSettled] = useState<string | null>(null);
  const cases = list.status === 'ok' ? list.value : null;
  // A layout effect: the list comes back from the core, and focus moves in the commit that
  // removes the settled case, never a frame with focus on the page.
  useLayoutEffect(() => {
    const after = focusAfter.current;
    if (!after || !cases || cases.some((c) => c.id === after.id)) return;
    focusAfter.current = null;
    const next = cases[Math.min(after.index, cases.length - 1)];
    ((next && document.getElementById(caseHeadingId(next.id))) ?? none.current ?? heading.current)?.focus();
  }, [cases]);

  return (
    <div className="screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('nav.conflicts')}
      </h1>
      <p className="muted">{t('conflicts.intro')}</p>
      <div role="status">{settled !== null && <p className="notice">{t('conflicts.resolved', { title: settled })}</p>}</div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && list.value.length === 0 && (
        <p ref={none} className="notice conflicts-none" role="status" tabIndex={-1}>
          {t('conflicts.none')}
        </p>
      )}
      {list.status === 'ok' &&
        list.value.map((c, index) => (
          <ConflictCard
            key={c.id}
            conflict={c}
            me={info.status === 'ok' ? info.value.author : null}
            onResolved={(title) => {
              setSettled(title);
              focusAfter.current = { id: c.id, index };
              window.dispatchEvent(new Event(CONFLICTS_CHANGED));
              list.reload();
            }}
          />
        ))}
    </div>
  );
}

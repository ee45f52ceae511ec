import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { languageName } from '../ui/languages';
import { usePagedList } from '../ui/usePagedList';
import { PagedRows } from '../ui/PagedRows';
import type { RowProps } from '../ui/VirtualList';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import type { ReleaseSummary } from '../../electron/shared/releases/contract';
import type { DeletedItem } from '../../electron/shared/contract';
import { DeletedItems } from './DeletedItems';

/**
 * The trash: releases moved to it, a page at a time as the list scrolls, then the contacts,
 * outlets, kits and attachments deleted (trash.list); each can be restored; emptying the trash
 * deletes every one in it for good (the core's, not only the rows read so far).
 */
export function TrashScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const list = usePagedList('release.list', { limit: 100, trashed: true }, 'trash');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [emptied, setEmptied] = useState<{ releases: number; others: number } | null>(null);
  const [others, setOthers] = useState<{ items: DeletedItem[]; total: number } | null>(null);
  // A deleted item whose name another has taken since: the person may restore it anyway.
  const [sameName, setSameName] = useState<{ item: DeletedItem; index: number } | null>(null);
  const loadOthers = useCallback(async () => {
    const res = await client.call('trash.list', {});
    if (res.ok) setOthers(res.value);
    else setError(res.error);
  }, [client]);
  useEffect(() => {
    void loadOthers();
  }, [loadOthers]);
  const dates = useDates();
  const focus = useConfirmFocus(confirming ? 'empty' : null, () => setConfirming(false));

  // A restored release leaves the list: focus goes to the next one's Restore (the one now in
  // its place, or the last), or to the heading once the trash is empty, never to the page.
  // A layout effect, so focus moves in the same commit that removes the button: never a frame
  // with focus on the page.
  const [restored, setRestored] = useState<string | null>(null);
  const otherButtons = useRef(new Map<string, HTMLButtonElement>());
  const otherFocusAfter = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const after = otherFocusAfter.current;
    if (!after || !others || others.items.some((r) => r.id === after.id)) return;
    otherFocusAfter.current = null;
    const next = others.items[Math.min(after.index, others.items.length - 1)];
    ((next && otherButtons.current.get(next.id)) ?? heading.current)?.focus();
  }, [others]);
  const heading = useRef<HTMLHeadingElement>(null);
  const restoreButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfter = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const after = focusAfter.current;
    if (!after || list.loading || list.items.some((r) => r.id === after.id)) return;
    focusAfter.current = null;
    const next = list.items[Math.min(after.index, list.items.length - 1)];
    ((next && restoreButtons.current.get(next.id)) ?? heading.current)?.focus();
  }, [list.items, list.loading]);

  // A release being restored: a second click (a double-click, Enter held down) before its row
  // goes asks nothing more, rather than "not in the trash" beside "is back among the releases".
  const restoring = useRef(new Set<string>());
  const restore = async (id: string, headline: string, index: number) => {
    if (restoring.current.has(id)) return;
    restoring.current.add(id);
    setError(null);
    const res = await client.call('release.untrash', { id });
    restoring.current.delete(id);
    if (!res.ok) return setError(res.error);
    setEmptied(null);
    setSameName(null);
    setRestored(t('trash.restored', { headline: headline || t('common.untitled') }));
    focusAfter.current = { id, index };
    list.reload();
  };

  const restoreOther = async (item: DeletedItem, index: number, allowSameName = false) => {
    if (restoring.current.has(item.id)) return;
    restoring.current.add(item.id);
    setError(null);
    setSameName(null);
    const res = await client.call('trash.restore', allowSameName ? { id: item.id, allowSameName: true } : { id: item.id });
    restoring.current.delete(item.id);
    if (!res.ok) {
      if (res.error.params?.reason === 'nameTaken') setSameName({ item, index });
      return setError(res.error);
    }
    const words = { kind: t(`docType.${item.type}`, { count: 1 }), name: item.name || t('common.untitled') };
    setEmptied(null);
    setRestored(res.value.outletDropped ? t('trash.restoredNoOutlet', words) : t('trash.restoredItem', words));
    otherFocusAfter.current = { id: item.id, index };
    await loadOthers();
  };

  const empty = async () => {
    setError(null);
    const res = await client.call('trash.empty', {});
    setConfirming(false);
    if (res.ok) {
      setRestored(null);
      setSameName(null);
      setEmptied(res.value);
      list.reload();
      await loadOthers();
    } else setError(res.error);
  };

  const renderRow = (r: ReleaseSummary, index: number, rowProps: RowProps) => (
    <div className="trash-row">
      <a href={href.release(r.id)} dir="auto" lang={r.language} {...rowProps}>
        {r.headline || t('common.untitled')}
      </a>
      <span className="muted">
        {t('docType.release', { count: 1 })} · {languageName(r.language, i18n.language)} · {t('trash.movedAt', { date: dates.dateTime(r.updatedAt) })}
      </span>
      <button
        ref={(el) => {
          if (el) restoreButtons.current.set(r.id, el);
          else restoreButtons.current.delete(r.id);
        }}
        type="button"
        onClick={() => void restore(r.id, r.headline, index)}
        aria-label={t('trash.restoreOne', { headline: r.headline || t('common.untitled') })}>
        {t('lifecycle.restore')}
      </button>
    </div>
  );

  return (
    <div className="screen list-screen trash-screen">
      <p className="crumbs">
        <a href={href.releases()}>{t('nav.releases')}</a>
      </p>
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('trash.title')}
        </h1>
      </div>
      <p className="muted">{t('trash.explain')}</p>
      {error && <ErrorMessage error={error} />}
      {sameName && (
        <p>
          <button type="button" onClick={() => void restoreOther(sameName.item, sameName.index, true)}>
            {t('trash.restoreAnyway')}
          </button>
        </p>
      )}
      {list.error && <ErrorMessage error={list.error} />}
      {restored !== null && (
        <p className="notice" role="status">
          {restored}
        </p>
      )}
      {emptied !== null && (
        <p className="notice" role="status">
          {emptied.others === 0 ? t('trash.emptied', { count: emptied.releases }) : t('trash.emptiedAll', { count: emptied.releases + emptied.others })}
        </p>
      )}
      {list.loading && list.items.length === 0 && !list.error && <Loading />}
      {!list.loading && list.items.length === 0 && !list.error && others !== null && others.total === 0 && <p className="empty">{t('trash.empty')}</p>}
      {list.items.length > 0 && (
        <section aria-labelledby="trash-releases">
          <h2 id="trash-releases">{t('docType.release', { count: 2 })}</h2>
          <PagedRows list={list} label={t('trash.title')} renderRow={renderRow} estimateSize={52} />
        </section>
      )}
      {others !== null && others.items.length > 0 && (
        <section aria-labelledby="trash-others">
          <h2 id="trash-others">{t('trash.othersTitle')}</h2>
          <DeletedItems items={others.items} total={others.total} onRestore={(item, index) => void restoreOther(item, index)} buttons={otherButtons.current} />
        </section>
      )}
      {(list.items.length > 0 || (others?.total ?? 0) > 0) &&
        (confirming ? (
          <ConfirmQuestion
            title={t('trash.confirmTitle')}
            question={
              (others?.total ?? 0) === 0
                ? t('trash.confirm', { count: list.total ?? list.items.length })
                : t('trash.confirmAll', { count: (list.total ?? list.items.length) + (others?.total ?? 0) })
            }
            confirmLabel={t('trash.deleteForGood')}
            onConfirm={empty}
            focus={focus}
          />
        ) : (
          <button ref={focus.asker('empty')} type="button" onClick={() => setConfirming(true)}>
            {t('trash.emptyTrash')}
          </button>
        ))}
    </div>
  );
}

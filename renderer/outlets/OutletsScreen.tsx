import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutletSummary } from '../../electron/shared/contacts/organise-contract';
import { href } from '../app/router';
import { ListState } from '../ui/ListState';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList } from '../ui/usePagedList';
import { PagedRows } from '../ui/PagedRows';
import type { RowProps } from '../ui/VirtualList';
import { takeOutletDeleted } from './deleted-notice';

/**
 * The search and the outlet opened from the list, noted as a row is opened and read as the list
 * opens again, then forgotten: back from an outlet, the list is as it was, that outlet's row in focus.
 */
let leftAt: { query: string; opened: string } | null = null;

/** The newspapers, stations and sites the media list's journalists write for. */
export function OutletsScreen() {
  const { t } = useTranslation();
  // Read in the state's first value, forgotten in an effect: both readings of a strict-mode render see it.
  const [back] = useState(() => leftAt);
  useEffect(() => {
    leftAt = null;
  }, []);
  const [query, setQuery] = useState(back?.query ?? '');
  const q = useDebounced(query.trim(), 250);
  const input = q ? { limit: 100, query: q } : { limit: 100 };
  const list = usePagedList('outlet.list', input, q);
  // Said after a delete from an outlet's page: the region is there first, so a screen reader hears the line arrive.
  const [deleted, setDeleted] = useState<string | null>(null);
  useEffect(() => {
    const name = takeOutletDeleted();
    if (name !== null) setDeleted(name);
  }, []);
  // The keyboard lands on the line that says so: the page it came from closed with the outlet.
  const deletedLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (deleted !== null) deletedLine.current?.focus();
  }, [deleted]);

  const renderRow = (o: OutletSummary, _i: number, rowProps: RowProps) => (
    <a className="row-link" href={href.outlet(o.id)} onClick={() => (leftAt = { query, opened: o.id })} {...rowProps}>
      {/* The interface's direction, the name isolated: a Latin name in Arabic stays at the right, above its badge. */}
      <span className="row-title">
        <bdi>{o.name}</bdi>
      </span>
      <span className="row-meta">
        <span className="badge">{t(`outlets.kind.${o.kind}`)}</span>
      </span>
    </a>
  );

  return (
    <div className="screen list-screen media-list">
      <p className="crumbs">
        <a href={href.contacts()}>{t('nav.contacts')}</a>
      </p>
      <div className="screen-head">
        <h1>{t('outlets.title')}</h1>
        <span className="actions">
          <a className="button primary" href={href.newOutlet()}>
            {t('outlets.new')}
          </a>
        </span>
      </div>
      <form className="filters" role="search" aria-label={t('outlets.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="out-q">{t('outlets.searchLabel')}</label>
          <input id="out-q" type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      </form>
      <div role="status">
        {deleted !== null && (
          <p className="notice" ref={deletedLine} tabIndex={-1}>
            {t('outlets.deleted', { name: deleted })}
          </p>
        )}
      </div>
      <ListState list={list} count={(count) => t('outlets.count', { count })} empty={q ? <p>{t('outlets.noMatch')}</p> : <p>{t('outlets.empty')}</p>} />
      <PagedRows list={list} label={t('outlets.title')} renderRow={renderRow} estimateSize={58} returnTo={back?.opened ?? null} />
    </div>
  );
}

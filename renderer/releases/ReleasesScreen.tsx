import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, ReleaseSummary } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { RELEASE_STATUSES, type ReleaseStatus } from '../../electron/shared/documents';
import { href, navigate } from '../app/router';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ListState } from '../ui/ListState';
import { PassageLine } from '../ui/PassageLine';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { languageName } from '../ui/languages';
import { useOffices } from '../ui/useOffices';
import { useCall } from '../ui/useCall';
import { usePagedList } from '../ui/usePagedList';
import { PagedRows } from '../ui/PagedRows';
import type { RowProps } from '../ui/VirtualList';
import { useDebounced } from '../ui/useDebounced';
import { officeChoices, SelectField } from '../ui/SelectField';
import { takeTrashed, type Trashed } from './trashed-notice';
import { lastOpenedRelease, noteOpened } from './last-opened';
import { naturalDirection, RELEASE_SORTS, SORT_DIRECTIONS, type ReleaseSort, type SortDirection } from '../../electron/shared/releases/list-sort';
import { rememberReleaseOrder, savedReleaseOrder, type ReleaseOrder } from './list-sort';
import { EmbargoWords } from './EmbargoField';
import { embargoInForce } from './embargo';
import { useNowPassing } from '../ui/useNowPassing';

interface Filters {
  query: string;
  status: ReleaseStatus | '';
  language: string;
  office: string;
  tag: string;
}

const NO_FILTERS: Filters = { query: '', status: '', language: '', office: '', tag: '' };

/** How a direction is said for each order: dates newest or oldest first, headlines A to Z, embargoes lifting earliest first. */
const directionWords = (sort: ReleaseSort): 'date' | 'text' | 'time' => (sort === 'headline' ? 'text' : sort === 'embargo' ? 'time' : 'date');


export function ReleasesScreen() {
  const { t, i18n } = useTranslation();
  const offices = useOffices();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [order, setOrder] = useState<ReleaseOrder>(savedReleaseOrder);
  const changeOrder = (next: ReleaseOrder) => {
    setOrder(next);
    rememberReleaseOrder(next);
  };
  const applied = useDebounced(filters, 250);
  const dates = useDates();
  const client = useClient();
  // Said after "Move to trash" in the editor, with Undo; the region is there first, so a screen reader hears the line arrive.
  const [trashed, setTrashed] = useState<{ release: Trashed; undone: boolean } | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const r = takeTrashed();
    if (r) setTrashed({ release: r, undone: false });
  }, []);
  // The keyboard lands on Undo (the release it came from is gone from the list), then, once undone, on the line that says so.
  useEffect(() => {
    if (trashed && !trashed.undone) undoButton.current?.focus();
    if (trashed?.undone) noticeLine.current?.focus();
  }, [trashed]);

  // Sorted by the core across the whole list, never a page at a time here; headlines in the interface's collation unless one language is chosen.
  const input: InputOf<'release.list'> = { limit: 100, sort: order.sort, direction: order.direction, locale: i18n.language };
  // A search shows, under each release, the passage where its words were found.
  if (applied.query.trim()) Object.assign(input, { query: applied.query.trim(), passages: true });
  if (applied.status) input.status = applied.status;
  if (applied.language) input.language = applied.language;
  if (applied.office) input.office = applied.office;
  if (applied.tag.trim()) input.tag = applied.tag.trim();
  const list = usePagedList('release.list', input, JSON.stringify(input));
  const filtered = JSON.stringify(applied) !== JSON.stringify(NO_FILTERS);
  // An empty list with releases in the trash is not a new library: it says where they are.
  const trash = useCall('release.list', { trashed: true, limit: 1 }, `trash:${list.items.length === 0 ? 'empty' : 'some'}`);
  const inTrash = trash.status === 'ok' && trash.value.total > 0;

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  const { reload } = list;
  // An embargo is said, until when, only while it holds: the words go from its row as it lifts.
  const now = useNowPassing(list.items.map((r) => r.embargoAt));

  const undoTrash = async (r: Trashed) => {
    setUndoError(null);
    const res = await client.call('release.untrash', { id: r.id });
    if (!res.ok) {
      setUndoError(res.error);
      return;
    }
    setTrashed({ release: r, undone: true });
    reload();
  };

  const renderRow = (r: ReleaseSummary, _i: number, rowProps: RowProps) => {
    const embargo = embargoInForce(r.embargoAt, r.embargoTimeZone, now);
    return (
      <a className="row-link" href={href.release(r.id)} onClick={() => noteOpened(r.id)} {...rowProps}>
        {/* The row keeps the interface's direction and the headline is isolated inside it: an English
            headline in Arabic starts at the right, above its status, as an Arabic one does. */}
        <span className="row-title">
          <bdi lang={r.language}>{r.headline || t('common.untitled')}</bdi>
        </span>
        <span className="row-meta">
          <span className={`badge status-${r.status}`}>{t(`status.${r.status}`, { defaultValue: r.status })}</span>
          <span>{languageName(r.language, i18n.language)}</span>
          {r.releaseDate && <span>{dates.date(r.releaseDate)}</span>}
          {embargo && (
            <span className="badge embargo">
              <EmbargoWords embargo={embargo} />
            </span>
          )}
          {r.tags.length > 0 && <span className="muted">{r.tags.join(t('common.listSeparator'))}</span>}
        </span>
        {r.passage && <PassageLine passage={r.passage} language={r.language} />}
      </a>
    );
  };

  return (
    <div className="screen list-screen">
      <div className="screen-head">
        <h1>{t('nav.releases')}</h1>
        {/* Most releases already exist as a Word file or a web page: importing sits next to writing one. */}
        <div className="actions">
          <button type="button" className="primary" onClick={() => navigate(href.newRelease(filters.language || null))}>
            {t('releases.new')}
          </button>
          <a className="button" href={href.import()}>
            {t('releases.import')}
          </a>
          <a className="button" href={href.trash()}>
            {t('trash.title')}
          </a>
        </div>
      </div>
      <form className="filters" role="search" aria-label={t('releases.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="rel-q">{t('releases.searchLabel')}</label>
          <input id="rel-q" type="search" dir="auto" value={filters.query} onChange={(e) => set('query', e.target.value)} />
        </div>
        <SelectField
          id="rel-status"
          label={t('releases.status')}
          value={filters.status}
          choices={RELEASE_STATUSES.map((st) => ({ value: st, label: t(`status.${st}`) }))}
          none={t('common.any')}
          onChange={(v) => set('status', v as ReleaseStatus | '')}
        />
        <SelectField
          id="rel-lang"
          label={t('releases.language')}
          value={filters.language}
          choices={WORKING_LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
          none={t('common.any')}
          onChange={(v) => set('language', v)}
        />
        <SelectField
          id="rel-office"
          label={t('releases.office')}
          value={filters.office}
          choices={officeChoices(offices)}
          none={t('common.any')}
          onChange={(v) => set('office', v)}
        />
        <div className="field">
          <label htmlFor="rel-tag">{t('releases.tag')}</label>
          <input id="rel-tag" dir="auto" value={filters.tag} onChange={(e) => set('tag', e.target.value)} />
        </div>
        <SelectField
          id="rel-sort"
          label={t('releases.sortBy')}
          value={order.sort}
          choices={RELEASE_SORTS.map((v) => ({ value: v, label: t(`releases.sort.${v}`) }))}
          onChange={(v) => changeOrder({ sort: v as ReleaseSort, direction: naturalDirection(v as ReleaseSort) })}
        />
        <SelectField
          id="rel-direction"
          label={t('releases.sortDirection')}
          value={order.direction}
          choices={SORT_DIRECTIONS.map((d) => ({ value: d, label: t(`releases.direction.${directionWords(order.sort)}.${d}`) }))}
          onChange={(v) => changeOrder({ ...order, direction: v as SortDirection })}
        />
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            {t('releases.clearFilters')}
          </button>
        )}
      </form>
      <div role="status">
        {trashed && (
          <p className="notice" ref={noticeLine} tabIndex={-1}>
            {t(trashed.undone ? 'trash.restored' : 'trash.moved', { headline: trashed.release.headline || t('common.untitled') })}{' '}
            {!trashed.undone && (
              <button
                ref={undoButton}
                type="button"
                className="link-button"
                onClick={() => void undoTrash(trashed.release)}
                aria-label={t('trash.undoOne', { headline: trashed.release.headline || t('common.untitled') })}
              >
                {t('trash.undo')}
              </button>
            )}
          </p>
        )}
      </div>
      {undoError && <ErrorMessage error={undoError} />}
      <ListState
        list={list}
        count={(count) => t('releases.count', { count })}
        empty={
          filtered ? (
            <p>{t('releases.noMatch')}</p>
          ) : inTrash ? (
            <>
              <h2>{t('releases.emptyTrashTitle')}</h2>
              <p>{t('releases.emptyTrashBody')}</p>
              <p>
                <a href={href.trash()}>{t('releases.emptyTrashLink')}</a>
              </p>
            </>
          ) : (
            <>
              <h2>{t('releases.emptyTitle')}</h2>
              <p>{t('releases.emptyBody')}</p>
              <p>
                <a href={href.import()}>{t('releases.emptyImport')}</a>
              </p>
            </>
          )
        }
      />
      <PagedRows list={list} label={t('nav.releases')} renderRow={renderRow} estimateSize={62} returnTo={lastOpenedRelease()} />
    </div>
  );
}


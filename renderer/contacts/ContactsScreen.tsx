import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary, InputOf } from '../../electron/shared/contract';
import { CONTACT_SORTS, type ContactFilter, type ContactSort } from '../../electron/shared/contacts/filter';
import { CONTACT_KINDS } from '../../electron/shared/documents';
import { href } from '../app/router';
import { ListState } from '../ui/ListState';
import { countryName, languageName } from '../ui/languages';
import { SelectField } from '../ui/SelectField';
import { useCall } from '../ui/useCall';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList } from '../ui/usePagedList';
import { PagedRows } from '../ui/PagedRows';
import type { RowProps } from '../ui/VirtualList';
import { takeErased } from './erased-notice';
import { takeContactDeleted } from './deleted-notice';
import { DeletedNotice } from '../ui/DeletedNotice';
import { SegmentBar } from './SegmentBar';
import { OutletSearch } from '../outlets/OutletSearch';
import { rememberChoice, rememberedChoice } from '../ui/remembered';

/** The list's order, remembered on this computer as the releases list's is. */
const SORT_KEY = 'dateline.contactOrder';
const savedContactSort = (): ContactSort =>
  rememberedChoice(SORT_KEY, (v) => ((CONTACT_SORTS as readonly unknown[]).includes(v) ? (v as ContactSort) : null), 'name');

type Facet = 'beat' | 'country' | 'language' | 'outlet' | 'list';

/** The list as it was when a contact was opened from it. */
interface LeftAt {
  query: string;
  filter: Omit<ContactFilter, 'query'>;
  segment: string;
  opened: string;
}

/**
 * Noted as a row is opened, read as the list opens again and then forgotten: a person back
 * from a contact of a list filtered by beat finds the same list, scrolled to that contact's
 * row, which has focus again; any other way in finds the list whole.
 */
let leftAt: LeftAt | null = null;

/** The media list: search, filters (kind, beat, country, language, outlet, list), sort, segments and export. */
export function ContactsScreen() {
  const { t, i18n } = useTranslation();
  // Read in the state's first value, forgotten in an effect: both readings of a strict-mode render see it.
  const [back] = useState(() => leftAt);
  useEffect(() => {
    leftAt = null;
  }, []);
  const [query, setQuery] = useState(back?.query ?? '');
  const [filter, setFilter] = useState<Omit<ContactFilter, 'query'>>(back?.filter ?? {});
  const [sort, setSort] = useState<ContactSort>(savedContactSort);
  const [segment, setSegment] = useState(back?.segment ?? '');
  const searchBox = useRef<HTMLInputElement>(null);
  const q = useDebounced(query.trim(), 250);
  const facets = useCall('contact.facets', {}, 'facets');
  const current: ContactFilter = q ? { ...filter, query: q } : filter;
  // The interface's language names and orders the groups of a list grouped by country or language.
  const input: InputOf<'contact.list'> = { limit: 100, sort, locale: i18n.language, ...current };
  const list = usePagedList('contact.list', input, JSON.stringify(input));
  const filtered = Object.keys(current).length > 0;
  // Said after an erase from a person's page: the region is there first, so a screen reader hears the line arrive.
  const [erased, setErased] = useState<{ documents: number; files: number } | null>(null);
  useEffect(() => {
    const r = takeErased();
    if (r) setErased({ documents: r.documentsErased, files: r.filesRemoved });
  }, []);
  // The keyboard lands on the line that says what went: the page it came from is gone with the person.
  const erasedLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (erased) erasedLine.current?.focus();
  }, [erased]);

  // As typed, not as debounced: the button shows with the first letter of a search. A segment
  // chosen is its filters, shown in the boxes above.
  const anyFilter = query.trim() !== '' || Object.keys(filter).length > 0;
  // Clears the search, every filter and the segment chosen; the order stays. The button goes with
  // them, so the keyboard goes on from the search box.
  const clearFilters = () => {
    setQuery('');
    setFilter({});
    setSegment('');
    searchBox.current?.focus();
  };

  const put = (key: keyof ContactFilter, value: string) => {
    const next: Record<string, string> = { ...filter };
    if (value) next[key] = value;
    else delete next[key];
    setFilter(next as ContactFilter);
  };
  const f = facets.status === 'ok' ? facets.value : null;
  // Each filter's choices in the order of the names it shows, in the interface's language: the
  // core gives countries and languages by code, which puts "Germany" after "United Arab Emirates".
  const collator = new Intl.Collator(i18n.language, { numeric: true });
  const byLabel = (choices: { value: string; label: string }[]) => choices.sort((a, b) => collator.compare(a.label, b.label));
  const choices: Record<Exclude<Facet, 'outlet'>, { value: string; label: string }[]> = {
    beat: byLabel([...new Set([...(f?.officeBeats ?? []), ...(f?.beats ?? [])])].map((b) => ({ value: b, label: b }))),
    country: byLabel((f?.countries ?? []).map((c) => ({ value: c, label: countryName(c, i18n.language) }))),
    language: byLabel((f?.languages ?? []).map((l) => ({ value: l, label: languageName(l, i18n.language) }))),
    list: byLabel((f?.lists ?? []).map((l) => ({ value: l, label: l }))),
  };

  const renderRow = (c: ContactSummary, _i: number, rowProps: RowProps) => {
    // A journalist is known by the outlet they write for; said once when it is also the organisation.
    const outlet = c.outletName ?? undefined;
    // The row takes the interface's direction and each name is isolated inside it (<bdi>): a Latin
    // name in Arabic starts at the right, above the badge, as an Arabic one does, instead of being
    // a left-to-right line of its own that sends it to the far left.
    return (
      <a className="row-link" href={href.contact(c.id)} onClick={() => (leftAt = { query, filter, segment, opened: c.id })} {...rowProps}>
        <span className="row-title">
          <bdi>{c.name}</bdi>
        </span>
        <span className="row-meta">
          <span className="badge">{t(`contacts.kind.${c.kind}`)}</span>
          {c.doNotContact && <span className="badge attention">{t('contactFilters.doNotContact')}</span>}
          {c.outdated && <span className="badge attention">{t('contactFilters.outdated')}</span>}
          {c.organisation && <bdi>{c.organisation}</bdi>}
          {outlet && outlet !== c.organisation && <bdi>{outlet}</bdi>}
          {/* Grouped by country, language, beat or list, the row says which: the outlet is said above already. */}
          {sort !== 'name' && sort !== 'updated' && sort !== 'outlet' && c.group && <span>{c.group}</span>}
        </span>
      </a>
    );
  };

  return (
    <div className="screen list-screen media-list">
      <div className="screen-head">
        <h1>{t('nav.contacts')}</h1>
        <span className="actions">
          <a className="button" href={href.outlets()}>
            {t('outlets.title')}
          </a>
          <a className="button" href={href.contactImport()}>
            {t('contactImport.open')}
          </a>
          <a className="button primary" href={href.newContact()}>
            {t('contacts.new')}
          </a>
        </span>
      </div>
      <form className="filters" role="search" aria-label={t('contacts.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="con-q">{t('contacts.searchLabel')}</label>
          <input id="con-q" ref={searchBox} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <SelectField
          id="con-kind"
          label={t('contacts.kindLabel')}
          value={filter.kind ?? ''}
          choices={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))}
          none={t('common.any')}
          onChange={(k) => put('kind', k)}
        />
        {(['beat', 'country', 'language', 'outlet', 'list'] as const).map((facet) =>
          facet === 'outlet' ? (
            // Searched as the person types: an office may have thousands of outlets.
            <OutletSearch key={facet} id="con-outlet" label={t('contactFilters.outlet')} value={filter.outlet ?? null} none={t('common.any')} onChange={(v) => put('outlet', v ?? '')} />
          ) : (
            <SelectField
              key={facet}
              id={`con-${facet}`}
              label={t(`contactFilters.${facet}`)}
              value={filter[facet] ?? ''}
              choices={choices[facet]}
              none={t('common.any')}
              onChange={(v) => put(facet, v)}
            />
          ),
        )}
        <SelectField
          id="con-sort"
          label={t('contactFilters.sort')}
          value={sort}
          choices={CONTACT_SORTS.map((s) => ({ value: s, label: t(`contactFilters.sortBy.${s}`) }))}
          onChange={(s) => {
            setSort(s as ContactSort);
            rememberChoice(SORT_KEY, s);
          }}
        />
        {anyFilter && (
          <button type="button" className="link-button" onClick={clearFilters}>
            {t('contactFilters.clearFilters')}
          </button>
        )}
      </form>
      <SegmentBar
        // As typed, not as debounced: a segment with a search stays shown as chosen while the list catches up.
        filter={query.trim() ? { ...filter, query: query.trim() } : filter}
        onApply={({ query: sq, ...rest }) => {
          setQuery(sq ?? '');
          setFilter(rest);
        }}
        chosen={segment}
        onChoose={setSegment}
      />
      <div role="status">
        {erased && (
          <p className="notice" ref={erasedLine} tabIndex={-1}>
            {t('contacts.erased', { documents: t('contacts.erasedDocuments', { count: erased.documents }), files: t('contacts.erasedFiles', { count: erased.files }) })}
          </p>
        )}
      </div>
      <DeletedNotice
        take={takeContactDeleted}
        words={{
          deleted: (name) => t('contacts.deleted', { name }),
          restored: (name) => t('contacts.restored', { name }),
          undo: t('contacts.undo'),
          undoOne: (name) => t('contacts.undoOne', { name }),
        }}
        onRestored={list.reload}
      />
      <ListState
        list={list}
        count={(count) => t('contacts.count', { count })}
        empty={
          filtered ? (
            <p>{t('contacts.noMatch')}</p>
          ) : (
            <>
              <h2>{t('contacts.emptyTitle')}</h2>
              <p>{t('contacts.emptyBody')}</p>
            </>
          )
        }
      />
      <PagedRows list={list} label={t('nav.contacts')} renderRow={renderRow} estimateSize={58} returnTo={back?.opened ?? null} />
    </div>
  );
}

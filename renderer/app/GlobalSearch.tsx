import { forwardRef, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../electron/shared/contract';
import { OUTLET_KINDS, type DocType } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { fileKindOf, fileKindWords } from '../attachments/file-kind';
import { useClient } from '../client/context';
import { errorText } from '../i18n/errors';
import type { DateFormats } from '../i18n/dates';
import { useDates } from '../i18n/useDates';
import { languageName } from '../ui/languages';
import { focusLost } from '../ui/pageFocus';
import { PassageLine } from '../ui/PassageLine';
import { ariaShortcut, type Binding } from '../ui/shortcuts';
import { useCombobox } from '../ui/useCombobox';
import { mayLeaveFor } from './leave-guard';
import { href, navigate } from './router';

// Outlets follow contacts: a journalist and the media organisation they work for are looked for together.
const SEARCHED: DocType[] = ['release', 'contact', 'outlet', 'attachment', 'kit', 'office'];

const isOutletKind = (kind: string): kind is (typeof OUTLET_KINDS)[number] => (OUTLET_KINDS as readonly string[]).includes(kind);

export function hitHref(hit: SearchHit): string {
  switch (hit.type) {
    case 'release':
      return href.release(hit.id);
    case 'contact':
      return href.contact(hit.id);
    case 'attachment':
      return href.attachment(hit.id);
    case 'office':
      return href.office(hit.id);
    case 'kit':
      return href.kit(hit.id);
    case 'outlet':
      return href.outlet(hit.id);
  }
}

/**
 * The line under a hit's title: "French · 3 Nov 2026" in the interface's language and date
 * format. An outlet's detail is its type as stored ("tv"): it is said in words ("Television"),
 * and a type this version does not know is left unsaid rather than shown as a code; so is an
 * attachment's media type.
 */
function hitDetail(hit: SearchHit, t: TFunction, uiLanguage: string, dates: DateFormats): string {
  const detail =
    hit.type === 'outlet'
      ? hit.detail && isOutletKind(hit.detail)
        ? t(`outlets.kind.${hit.detail}`)
        : null
      : hit.type === 'attachment'
        ? attachmentKind(hit.detail, hit.title, t)
        : hit.detail;
  const parts = [hit.language && languageName(hit.language, uiLanguage), hit.date && dates.date(hit.date), detail];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/**
 * An attachment's kind in words ("Photo (JPEG)", "Text document"), as its card says it: the core
 * gives a hit's detail as its media type, which is no word for a person. A kind without words is
 * left unsaid; the file's name, above it, ends with its extension.
 */
function attachmentKind(mediaType: string | null, name: string, t: TFunction): string | null {
  return fileKindOf(mediaType ?? '', name).kind === 'other' ? null : fileKindWords(t, mediaType ?? '', name);
}

/** How long a screen opened from a hit may take to show its heading before the keyboard stays where it is. */
const ARRIVAL_WAIT_MS = 5000;

/**
 * The keyboard goes to the screen a hit opened, as it does to a release opened from the list: to
 * its heading once the screen shows it (the first heading of the content, `old` being the heading
 * of the screen left, null when the hit is the screen shown). The search box lets go of the focus
 * first, so a screen that takes it on arrival (the release editor) does so itself; and a person
 * who puts the focus somewhere meanwhile keeps it there.
 */
function focusOpenedScreen(old: Element | null): void {
  if (document.activeElement instanceof HTMLElement && document.activeElement.closest('.global-search')) document.activeElement.blur();
  const until = performance.now() + ARRIVAL_WAIT_MS;
  const step = () => {
    if (!focusLost()) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading && heading !== old) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    } else if (performance.now() < until) {
      requestAnimationFrame(step);
    }
  };
  requestAnimationFrame(step);
}

/** Hits grouped by type in SEARCHED's order: the order they are shown and walked with the keyboard. */
function inOrder(hits: readonly SearchHit[]): SearchHit[] {
  return SEARCHED.flatMap((type) => hits.filter((h) => h.type === type));
}

/** The key that puts the cursor in the search from anywhere: Ctrl+K, or ⌘K on a Mac. */
export const SEARCH_SHORTCUT: Binding = { key: 'k' };

/**
 * Search across the library from the top bar; Ctrl/Cmd+K focuses it from anywhere. Enter opens
 * a hit of the query as typed now: pressed before its results arrive (the hits shown are still
 * the last query's), it waits for them and opens the first, or nothing when none is found.
 */
export const GlobalSearch = forwardRef<HTMLInputElement>(function GlobalSearch(_props, inputRef) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [searched, setSearched] = useState('');
  const [open, setOpen] = useState(false);
  /** The query Enter was pressed on before its results came. */
  const enterOn = useRef<string | null>(null);

  const go = (hit: SearchHit) => {
    enterOn.current = null;
    setOpen(false);
    setQuery('');
    const to = hitHref(hit);
    if (window.location.hash === to) return focusOpenedScreen(null);
    // Unsaved changes on the screen shown: the question is asked, and gives the focus back here on "Keep editing".
    if (!mayLeaveFor(to)) return;
    const left = document.querySelector('#main h1');
    navigate(to);
    focusOpenedScreen(left);
  };

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setHits([]);
      setSearched('');
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void client.call('search', { query: q, types: SEARCHED, limit: 40, passages: true }).then((res) => {
        if (!live) return;
        if (res.ok) {
          setHits(res.value);
          setError(null);
        } else {
          setHits([]);
          setError(res.error);
        }
        setSearched(q);
        setActive(0);
        const first = res.ok ? inOrder(res.value)[0] : undefined;
        if (enterOn.current === q) {
          enterOn.current = null;
          if (first) go(first);
        }
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query]);

  // Grouped by type, in a fixed order; `flat` is the keyboard order.
  const groups = useMemo(() => {
    return SEARCHED.map((type) => ({ type, hits: hits.filter((h) => h.type === type) })).filter((g) => g.hits.length > 0);
  }, [hits]);
  const flat = useMemo(() => inOrder(hits), [hits]);

  const showPanel = open && query.trim() !== '';
  const combo = useCombobox({
    id: `${id}-input`,
    open,
    setOpen,
    count: flat.length,
    shown: showPanel,
    query,
    onChoose: (i) => {
      const hit = flat[i];
      if (hit) go(hit);
    },
    onEnter: (e, active) => {
      const q = query.trim();
      if (q === '') return;
      e.preventDefault();
      // The hits shown belong to an earlier query until this one's arrive.
      if (searched !== q) {
        enterOn.current = q;
        return;
      }
      const hit = flat[active];
      if (hit) go(hit);
    },
  });
  const { setActive, active, optionId } = combo;

  let index = -1;

  return (
    <div
      className="global-search"
      role="search"
      {...combo.rootProps}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="search" dir="auto"
        {...combo.inputProps}
        aria-keyshortcuts={ariaShortcut(SEARCH_SHORTCUT)}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          enterOn.current = null;
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={combo.onKeyDown}
      />
      <div className={showPanel ? 'search-panel' : 'visually-hidden'}>
        {showPanel && error && <p className="error">{errorText(t, error)}</p>}
        {showPanel && !error && searched !== '' && flat.length === 0 && (
          <p className="muted" role="status">
            {t('search.none', { query: searched })}
          </p>
        )}
        <div {...combo.listProps} aria-label={t('search.results')}>
          {showPanel &&
            groups.map((g) => (
              <div role="group" key={g.type} aria-labelledby={`${id}-g-${g.type}`}>
                <div className="search-group" id={`${id}-g-${g.type}`} role="presentation">
                  {t(`docType.${g.type}`, { count: 2 })}
                </div>
                {g.hits.map((hit) => {
                  index += 1;
                  const i = index;
                  const detail = hitDetail(hit, t, i18n.language, dates);
                  // Named by its title and line, described by the passage: a screen reader says what the hit is, then where the words are.
                  const part = (name: string) => `${optionId(i)}-${name}`;
                  return (
                    <div
                      key={hit.id}
                      {...combo.optionProps(i)}
                      aria-labelledby={detail ? `${part('title')} ${part('detail')}` : part('title')}
                      aria-describedby={hit.passage ? part('passage') : undefined}
                      className={i === active ? 'search-hit active' : 'search-hit'}
                    >
                      <span className="hit-title" id={part('title')} dir="auto">
                        {hit.title || t('common.untitled')}
                      </span>
                      {detail && (
                        <span className="hit-detail" id={part('detail')} dir="auto">
                          {detail}
                        </span>
                      )}
                      {hit.passage && <PassageLine passage={hit.passage} language={hit.language} id={part('passage')} />}
                    </div>
                  );
                })}
              </div>
            ))}
        </div>
      </div>
    </div>
  );
});

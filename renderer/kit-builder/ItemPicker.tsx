import { useCallback, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary, ContactSummary, ReleaseSummary } from '../../electron/shared/contract';
import { SECTION_KINDS, type KitItem } from '../../electron/shared/documents';
import { emptyRichText } from '../../electron/shared/richtext';
import { formatLocale } from '../i18n';
import { formatBytes, languageName } from '../ui/languages';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList, type PagedList } from '../ui/usePagedList';
import { attachmentDetail, type PickedRow } from './items';
import { PickSearch, type PickRow } from './PickSearch';

type SectionKind = (typeof SECTION_KINDS)[number];

/** Rows read a page at a time: enough to fill the list that pops up, and more as it is scrolled. */
const PAGE = 30;
/** A pause in typing this long asks the core (search-as-you-type without a call per key). */
const SEARCH_DELAY_MS = 250;

/** The search as sent: what is typed, trimmed; nothing typed lists the newest first. */
const searched = (q: string) => (q === '' ? {} : { query: q });

/** What a row is worded with: the interface's words and language, and sizes in its number format. */
interface Say {
  t: TFunction;
  ui: string;
  size: (bytes: number) => string;
}

/**
 * One kind of item the panel adds from the library: how it is listed (the core's list and what
 * it is asked), how a row reads, what adding it gives the kit, and its words (locale keys).
 */
interface PickerKind<T extends { id: string }> {
  kind: PickedRow['kind'];
  /** The list for what is typed (`q`, trimmed and settled): a hook, its first page for `q` and more on demand. */
  useList: (q: string) => PagedList<T>;
  row: (item: T, say: Say) => PickRow;
  /** The row the kit builder keeps to show the item it adds. */
  picked: (item: T) => PickedRow;
  words: { label: string; placeholder: string; none: string; noMatch: string };
  /** Said under the picker while the library holds none of its kind at all. */
  noneNote?: string;
}

/** A kind as the table holds it: its own list's rows are the only ones its `row` and `picked` are given. */
const kindOf = <T extends { id: string }>(k: PickerKind<T>): PickerKind<{ id: string }> => ({
  ...k,
  row: (item, say) => k.row(item as T, say),
  picked: (item) => k.picked(item as T),
});

/**
 * The kinds, in the panel's order. Releases found by a search come the best match first (the
 * search's ranking); withdrawn and trashed ones are not offered (the core refuses them).
 * Journalists are the audience of a kit, never its contacts: the core leaves them out.
 */
const KINDS = [
  kindOf<ReleaseSummary>({
    kind: 'release',
    useList: (q) => usePagedList('release.list', { limit: PAGE, addable: true, ranked: true, ...searched(q) }, q),
    row: (r, { t, ui }) => ({ title: r.headline || t('common.untitled'), detail: `${languageName(r.language, ui)} · ${t(`status.${r.status}`)}` }),
    picked: (r) => ({ kind: 'release', row: r }),
    words: { label: 'kitBuilder.release', placeholder: 'kitBuilder.picker.releasePlaceholder', none: 'kitBuilder.picker.noReleases', noMatch: 'kitBuilder.picker.noRelease' },
  }),
  kindOf<AttachmentSummary>({
    kind: 'attachment',
    useList: (q) => usePagedList('attachment.list', { limit: PAGE, ...searched(q) }, q),
    row: (a, { size }) => {
      // Two files of the same name (two cameras' "photo.jpg") are told apart by caption and size.
      const d = attachmentDetail(a, size);
      const detail: ReactNode = d.caption === null ? <bdi>{d.size}</bdi> : <><bdi>{d.caption}</bdi>{' · '}<bdi>{d.size}</bdi></>;
      return { title: a.originalName, detail };
    },
    picked: (a) => ({ kind: 'attachment', row: a }),
    words: { label: 'kitBuilder.attachment', placeholder: 'kitBuilder.picker.attachmentPlaceholder', none: 'kitBuilder.picker.noAttachments', noMatch: 'kitBuilder.picker.noAttachment' },
  }),
  kindOf<ContactSummary>({
    kind: 'contact',
    useList: (q) => usePagedList('contact.list', { limit: PAGE, kind: 'spokesperson', sort: 'updated', ...searched(q) }, q),
    row: (c) => ({ title: c.name, detail: c.organisation }),
    picked: (c) => ({ kind: 'contact', row: c }),
    words: { label: 'kitBuilder.contact', placeholder: 'kitBuilder.picker.contactPlaceholder', none: 'kitBuilder.picker.noContacts', noMatch: 'kitBuilder.picker.noContact' },
    noneNote: 'kitBuilder.noSpokespeople',
  }),
];

type Add = (item: KitItem, row: PickedRow | null) => void;

/** The label and search box of one kind, over the whole library (the core searches and pages; see PickSearch). */
function KindPicker({ ids, hint, picker, inKit, add }: { ids: string; hint: string; picker: PickerKind<{ id: string }>; inKit: ReadonlySet<string>; add: Add }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const list = picker.useList(q);
  const say: Say = { t, ui: i18n.language, size: (n) => formatBytes(n, formatLocale(i18n.language)) };
  const held = useCallback((it: { id: string }) => inKit.has(it.id), [inKit]);
  const onAdd = useCallback(
    (it: { id: string }) => {
      const row = picker.picked(it);
      add({ kind: row.kind, id: row.row.id }, row);
    },
    [add, picker],
  );
  const id = `${ids}-add-${picker.kind}`;
  const { words } = picker;

  return (
    <>
      <label htmlFor={id}>{t(words.label)}</label>
      <PickSearch
        id={id}
        label={t(words.label)}
        placeholder={t(words.placeholder)}
        hint={hint}
        query={query}
        setQuery={setQuery}
        list={list}
        row={(it) => picker.row(it, say)}
        inKit={held}
        onAdd={onAdd}
        empty={(searchedFor) => (searchedFor === null ? t(words.none) : t(words.noMatch, { query: searchedFor }))}
      />
      {picker.noneNote && list.shownKey === '' && list.total === 0 && <p className="hint kit-add-note">{t(picker.noneNote)}</p>}
    </>
  );
}

/**
 * The "Add to the kit" panel: a search box for each kind of item (KINDS), and a drop-down of
 * section kinds. What the kit holds already (`inKit`, by id) stays listed, marked, and is not
 * added again: a release added twice prints twice.
 */
export function ItemPicker({ ids, inKit, add }: { ids: string; inKit: ReadonlySet<string>; add: Add }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<SectionKind>('factSheet');
  const hint = `${ids}-pick-hint`;

  return (
    <section className="panel" aria-labelledby={`${ids}-add`}>
      <h2 id={`${ids}-add`}>{t('kitBuilder.add')}</h2>
      <p className="hint" id={hint}>
        {t('kitBuilder.picker.hint')}
      </p>
      <div className="kit-add">
        {KINDS.map((picker) => (
          <KindPicker key={picker.kind} ids={ids} hint={hint} picker={picker} inKit={inKit} add={add} />
        ))}

        <label htmlFor={`${ids}-add-section`}>{t('kitBuilder.sectionKind')}</label>
        <select id={`${ids}-add-section`} value={section} onChange={(e) => setSection(SECTION_KINDS.find((k) => k === e.target.value) ?? 'text')}>
          {SECTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kitBuilder.section.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => add({ kind: 'section', sectionKind: section, title: t(`kitBuilder.section.${section}`), body: emptyRichText() }, null)}>
          {t('kitBuilder.addSection')}
        </button>
      </div>
    </section>
  );
}

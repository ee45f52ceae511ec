import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary, ContactSummary, ReleaseSummary } from '../../electron/shared/contract';
import { SECTION_KINDS, type KitItem } from '../../electron/shared/documents';
import { emptyRichText } from '../../electron/shared/richtext';
import { formatLocale } from '../i18n';
import { formatBytes, languageName } from '../ui/languages';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList } from '../ui/usePagedList';
import { attachmentDetail, type PickedRow } from './items';
import { PickSearch } from './PickSearch';

type SectionKind = (typeof SECTION_KINDS)[number];

/** Rows read a page at a time: enough to fill the list that pops up, and more as it is scrolled. */
const PAGE = 30;
/** A pause in typing this long asks the core (search-as-you-type without a call per key). */
const SEARCH_DELAY_MS = 250;

/** The search as sent: what is typed, trimmed; nothing typed lists the newest first. */
const searched = (q: string) => (q === '' ? {} : { query: q });

/**
 * The "Add to the kit" panel: a search box for each kind of item, over the whole library (the
 * core searches and pages; see PickSearch), and a drop-down of section kinds. What the kit holds
 * already (`inKit`, by id) stays listed, marked, and is not added again: a release added twice
 * prints twice. Withdrawn and trashed releases are not offered (the core refuses them).
 */
export function ItemPicker({ ids, inKit, add }: { ids: string; inKit: ReadonlySet<string>; add: (item: KitItem, row: PickedRow | null) => void }) {
  const { t, i18n } = useTranslation();
  const [section, setSection] = useState<SectionKind>('factSheet');
  const [query, setQuery] = useState({ release: '', attachment: '', contact: '' });
  const typed = (kind: keyof typeof query) => (q: string) => setQuery((was) => ({ ...was, [kind]: q }));

  const rq = useDebounced(query.release.trim(), SEARCH_DELAY_MS);
  const aq = useDebounced(query.attachment.trim(), SEARCH_DELAY_MS);
  const cq = useDebounced(query.contact.trim(), SEARCH_DELAY_MS);
  const releases = usePagedList('release.list', { limit: PAGE, addable: true, ...searched(rq) }, rq);
  const attachments = usePagedList('attachment.list', { limit: PAGE, ...searched(aq) }, aq);
  // Journalists are the audience of a kit, never its contacts; the core leaves them out.
  const contacts = usePagedList('contact.list', { limit: PAGE, kind: 'spokesperson', sort: 'updated', ...searched(cq) }, cq);

  const size = (n: number) => formatBytes(n, formatLocale(i18n.language));
  const held = useCallback((it: { id: string }) => inKit.has(it.id), [inKit]);
  const addRelease = useCallback((r: ReleaseSummary) => add({ kind: 'release', id: r.id }, { kind: 'release', row: r }), [add]);
  const addAttachment = useCallback((a: AttachmentSummary) => add({ kind: 'attachment', id: a.id }, { kind: 'attachment', row: a }), [add]);
  const addContact = useCallback((c: ContactSummary) => add({ kind: 'contact', id: c.id }, { kind: 'contact', row: c }), [add]);
  const hint = `${ids}-pick-hint`;

  return (
    <section className="panel" aria-labelledby={`${ids}-add`}>
      <h2 id={`${ids}-add`}>{t('kitBuilder.add')}</h2>
      <p className="hint" id={hint}>
        {t('kitBuilder.picker.hint')}
      </p>
      <div className="kit-add">
        <label htmlFor={`${ids}-add-release`}>{t('kitBuilder.release')}</label>
        <PickSearch
          id={`${ids}-add-release`}
          label={t('kitBuilder.release')}
          placeholder={t('kitBuilder.picker.releasePlaceholder')}
          hint={hint}
          query={query.release}
          setQuery={typed('release')}
          list={releases}
          row={(r) => ({ title: r.headline || t('common.untitled'), detail: `${languageName(r.language, i18n.language)} · ${t(`status.${r.status}`)}` })}
          inKit={held}
          onAdd={addRelease}
          empty={(q) => (q === null ? t('kitBuilder.picker.noReleases') : t('kitBuilder.picker.noRelease', { query: q }))}
        />

        <label htmlFor={`${ids}-add-attachment`}>{t('kitBuilder.attachment')}</label>
        <PickSearch
          id={`${ids}-add-attachment`}
          label={t('kitBuilder.attachment')}
          placeholder={t('kitBuilder.picker.attachmentPlaceholder')}
          hint={hint}
          query={query.attachment}
          setQuery={typed('attachment')}
          list={attachments}
          row={(a) => {
            // Two files of the same name (two cameras' "photo.jpg") are told apart by caption and size.
            const d = attachmentDetail(a, size);
            return {
              title: a.originalName,
              detail: d.caption === null ? <bdi>{d.size}</bdi> : <><bdi>{d.caption}</bdi>{' · '}<bdi>{d.size}</bdi></>,
            };
          }}
          inKit={held}
          onAdd={addAttachment}
          empty={(q) => (q === null ? t('kitBuilder.picker.noAttachments') : t('kitBuilder.picker.noAttachment', { query: q }))}
        />

        <label htmlFor={`${ids}-add-contact`}>{t('kitBuilder.contact')}</label>
        <PickSearch
          id={`${ids}-add-contact`}
          label={t('kitBuilder.contact')}
          placeholder={t('kitBuilder.picker.contactPlaceholder')}
          hint={hint}
          query={query.contact}
          setQuery={typed('contact')}
          list={contacts}
          row={(c) => ({ title: c.name, detail: c.organisation })}
          inKit={held}
          onAdd={addContact}
          empty={(q) => (q === null ? t('kitBuilder.picker.noContacts') : t('kitBuilder.picker.noContact', { query: q }))}
        />

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
      {contacts.shownKey === '' && contacts.total === 0 && <p className="hint">{t('kitBuilder.noSpokespeople')}</p>}
    </section>
  );
}

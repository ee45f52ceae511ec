import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary, ContactSummary, ReleaseSummary } from '../../electron/shared/contract';
import { SECTION_KINDS, type KitItem } from '../../electron/shared/documents';
import { emptyRichText } from '../../electron/shared/richtext';
import { languageName } from '../ui/languages';
import { formatLocale } from '../i18n';
import { formatBytes } from '../ui/languages';
import { attachmentDetail, attachmentDetailText, canAddRelease, sharedNames } from './items';

type SectionKind = (typeof SECTION_KINDS)[number];

/** What the library offers to put in a kit. */
export interface Pickable {
  releases: ReleaseSummary[];
  attachments: AttachmentSummary[];
  contacts: ContactSummary[];
}

/**
 * The "Add to the kit" panel: a drop-down and an add button for each kind of item. What the kit
 * holds already (`inKit`, by id) is not offered again: a release added twice prints twice.
 */
export function ItemPicker({ ids, pick, inKit, add }: { ids: string; pick: Pickable; inKit: ReadonlySet<string>; add: (item: KitItem) => void }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState({ release: '', attachment: '', contact: '', section: 'factSheet' as SectionKind });
  const releaseSelect = useRef<HTMLSelectElement>(null);
  const attachmentSelect = useRef<HTMLSelectElement>(null);
  const contactSelect = useRef<HTMLSelectElement>(null);
  // Two files of the same name (two cameras' "photo.jpg") are offered with what tells them apart.
  const twins = sharedNames(pick.attachments);
  const size = (n: number) => formatBytes(n, formatLocale(i18n.language));
  // An add button is disabled once its drop-down is back at "Choose…", which would drop focus to
  // the page: it goes back to the drop-down instead, ready for the next item.
  const added = (item: KitItem, reset: 'release' | 'attachment' | 'contact', select: RefObject<HTMLSelectElement | null>) => {
    add(item);
    setChoice((c) => ({ ...c, [reset]: '' }));
    select.current?.focus();
  };
  return (
      <section className="panel" aria-labelledby={`${ids}-add`}>
        <h2 id={`${ids}-add`}>{t('kitBuilder.add')}</h2>
        <div className="kit-add">
          <label htmlFor={`${ids}-add-release`}>{t('kitBuilder.release')}</label>
          <select ref={releaseSelect} id={`${ids}-add-release`} value={choice.release} onChange={(e) => setChoice((c) => ({ ...c, release: e.target.value }))}>
            <option value="">{t('kitBuilder.choose')}</option>
            {pick.releases.filter((r) => canAddRelease(r) && !inKit.has(r.id)).map((r) => (
              <option key={r.id} value={r.id}>
                {`${r.headline || t('common.untitled')} (${languageName(r.language, i18n.language)})`}
              </option>
            ))}
          </select>
          <button type="button" disabled={!choice.release} onClick={() => added({ kind: 'release', id: choice.release }, 'release', releaseSelect)}>
            {t('kitBuilder.addRelease')}
          </button>

          <label htmlFor={`${ids}-add-attachment`}>{t('kitBuilder.attachment')}</label>
          <select ref={attachmentSelect} id={`${ids}-add-attachment`} value={choice.attachment} onChange={(e) => setChoice((c) => ({ ...c, attachment: e.target.value }))}>
            <option value="">{t('kitBuilder.choose')}</option>
            {pick.attachments.filter((a) => !inKit.has(a.id)).map((a) => (
              <option key={a.id} value={a.id}>
                {twins.has(a.id) ? `${a.originalName} — ${attachmentDetailText(attachmentDetail(a, size))}` : a.originalName}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!choice.attachment}
            onClick={() => added({ kind: 'attachment', id: choice.attachment }, 'attachment', attachmentSelect)}
          >
            {t('kitBuilder.addAttachment')}
          </button>

          <label htmlFor={`${ids}-add-contact`}>{t('kitBuilder.contact')}</label>
          <select ref={contactSelect} id={`${ids}-add-contact`} value={choice.contact} onChange={(e) => setChoice((c) => ({ ...c, contact: e.target.value }))}>
            <option value="">{t('kitBuilder.choose')}</option>
            {pick.contacts.filter((c) => !inKit.has(c.id)).map((c) => (
              <option key={c.id} value={c.id}>
                {c.organisation ? `${c.name} (${c.organisation})` : c.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!choice.contact} onClick={() => added({ kind: 'contact', id: choice.contact }, 'contact', contactSelect)}>
            {t('kitBuilder.addContact')}
          </button>

          <label htmlFor={`${ids}-add-section`}>{t('kitBuilder.sectionKind')}</label>
          <select
            id={`${ids}-add-section`}
            value={choice.section}
            onChange={(e) => {
              const section = SECTION_KINDS.find((k) => k === e.target.value) ?? 'text';
              setChoice((c) => ({ ...c, section }));
            }}
          >
            {SECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kitBuilder.section.${k}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => add({ kind: 'section', sectionKind: choice.section, title: t(`kitBuilder.section.${choice.section}`), body: emptyRichText() })}
          >
            {t('kitBuilder.addSection')}
          </button>
        </div>
        {pick.contacts.length === 0 && <p className="hint">{t('kitBuilder.noSpokespeople')}</p>}
      </section>
  );
}

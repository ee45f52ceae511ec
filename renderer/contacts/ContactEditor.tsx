import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOutdated } from '../../electron/shared/contacts/outdated';
import { callingCode } from '../../electron/shared/contacts/phone';
import { CONTACT_KINDS, type ContactFieldsT } from '../../electron/shared/documents';
import { href } from '../app/router';
import { todayIsoDate } from '../i18n/dates';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { ListEditor } from '../ui/ListEditor';
import { EditorHead, EditorSave } from '../ui/EditorFrame';
import { countryName } from '../ui/languages';
import { useCall } from '../ui/useCall';
import { useOffices } from '../ui/useOffices';
import { CountriesField, LanguagesField } from './AudienceFields';
import { BeatChoices } from './BeatChoices';
import { ContactPhoto } from './ContactPhoto';
import { ContactRecord } from './ContactRecord';
import { DataProtectionFields, NO_DATA_PROTECTION } from './DataProtectionFields';
import { OutletPicker } from './OutletPicker';
import { PrivateNote } from './PrivateNote';
import { useOffice } from './useOffice';
import { SocialHandles } from './SocialHandles';
import { TypedEntries } from './TypedEntries';
import { OfficeField, SelectField } from '../ui/SelectField';
import { useDocEditor } from '../ui/useDocEditor';
import { NewerNotice } from '../ui/NewerDocument';
import { DocHistory } from '../ui/DocHistory';

/** Every field the editor shows; the outlet history is kept by the core, shown but not sent. */
type ContactForm = Omit<ContactFieldsT, 'photo' | 'outletHistory'> &
  Required<Pick<ContactFieldsT, 'tags' | 'regions' | 'lists' | 'socialHandles' | 'dataProtection'>>;

const EMAIL_TYPES = ['work', 'personal', 'other'] as const;
const PHONE_TYPES = ['work', 'mobile', 'fax', 'other'] as const;

const EMPTY: ContactForm = {
  office: null,
  kind: 'journalist',
  name: '',
  role: null,
  organisation: null,
  outlet: null,
  beats: [],
  languages: [],
  countries: [],
  emails: [],
  phones: [],
  notes: null,
  tags: [],
  regions: [],
  lists: [],
  socialHandles: [],
  dataProtection: NO_DATA_PROTECTION,
};

const blankToNull = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());

function toFields(f: ContactForm): ContactForm {
  return {
    ...f,
    name: f.name.trim(),
    role: blankToNull(f.role),
    organisation: blankToNull(f.organisation),
    notes: blankToNull(f.notes),
    // Rows left blank are not contact details.
    emails: f.emails.filter((e) => e.address.trim() !== '').map((e) => ({ ...e, address: e.address.trim() })),
    phones: f.phones.filter((p) => p.number.trim() !== '').map((p) => ({ ...p, number: p.number.trim() })),
    socialHandles: f.socialHandles.filter((h) => h.handle.trim() !== '' && h.network.trim() !== ''),
  };
}

/** A spokesperson or journalist: create or edit, saved with the Save button. */
export function ContactEditor({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const offices = useOffices();
  const uid = useId();
  // A merge on the page changes the contact and its private note: both are read again.
  const [merges, setMerges] = useState(0);
  const { doc, form, rev, loadError, saveError, saved, meanwhile, busy, set, save, reload, newerVersion, unsaved, created } = useDocEditor({
    id,
    blank: EMPTY,
    load: (client, id) => client.call('contact.get', { id }),
    toForm: (d): ContactForm => ({
      office: d.office ?? null,
      kind: d.kind,
      name: d.name,
      role: d.role ?? null,
      organisation: d.organisation ?? null,
      outlet: d.outlet ?? null,
      beats: d.beats ?? [],
      languages: d.languages ?? [],
      countries: d.countries ?? [],
      emails: (d.emails ?? []).map((e) => ({ ...e, visibility: e.visibility ?? 'public' })),
      phones: (d.phones ?? []).map((p) => ({ ...p, visibility: p.visibility ?? 'public' })),
      notes: d.notes ?? null,
      tags: d.tags ?? [],
      regions: d.regions ?? [],
      lists: d.lists ?? [],
      socialHandles: d.socialHandles ?? [],
      dataProtection: { ...NO_DATA_PROTECTION, ...d.dataProtection },
    }),
    fieldsOf: toFields,
    create: (client, fields) => client.call('contact.create', fields),
    update: (client, target, fields) => client.call('contact.update', { ...target, fields }),
    hrefOf: href.contact,
    // The core stores a phone typed without its country code in E.164: the form shows it so.
    reloadAfterSave: true,
  });

  const officeId = form?.office ?? null;
  const officeDoc = useOffice(officeId);
  const facets = useCall('contact.facets', {}, 'facets');
  // The person's day, not the UTC one: "Verified today" near midnight writes the date on their calendar.
  const today = todayIsoDate();

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!form) return <Loading />;

  // The chosen office's beats; with no office, every office's.
  const offeredBeats = officeDoc ? (officeDoc.beats ?? []) : facets.status === 'ok' ? facets.value.officeBeats : [];
  const code = officeDoc?.country ? callingCode(officeDoc.country) : null;
  const phonesHint = officeDoc?.country && code ? t('contactFields.phonesHint', { code: `+${code}`, country: countryName(officeDoc.country, i18n.language) }) : t('contactFields.phonesHintNoCountry');
  const outdated = doc !== null && isOutdated(form.dataProtection.lastVerified ?? doc.updatedAt, officeDoc?.outdatedAfterMonths, today);

  return (
    <div className="screen editor-screen">
      <EditorHead back={href.contacts()} backLabel={t('nav.contacts')} isNew={!id} name={form.name} newTitle={t('contacts.new')} />
      <NewerNotice version={newerVersion} />
      {doc?.photo && <ContactPhoto id={doc.photo} name={doc.name} />}
      <form className="contact-form" onSubmit={(e) => void save(e)} aria-label={t('contacts.editorLabel')}>
        <fieldset className="form-lock" disabled={newerVersion !== null}>
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-name`}>{t('contacts.name')}</label>
            <input id={`${uid}-name`} dir="auto" required value={form.name} onChange={(e) => set({ name: e.target.value })} />
          </div>
          <SelectField
            id={`${uid}-kind`}
            label={t('contacts.kindLabel')}
            value={form.kind}
            choices={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))}
            onChange={(kind) => set({ kind: kind as ContactForm['kind'] })}
          />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-role`}>{t('contacts.role')}</label>
            <input id={`${uid}-role`} dir="auto" value={form.role ?? ''} onChange={(e) => set({ role: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-org`}>{t('contacts.organisation')}</label>
            <input id={`${uid}-org`} dir="auto" value={form.organisation ?? ''} onChange={(e) => set({ organisation: e.target.value })} />
          </div>
          <OfficeField id={`${uid}-office`} label={t('releases.office')} office={form.office} offices={offices} none={t('common.none')} onChange={(office) => set({ office })} />
        </div>
        <OutletPicker id={`${uid}-outlet`} value={form.outlet} contactId={id} saved={saved} onChange={(outlet) => set({ outlet })} />
        <BeatChoices offered={offeredBeats} values={form.beats} onChange={(beats) => set({ beats })} />
        <ListEditor label={t('contactFields.tags')} hint={t('contactFields.tagsHint')} values={form.tags} onChange={(tags) => set({ tags })} />
        <ListEditor label={t('contactFields.regions')} values={form.regions} onChange={(regions) => set({ regions })} />
        <ListEditor label={t('contactFields.lists')} hint={t('contactFields.listsHint')} values={form.lists} onChange={(lists) => set({ lists })} />
        <LanguagesField values={form.languages} onChange={(languages) => set({ languages })} />
        <CountriesField values={form.countries} onChange={(countries) => set({ countries })} />
        <TypedEntries
          legend={t('contacts.emails')}
          idPrefix={`${uid}-em`}
          entries={form.emails.map((e) => ({ type: e.type, value: e.address, visibility: e.visibility }))}
          types={EMAIL_TYPES}
          typeName={(k) => t(`contacts.type.${k}`)}
          inputType="email"
          labels={{
            type: (n) => t('contacts.emailType', { n }),
            value: (n) => t('contacts.emailAddress', { n }),
            visibility: (n) => t('contacts.emailVisibility', { n }),
            remove: (n) => t('contacts.removeEmail', { n }),
            add: t('contacts.addEmail'),
          }}
          blank={{ type: 'work', value: '', visibility: 'public' }}
          visibilityName={(v) => t(`contacts.visibility.${v}`)}
          onChange={(rows) => set({ emails: rows.map((r) => ({ type: r.type, address: r.value, visibility: r.visibility })) })}
        />
        <TypedEntries
          legend={t('contacts.phones')}
          idPrefix={`${uid}-ph`}
          entries={form.phones.map((p) => ({ type: p.type, value: p.number, visibility: p.visibility }))}
          types={PHONE_TYPES}
          typeName={(k) => t(`contacts.type.${k}`)}
          inputType="tel"
          labels={{
            type: (n) => t('contacts.phoneType', { n }),
            value: (n) => t('contacts.phoneNumber', { n }),
            visibility: (n) => t('contacts.phoneVisibility', { n }),
            remove: (n) => t('contacts.removePhone', { n }),
            add: t('contacts.addPhone'),
          }}
          blank={{ type: 'mobile', value: '', visibility: 'public' }}
          visibilityName={(v) => t(`contacts.visibility.${v}`)}
          onChange={(rows) => set({ phones: rows.map((r) => ({ type: r.type, number: r.value, visibility: r.visibility })) })}
        />
        <p className="hint">{phonesHint}</p>
        <SocialHandles idPrefix={`${uid}-soc`} values={form.socialHandles} onChange={(socialHandles) => set({ socialHandles })} />
        <div className="field">
          <label htmlFor={`${uid}-notes`}>{t('contacts.notes')}</label>
          <textarea id={`${uid}-notes`} dir="auto" rows={4} value={form.notes ?? ''} onChange={(e) => set({ notes: e.target.value })} />
        </div>
        <DataProtectionFields idPrefix={`${uid}-dp`} value={form.dataProtection} outdated={outdated} today={today} onChange={(dataProtection) => set({ dataProtection })} />
        </fieldset>
        {newerVersion === null && <EditorSave isNew={!id} createLabel={t('contacts.create')} busy={busy} saved={saved} meanwhile={meanwhile} saveError={saveError} created={created} />}
      </form>
      {id && <PrivateNote key={`${id}-${merges}`} id={id} />}
      {id && (
        <ContactRecord
          key={id}
          id={id}
          rev={doc?.rev}
          onMerged={() => {
            reload();
            setMerges((n) => n + 1);
          }}
        />
      )}
      {id && <DocHistory type="contact" id={id} currentRev={rev} onRestored={reload} readOnly={newerVersion !== null} ask={{ unsaved }} />}
    </div>
  );
}

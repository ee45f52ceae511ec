import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLOURS, isValidTimeZone, type OfficeFieldsT } from '../../electron/shared/documents';
import { href } from '../app/router';
import { Thumbnail } from '../attachments/Thumbnail';
import { OfficeMediaFields } from '../contacts/OfficeMediaFields';
import { ZoneInput } from '../releases/ZoneInput';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { directionOf } from '../../electron/shared/direction';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { languageName } from '../ui/languages';
import { SavedNote } from '../ui/SavedNote';
import { SelectField } from '../ui/SelectField';
import { useCall } from '../ui/useCall';
import { useDocEditor } from '../ui/useDocEditor';

/** The office's fields, with the time zone as typed (checked before it is saved). */
type OfficeForm = Omit<OfficeFieldsT, 'timeZone'> & { zone: string };

const EMPTY: OfficeForm = {
  name: '',
  logo: null,
  colours: { ...DEFAULT_COLOURS },
  boilerplate: {},
  zone: '',
  office: null,
};

/** An office: its name, colours, time zone, boilerplate in each working language and logo. */
export function OfficeEditor({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const { form, loadError, saveError, saved, busy, set, save } = useDocEditor({
    id,
    blank: EMPTY,
    load: (client, id) => client.call('office.get', { id }),
    toForm: (d): OfficeForm => ({ name: d.name, logo: d.logo ?? null, colours: d.colours, boilerplate: d.boilerplate ?? {}, zone: d.timeZone ?? '', digits: d.digits, office: d.office ?? null, country: d.country ?? null, beats: d.beats ?? [], outdatedAfterMonths: d.outdatedAfterMonths }),
    write: (client, { zone, ...form }, target) => {
      const boilerplate = Object.fromEntries(Object.entries(form.boilerplate).filter(([, v]) => v.trim() !== ''));
      const fields = { ...form, name: form.name.trim(), timeZone: zone.trim() || null, boilerplate };
      return target ? client.call('office.update', { ...target, fields }) : client.call('office.create', fields);
    },
    hrefOf: href.office,
  });
  const attachments = useCall('attachment.list', { limit: 500 }, 'logos');
  const images = attachments.status === 'ok' ? attachments.value.items.filter((a) => a.mediaType.startsWith('image/')) : [];

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!form) return <Loading />;

  const { zone } = form;
  const zoneProblem = zone.trim() !== '' && !isValidTimeZone(zone.trim());
  const logo = images.find((a) => a.id === form.logo) ?? null;
  const submit = (e: FormEvent) => {
    if (zoneProblem) e.preventDefault();
    else void save(e);
  };

  return (
    <div className="screen editor-screen">
      <p className="crumbs">
        <a href={href.settings()}>{t('nav.settings')}</a>
      </p>
      <h1>{id ? form.name || t('common.untitled') : t('settings.newOffice')}</h1>
      <form onSubmit={submit} aria-label={t('settings.officeLabel')}>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('settings.officeName')}</label>
          <input id={`${uid}-name`} dir="auto" required value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-primary`}>{t('settings.primaryColour')}</label>
            <input id={`${uid}-primary`} type="color" value={form.colours.primary} onChange={(e) => set({ colours: { ...form.colours, primary: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-accent`}>{t('settings.accentColour')}</label>
            <input id={`${uid}-accent`} type="color" value={form.colours.accent} onChange={(e) => set({ colours: { ...form.colours, accent: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-zone`}>{t('settings.timeZone')}</label>
            <ZoneInput
              id={`${uid}-zone`}
              value={zone}
              invalid={zoneProblem}
              describedBy={zoneProblem ? `${uid}-zone-problem` : undefined}
              onChange={(next) => set({ zone: next })}
            />
            {zoneProblem && (
              <p className="error" id={`${uid}-zone-problem`} role="alert">
                {t('embargo.invalidZone', { zone })}
              </p>
            )}
          </div>
        </div>
        <SelectField
          id={`${uid}-digits`}
          label={t('settings.digits')}
          value={form.digits ?? 'latn'}
          choices={[
            { value: 'latn', label: t('settings.digitsWestern') },
            { value: 'arab', label: t('settings.digitsArabic') },
          ]}
          onChange={(d) => set({ digits: d === 'arab' ? 'arab' : 'latn' })}
        />
        <fieldset>
          <legend>{t('settings.logo')}</legend>
          {images.length === 0 ? (
            <p className="muted">
              {t('settings.noImages')} <a href={href.attachments()}>{t('nav.attachments')}</a>
            </p>
          ) : (
            <SelectField
              id={`${uid}-logo`}
              label={t('settings.logoImage')}
              value={form.logo ?? ''}
              choices={images.map((a) => ({ value: a.id, label: a.originalName }))}
              none={t('common.none')}
              onChange={(logo) => set({ logo: logo || null })}
            />
          )}
          {logo && <Thumbnail id={logo.id} hasThumbnail={logo.hasThumbnail} alt={t('settings.logoAlt', { name: form.name })} mediaType={logo.mediaType} version={logo.sha256} />}
        </fieldset>
        <OfficeMediaFields value={form} onChange={(media) => set(media)} />
        <fieldset>
          <legend>{t('settings.boilerplate')}</legend>
          {WORKING_LANGUAGES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`${uid}-bp-${l}`}>{languageName(l, i18n.language)}</label>
              <textarea
                id={`${uid}-bp-${l}`}
                lang={l}
                dir={directionOf(l)}
                rows={4}
                value={form.boilerplate[l] ?? ''}
                onChange={(e) => set({ boilerplate: { ...form.boilerplate, [l]: e.target.value } })}
              />
            </div>
          ))}
        </fieldset>
        {saveError && <ErrorMessage error={saveError} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || zoneProblem}>
            {id ? t('common.save') : t('settings.createOffice')}
          </button>
          <SavedNote saved={saved} />
        </div>
      </form>
    </div>
  );
}

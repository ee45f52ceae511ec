import { useId, useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLOURS, type OfficeFieldsT } from '../../electron/shared/documents';
import { utcOffsetName, zoneForTyped, zoneName } from '../../electron/shared/zone-names';
import { isUiLanguageCode } from '../../electron/shared/ui/languages';
import { FOOTER_MAX, KIT_FONT_FAMILIES, type KitFontFamily } from '../../electron/shared/offices/look';
import { href } from '../app/router';
import { Thumbnail } from '../attachments/Thumbnail';
import { ContactPicker } from '../releases/ContactPicker';
import { OfficeMediaFields } from '../contacts/OfficeMediaFields';
import { ZoneInput } from '../releases/ZoneInput';
import { allTimeZones } from '../releases/embargo';
import { EditorHead, EditorSave } from '../ui/EditorFrame';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { directionOf } from '../../electron/shared/direction';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { languageName } from '../ui/languages';
import { SelectField } from '../ui/SelectField';
import { useCall } from '../ui/useCall';
import { useDocEditor } from '../ui/useDocEditor';
import { NewerNotice } from '../ui/NewerDocument';
import { DocHistory } from '../ui/DocHistory';

/** The office's fields, with the time zone as typed (read as a zone, and checked, before it is saved). */
type OfficeForm = Omit<OfficeFieldsT, 'timeZone'> & { zone: string };

const EMPTY: OfficeForm = {
  name: '',
  logo: null,
  colours: { ...DEFAULT_COLOURS },
  boilerplate: {},
  zone: '',
  office: null,
};

/** A kit font, or the kit's own when none is chosen (the select's empty choice). */
const fontChoices = KIT_FONT_FAMILIES.map((f) => ({ value: f, label: f }));
const asFont = (v: string): KitFontFamily | null => KIT_FONT_FAMILIES.find((f) => f === v) ?? null;

/** An office: its name, its kits' look (colours, fonts, logo, footer line, default contacts), time zone and boilerplate in each working language. */
export function OfficeEditor({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const { form, rev, loadError, saveError, saved, meanwhile, busy, set, save, reload, newerVersion, unsaved, created } = useDocEditor({
    id,
    blank: EMPTY,
    load: (client, id) => client.call('office.get', { id }),
    toForm: (d): OfficeForm => ({
      name: d.name,
      logo: d.logo ?? null,
      colours: d.colours,
      boilerplate: d.boilerplate ?? {},
      zone: d.timeZone ?? '',
      digits: d.digits,
      office: d.office ?? null,
      country: d.country ?? null,
      beats: d.beats ?? [],
      outdatedAfterMonths: d.outdatedAfterMonths,
      fonts: d.fonts ?? null,
      footer: d.footer ?? '',
      contacts: d.contacts ?? [],
    }),
    fieldsOf: ({ zone, ...form }) => {
      const boilerplate = Object.fromEntries(Object.entries(form.boilerplate).filter(([, v]) => v.trim() !== ''));
      // Saved as the zone's own name ("Nairobi" typed, Africa/Nairobi kept); anything else was refused before saving.
      const typed = zone.trim();
      return { ...form, name: form.name.trim(), timeZone: typed === '' ? null : (zoneForTyped(typed, allTimeZones()) ?? typed), boilerplate, footer: (form.footer ?? '').trim() };
    },
    create: (client, fields) => client.call('office.create', fields),
    update: (client, target, fields) => client.call('office.update', { ...target, fields }),
    hrefOf: href.office,
  });
  const zoneList = useMemo(() => allTimeZones(), []);
  const attachments = useCall('attachment.list', { limit: 500 }, 'logos');
  const images = attachments.status === 'ok' ? attachments.value.items.filter((a) => a.mediaType.startsWith('image/')) : [];

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!form) return <Loading />;

  const { zone } = form;
  const meant = zone.trim() === '' ? null : zoneForTyped(zone, zoneList);
  const zoneProblem = zone.trim() !== '' && meant === null;
  const uiLanguage = isUiLanguageCode(i18n.language) ? i18n.language : 'en';
  const logo = images.find((a) => a.id === form.logo) ?? null;
  const submit = (e: FormEvent) => {
    if (zoneProblem) e.preventDefault();
    else void save(e);
  };

  return (
    <div className="screen editor-screen">
      <EditorHead back={href.settings()} backLabel={t('nav.settings')} isNew={!id} name={form.name} newTitle={t('settings.newOffice')} />
      <NewerNotice version={newerVersion} />
      <form className="office-form" onSubmit={submit} aria-label={t('settings.officeLabel')}>
        <fieldset className="form-lock" disabled={newerVersion !== null}>
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
              describedBy={`${uid}-zone-hint ${zoneProblem ? `${uid}-zone-problem` : meant ? `${uid}-zone-meant` : ''}`.trim()}
              onChange={(next) => set({ zone: next })}
              language={uiLanguage}
            />
            <p className="hint" id={`${uid}-zone-hint`}>
              {t('settings.timeZoneHint')}
            </p>
            {meant && (
              <p className="hint" id={`${uid}-zone-meant`}>
                {t('settings.timeZoneMeant', { place: zoneName(meant, uiLanguage)?.name ?? 'UTC' })}{' '}
                {/* A zone's name and its offset read left to right in every language (UTC+3, not 3+UTC). */}
                <bdi dir="ltr">
                  {meant} · {utcOffsetName(meant, new Date()) ?? 'UTC'}
                </bdi>
              </p>
            )}
            {zoneProblem && (
              <p className="error" id={`${uid}-zone-problem`} role="alert">
                {t('settings.invalidZone', { zone: zone.trim() })}
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
          <legend>{t('settings.kitFonts')}</legend>
          <p className="hint">{t('settings.kitFontsHint')}</p>
          <div className="row">
            <SelectField
              id={`${uid}-font-headings`}
              label={t('settings.fontHeadings')}
              value={form.fonts?.headings ?? ''}
              none={t('settings.fontDefault')}
              choices={fontChoices}
              onChange={(v) => {
                const headings = asFont(v);
                set({ fonts: headings ? { headings, body: form.fonts?.body ?? headings } : null });
              }}
            />
            <SelectField
              id={`${uid}-font-body`}
              label={t('settings.fontBody')}
              value={form.fonts?.body ?? ''}
              none={t('settings.fontDefault')}
              choices={fontChoices}
              onChange={(v) => {
                const body = asFont(v);
                set({ fonts: body ? { body, headings: form.fonts?.headings ?? body } : null });
              }}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-footer`}>{t('settings.footer')}</label>
          <input
            id={`${uid}-footer`}
            dir="auto"
            maxLength={FOOTER_MAX}
            value={form.footer ?? ''}
            aria-describedby={`${uid}-footer-hint`}
            onChange={(e) => set({ footer: e.target.value })}
          />
          <p className="hint" id={`${uid}-footer-hint`}>
            {t('settings.footerHint')}
          </p>
        </div>
        <ContactPicker
          value={form.contacts ?? []}
          onChange={(contacts) => set({ contacts })}
          kind="spokesperson"
          legend={t('settings.defaultContacts')}
          empty={t('settings.noDefaultContacts')}
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
        </fieldset>
        {newerVersion === null && <EditorSave isNew={!id} createLabel={t('settings.createOffice')} busy={busy} blocked={zoneProblem} saved={saved} meanwhile={meanwhile} saveError={saveError} created={created} />}
      </form>
      {id && <DocHistory type="office" id={id} currentRev={rev} onRestored={reload} readOnly={newerVersion !== null} ask={{ unsaved }} />}
    </div>
  );
}

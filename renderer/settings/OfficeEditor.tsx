import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidTimeZone, type OfficeFieldsT } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { href, navigate } from '../app/router';
import { Thumbnail } from '../attachments/Thumbnail';
import { useClient } from '../client/context';
import { allTimeZones, zonePlace } from '../releases/embargo';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { isRtlLanguage, languageName, WORKING_LANGUAGES } from '../ui/languages';
import { useCall } from '../ui/useCall';

const EMPTY: OfficeFieldsT = {
  name: '',
  logo: null,
  colours: { primary: '#1f3a5f', accent: '#c8102e' },
  boilerplate: {},
  timeZone: null,
  office: null,
};

/** An office: its name, colours, time zone, boilerplate in each working language and logo. */
export function OfficeEditor({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const uid = useId();
  const [form, setForm] = useState<OfficeFieldsT | null>(id ? null : EMPTY);
  const [rev, setRev] = useState<string | null>(null);
  const [zone, setZone] = useState('');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => allTimeZones(), []);
  const attachments = useCall('attachment.list', { limit: 500 }, 'logos');
  const images = attachments.status === 'ok' ? attachments.value.items.filter((a) => a.mediaType.startsWith('image/')) : [];

  useEffect(() => {
    if (!id) return;
    let live = true;
    void client.call('office.get', { id }).then((res) => {
      if (!live) return;
      if (!res.ok) return setLoadError(res.error);
      const d = res.value;
      setRev(d.rev);
      setZone(d.timeZone ?? '');
      setForm({ name: d.name, logo: d.logo ?? null, colours: d.colours, boilerplate: d.boilerplate ?? {}, timeZone: d.timeZone ?? null, office: d.office ?? null });
    });
    return () => {
      live = false;
    };
  }, [client, id]);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!form) return <Loading />;

  const set = (patch: Partial<OfficeFieldsT>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const zoneProblem = zone.trim() !== '' && !isValidTimeZone(zone.trim());
  const logo = images.find((a) => a.id === form.logo) ?? null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (zoneProblem) return;
    setBusy(true);
    setSaveError(null);
    const boilerplate = Object.fromEntries(Object.entries(form.boilerplate).filter(([, v]) => v.trim() !== ''));
    const fields = { ...form, name: form.name.trim(), timeZone: zone.trim() || null, boilerplate };
    const res = id ? await client.call('office.update', { id, rev, fields }) : await client.call('office.create', fields);
    setBusy(false);
    if (!res.ok) return setSaveError(res.error);
    setRev(res.value.rev);
    setSaved(true);
    if (!id) navigate(href.office(res.value.id));
  };

  return (
    <div className="screen editor-screen">
      <p className="crumbs">
        <a href={href.settings()}>{t('nav.settings')}</a>
      </p>
      <h1>{id ? form.name || t('common.untitled') : t('settings.newOffice')}</h1>
      <form onSubmit={(e) => void save(e)} aria-label={t('settings.officeLabel')}>
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
            <input
              id={`${uid}-zone`}
              list={`${uid}-zones`}
              value={zone}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={zoneProblem || undefined}
              aria-describedby={zoneProblem ? `${uid}-zone-problem` : undefined}
              onChange={(e) => {
                setSaved(false);
                setZone(e.target.value);
              }}
            />
            <datalist id={`${uid}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {zonePlace(z)}
                </option>
              ))}
            </datalist>
            {zoneProblem && (
              <p className="error" id={`${uid}-zone-problem`} role="alert">
                {t('embargo.invalidZone', { zone })}
              </p>
            )}
          </div>
        </div>
        <fieldset>
          <legend>{t('settings.logo')}</legend>
          {images.length === 0 ? (
            <p className="muted">
              {t('settings.noImages')} <a href={href.attachments()}>{t('nav.attachments')}</a>
            </p>
          ) : (
            <div className="field">
              <label htmlFor={`${uid}-logo`}>{t('settings.logoImage')}</label>
              <select id={`${uid}-logo`} value={form.logo ?? ''} onChange={(e) => set({ logo: e.target.value || null })}>
                <option value="">{t('common.none')}</option>
                {images.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.originalName}
                  </option>
                ))}
              </select>
            </div>
          )}
          {logo && <Thumbnail id={logo.id} hasThumbnail={logo.hasThumbnail} alt={t('settings.logoAlt', { name: form.name })} mediaType={logo.mediaType} version={logo.sha256} />}
        </fieldset>
        <fieldset>
          <legend>{t('settings.boilerplate')}</legend>
          {WORKING_LANGUAGES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`${uid}-bp-${l}`}>{languageName(l, i18n.language)}</label>
              <textarea
                id={`${uid}-bp-${l}`}
                lang={l}
                dir={isRtlLanguage(l) ? 'rtl' : 'ltr'}
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
          {saved && (
            <span className="save-state save-saved" role="status">
              {t('save.saved')}
            </span>
          )}
        </div>
      </form>
    </div>
  );
}

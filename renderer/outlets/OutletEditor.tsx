import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTLET_KINDS, type OutletFieldsT } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { leaveDiscarding } from '../app/leave-guard';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { CountriesField, LanguagesField } from '../contacts/AudienceFields';
import { EditorHead, EditorSave } from '../ui/EditorFrame';
import { SelectField } from '../ui/SelectField';
import { useCall } from '../ui/useCall';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import { useDocEditor } from '../ui/useDocEditor';
import { NewerNotice } from '../ui/NewerDocument';
import { DocHistory } from '../ui/DocHistory';
import { noteOutletDeleted } from './deleted-notice';

type OutletForm = Pick<OutletFieldsT, 'name' | 'kind' | 'countries' | 'languages'> & { website: string };

const EMPTY: OutletForm = { name: '', kind: 'newspaper', countries: [], languages: [], website: '' };

/**
 * Who names the outlet; it can be deleted only when no one does, and only once the person has
 * said yes: a deleted outlet has no trash to come back from.
 */
function OutletUse({ id, name, onDeleted }: { id: string; name: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const refs = useCall('outlet.references', { id }, id);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const focus = useConfirmFocus(confirming ? 'delete' : null, () => setConfirming(false));

  async function remove() {
    setError(null);
    const r = await client.call('outlet.delete', { id, rev: null });
    if (!r.ok) {
      setConfirming(false);
      return setError(r.error);
    }
    // The outlets list says what went: this page closes with the outlet.
    noteOutletDeleted(name);
    onDeleted();
  }

  return (
    <section aria-labelledby="outlet-use-h">
      <h2 id="outlet-use-h">{t('outlets.namedBy')}</h2>
      {refs.status === 'loading' && <Loading />}
      {refs.status === 'error' && <ErrorMessage error={refs.error} />}
      {refs.status === 'ok' &&
        (refs.value.contacts.length === 0 ? (
          <>
            <p className="muted">{t('outlets.namedByNoOne')}</p>
            {confirming ? (
              <ConfirmQuestion question={t('outlets.deleteConfirm', { name })} confirmLabel={t('outlets.deleteForGood')} onConfirm={remove} focus={focus} />
            ) : (
              <button ref={focus.asker('delete')} type="button" className="button" onClick={() => setConfirming(true)}>
                {t('outlets.delete')}
              </button>
            )}
          </>
        ) : (
          <>
            <ul>
              {refs.value.contacts.map((c) => (
                <li key={c.id}>
                  <a href={href.contact(c.id)} dir="auto">
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
            <p className="muted">{t('outlets.cannotDelete', { count: refs.value.contacts.length })}</p>
          </>
        ))}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

/** An outlet: name, kind, countries, languages and website; create, edit, delete. */
export function OutletEditor({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const uid = useId();
  const { doc, form, rev, loadError, saveError, saved, meanwhile, busy, set, save, reload, newerVersion, unsaved, created } = useDocEditor({
    id,
    blank: EMPTY,
    load: (client, id) => client.call('outlet.get', { id }),
    toForm: (d): OutletForm => ({ name: d.name, kind: d.kind, countries: d.countries ?? [], languages: d.languages ?? [], website: d.website ?? '' }),
    fieldsOf: (form) => ({ ...form, name: form.name.trim(), website: form.website.trim() || null }),
    create: (client, fields) => client.call('outlet.create', fields),
    update: (client, target, fields) => client.call('outlet.update', { ...target, fields }),
    hrefOf: href.outlet,
  });

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!form) return <Loading />;

  return (
    <div className="screen editor-screen">
      <EditorHead back={href.outlets()} backLabel={t('outlets.title')} isNew={!id} name={form.name} newTitle={t('outlets.new')} />
      <NewerNotice version={newerVersion} />
      <form onSubmit={(e) => void save(e)} aria-label={t('outlets.editorLabel')}>
        <fieldset className="form-lock" disabled={newerVersion !== null}>
        <div className="row">
          <div className="field">
            <label htmlFor={`${uid}-name`}>{t('outlets.name')}</label>
            <input id={`${uid}-name`} dir="auto" required value={form.name} onChange={(e) => set({ name: e.target.value })} />
          </div>
          <SelectField
            id={`${uid}-kind`}
            label={t('outlets.kindLabel')}
            value={form.kind}
            choices={OUTLET_KINDS.map((k) => ({ value: k, label: t(`outlets.kind.${k}`) }))}
            onChange={(kind) => set({ kind: kind as OutletForm['kind'] })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-web`}>{t('outlets.website')}</label>
          <input id={`${uid}-web`} type="url" dir="ltr" value={form.website} onChange={(e) => set({ website: e.target.value })} />
        </div>
        <CountriesField values={form.countries} onChange={(countries) => set({ countries })} />
        <LanguagesField values={form.languages} onChange={(languages) => set({ languages })} />
        </fieldset>
        {newerVersion === null && <EditorSave isNew={!id} createLabel={t('outlets.create')} busy={busy} saved={saved} meanwhile={meanwhile} saveError={saveError} created={created} />}
      </form>
      {id && <OutletUse id={id} name={form.name.trim() || doc?.name || ''} onDeleted={() => leaveDiscarding(href.outlets())} />}
      {id && <DocHistory type="outlet" id={id} currentRev={rev} onRestored={reload} readOnly={newerVersion !== null} ask={{ unsaved }} />}
    </div>
  );
}

import type { TFunction } from 'i18next';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../electron/shared/contract';
import { SyncSettingsSchema } from '../../electron/shared/sync/app-contract';
import type { ApiError } from '../../electron/shared/errors';
import { useUnsavedChanges } from '../app/leave-guard';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { useFocusBack } from '../ui/pageFocus';
import { useCall } from '../ui/useCall';
import { FilesPolicyField } from './FilesPolicyField';
import { addressWithoutAccount, passwordStaysWith } from '../../electron/shared/sync/server-address';
import { databaseInAddress, serverPart } from './serverAddress';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncStatus } from './useSyncStatus';

/** Where offices are created, as the person finds it: "Settings → Offices" (the arrow the other way in Arabic). */
function officesPlace(t: TFunction): string {
  return t('sync.officesPlace', { settings: t('nav.settings'), offices: t('settings.offices') });
}

/**
 * The offices to sync: those of the library, ticked in order (the first is home), and any typed
 * by id. A library with no office yet says where offices are created. `needed`: a server was
 * saved with none ticked, said here in the person's language rather than as the core's refusal.
 */
function OfficeChoice({
  chosen,
  onChange,
  syncedAt,
  needed,
  firstRef,
}: {
  chosen: string[];
  onChange: (offices: string[]) => void;
  syncedAt: string | null;
  needed: boolean;
  /** The first box to fill: the first office's tick, or the id field when the library has none. */
  firstRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  // Asked again after each sync: an office typed by its id arrives with it and is then shown by name.
  const offices = useCall('office.list', { limit: 500 }, `sync-offices-${syncedAt ?? ''}`);
  const [typed, setTyped] = useState('');
  const known = offices.status === 'ok' ? offices.value.items : [];
  const names = new Map(known.map((o) => [o.id, o.name]));
  const others = chosen.filter((id) => !names.has(id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));

  return (
    <fieldset className="field" aria-describedby={needed ? 'sync-offices-needed' : undefined}>
      <legend>{t('sync.offices')}</legend>
      <p className="hint">{t('sync.officesHint')}</p>
      {offices.status === 'loading' && <Loading />}
      {offices.status === 'error' && <ErrorMessage error={offices.error} />}
      {offices.status === 'ok' && known.length === 0 && (
        <p className="hint">
          {t('sync.noOfficesYet', { place: officesPlace(t) })} <a href={href.newOffice()}>{t('sync.createOffice')}</a>
        </p>
      )}
      {needed && (
        <p id="sync-offices-needed" className="field-error" role="alert">
          {t('sync.officesNeeded', { place: officesPlace(t) })}
        </p>
      )}
      <ul className="plain-list">
        {[...known.map((o) => ({ id: o.id, name: o.name })), ...others.map((id) => ({ id, name: id }))].map((o, i) => (
          <li key={o.id}>
            <label>
              <input ref={i === 0 ? firstRef : undefined} type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} /> {o.name}{' '}
              <code className="muted" dir="ltr">
                {o.id}
              </code>
            </label>
          </li>
        ))}
      </ul>
      {chosen.length > 0 && <p className="hint">{t('sync.home', { office: names.get(chosen[0]!) ?? chosen[0] })}</p>}
      <div className="inline-add">
        <label htmlFor="sync-office-id">{t('sync.officeId')}</label>
        <input id="sync-office-id" ref={known.length + others.length === 0 ? firstRef : undefined} dir="ltr" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button
          type="button"
          disabled={typed.trim() === ''}
          onClick={() => {
            toggle(typed.trim(), true);
            setTyped('');
          }}
        >
          {t('sync.addOffice')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Settings → Server: the sync server, the account and its password, which offices this library
 * syncs and how often; then the status, "Sync now" and "Pause". Sync runs by itself once set up.
 */
export function ServerSection() {
  const { t } = useTranslation();
  const client = useClient();
  const { status, error: statusError, set: setStatus } = useSyncStatus();
  const [form, setForm] = useState<SyncSettings | null>(null);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  // Said after "Forget the password", until a password is typed or the settings saved.
  const [forgotten, setForgotten] = useState(false);
  const [saving, setSaving] = useState(false);
  const saveButton = useFocusBack<HTMLButtonElement>(saving);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const serverRef = useRef<HTMLInputElement>(null);
  // Set by a Save refused for the address's scheme: from then on the field says how to write it until it is right.
  const [schemeAsked, setSchemeAsked] = useState(false);
  const [officesNeeded, setOfficesNeeded] = useState(false);
  const firstOffice = useRef<HTMLInputElement>(null);
  // The settings as loaded or last saved: leaving with other ones, or a password typed and not
  // saved, asks first.
  const savedForm = useRef<string | null>(null);
  // The server and account the known password is for (as last saved).
  const [savedAccount, setSavedAccount] = useState<{ server: string; user: string } | null>(null);
  // Set by a save with another server or account, which forgot the old one's password: said with "Saved".
  const [passwordDropped, setPasswordDropped] = useState(false);
  const unsaved = useRef({ form, password });
  unsaved.current = { form, password };
  useUnsavedChanges(() => unsaved.current.password !== '' || (unsaved.current.form !== null && JSON.stringify(unsaved.current.form) !== savedForm.current));

  useEffect(() => {
    void client.call('sync.settings', {}).then((res) => {
      if (res.ok) {
        savedForm.current = JSON.stringify(res.value);
        setSavedAccount({ server: res.value.server, user: res.value.user });
        setForm(res.value);
      } else setError(res.error);
    });
  }, [client]);

  // Asked for after a refusal: the field is emptied and takes the focus.
  const refused = status?.state === 'needs-password' && status.error?.code === 'SERVER_AUTH';
  // A layout effect: the refusal arrives as a status from the core, and the field has focus in
  // the commit that shows it.
  useLayoutEffect(() => {
    if (refused) passwordRef.current?.focus();
  }, [refused]);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!form) return;
    // Said at the field in the person's language, not left to the browser ("Please enter a URL.") or the core's English.
    if (!serverAddressWritten(form.server)) {
      setSchemeAsked(true);
      setSaved(false);
      serverRef.current?.focus();
      return;
    }
    // Said as soon as it is typed (below); Save stores nothing while the address holds an account.
    if (addressWithoutAccount(form.server) !== null) {
      setSaved(false);
      serverRef.current?.focus();
      return;
    }
    if (form.server.trim() !== '' && form.offices.length === 0) {
      setOfficesNeeded(true);
      setSaved(false);
      firstOffice.current?.focus();
      return;
    }
    setSaving(true);
    setSaved(false);
    setForgotten(false);
    setPasswordDropped(false);
    setError(null);
    const res = await client.call('sync.configure', form);
    let ok = res.ok;
    if (!res.ok) setError(res.error);
    else {
      savedForm.current = JSON.stringify(form);
      setSavedAccount({ server: form.server, user: form.user });
      setStatus(res.value);
      // The password went with the old server or account, and none was typed for the new one:
      // said with "Saved", and the cursor goes where it is typed.
      if (dropsPassword && password === '' && res.value.password === 'none' && form.user !== '') {
        setPasswordDropped(true);
        passwordRef.current?.focus();
      }
    }
    if (ok && password !== '') {
      const pw = await client.call('sync.password', { password, remember });
      ok = pw.ok;
      if (pw.ok) {
        setStatus(pw.value);
        setPassword('');
      } else setError(pw.error);
    }
    setSaving(false);
    setSaved(ok);
  };

  // Forgotten here and in the keychain; the field then takes the focus, for the person who forgets
  // it to give another (the button goes once nothing is known).
  const forgetPassword = async () => {
    setError(null);
    setSaved(false);
    const res = await client.call('sync.password', { password: null });
    if (!res.ok) return setError(res.error);
    setStatus(res.value);
    setForgotten(true);
    passwordRef.current?.focus();
  };

  const database = form ? databaseInAddress(form.server, form.prefix) : null;
  const schemeWrong = schemeAsked && form !== null && !serverAddressWritten(form.server);
  const withoutAccount = form ? addressWithoutAccount(form.server) : null;
  const described = [schemeWrong ? 'sync-server-scheme' : null, withoutAccount !== null ? 'sync-server-account' : null, database ? 'sync-server-database' : null].filter((x) => x !== null).join(' ');

  // A password is known for the saved server and account, and saving these settings would forget it (passwordStaysWith).
  const dropsPassword =
    form !== null && savedAccount !== null && status !== null && status.password !== 'none' && (form.server !== savedAccount.server || form.user !== savedAccount.user) && !passwordStaysWith(savedAccount, form);

  const update = (change: Partial<SyncSettings>) => {
    setSaved(false);
    if (change.offices?.length || change.server === '') setOfficesNeeded(false);
    setForm((f) => (f ? { ...f, ...change } : f));
  };

  return (
    <section className="panel" aria-labelledby="set-server">
      <h2 id="set-server" tabIndex={-1}>
        {t('sync.server')}
      </h2>
      <p className="muted">{t('sync.serverHint')}</p>
      {!form && !error && <Loading />}
      {form && (
        <form noValidate onSubmit={(ev) => void save(ev)}>
          <div className="field">
            <label htmlFor="sync-server">{t('sync.remote')}</label>
            <input
              id="sync-server"
              ref={serverRef}
              type="url"
              dir="ltr"
              value={form.server}
              onChange={(e) => update({ server: e.target.value })}
              placeholder={t('sync.remotePlaceholder')}
              aria-invalid={schemeWrong || withoutAccount !== null || undefined}
              aria-describedby={described || undefined}
            />
            {schemeWrong && (
              <p id="sync-server-scheme" className="hint error">
                {t('sync.addressNotHttp', { https: 'https://', http: 'http://', example: t('sync.remotePlaceholder') })}
              </p>
            )}
            {withoutAccount !== null && (
              <p id="sync-server-account" className="hint error" role="alert">
                {t('sync.addressHasAccount', { server: withoutAccount })}
              </p>
            )}
            {database && (
              <p id="sync-server-database" className="hint error">
                {t('sync.addressIsDatabase', { database, server: serverPart(form.server, database) })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="sync-user">{t('sync.user')}</label>
            <input id="sync-user" dir="ltr" autoComplete="username" value={form.user} onChange={(e) => update({ user: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="sync-password">{t('sync.password')}</label>
            <input
              id="sync-password"
              ref={passwordRef}
              type="password"
              dir="ltr"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setForgotten(false);
                setPasswordDropped(false);
              }}
              placeholder={status?.password !== 'none' && status && !dropsPassword ? t('sync.passwordKnown') : undefined}
              aria-describedby={dropsPassword && password === '' ? 'sync-password-hint sync-password-drops' : 'sync-password-hint'}
            />
            {dropsPassword && password === '' && savedAccount && (
              <p className="hint warning" id="sync-password-drops" role="status">
                {t('sync.passwordGoesWithServer', { server: savedAccount.server })}
              </p>
            )}
            <p className="hint" id="sync-password-hint">
              {status?.keychain ? t('sync.passwordHintKeychain') : t('sync.passwordHint')}
            </p>
            {status?.keychain && (
              <label>
                <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('sync.remember')}
              </label>
            )}
            {status && status.password !== 'none' && (
              <p>
                <button type="button" className="link-button" onClick={() => void forgetPassword()}>
                  {t('sync.forgetPassword')}
                </button>
              </p>
            )}
            <div role="status">{forgotten && <p className="notice done">{t('sync.passwordForgotten')}</p>}</div>
          </div>
          <OfficeChoice chosen={form.offices} onChange={(offices) => update({ offices })} syncedAt={status?.lastSyncedAt ?? null} needed={officesNeeded} firstRef={firstOffice} />
          <div className="field">
            <label htmlFor="sync-prefix">{t('sync.prefix')}</label>
            <input id="sync-prefix" dir="ltr" value={form.prefix} onChange={(e) => update({ prefix: e.target.value })} aria-describedby="sync-prefix-hint" />
            <p className="hint" id="sync-prefix-hint">
              {t('sync.prefixHint', { example: `${form.prefix}-${form.offices[0] ?? 'off-…'}` })}
            </p>
          </div>
          <div className="field">
            <label htmlFor="sync-interval">{t('sync.interval')}</label>
            <input id="sync-interval" type="number" dir="ltr" min={1} max={1440} value={form.intervalMinutes} onChange={(e) => update({ intervalMinutes: Number(e.target.value) })} />
          </div>
          <button ref={saveButton} type="submit" disabled={saving}>
            {t('sync.save')}
          </button>
          {saved && (
            <p className="notice done" role="status">
              {passwordDropped ? t('sync.savedPasswordDropped') : t('sync.saved')}
            </p>
          )}
        </form>
      )}
      <FilesPolicyField />
      {error && <ErrorMessage error={error} />}
      {statusError && <ErrorMessage error={statusError} />}
      {status && <SyncStatusPanel status={status} onStatus={setStatus} />}
    </section>
  );
}

/** Whether the server address is one the core takes: empty, or beginning with http:// or https://. */
function serverAddressWritten(server: string): boolean {
  return SyncSettingsSchema.shape.server.safeParse(server).success;
}

import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSummary } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { formatLocale } from '../i18n';
import { jobStepWords } from '../i18n/jobs';
import { ErrorMessage } from '../ui/ErrorMessage';
import { loadServerSettings, passwordForSession, saveServerSettings } from './serverSettings';

/** Settings → Server: the address and account of this computer's sync server, and "Sync now". */
export function ServerSection() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [saved] = useState(loadServerSettings);
  const [remote, setRemote] = useState(saved.remote);
  const [user, setUser] = useState(saved.user);
  const [password, setPassword] = useState(passwordForSession.get() ?? '');
  const [running, setRunning] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const refused = () => {
    // A refused password is forgotten and asked for again, never retried by itself.
    passwordForSession.set(null);
    setPassword('');
    passwordRef.current?.focus();
  };

  const start = async (ev: FormEvent) => {
    ev.preventDefault();
    setSummary(null);
    setError(null);
    setStep(null);
    setRunning(true);
    saveServerSettings({ remote, user });
    passwordForSession.set(password === '' ? null : password);
    const res = await runJob(
      client,
      'sync.run',
      { remote, ...(user.trim() ? { user: user.trim() } : {}), ...(password !== '' ? { password } : {}) },
      { onProgress: (job) => setStep(jobStepWords(t, job)) },
    );
    setRunning(false);
    if (res.ok) setSummary(res.value);
    else {
      setError(res.error);
      if (res.error.code === 'SERVER_AUTH') refused();
    }
  };

  const time = (iso: string) => new Date(iso).toLocaleTimeString(formatLocale(i18n.language), { hour: '2-digit', minute: '2-digit' });

  return (
    <section className="panel" aria-labelledby="set-server">
      <h2 id="set-server">{t('sync.server')}</h2>
      <p className="muted">{t('sync.serverHint')}</p>
      <form onSubmit={(ev) => void start(ev)}>
        <div className="field">
          <label htmlFor="sync-remote">{t('sync.remote')}</label>
          <input id="sync-remote" type="url" dir="ltr" value={remote} onChange={(e) => setRemote(e.target.value)} placeholder={t('sync.remotePlaceholder')} required />
        </div>
        <div className="field">
          <label htmlFor="sync-user">{t('sync.user')}</label>
          <input id="sync-user" dir="ltr" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sync-password">{t('sync.password')}</label>
          <input id="sync-password" ref={passwordRef} type="password" dir="ltr" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="sync-password-hint" />
          <p className="muted" id="sync-password-hint">
            {t('sync.passwordHint')}
          </p>
        </div>
        <button type="submit" disabled={running}>
          {t('sync.now')}
        </button>
      </form>
      {running && (
        <p className="muted" role="status">
          {step ?? t('sync.starting')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {summary && (
        <div role="status">
          <p className="notice">
            {t('sync.result', {
              sent: summary.pushed.docs,
              received: summary.pulled.docs,
              conflicts: summary.conflicts.length,
              time: time(summary.finishedAt),
            })}
          </p>
          {summary.merged > 0 && <p className="muted">{t('sync.merged', { merged: summary.merged })}</p>}
          {summary.denied.length > 0 && <p className="error">{t('sync.denied', { denied: summary.denied.length })}</p>}
          {summary.clockWarning && <p className="error">{t('sync.clock')}</p>}
        </div>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_TYPES } from '../../electron/shared/documents';
import type { LibraryProblem } from '../../electron/shared/library/problems';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { runJob } from '../client/run-job';
import { useJobError } from '../app/failure-shown';
import { formatLocale, rememberLanguage, UI_LANGUAGES } from '../i18n';
import { libraryProblemWords } from '../i18n/jobs';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { formatBytes, languageName } from '../ui/languages';
import { OfficeField, SelectField } from '../ui/SelectField';
import { useHomeOffice } from '../i18n/DisplayProvider';
import { DATE_STYLES, dateFormats, type DateStyle } from '../i18n/dates';
import { useDateStyle } from '../i18n/useDates';
import { useFocusBack } from '../ui/pageFocus';
import { useCall } from '../ui/useCall';
import { ServerSection } from '../sync/ServerSection';
import { SyncFileSection } from '../sync/SyncFileSection';
import { BackupSection } from './BackupSection';
import { RestoreSection } from './RestoreSection';

function LibraryCheck() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [checking, setChecking] = useState(false);
  const button = useFocusBack<HTMLButtonElement>(checking);
  const [problems, setProblems] = useState<LibraryProblem[] | null>(null);
  const [notDownloaded, setNotDownloaded] = useState<{ files: number; bytes: number } | null>(null);
  const locale = formatLocale(i18n.language);
  // A failed check is said here once, not again in the job tray.
  const [error, setError] = useJobError();

  const start = async () => {
    setProblems(null);
    setNotDownloaded(null);
    setError(null);
    setChecking(true);
    const res = await runJob(client, 'library.check', {});
    setChecking(false);
    if (res.ok) {
      setProblems(res.value.problems);
      setNotDownloaded(res.value.notDownloaded);
    } else setError(res.error, res.job);
  };

  return (
    <div>
      <button ref={button} type="button" onClick={() => void start()} disabled={checking}>
        {t('settings.check')}
      </button>
      {checking && (
        <p className="muted" role="status">
          {t('settings.checking')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {problems && problems.length === 0 && (
        <p className="notice" role="status">
          {t('settings.checkOk')}
        </p>
      )}
      {notDownloaded && notDownloaded.files > 0 && (
        <p className="muted" role="status">
          {t('settings.checkNotDownloaded', { count: notDownloaded.files, size: formatBytes(notDownloaded.bytes, locale) })}
        </p>
      )}
      {problems && problems.length > 0 && (
        <ul className="error" aria-label={t('settings.checkProblems')}>
          {problems.map((p, i) => (
            <li key={i}>{libraryProblemWords(t, p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Settings; `part` 'sync' opens them at the sync server's section (the top bar's sync badge links there). */
export function SettingsScreen({ part = null }: { part?: 'sync' | null }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (part !== 'sync') return;
    const heading = document.getElementById('set-server');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, [part]);
  const info = useCall('library.info', {}, 'info');
  const offices = useCall('office.list', { limit: 500 }, 'offices');
  const locale = formatLocale(i18n.language);
  const home = useHomeOffice();
  const dateStyle = useDateStyle();
  // Each style shown by what it writes; the 24th, so day and month cannot be mistaken.
  const example = (style: DateStyle) => dateFormats(i18n.language, style).date('2026-12-24');

  return (
    <div className="screen">
      <h1>{t('nav.settings')}</h1>
      <section className="panel" aria-labelledby="set-lib">
        <h2 id="set-lib">{t('settings.library')}</h2>
        {info.status === 'loading' && <Loading />}
        {info.status === 'error' && <ErrorMessage error={info.error} />}
        {info.status === 'ok' && (
          <dl className="facts library-facts">
            <dt>{t('settings.location')}</dt>
            <dd>
              <code dir="ltr">{info.value.path}</code>
            </dd>
            <dt>{t('settings.author')}</dt>
            <dd>{info.value.author}</dd>
            <dt>{t('settings.attachmentLimit')}</dt>
            <dd>{formatBytes(info.value.attachmentLimitBytes, locale)}</dd>
          </dl>
        )}
        {info.status === 'ok' && (
          <dl className="facts" aria-label={t('settings.counts')}>
            {DOC_TYPES.map((type) => (
              <div key={type} className="fact-pair">
                <dt>{t(`docType.${type}`, { count: 2 })}</dt>
                <dd>{info.value.counts[type] ?? 0}</dd>
              </div>
            ))}
          </dl>
        )}
        <LibraryCheck />
        <BackupSection />
        <RestoreSection />
      </section>
      <section className="panel" aria-labelledby="set-offices">
        <h2 id="set-offices">{t('settings.offices')}</h2>
        {offices.status === 'error' && <ErrorMessage error={offices.error} />}
        {offices.status === 'ok' && offices.value.items.length === 0 && <p className="muted">{t('settings.noOffices')}</p>}
        {offices.status === 'ok' && offices.value.items.length > 0 && (
          <ul className="plain-list">
            {offices.value.items.map((o) => (
              <li key={o.id}>
                <a href={href.office(o.id)}>{o.name}</a>
              </li>
            ))}
          </ul>
        )}
        <a className="button" href={href.newOffice()}>
          {t('settings.newOffice')}
        </a>
      </section>
      <ServerSection />
      <SyncFileSection />
      <section className="panel" aria-labelledby="set-ui">
        <h2 id="set-ui">{t('settings.interface')}</h2>
        <SelectField
          id="ui-lang"
          label={t('settings.uiLanguage')}
          value={i18n.language}
          choices={UI_LANGUAGES.map((l) => ({ value: l, label: languageName(l, l) }))}
          onChange={(l) => {
            rememberLanguage(l);
            void i18n.changeLanguage(l);
          }}
        />
        <SelectField
          id="date-style"
          label={t('settings.dateStyle')}
          value={dateStyle.style}
          choices={DATE_STYLES.map((s) => ({ value: s, label: s === 'system' ? t('settings.dateStyleSystem', { example: example(s) }) : example(s) }))}
          onChange={(s) => dateStyle.choose(DATE_STYLES.find((d) => d === s) ?? 'system')}
        />
        <p className="hint">{t('settings.dateStyleHint')}</p>
        {offices.status === 'ok' && offices.value.items.length > 0 && (
          <>
            <OfficeField
              id="home-office"
              label={t('settings.homeOffice')}
              office={home.office}
              offices={offices.value.items}
              none={t('settings.homeOfficeNone')}
              onChange={(id) => home.choose(id)}
            />
            <p className="hint">{t('settings.homeOfficeHint')}</p>
          </>
        )}
      </section>
    </div>
  );
}

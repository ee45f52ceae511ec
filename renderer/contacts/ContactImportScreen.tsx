import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_UPLOAD_MAX_BYTES, TEXT_ENCODINGS, type ContactImportReport, type ImportDecision, type RowOutcome, type TextEncodingName } from '../../electron/shared/contacts/bulk-contract';
import { COLUMN_TARGETS, type ColumnMapping, type ColumnTarget } from '../../electron/shared/contacts/columns';
import { rememberedEncoding, rememberedMapping, rememberEncoding, rememberMapping } from './import-memory';
import { refusedRows, refusedRowsCsv, refusedSeparator } from '../../electron/shared/contacts/refused-csv';
import { CONTACT_LIMITS } from '../../electron/shared/documents';
import { downloadFile } from '../app/download';
import { href } from '../app/router';
import { bytesToBase64 } from '../../electron/shared/base64';
import { useClient } from '../client/context';
import { runJob, runStartedJob } from '../client/run-job';
import { CONTACT_FILE_FORGOTTEN } from '../../electron/shared/contacts/file-dialog';
import { formatLocale } from '../i18n';
import { formatBytes } from '../ui/languages';
import { useWindowFileDrop } from '../ui/useWindowFileDrop';
import { useJobError } from '../app/failure-shown';
import { jobStepWords } from '../i18n/jobs';
import type { JobInfo } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SelectField } from '../ui/SelectField';
import { focusLost } from '../ui/pageFocus';

/**
 * Importing a contacts file: pick it, see how it was read (encoding, columns), map the columns
 * when they are not a known export's (the mapping, and an encoding chosen over the one found, are
 * remembered on this computer for the same headers), review what each row will do and change it, then import it all in one go. Each
 * reading runs as a job: a progress bar and a Cancel that stores nothing.
 *
 * In web mode the file's bytes go in each call (`contact.import`, up to CONTACT_UPLOAD_MAX_BYTES).
 * In the desktop app the system's open dialog picks the file, or it is dropped on the window, and
 * the main process keeps its path (shared/contacts/file-dialog.ts): each reading is the core's
 * `contact.importFile` on that path, streamed whatever the file's size, and the window never
 * holds the file.
 */

const MB = CONTACT_UPLOAD_MAX_BYTES / 1024 / 1024;
const LISTED = 500;
/** A file dropped in the desktop app with no folder to read it from, too large to send: said in this screen's own words. */
const DROPPED_TOO_LARGE = 'droppedTooLarge';
/** A file kept by the desktop app, in a window whose client cannot read one (never: only the desktop's client hands out handles). */
const noDesktop: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'This window cannot read a file kept by the desktop app.', params: { reason: 'desktopFileOnly' } } };

/** A file read in the window and sent as bytes, or one the desktop's main process keeps, named by a handle. */
type Picked = { name: string; data: string } | { name: string; handle: string; size: number };

export function ContactImportScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const locale = formatLocale(i18n.language);
  const openDialog = client.contactFileDialog;
  const readKept = client.contactFileRead;
  const [file, setFile] = useState<Picked | null>(null);
  const [report, setReport] = useState<ContactImportReport | null>(null);
  const [encoding, setEncoding] = useState<TextEncodingName | ''>('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>({});
  // A failed job is said here once, not again in the job tray.
  const [error, setError] = useJobError();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ContactImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobInfo | null>(null);
  // The file's headers and encoding as found, before any choice: what a chosen encoding is remembered under.
  const found = useRef<{ headers: string[]; encoding: TextEncodingName } | null>(null);

  // Each step's button waits (disabled) while the file is read, which takes the keyboard's focus
  // from it: the keyboard goes on from what the step shows, never from the top of the page.
  // A reading: to the mapping asked for, or to what the import will do (unless the person is in a field).
  const mapHeading = useRef<HTMLHeadingElement>(null);
  const rowsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!report || !focusLost()) return;
    (report.needsMapping ? mapHeading : rowsHeading).current?.focus();
  }, [report]);
  // The import done: to the line saying what it did (the Import button has gone). Another file: to the file's choice.
  const doneLine = useRef<HTMLParagraphElement>(null);
  const fileChoice = useRef<HTMLElement | null>(null);
  const wasDone = useRef(false);
  useEffect(() => {
    if (done) doneLine.current?.focus();
    else if (wasDone.current) fileChoice.current?.focus();
    wasDone.current = done !== null;
  }, [done]);

  const cancel = async () => {
    if (!jobId) return;
    const res = await client.call('job.cancel', { id: jobId });
    if (!res.ok) setError(res.error);
  };

  async function preview(f: Picked, enc: TextEncodingName | '', map: ColumnMapping | null, commit = false) {
    setBusy(true);
    setError(null);
    setProgress(null);
    const options = {
      limit: LISTED,
      commit,
      ...(enc ? { encoding: enc } : {}),
      ...(map ? { mapping: map } : {}),
      ...(commit ? { decisions, ...(report ? { expectSha256: report.sha256 } : {}) } : {}),
    };
    const watch = { onStart: setJobId, onProgress: setProgress };
    const res =
      'handle' in f
        ? await runStartedJob(client, 'contact.importFile', () => (readKept ? readKept({ handle: f.handle, ...options }) : Promise.resolve(noDesktop)), watch)
        : await runJob(client, 'contact.import', { name: f.name, data: f.data, ...options }, watch);
    setBusy(false);
    setJobId(null);
    // Only a start that answers no job resolves null; a reading always answers one or an error.
    if (res === null) return;
    if (!res.ok) {
      setError(res.error, res.job);
      return;
    }
    const r = res.value;
    if (commit) {
      if (map) rememberMapping(r.headers, map);
      if (found.current) rememberEncoding(found.current.headers, found.current.encoding, r.encoding);
      setDone(r);
      return;
    }
    // Read in the encoding found: if the person chose another for these headers before, it is used at once.
    if (!enc && r.format === 'csv') {
      found.current = { headers: r.headers, encoding: r.encoding };
      const chosen = rememberedEncoding(r.headers, r.encoding);
      if (chosen) {
        setEncoding(chosen);
        return preview(f, chosen, map);
      }
    }
    // Headers seen before on this computer: their mapping is used at once.
    if (r.needsMapping && !map) {
      const known = rememberedMapping(r.headers);
      if (known) {
        setMapping(known);
        return preview(f, enc, known);
      }
    }
    setReport(r);
    if (!map) setMapping(r.mapping);
  }

  /** A new file: nothing of the one before is kept. */
  function reset() {
    setDone(null);
    setReport(null);
    setMapping(null);
    setDecisions({});
    setError(null);
    // Each file is read in the encoding found in it, or the one chosen before for its headers.
    setEncoding('');
    found.current = null;
  }

  async function start(picked: Picked) {
    setFile(picked);
    await preview(picked, '', null);
  }

  /** A file read in the window and sent as bytes: web mode's file input, or a file dropped with no path on this computer. */
  async function pick(f: File | undefined) {
    reset();
    if (!f) return;
    if (f.size > CONTACT_UPLOAD_MAX_BYTES) {
      // The desktop app reads a file of any size from its folder: only a file with none (dragged out of a browser or a mail program) comes here.
      const size = Math.ceil(f.size / 1024 / 1024);
      if (openDialog) setError({ code: 'FILE_TOO_LARGE', message: t('contactImport.desktop.dropTooLarge', { name: f.name, size }), params: { reason: DROPPED_TOO_LARGE } });
      else setError({ code: 'FILE_TOO_LARGE', message: t('contactImport.tooLarge', { name: f.name, size, mb: MB }) });
      return;
    }
    await start({ name: f.name, data: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
  }

  /** The desktop app's "Choose a file…": the system's open dialog, the file kept by the main process. Cancelled, the file before stays. */
  async function choose() {
    if (!openDialog) return;
    const r = await openDialog({
      words: {
        title: t('contactImport.desktop.dialogTitle'),
        filter: t('contactImport.desktop.textFiles'),
        vcards: t('contactImport.desktop.vcards'),
        allFiles: t('contactImport.desktop.allFiles'),
      },
    });
    if (r.ok && r.value.cancelled) return;
    reset();
    if (!r.ok) return setError(r.error);
    if (!r.value.cancelled) await start({ name: r.value.name, handle: r.value.handle, size: r.value.size });
  }

  /** A file dropped on the window: in the desktop app read from its folder when it has one, else its bytes as web mode sends them. */
  async function dropped(f: File | undefined) {
    if (!f || busy) return;
    if (client.contactFileFromDrop) {
      const r = await client.contactFileFromDrop(f);
      if (!r.ok || r.value) reset();
      if (!r.ok) return setError(r.error);
      if (r.value) return start({ name: r.value.name, handle: r.value.handle, size: r.value.size });
    }
    await pick(f);
  }
  const droppedRef = useRef(dropped);
  droppedRef.current = dropped;
  // Dropping a file anywhere on the window while this screen is open reads it, as choosing it does.
  const over = useWindowFileDrop((data) => void droppedRef.current(data.files[0]));

  const targetLabel = (target: ColumnTarget) => t(`contactImport.target.${target.replace(':', '-')}`);
  const decisionOf = (o: RowOutcome): ImportDecision | null =>
    decisions[String(o.row)] ?? (o.action === 'merge' || o.action === 'unchanged' ? 'merge' : o.action === 'create' ? 'create' : o.action === 'skip' ? 'skip' : null);
  /** A row's note in the interface's language; a legal basis is named as the contact page names it. */
  const noteText = (w: NonNullable<RowOutcome['notes']>[number]) => {
    if (w.code === 'LEGAL_BASIS_DIFFERS') {
      return t('contactImport.note.LEGAL_BASIS_DIFFERS', { contact: t(`contactFields.basis.${String(w.params?.contact)}`), file: t(`contactFields.basis.${String(w.params?.file)}`) });
    }
    // A phone number refused by what is wrong with it (a letter, no digits), not by the whole rule.
    if (w.code === 'BAD_PHONE' || w.code === 'PHONE_LEFT_OUT') {
      const problem = t(`contactImport.phoneProblem.${String(w.params?.problem ?? 'other')}`, { char: w.params?.char ?? '', min: CONTACT_LIMITS.phoneMin, max: CONTACT_LIMITS.phoneMax });
      return t(`contactImport.note.${w.code}`, { ...w.params, problem });
    }
    return t(`contactImport.note.${w.code}`, w.params ?? {});
  };
  /** Rows already in the library that add nothing: their own count, said only when there are some. */
  const unchangedNote = (r: Pick<ContactImportReport, 'unchanged'>) => (r.unchanged > 0 ? ` ${t('contactImport.unchangedCount', { unchanged: r.unchanged })}` : '');
  /** Empty rows passed over: said apart from the refused ones, so the rows counted add up to the sheet's. */
  const blankNote = (r: Pick<ContactImportReport, 'blank'>) => (r.blank > 0 ? ` ${t('contactImport.blankCount', { count: r.blank })}` : '');
  /** The reading's counts with the person's choices applied: what Import will do now. */
  const chosen = (r: ContactImportReport) => {
    type Count = 'created' | 'merged' | 'unchanged' | 'skipped';
    const n: Record<Count, number> = { created: r.created, merged: r.merged, unchanged: r.unchanged, skipped: r.skipped };
    const asRead: Partial<Record<RowOutcome['action'], Count>> = { create: 'created', merge: 'merged', unchanged: 'unchanged', skip: 'skipped' };
    for (const o of r.outcomes) {
      const from = asRead[o.action];
      const d = decisionOf(o);
      // Taking the file's legal basis writes the contact even where the row adds nothing else.
      const to: Count | undefined =
        d === 'create' ? 'created' : d === 'skip' ? 'skipped' : d === 'merge-file' ? 'merged' : d === 'merge' ? (o.action === 'unchanged' ? 'unchanged' : 'merged') : undefined;
      if (from && to && from !== to) {
        n[from] -= 1;
        n[to] += 1;
      }
    }
    return n;
  };

  const counts = report ? chosen(report) : null;

  /** The encoding to read the file in: changing it reads the file again. */
  const encodingField = (f: Picked, value: string) => (
    <SelectField
      id="ci-encoding"
      label={t('contactImport.encoding')}
      value={value}
      choices={TEXT_ENCODINGS.map((e) => ({ value: e, label: t(`contactImport.encodingName.${e}`) }))}
      onChange={(e) => {
        setEncoding(e as TextEncodingName);
        void preview(f, e as TextEncodingName, mapping);
      }}
    />
  );
  // A file refused for its encoding tells the person to choose one: the chooser stays under the refusal.
  const encodingRefused = error !== null && (error.params?.reason === 'mixedEncodings' || error.params?.reason === 'notInEncoding');
  const refusedIn = typeof error?.params?.encoding === 'string' ? error.params.encoding : 'utf-8';

  /** Saves the refused rows as a CSV to correct and import again, downloaded as a contacts export is. */
  const saveRefused = (r: ContactImportReport, name: string) => {
    const text = refusedRowsCsv(r.headers, r.outcomes, (o) => (o.why ? noteText(o.why) : (o.reason ?? '')), t('contactImport.refusedReasonColumn'), refusedSeparator(r.separator, i18n.language));
    downloadFile(`${name.replace(/\.[^.]*$/, '')}-${t('contactImport.refusedFileSuffix')}.csv`, 'text/csv;charset=utf-8', text);
  };

  // Over the result too: a file dropped there is the next one read.
  const dropOverlay = over && (
    <div className="drop-overlay" aria-hidden="true">
      {t('contactImport.drop.now')}
    </div>
  );

  if (done) {
    const refused = refusedRows(done.outcomes);
    return (
      <div className="screen">
        <h1>{t('contactImport.title')}</h1>
        <p role="status" ref={doneLine} tabIndex={-1}>{t('contactImport.done', { created: done.created, merged: done.merged, refused: done.refused, skipped: done.skipped })}
          {unchangedNote(done)}
          {blankNote(done)}
        </p>
        {refused.length > 0 && (
          <section aria-labelledby="ci-refused">
            <h2 id="ci-refused">{t('contactImport.refusedTitle')}</h2>
            <p>{t('contactImport.refusedHint')}</p>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('contactImport.row')}</th>
                  <th>{t('contactImport.column')}</th>
                  <th>{t('contactImport.why')}</th>
                </tr>
              </thead>
              <tbody>
                {refused.map((o) => (
                  <tr key={o.row}>
                    <td>{o.row}</td>
                    <td dir="auto">{o.column ?? ''}</td>
                    <td dir="auto">{o.why ? noteText(o.why) : o.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="button" onClick={() => saveRefused(done, file?.name ?? 'contacts')}>
              {t('contactImport.saveRefused')}
            </button>
          </section>
        )}
        <p className="actions">
          <a className="button primary" href={href.contacts()}>
            {t('contactImport.back')}
          </a>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setReport(null);
              setFile(null);
              setMapping(null);
              setDecisions({});
              setEncoding('');
            }}
          >
            {t('contactImport.another')}
          </button>
        </p>
        {dropOverlay}
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('contactImport.title')}</h1>
        <a className="button" href={href.contacts()}>
          {t('contactImport.back')}
        </a>
      </div>
      {openDialog ? (
        // The desktop app: the system's open dialog, and the file read from where it is, whatever its size.
        <div className="field" role="group" aria-labelledby="ci-file-label" aria-describedby="ci-file-hint">
          <span className="label" id="ci-file-label">
            {t('contactImport.fileLabel')}
          </span>
          <div className="file-choice">
            <button ref={(b) => void (fileChoice.current = b)} type="button" className="button" disabled={busy} onClick={() => void choose()}>
              {t('contactImport.choose')}
            </button>
            {file && <span dir="auto">{file.name}</span>}
            {file && 'handle' in file && <span className="muted">{formatBytes(file.size, locale)}</span>}
          </div>
          <p className="muted" id="ci-file-hint">
            {t('contactImport.desktop.fileHint')} {t('contactImport.drop.hint')}
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="ci-file">{t('contactImport.fileLabel')}</label>
          {/* A button of ours: the browser's own control words itself in the browser's language. */}
          <input ref={(i) => void (fileChoice.current = i)} id="ci-file" className="visually-hidden" type="file" accept=".csv,.txt,.tsv,.vcf,text/csv,text/vcard" onChange={(e) => void pick(e.target.files?.[0])} />
          <div className="file-choice">
            <label htmlFor="ci-file" className="button" aria-hidden="true">
              {t('contactImport.choose')}
            </label>
            {file && <span dir="auto">{file.name}</span>}
          </div>
          <p className="muted">
            {t('contactImport.fileHint', { mb: MB })} {t('contactImport.drop.hint')}
          </p>
        </div>
      )}
      {error &&
        (error.params?.reason === CONTACT_FILE_FORGOTTEN || error.params?.reason === DROPPED_TOO_LARGE ? (
          <p className="error" role="alert">
            {error.params.reason === CONTACT_FILE_FORGOTTEN ? t('contactImport.desktop.forgotten') : error.message}
          </p>
        ) : (
          <ErrorMessage error={error} />
        ))}
      {dropOverlay}
      {encodingRefused && !report && file && !busy && encodingField(file, encoding || refusedIn)}
      {busy && (
        <div className="import-progress">
          <p className="muted" role="status">
            {(progress && jobStepWords(t, progress)) ?? t('contactImport.reading')}
          </p>
          <progress aria-label={t('contactImport.progress')} value={progress?.total ? progress.done : undefined} max={progress?.total ?? undefined} />
          <button type="button" className="button" disabled={!jobId} onClick={() => void cancel()}>
            {t('contactImport.cancel')}
          </button>
        </div>
      )}
      {report && file && (
        <>
          {encodingField(file, encoding || report.encoding)}
          <p className="muted">
            {report.format === 'vcard'
              ? t('contactImport.readAsVcard')
              : report.headerSet
                ? t('contactImport.recognised', { set: t(`contactImport.headerSet.${report.headerSet}`) })
                : t('contactImport.mapped')}
          </p>
          {report.leftOut.length > 0 && !report.needsMapping && (
            <p className="muted">{t('contactImport.leftOut', { columns: new Intl.ListFormat(i18n.language, { type: 'unit' }).format(report.leftOut) })}</p>
          )}
          {report.format === 'csv' && mapping && (report.needsMapping || !report.headerSet) && (
            <section aria-labelledby="ci-map">
              <h2 id="ci-map" ref={mapHeading} tabIndex={-1}>
                {t('contactImport.mappingTitle')}
              </h2>
              {report.needsMapping && <p>{t('contactImport.needsMapping')}</p>}
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('contactImport.column')}</th>
                    <th>{t('contactImport.goesTo')}</th>
                    <th>{t('contactImport.sample')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.headers.map((h, i) => (
                    <tr key={`${i}-${h}`}>
                      <td dir="auto">{h}</td>
                      <td>
                        <select
                          aria-label={t('contactImport.goesToFor', { column: h })}
                          value={mapping[h] ?? 'ignore'}
                          onChange={(e) => setMapping({ ...mapping, [h]: e.target.value as ColumnTarget })}
                        >
                          {COLUMN_TARGETS.map((target) => (
                            <option key={target} value={target}>
                              {targetLabel(target)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td dir="auto">{report.sample.slice(0, 3).map((row) => row[i] ?? '').filter(Boolean).join(' · ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="button" disabled={busy} onClick={() => void preview(file, encoding, mapping)}>
                {t('contactImport.apply')}
              </button>
            </section>
          )}
          {!report.needsMapping && counts && (
            <section aria-labelledby="ci-rows">
              <h2 id="ci-rows" ref={rowsHeading} tabIndex={-1}>
                {t('contactImport.rowsTitle')}
              </h2>
              <p role="status">
                {t('contactImport.summary', { rows: report.rows, created: counts.created, merged: counts.merged, refused: report.refused, skipped: counts.skipped })}
                {unchangedNote(counts)}
                {blankNote(report)}
              </p>
              <table className="table">
                <thead>
                  <tr>
                    <th>{t(report.format === 'csv' ? 'contactImport.row' : 'contactImport.card')}</th>
                    <th>{t('contactImport.name')}</th>
                    <th>{t('contactImport.action')}</th>
                    <th>{t('contactImport.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.outcomes.map((o) => {
                    const choice = decisionOf(o);
                    const canMerge = o.action === 'merge' || o.action === 'unchanged' || o.suggestion !== undefined;
                    return (
                      <tr key={o.row}>
                        <td>{o.row}</td>
                        <td dir="auto">{o.name ?? ''}</td>
                        <td>
                          {choice === null ? (
                            t('contactImport.actionName.refuse')
                          ) : (
                            <select
                              aria-label={t('contactImport.actionFor', { row: o.row })}
                              value={choice}
                              onChange={(e) => setDecisions({ ...decisions, [String(o.row)]: e.target.value as ImportDecision })}
                            >
                              <option value="create">{t('contactImport.actionName.create')}</option>
                              {canMerge && <option value="merge">{t(o.action === 'unchanged' ? 'contactImport.actionName.unchanged' : 'contactImport.actionName.merge')}</option>}
                              {o.differences?.length ? <option value="merge-file">{t('contactImport.actionName.merge-file')}</option> : null}
                              <option value="skip">{t('contactImport.actionName.skip')}</option>
                            </select>
                          )}
                        </td>
                        <td dir="auto">
                          {o.into && o.action === 'unchanged' && t('contactImport.already', { name: o.into.name })}
                          {o.into && o.action !== 'unchanged' && t('contactImport.into', { name: o.into.name, reason: t(`contactImport.note.${o.into.why.code}`, o.into.why.params ?? {}) })}
                          {o.suggestion && t('contactImport.maybe', { name: o.suggestion.name })}
                          {o.action === 'refuse' && o.why && noteText(o.why)}
                          {o.notes?.map((w, k) => (
                            <span key={k} className="muted">
                              {' '}
                              {noteText(w)}
                            </span>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {report.more > 0 && <p className="muted">{t('contactImport.more', { more: report.more })}</p>}
              <button type="button" className="button primary" disabled={busy || counts.created + counts.merged === 0} onClick={() => void preview(file, encoding, report.headerSet ? null : mapping, true)}>
                {t('contactImport.confirm')}
              </button>
            </section>
          )}
        </>
      )}
    </div>
  );
}

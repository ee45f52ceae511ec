import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sameTag } from '../../electron/shared/releases/tags';
import type { Draft } from '../../electron/shared/contract';
import { END_MARKS, RELEASE_STATUSES, type Doc, type ReleaseStatus } from '../../electron/shared/documents';
import { endMarkText } from '../../electron/shared/kits/layout';
import type { ApiError } from '../../electron/shared/errors';
import { plainText, RichTextSchema } from '../../electron/shared/richtext';
import { isGatedStatus, missingToGoOut, type RequiredField } from '../../electron/shared/releases/rules';
import { href } from '../app/router';
import { LifecycleNotice, LifecyclePanel } from './LifecyclePanel';
import { AttachmentGrid } from '../attachments/AttachmentGrid';
import { FileDrop } from '../attachments/FileDrop';
import { useClient } from '../client/context';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { directionOf } from '../../electron/shared/direction';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { defaultWorkLanguage, languageName } from '../ui/languages';
import { useDates } from '../i18n/useDates';
import { ListEditor } from '../ui/ListEditor';
import { useCall } from '../ui/useCall';
import { DateField } from '../ui/DateField';
import { LineField } from '../ui/LineField';
import { useArrivalFocus } from '../ui/pageFocus';
import { NewerNotice, newerVersionOf } from '../ui/NewerDocument';
import { useOffices } from '../ui/useOffices';
import { Autosave, isLibraryReplaced, type SaveState } from './autosave';
import { BodyEditor } from './BodyEditor';
import { ContactPicker } from './ContactPicker';
import { deviceTimeZone } from './embargo';
import { EmbargoField } from './EmbargoField';
import { fieldsPatch } from '../../electron/shared/fields-patch';
import { applyDraft, draftFields, formFromDoc, type ReleaseDraftFields, type ReleaseForm } from './form';
import { HistoryPanel } from './HistoryPanel';
import { QuotesEditor } from './QuotesEditor';
import { VersionsPanel } from './VersionsPanel';
import { noteOpened } from './last-opened';
import { OfficeField, SelectField } from '../ui/SelectField';

interface Loaded {
  doc: Doc<'release'>;
  draft: Draft | null;
}

/** Opens a release (with any draft left from a session that did not finish) and edits it. */
export function ReleaseEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    void Promise.all([client.call('release.get', { id }), client.call('draft.get', { id })]).then(([doc, draft]) => {
      if (!live) return;
      if (!doc.ok) return setError(doc.error);
      setError(null);
      setLoaded({ doc: doc.value, draft: draft.ok ? draft.value : null });
    });
    return () => {
      live = false;
    };
  }, [client, id, round]);

  if (error) {
    return (
      <div className="screen">
        <ErrorMessage error={error} />
        <a href={href.releases()}>{t('releases.backToList')}</a>
      </div>
    );
  }
  if (!loaded) return <Loading />;
  return <ReleaseForm key={`${loaded.doc.rev}:${round}`} loaded={loaded} reload={() => setRound((r) => r + 1)} />;
}

/**
 * "New release": an empty editor that stores nothing until the first keystroke, so a click on
 * "New release" and a step back leave no empty release behind.
 */
export function NewRelease({ language }: { language: string | null }) {
  // With no language asked for (the list's filter), a new release is written in the interface's
  // language when it is one of the working languages: a French office writes in French.
  const { i18n } = useTranslation();
  const initial = language ?? defaultWorkLanguage(i18n.resolvedLanguage ?? i18n.language);
  const loaded = useMemo<Loaded>(() => {
    const now = new Date().toISOString();
    const doc = {
      id: '',
      rev: '',
      type: 'release',
      createdAt: now,
      createdBy: '',
      updatedAt: now,
      updatedBy: '',
      office: null,
      headline: '',
      subheadline: null,
      datelinePlace: null,
      releaseDate: null,
      embargo: null,
      language: initial,
      status: 'draft',
      body: { type: 'doc', content: [] },
      quotes: [],
      notesToEditors: null,
      boilerplate: null,
      endMark: null,
      contacts: [],
      tags: [],
      translationGroup: null,
    } satisfies Doc<'release'>;
    return { doc, draft: null };
  }, [initial]);
  // Once created, the address is the release's own: re-reading it opens the release as saved.
  return <ReleaseForm loaded={loaded} reload={() => window.dispatchEvent(new HashChangeEvent('hashchange'))} />;
}

/** A form as what was written in it, the body as its text: equal for an untouched new release. */
function wordsOf(form: ReleaseForm): string {
  return JSON.stringify({ ...draftFields(form, true), body: plainText(form.body).trim() });
}

/** What the person typed, as text to paste somewhere else: the headline, then the body. */
function typingOf(form: ReleaseForm): string {
  return [form.headline.trim(), plainText(form.body).trim()].filter((s) => s !== '').join('\n\n');
}

/**
 * The library was restored from a backup while this editor was open: the typing of this
 * session was not kept (the core refuses it), and the person may copy it to paste it back.
 */
function LibraryReplaced({ typing }: { typing: () => string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    // A page without the clipboard (an old browser, a page not on https) says so instead.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(typing()))
      .then(
        () => setCopied(true),
        () => setCopied(false),
      );
  };
  return (
    <div className="save-failed" role="alert">
      <p>{t('save.libraryReplaced')}</p>
      <button type="button" onClick={copy}>
        {t('save.copyTyping')}
      </button>
      {copied !== null && <p role="status">{copied ? t('save.copied') : t('save.copyFailed')}</p>}
    </div>
  );
}

/** Says next to a field that the status asked for needs it. */
function Needed({ id, field, missing }: { id: string; field: RequiredField; missing: readonly RequiredField[] }) {
  const { t } = useTranslation();
  if (!missing.includes(field)) return null;
  return (
    <p className="field-error" id={id}>
      {t('releases.neededToGoOut')}
    </p>
  );
}

/** A date box holding text that is not a date: what it holds is not saved until it is fixed. */
type UnreadDate = 'releaseDate' | 'embargo';

/**
 * "Saved" only once there is something saved: a new release before its first keystroke is not
 * stored yet, so the status says nothing (the region stays, for the word to be heard arriving).
 * A date that could not be read is not saved either, whatever else was: the status says which.
 */
function SaveIndicator({ state, stored, unread }: { state: SaveState; stored: boolean; unread: UnreadDate | null }) {
  const { t } = useTranslation();
  const kind = unread ? 'error' : state.kind === 'saved' && !stored ? 'none' : state.kind;
  const text =
    unread === 'releaseDate'
      ? t('releases.notSavedReleaseDate')
      : unread === 'embargo'
        ? t('releases.notSavedEmbargoDate')
        : kind === 'none'
          ? ''
          : kind === 'saved'
            ? t('save.saved')
            : kind === 'saving'
              ? t('save.saving')
              : t('save.failed');
  return (
    <span className={`save-state save-${kind}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

function ReleaseForm({ loaded, reload }: { loaded: Loaded; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const offices = useOffices();
  const { doc } = loaded;
  // Empty until the first keystroke of a new release creates it.
  const [id, setId] = useState(doc.id);
  const creating = useRef(false);
  const uid = useId();
  const dates = useDates();
  const heading = useArrivalFocus<HTMLHeadingElement>();
  const session = useMemo(() => crypto.randomUUID(), []);
  const bodyUsable = useMemo(() => RichTextSchema.safeParse(doc.body).success, [doc.body]);
  const recovered = loaded.draft && Object.keys(loaded.draft.fields).length > 0 ? loaded.draft : null;
  // A release from a newer Dateline: shown as it is and never saved (the core refuses it too),
  // so none of the fields this version does not know can be lost.
  const newerVersion = newerVersionOf(doc);
  const readOnly = newerVersion !== null;
  // However it was opened, this is the release the list brings the person back to.
  useEffect(() => {
    if (id) noteOpened(id);
  }, [id]);

  const [form, setForm] = useState<ReleaseForm>(() => {
    const base = formFromDoc(doc);
    return recovered ? applyDraft(base, recovered.fields) : base;
  });
  const formRef = useRef(form);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [rev, setRev] = useState(doc.rev);
  const revRef = useRef(doc.rev);
  const autosaveRef = useRef<Autosave<ReleaseDraftFields> | null>(null);
  // Saves send only what the person changed against the revision this form was loaded from.
  const baseFields = useMemo(() => draftFields(formFromDoc(doc), bodyUsable), [doc, bodyUsable]);
  const touched = useRef(new Set<string>(recovered ? Object.keys(recovered.fields) : []));
  const patchOf = useCallback((f: ReleaseForm) => fieldsPatch(baseFields, draftFields(f, bodyUsable), touched.current), [baseFields, bodyUsable]);

  const attachments = useCall('attachment.list', { release: id, limit: 200 }, id);
  // A status the person chose that the release cannot have yet; its missing fields are shown.
  const [wanted, setWanted] = useState<ReleaseStatus | null>(null);
  const [unread, setUnread] = useState<ReadonlySet<UnreadDate>>(new Set());
  const markUnread = useCallback(
    (field: UnreadDate) => (yes: boolean) =>
      setUnread((now) => {
        if (now.has(field) === yes) return now;
        const next = new Set(now);
        if (yes) next.add(field);
        else next.delete(field);
        return next;
      }),
    [],
  );

  useEffect(() => {
    if (!id) return;
    const autosave = new Autosave<ReleaseDraftFields>(
      {
        saveDraft: (fields, baseRev) => client.call('draft.save', { id, baseRev, session, fields }),
        commit: async () => {
          const res = await client.call('draft.commit', { id });
          if (res.ok && res.value) {
            revRef.current = res.value.rev;
            setRev(res.value.rev);
          }
          return res;
        },
      },
      revRef.current,
    );
    autosaveRef.current = autosave;
    const unsubscribe = autosave.subscribe(setSaveState);
    // A draft from a session that ended without committing, or what was typed while a new
    // release was being created: keep it, make it a revision.
    const pending = patchOf(formRef.current);
    if (!readOnly && (recovered || Object.keys(pending).length > 0)) {
      autosave.change(pending);
      void autosave.flush();
    }
    const flush = () => void autosave.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      unsubscribe();
      autosaveRef.current = null;
      // Leaving the release (another screen, another release): write what is left.
      void autosave.close();
    };
  }, [client, id, session, recovered, patchOf, readOnly]);

  const create = useCallback(async () => {
    creating.current = true;
    setSaveState({ kind: 'saving' });
    const res = await client.call('release.create', draftFields(formRef.current, true));
    if (!res.ok) {
      creating.current = false;
      setSaveState({ kind: 'error', error: res.error });
      return;
    }
    // `creating` stays set: keystrokes until the autosave starts are in the form, and the autosave
    // writes them on start; clearing it here would let the next keystroke create a second release.
    revRef.current = res.value.rev;
    setRev(res.value.rev);
    // The address becomes the release's own without reloading the editor (and losing the caret).
    window.history.replaceState(window.history.state, '', href.release(res.value.id));
    setSaveState({ kind: 'saved' });
    setId(res.value.id);
  }, [client]);

  const update = useCallback(
    (patch: Partial<ReleaseForm>) => {
      if (readOnly) return;
      const next = { ...formRef.current, ...patch };
      formRef.current = next;
      setForm(next);
      if (autosaveRef.current) {
        const changed = patchOf(next);
        // Typing that ends where it started is no edit: nothing to save.
        if (Object.keys(changed).length > 0) autosaveRef.current.change(changed);
      }
      // The body editor may tidy an empty body on its own: only what the person wrote creates it.
      else if (!creating.current && wordsOf(next) !== wordsOf(formFromDoc(doc))) void create();
    },
    [patchOf, readOnly, create, doc],
  );

  const flush = useCallback(async () => {
    await autosaveRef.current?.flush();
  }, []);

  // Leaving the form (focus goes outside it) commits at once rather than after the pause.
  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void flush();
  };

  const gate = wanted ?? (isGatedStatus(form.status) ? form.status : null);
  const missing = gate ? missingToGoOut(draftFields(form, bodyUsable)) : [];
  const chooseStatus = (status: ReleaseStatus) => {
    if (isGatedStatus(status) && missingToGoOut(draftFields(formRef.current, bodyUsable)).length > 0) {
      setWanted(status);
      return;
    }
    setWanted(null);
    update({ status });
  };
  const invalid = (f: RequiredField) => (missing.includes(f) ? { 'aria-invalid': true, 'aria-describedby': `${uid}-${f}-needed` } : {});
  const statuses = RELEASE_STATUSES.filter((s) => s !== 'withdrawn' || form.status === 'withdrawn');

  const dir = directionOf(form.language);
  const office = offices.find((o) => o.id === form.office) ?? null;
  const languages = WORKING_LANGUAGES.includes(form.language as (typeof WORKING_LANGUAGES)[number]) ? [...WORKING_LANGUAGES] : [...WORKING_LANGUAGES, form.language];
  const boilerplateKind = form.boilerplate === null ? 'none' : 'office' in form.boilerplate ? 'office' : 'text';

  return (
    <div className="screen editor-screen">
      <div className="screen-head">
        <p className="crumbs">
          <a href={href.releases()}>{t('nav.releases')}</a>
        </p>
        <SaveIndicator state={saveState} stored={id !== ''} unread={unread.has('releaseDate') ? 'releaseDate' : unread.has('embargo') ? 'embargo' : null} />
      </div>
      <h1 ref={heading} tabIndex={-1} className="editor-heading" dir={dir} lang={form.language}>
        {form.headline.trim() || (id ? t('common.untitled') : t('releases.new'))}
      </h1>
      {saveState.kind === 'error' && isLibraryReplaced(saveState.error) ? (
        <LibraryReplaced typing={() => typingOf(formRef.current)} />
      ) : saveState.kind === 'error' && (
        <div className="save-failed">
          <ErrorMessage error={saveState.error} />
          {/* What was typed is kept: once the cause is gone (space freed, the other write done), one press saves it. */}
          <button type="button" onClick={() => void (autosaveRef.current ? flush() : create())}>
            {t('save.retry')}
          </button>
        </div>
      )}
      <NewerNotice version={newerVersion} />
      {recovered && (
        <p className="notice" role="status">
          {t('releases.recovered', { when: dates.dateTime(recovered.updatedAt) })}
        </p>
      )}
      {id && <LifecycleNotice id={id} doc={doc} onChanged={reload} />}
      <div className="editor-columns">
        <form className="release-form" aria-label={t('releases.editorLabel')} onSubmit={(e) => e.preventDefault()} onBlur={onBlur}>
          <fieldset className="form-lock" disabled={readOnly}>
          <div className="field">
            <label htmlFor={`${uid}-headline`}>{t('releases.headline')}</label>
            <LineField
              id={`${uid}-headline`}
              className="headline-input"
              dir={dir}
              lang={form.language}
              value={form.headline}
              onChange={(headline) => update({ headline })}
              {...invalid('headline')}
            />
            <Needed id={`${uid}-headline-needed`} field="headline" missing={missing} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-sub`}>{t('releases.subheadline')}</label>
            <LineField id={`${uid}-sub`} dir={dir} lang={form.language} value={form.subheadline ?? ''} onChange={(subheadline) => update({ subheadline })} />
          </div>
          <div className="row row-top">
            <div className="field">
              <label htmlFor={`${uid}-place`}>{t('releases.datelinePlace')}</label>
              <input id={`${uid}-place`} dir="auto" value={form.datelinePlace ?? ''} onChange={(e) => update({ datelinePlace: e.target.value })} {...invalid('datelinePlace')} />
              <Needed id={`${uid}-datelinePlace-needed`} field="datelinePlace" missing={missing} />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-date`}>{t('releases.releaseDate')}</label>
              <DateField
                id={`${uid}-date`}
                value={form.releaseDate ?? null}
                onChange={(releaseDate) => update({ releaseDate })}
                invalid={missing.includes('releaseDate')}
                describedBy={missing.includes('releaseDate') ? `${uid}-releaseDate-needed` : undefined}
                onUnreadable={markUnread('releaseDate')}
              />
              <Needed id={`${uid}-releaseDate-needed`} field="releaseDate" missing={missing} />
            </div>
          </div>
          <div className="row">
            <SelectField
              id={`${uid}-lang`}
              label={t('releases.language')}
              value={form.language}
              choices={languages.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
              onChange={(language) => update({ language })}
            />
            <SelectField
              id={`${uid}-status`}
              label={t('releases.status')}
              value={form.status}
              choices={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              onChange={(status) => chooseStatus(status as ReleaseStatus)}
            />
            <OfficeField id={`${uid}-office`} label={t('releases.office')} office={form.office} offices={offices} none={t('common.none')} onChange={(office) => update({ office })} />
          </div>
          {wanted && missing.length > 0 && (
            <p className="error" role="alert">
              {t('releases.cannotGoOut', { status: t(`status.${wanted}`), fields: missing.map((f) => t(`releases.${f}`)).join(t('common.listSeparator')) })}
            </p>
          )}
          <EmbargoField value={form.embargo} defaultZone={deviceTimeZone()} onChange={(embargo) => update({ embargo })} onDateUnreadable={markUnread('embargo')} />
          <div className="field">
            <span className="label" id={`${uid}-body`}>
              {t('releases.body')}
            </span>
            {bodyUsable ? (
              <BodyEditor initial={form.body} dir={dir} lang={form.language} labelId={`${uid}-body`} onChange={(body) => update({ body })} readOnly={readOnly} />
            ) : (
              <p className="error" role="alert">
                {t('releases.bodyUnreadable')}
              </p>
            )}
            <Needed id={`${uid}-body-needed`} field="body" missing={missing} />
          </div>
          <QuotesEditor quotes={form.quotes} dir={dir} onChange={(quotes) => update({ quotes })} />
          <div className="field">
            <label htmlFor={`${uid}-notes`}>{t('releases.notesToEditors')}</label>
            <textarea id={`${uid}-notes`} dir={dir} rows={4} value={form.notesToEditors ?? ''} onChange={(e) => update({ notesToEditors: e.target.value })} />
          </div>
          <fieldset>
            <legend>{t('releases.boilerplate')}</legend>
            <div className="check">
              <input type="radio" id={`${uid}-bp-none`} name={`${uid}-bp`} checked={boilerplateKind === 'none'} onChange={() => update({ boilerplate: null })} />
              <label htmlFor={`${uid}-bp-none`}>{t('releases.boilerplateNone')}</label>
            </div>
            <div className="check">
              <input
                type="radio"
                id={`${uid}-bp-office`}
                name={`${uid}-bp`}
                checked={boilerplateKind === 'office'}
                disabled={!form.office}
                onChange={() => form.office && update({ boilerplate: { office: form.office } })}
              />
              <label htmlFor={`${uid}-bp-office`}>{office ? t('releases.boilerplateOffice', { office: office.name }) : t('releases.boilerplateNeedsOffice')}</label>
            </div>
            <div className="check">
              <input type="radio" id={`${uid}-bp-text`} name={`${uid}-bp`} checked={boilerplateKind === 'text'} onChange={() => update({ boilerplate: { text: '' } })} />
              <label htmlFor={`${uid}-bp-text`}>{t('releases.boilerplateText')}</label>
            </div>
            {form.boilerplate && 'text' in form.boilerplate && (
              <div className="field">
                <label htmlFor={`${uid}-bp-body`}>{t('releases.boilerplateTextLabel')}</label>
                <textarea id={`${uid}-bp-body`} dir={dir} rows={4} value={form.boilerplate.text} onChange={(e) => update({ boilerplate: { text: e.target.value } })} />
              </div>
            )}
          </fieldset>
          <SelectField
            id={`${uid}-end`}
            label={t('releases.endMark')}
            value={form.endMark ?? ''}
            choices={END_MARKS.map((m) => ({ value: m, label: endMarkText(m, form.language) }))}
            none={t('common.none')}
            onChange={(endMark) => update({ endMark: (endMark || null) as ReleaseForm['endMark'] })}
          />
          <ContactPicker value={form.contacts} onChange={(contacts) => update({ contacts })} />
          <ListEditor
            label={t('releases.tags')}
            values={form.tags}
            onChange={(tags) => update({ tags })}
            validate={(v) => {
              if (v.length > 60) return t('releases.tagTooLong');
              // One tag whatever its capitals and accents: said, with the spelling the release has.
              const same = sameTag(form.tags, v);
              return same === null ? null : t('releases.tagAlready', { tag: v, existing: same });
            }}
          />
          </fieldset>
        </form>
        {id && <aside className="editor-side" aria-label={t('releases.sidePanels')}>
          <LifecyclePanel id={id} doc={doc} status={form.status} beforeAction={flush} onChanged={reload} />
          <section className="panel" aria-labelledby={`${uid}-att`}>
            <h2 id={`${uid}-att`}>{t('nav.attachments')}</h2>
            {attachments.status === 'error' && <ErrorMessage error={attachments.error} />}
            {attachments.status === 'ok' && attachments.value.items.length === 0 && <p className="muted">{t('releases.noAttachments')}</p>}
            {attachments.status === 'ok' && attachments.value.items.length > 0 && <AttachmentGrid items={attachments.value.items} label={t('releases.attachmentsOf')} />}
            <FileDrop release={id} onAdded={attachments.reload} />
          </section>
          <VersionsPanel id={id} language={form.language} beforeTranslate={flush} />
          <HistoryPanel id={id} currentRev={rev} beforeRestore={flush} onRestored={reload} readOnly={readOnly} />
        </aside>}
      </div>
    </div>
  );
}

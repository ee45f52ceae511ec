import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSummary, ContactSummary, CoreEvent, ReleaseSummary } from '../../electron/shared/contract';
import { SECTION_KINDS, type Doc, type KitItem } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import type { KitPreview } from '../../electron/shared/kit-contract';
import { EXPORT_FORMATS, type ExportFormat, type PageSize } from '../../electron/shared/kit-layout';
import { emptyRichText, type RichText } from '../../electron/shared/richtext';
import { useClient, useCoreEvents } from '../client/context';
import { BodyEditor } from '../releases/BodyEditor';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { isRtlLanguage, languageName, WORKING_LANGUAGES } from '../ui/languages';
import { useOffices } from '../ui/useOffices';
import { bytesOf, chosenLanguages, isExportedBytes, moveItem, toggleLanguage, withKey, withoutKey, type BuilderItem } from './items';

/**
 * The kit builder: what goes into a press kit and in which order (drag and drop, or the move
 * buttons from the keyboard), the office template and page size, a live preview that is the
 * very HTML the PDF is printed from (shown in a sandboxed frame: no script, no network), and
 * the exports, downloaded as files with progress and cancel.
 *
 * The kit saves itself shortly after each change, because the preview is rendered by the
 * core from the saved kit: saving is what keeps the preview live.
 */

type SectionKind = (typeof SECTION_KINDS)[number];

interface Draft {
  title: string;
  language: string;
  pageSize: PageSize;
  office: string | null;
  items: BuilderItem[];
}

interface Pickable {
  releases: ReleaseSummary[];
  attachments: AttachmentSummary[];
  contacts: ContactSummary[];
}

type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'titleNeeded' } | { kind: 'error'; error: ApiError };

interface RunningExport {
  id: string;
  format: ExportFormat;
  done: number;
  total: number | null;
}

type JobEvent = Extract<CoreEvent, { type: 'job.progress' | 'job.done' | 'job.failed' }>;

/** A pause in editing this long saves the kit and refreshes the preview. */
const SAVE_DELAY_MS = 500;

function fieldsOf(d: Draft) {
  return { title: d.title.trim(), language: d.language, pageSize: d.pageSize, office: d.office, items: d.items.map(withoutKey) };
}

function draftOf(k: Doc<'kit'>): Draft {
  return { title: k.title, language: k.language, pageSize: k.pageSize, office: k.office, items: k.items.map(withKey) };
}

/** Hands the file to the browser's downloads: a Blob behind an object URL and an <a download>. */
function download(name: string, mediaType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function KitBuilder({ kitId }: { kitId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const offices = useOffices();
  const ids = useId();

  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [pick, setPick] = useState<Pickable>({ releases: [], attachments: [], contacts: [] });
  const [versions, setVersions] = useState<Record<string, ReleaseSummary[]>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [preview, setPreview] = useState<KitPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [running, setRunning] = useState<RunningExport | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const [choice, setChoice] = useState({ release: '', attachment: '', contact: '', section: 'factSheet' as SectionKind });

  // The latest draft, read synchronously by saves and edits (state lags one render behind).
  const latest = useRef<Draft | null>(null);
  const rev = useRef<string | null>(null);
  const savedJson = useRef('');
  const saveChain = useRef<Promise<void>>(Promise.resolve());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const previewSeq = useRef(0);
  const versionsAsked = useRef(new Set<string>());
  const dragFrom = useRef<number | null>(null);
  const focusAfter = useRef<{ key: string; action: 'up' | 'down' } | null>(null);
  const itemsHeading = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Export job bookkeeping: the id of ours, and events that arrived before its id did.
  const jobId = useRef<string | null>(null);
  const starting = useRef(false);
  const early = useRef(new Map<string, JobEvent[]>());

  const refreshPreview = useCallback(async () => {
    const n = ++previewSeq.current;
    const r = await client.call('kit.preview', { id: kitId });
    // A slower answer to an older request must not replace a newer preview.
    if (n !== previewSeq.current) return;
    if (r.ok) {
      setPreview(r.value);
      setPreviewError(null);
    } else setPreviewError(r.error);
  }, [client, kitId]);

  /** Saves the latest draft now (if it changed), after any save already under way. */
  const saveNow = useCallback((): Promise<void> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    saveChain.current = saveChain.current.then(async () => {
      const d = latest.current;
      if (!d) return;
      const fields = fieldsOf(d);
      const json = JSON.stringify(fields);
      if (json === savedJson.current) return setSave({ kind: 'saved' });
      if (fields.title === '') return setSave({ kind: 'titleNeeded' });
      const r = await client.call('kit.update', { id: kitId, rev: rev.current, fields });
      if (!r.ok) return setSave({ kind: 'error', error: r.error });
      rev.current = r.value.rev;
      savedJson.current = json;
      const stillSame = latest.current && JSON.stringify(fieldsOf(latest.current)) === json;
      setSave(stillSame ? { kind: 'saved' } : { kind: 'saving' });
      await refreshPreview();
    });
    return saveChain.current;
  }, [client, kitId, refreshPreview]);

  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;

  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await client.call('kit.get', { id: kitId });
      if (!live) return;
      if (!r.ok) return setLoadError(r.error);
      const d = draftOf(r.value);
      rev.current = r.value.rev;
      latest.current = d;
      savedJson.current = JSON.stringify(fieldsOf(d));
      setDraft(d);
      const [rel, att, con] = await Promise.all([
        client.call('release.list', { limit: 500 }),
        client.call('attachment.list', { limit: 500 }),
        // Journalists are the audience of a kit, never its contacts; the core leaves them out.
        client.call('contact.list', { limit: 500, kind: 'spokesperson' }),
      ]);
      if (!live) return;
      setPick({ releases: rel.ok ? rel.value.items : [], attachments: att.ok ? att.value.items : [], contacts: con.ok ? con.value.items : [] });
      const failed = [rel, att, con].find((x) => !x.ok);
      if (failed && !failed.ok) setLoadError(failed.error);
    })();
    void refreshPreview();
    return () => {
      live = false;
      // Leaving the builder: whatever is still waiting for the pause is saved now.
      void saveNowRef.current();
    };
  }, [client, kitId, refreshPreview]);

  // Closing or reloading the page inside the pause: send what is waiting (best effort).
  useEffect(() => {
    const flush = () => void saveNowRef.current();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  // The language versions of each release in the kit, for its checkboxes (asked once per release).
  useEffect(() => {
    for (const it of draft?.items ?? []) {
      if (it.kind !== 'release' || versionsAsked.current.has(it.id)) continue;
      versionsAsked.current.add(it.id);
      void client.call('release.versions', { id: it.id }).then((r) => {
        if (r.ok) setVersions((v) => ({ ...v, [it.id]: r.value }));
      });
    }
  }, [client, draft]);

  // After a move from the keyboard, focus stays on the moved item's button in its new place.
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const row = [...(listRef.current?.children ?? [])].find((el) => el instanceof HTMLElement && el.dataset.key === f.key);
    const same = row?.querySelector<HTMLButtonElement>(`button[data-action="${f.action}"]:not(:disabled)`);
    const other = row?.querySelector<HTMLButtonElement>('button[data-action]:not(:disabled)');
    (same ?? other)?.focus();
  });

  const edit = (change: (d: Draft) => Draft) => {
    if (!latest.current) return;
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
    setSave({ kind: 'saving' });
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  const editItem = (key: string, change: (it: BuilderItem) => BuilderItem) =>
    edit((d) => ({ ...d, items: d.items.map((x) => (x.key === key ? change(x) : x)) }));

  const releaseOf = (id: string): ReleaseSummary | undefined =>
    pick.releases.find((r) => r.id === id) ?? Object.values(versions).flat().find((r) => r.id === id);

  const label = (it: KitItem): string => {
    switch (it.kind) {
      case 'release': {
        const r = releaseOf(it.id);
        return r ? r.headline || t('common.untitled') : t('kitBuilder.unknown');
      }
      case 'attachment':
        return pick.attachments.find((a) => a.id === it.id)?.originalName ?? t('kitBuilder.unknown');
      case 'contact':
        return pick.contacts.find((c) => c.id === it.id)?.name ?? t('kitBuilder.unknown');
      case 'section':
        return it.title || t(`kitBuilder.section.${it.sectionKind}`);
    }
  };

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    const items = latest.current?.items ?? [];
    const moved = items[from];
    const next = moveItem(items, from, to);
    if (!moved || next === items) return;
    if (focus) focusAfter.current = { key: moved.key, action: focus };
    edit((d) => ({ ...d, items: [...next] }));
    setAnnouncement(t('kitBuilder.moved', { item: label(moved), position: to + 1, count: items.length }));
  };

  const remove = (key: string) => {
    const it = latest.current?.items.find((x) => x.key === key);
    if (!it) return;
    edit((d) => ({ ...d, items: d.items.filter((x) => x.key !== key) }));
    setAnnouncement(t('kitBuilder.removed', { item: label(it) }));
    itemsHeading.current?.focus();
  };

  const add = (it: KitItem) => {
    const item = withKey(it);
    edit((d) => ({ ...d, items: [...d.items, item] }));
    setAnnouncement(t('kitBuilder.added', { item: label(it) }));
  };

  // ---- Exports ---------------------------------------------------------------------------

  const finish = (e: JobEvent) => {
    if (e.type === 'job.progress') {
      setRunning((r) => (r && r.id === e.job.id ? { ...r, done: e.job.done, total: e.job.total } : r));
      return;
    }
    jobId.current = null;
    setRunning(null);
    setCancelling(false);
    if (e.type === 'job.done') {
      if (!isExportedBytes(e.result)) return setExportError({ code: 'INTERNAL', message: t('errors.badReply'), params: { reason: 'badReply' } });
      download(e.result.name, e.result.mediaType, e.result.data);
      setExportNote(t('kitBuilder.exported', { name: e.result.name }));
    } else if (e.job.state === 'cancelled' || e.error.code === 'CANCELLED') {
      setExportNote(t('kitBuilder.cancelled'));
    } else {
      setExportError({ code: e.error.code as ApiError['code'], message: e.error.message });
    }
  };

  useCoreEvents((e) => {
    if (e.type !== 'job.progress' && e.type !== 'job.done' && e.type !== 'job.failed') return;
    if (e.job.method !== 'kit.exportFile') return;
    if (e.job.id === jobId.current) finish(e);
    // A short export can end before the call that started it has answered with its id.
    else if (starting.current) early.current.set(e.job.id, [...(early.current.get(e.job.id) ?? []), e]);
  });

  const startExport = async (format: ExportFormat) => {
    setExportNote(null);
    setExportError(null);
    // The export reads the saved kit: save what is on screen first.
    await saveNow();
    if (!latest.current || JSON.stringify(fieldsOf(latest.current)) !== savedJson.current) {
      return setExportNote(t('kitBuilder.saveFirst'));
    }
    starting.current = true;
    const r = await client.call('kit.exportFile', { id: kitId, format });
    starting.current = false;
    const buffered = r.ok ? (early.current.get(r.value.jobId) ?? []) : [];
    early.current.clear();
    if (!r.ok) return setExportError(r.error);
    jobId.current = r.value.jobId;
    setRunning({ id: r.value.jobId, format, done: 0, total: null });
    for (const e of buffered) finish(e);
  };

  const cancel = async () => {
    const id = jobId.current;
    if (!id) return;
    setCancelling(true);
    // The job's own "cancelled" event ends it on screen; an export that had already finished
    // is downloaded as usual.
    const r = await client.call('job.cancel', { id });
    if (!r.ok) {
      setCancelling(false);
      setExportError(r.error);
    }
  };

  // ---- Drag and drop ---------------------------------------------------------------------

  const DRAG_TYPE = 'application/x-dateline-kit-item';

  const onDragStart = (e: DragEvent<HTMLElement>, index: number) => {
    dragFrom.current = index;
    e.dataTransfer.effectAllowed = 'move';
    // Only our own type: dropping the item into a text field elsewhere pastes nothing.
    e.dataTransfer.setData(DRAG_TYPE, String(index));
    const row = e.currentTarget.closest('li');
    if (row) e.dataTransfer.setDragImage(row, 16, 16);
  };
  const onDragOver = (e: DragEvent<HTMLElement>, index: number) => {
    if (dragFrom.current === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropTarget !== index) setDropTarget(index);
  };
  const onDrop = (e: DragEvent<HTMLElement>, index: number) => {
    if (dragFrom.current === null) return;
    e.preventDefault();
    move(dragFrom.current, index);
    dragFrom.current = null;
    setDropTarget(null);
  };
  const onDragEnd = () => {
    dragFrom.current = null;
    setDropTarget(null);
  };

  if (!draft) return loadError ? <ErrorMessage error={loadError} /> : <Loading />;

  const items = draft.items;
  const languages: string[] = WORKING_LANGUAGES.includes(draft.language as (typeof WORKING_LANGUAGES)[number])
    ? [...WORKING_LANGUAGES]
    : [...WORKING_LANGUAGES, draft.language];
  const editorDir = isRtlLanguage(draft.language) ? 'rtl' : 'ltr';
  const percent = running?.total ? Math.round((100 * running.done) / running.total) : null;

  return (
    <div className="screen kit-builder">
      <div className="screen-head">
        <h1>{t('kitBuilder.heading')}</h1>
        <span className={`save-state save-${save.kind === 'titleNeeded' ? 'error' : save.kind}`} role="status" aria-live="polite">
          {save.kind === 'saved' ? t('save.saved') : save.kind === 'saving' ? t('save.saving') : t('save.failed')}
        </span>
      </div>
      {loadError && <ErrorMessage error={loadError} />}
      {save.kind === 'error' && <ErrorMessage error={save.error} />}
      {save.kind === 'titleNeeded' && (
        <p className="error" role="alert">
          {t('kitBuilder.titleNeeded')}
        </p>
      )}
      <div className="kit-builder-columns">
        <div className="kit-builder-edit">
          <section className="panel" aria-labelledby={`${ids}-settings`}>
            <h2 id={`${ids}-settings`}>{t('kitBuilder.settings')}</h2>
            <div className="field">
              <label htmlFor={`${ids}-title`}>{t('kitBuilder.title')}</label>
              <input
                id={`${ids}-title`}
                dir="auto"
                value={draft.title}
                aria-invalid={save.kind === 'titleNeeded' || undefined}
                onChange={(e) => {
                  const title = e.target.value;
                  edit((d) => ({ ...d, title }));
                }}
              />
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor={`${ids}-lang`}>{t('kitBuilder.language')}</label>
                <select
                  id={`${ids}-lang`}
                  value={draft.language}
                  onChange={(e) => {
                    const language = e.target.value;
                    edit((d) => ({ ...d, language }));
                  }}
                >
                  {languages.map((l) => (
                    <option key={l} value={l}>
                      {languageName(l, i18n.language)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${ids}-office`}>{t('kitBuilder.office')}</label>
                <select
                  id={`${ids}-office`}
                  value={draft.office ?? ''}
                  onChange={(e) => {
                    const office = e.target.value || null;
                    edit((d) => ({ ...d, office }));
                  }}
                >
                  <option value="">{t('kitBuilder.noOffice')}</option>
                  {offices.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${ids}-page`}>{t('kitBuilder.pageSize')}</label>
                <select
                  id={`${ids}-page`}
                  value={draft.pageSize}
                  onChange={(e) => {
                    const pageSize: PageSize = e.target.value === 'Letter' ? 'Letter' : 'A4';
                    edit((d) => ({ ...d, pageSize }));
                  }}
                >
                  <option value="A4">{t('kitBuilder.pageA4')}</option>
                  <option value="Letter">{t('kitBuilder.pageLetter')}</option>
                </select>
              </div>
            </div>
            <p className="hint">{t('kitBuilder.officeHint')}</p>
          </section>

          <section className="panel" aria-labelledby={`${ids}-items`}>
            <h2 id={`${ids}-items`} ref={itemsHeading} tabIndex={-1}>
              {t('kitBuilder.items')}
            </h2>
            {items.length === 0 ? <p className="muted">{t('kitBuilder.empty')}</p> : <p className="hint">{t('kitBuilder.orderHint')}</p>}
            <ol className="kit-items" ref={listRef} aria-labelledby={`${ids}-items`}>
              {items.map((it, i) => {
                const name = label(it);
                const release = it.kind === 'release' ? releaseOf(it.id) : undefined;
                const group = it.kind === 'release' ? (versions[it.id] ?? []) : [];
                return (
                  <li
                    key={it.key}
                    data-key={it.key}
                    className={`kit-item${dropTarget === i ? ' drop-target' : ''}`}
                    onDragOver={(e) => onDragOver(e, i)}
                    onDrop={(e) => onDrop(e, i)}
                  >
                    <div className="kit-item-head">
                      <span
                        className="drag-handle"
                        draggable
                        onDragStart={(e) => onDragStart(e, i)}
                        onDragEnd={onDragEnd}
                        title={t('kitBuilder.dragHint')}
                        aria-hidden="true"
                      >
                        ⠿
                      </span>
                      <span className="badge">{t(`kitBuilder.kind.${it.kind}`)}</span>
                      <span className="kit-item-label" dir="auto">
                        {name}
                      </span>
                      <span className="kit-item-actions">
                        <button type="button" className="tool" data-action="up" onClick={() => move(i, i - 1, 'up')} disabled={i === 0} aria-label={t('kitBuilder.moveUp', { item: name })}>
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button
                          type="button"
                          className="tool"
                          data-action="down"
                          onClick={() => move(i, i + 1, 'down')}
                          disabled={i === items.length - 1}
                          aria-label={t('kitBuilder.moveDown', { item: name })}
                        >
                          <span aria-hidden="true">↓</span>
                        </button>
                        <button type="button" className="tool" onClick={() => remove(it.key)} aria-label={t('kitBuilder.remove', { item: name })}>
                          <span aria-hidden="true">✕</span>
                        </button>
                      </span>
                    </div>
                    {it.kind === 'release' && release && group.length > 1 && (
                      <fieldset className="kit-item-languages">
                        <legend>{t('kitBuilder.versions', { item: name })}</legend>
                        {group.map((v) => {
                          const chosen = chosenLanguages(it, release.language);
                          const on = chosen.includes(v.language);
                          return (
                            <label key={v.id} className="check">
                              <input
                                type="checkbox"
                                checked={on}
                                // The last version left stays: a release with none would print nothing.
                                disabled={on && chosen.length === 1}
                                onChange={(e) => {
                                  const checked = e.target.checked;
                                  editItem(it.key, (x) => (x.kind === 'release' ? { ...toggleLanguage(x, release.language, v.language, checked), key: x.key } : x));
                                }}
                              />
                              {languageName(v.language, i18n.language)}
                            </label>
                          );
                        })}
                      </fieldset>
                    )}
                    {it.kind === 'section' && (
                      <div className="kit-item-section">
                        <div className="field">
                          <label htmlFor={`${ids}-st-${it.key}`}>{t('kitBuilder.sectionTitle')}</label>
                          <input
                            id={`${ids}-st-${it.key}`}
                            dir="auto"
                            value={it.title}
                            onChange={(e) => {
                              const title = e.target.value;
                              editItem(it.key, (x) => (x.kind === 'section' ? { ...x, title } : x));
                            }}
                          />
                        </div>
                        <span id={`${ids}-sb-${it.key}`} className="visually-hidden">
                          {t('kitBuilder.sectionBody', { item: name })}
                        </span>
                        <BodyEditor
                          initial={it.body}
                          dir={editorDir}
                          lang={draft.language}
                          labelId={`${ids}-sb-${it.key}`}
                          onChange={(body: RichText) => editItem(it.key, (x) => (x.kind === 'section' ? { ...x, body } : x))}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
            <p className="visually-hidden" role="status" aria-live="polite">
              {announcement}
            </p>
          </section>

          <section className="panel" aria-labelledby={`${ids}-add`}>
            <h2 id={`${ids}-add`}>{t('kitBuilder.add')}</h2>
            <div className="kit-add">
              <label htmlFor={`${ids}-add-release`}>{t('kitBuilder.release')}</label>
              <select id={`${ids}-add-release`} value={choice.release} onChange={(e) => setChoice((c) => ({ ...c, release: e.target.value }))}>
                <option value="">{t('kitBuilder.choose')}</option>
                {pick.releases.map((r) => (
                  <option key={r.id} value={r.id}>
                    {`${r.headline || t('common.untitled')} (${languageName(r.language, i18n.language)})`}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!choice.release} onClick={() => (add({ kind: 'release', id: choice.release }), setChoice((c) => ({ ...c, release: '' })))}>
                {t('kitBuilder.addRelease')}
              </button>

              <label htmlFor={`${ids}-add-attachment`}>{t('kitBuilder.attachment')}</label>
              <select id={`${ids}-add-attachment`} value={choice.attachment} onChange={(e) => setChoice((c) => ({ ...c, attachment: e.target.value }))}>
                <option value="">{t('kitBuilder.choose')}</option>
                {pick.attachments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.originalName}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={!choice.attachment}
                onClick={() => (add({ kind: 'attachment', id: choice.attachment }), setChoice((c) => ({ ...c, attachment: '' })))}
              >
                {t('kitBuilder.addAttachment')}
              </button>

              <label htmlFor={`${ids}-add-contact`}>{t('kitBuilder.contact')}</label>
              <select id={`${ids}-add-contact`} value={choice.contact} onChange={(e) => setChoice((c) => ({ ...c, contact: e.target.value }))}>
                <option value="">{t('kitBuilder.choose')}</option>
                {pick.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.organisation ? `${c.name} (${c.organisation})` : c.name}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!choice.contact} onClick={() => (add({ kind: 'contact', id: choice.contact }), setChoice((c) => ({ ...c, contact: '' })))}>
                {t('kitBuilder.addContact')}
              </button>

              <label htmlFor={`${ids}-add-section`}>{t('kitBuilder.sectionKind')}</label>
              <select
                id={`${ids}-add-section`}
                value={choice.section}
                onChange={(e) => {
                  const section = SECTION_KINDS.find((k) => k === e.target.value) ?? 'text';
                  setChoice((c) => ({ ...c, section }));
                }}
              >
                {SECTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kitBuilder.section.${k}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => add({ kind: 'section', sectionKind: choice.section, title: t(`kitBuilder.section.${choice.section}`), body: emptyRichText() })}
              >
                {t('kitBuilder.addSection')}
              </button>
            </div>
            {pick.contacts.length === 0 && <p className="hint">{t('kitBuilder.noSpokespeople')}</p>}
          </section>

          <section className="panel" aria-labelledby={`${ids}-export`}>
            <h2 id={`${ids}-export`}>{t('kitBuilder.exportHeading')}</h2>
            <div className="actions">
              {EXPORT_FORMATS.map((f) => (
                <button key={f} type="button" onClick={() => void startExport(f)} disabled={running !== null || items.length === 0}>
                  {t(`kitBuilder.export.${f}`)}
                </button>
              ))}
            </div>
            {items.length === 0 && <p className="hint">{t('kitBuilder.exportNeedsItems')}</p>}
            {running && (
              <div className="kit-export-progress">
                <progress
                  aria-label={t('kitBuilder.progress', { format: t(`kitBuilder.format.${running.format}`) })}
                  max={running.total ?? undefined}
                  value={running.total ? running.done : undefined}
                />
                <span role="status">
                  {cancelling
                    ? t('kitBuilder.cancelling')
                    : percent === null
                      ? t('kitBuilder.exporting', { format: t(`kitBuilder.format.${running.format}`) })
                      : t('kitBuilder.exportingPercent', { format: t(`kitBuilder.format.${running.format}`), percent })}
                </span>
                <button type="button" onClick={() => void cancel()} disabled={cancelling}>
                  {t('kitBuilder.cancel')}
                </button>
              </div>
            )}
            {exportNote && (
              <p className="notice" role="status">
                {exportNote}
              </p>
            )}
            {exportError && <ErrorMessage error={exportError} />}
          </section>
        </div>

        <section className="kit-builder-preview" aria-labelledby={`${ids}-preview`}>
          <h2 id={`${ids}-preview`}>{t('kitBuilder.preview')}</h2>
          <p className="hint">{t('kitBuilder.previewHint', { size: draft.pageSize === 'Letter' ? t('kitBuilder.pageLetter') : t('kitBuilder.pageA4') })}</p>
          {preview?.warnings.map((w) => (
            <p key={w} className="notice" dir="auto">
              {w}
            </p>
          ))}
          {previewError && <ErrorMessage error={previewError} />}
          {preview ? (
            // sandbox="" (no allow-*): no script, no forms, no navigation, an opaque origin.
            <iframe title={t('kitBuilder.previewFrame', { title: draft.title })} className="kit-preview-frame" sandbox="" srcDoc={preview.html} />
          ) : (
            !previewError && <Loading />
          )}
        </section>
      </div>
    </div>
  );
}

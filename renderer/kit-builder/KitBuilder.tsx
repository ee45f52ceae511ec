import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meanwhile, ReleaseSummary } from '../../electron/shared/contract';
import { KIT_AUDIENCES, type Doc, type KitAudience, type KitItem } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { fieldsPatch } from '../../electron/shared/fields-patch';
import type { KitPreview } from '../../electron/shared/kits/contract';
import type { PageSize } from '../../electron/shared/kits/layout';
import { plainText } from '../../electron/shared/richtext';
import { useClient } from '../client/context';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { WORKING_LANGUAGES } from '../../electron/shared/ui/languages';
import { formatBytes, languageName } from '../ui/languages';
import { OfficeField, SelectField } from '../ui/SelectField';
import { useOffices } from '../ui/useOffices';
import { ExportPanel } from './ExportPanel';
import { ItemList } from './ItemList';
import { ItemPicker } from './ItemPicker';
import { attachmentDetail, idsOfKind, moveItem, withKey, withoutKey, withRows, type AttachmentDetail, type BuilderItem, type KnownRows, type PickedRow, withPicked, pickedName } from './items';
import { knownRows } from './known';
import { formatLocale } from '../i18n';
import { PreviewPane } from './PreviewPane';
import { readCandidate } from '../attachments/files';
import { errorText } from '../i18n/errors';
import { useSyncStatus } from '../sync/useSyncStatus';
import { NewerNotice, newerVersionOf } from '../ui/NewerDocument';
import { SavedNote } from '../ui/SavedNote';
import type { SyncStatus } from '../../electron/shared/contract';
import { href, navigate } from '../app/router';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import { noteKitDeleted } from '../kits/deleted-notice';
import { CONFLICTS_CHANGED } from '../conflicts/useConflictCount';
import { DocHistory } from '../ui/DocHistory';
import { useArrivalFocus } from '../ui/pageFocus';
import { takeKitCreated } from './just-created';

/**
 * The kit builder: what goes into a press kit and in which order (drag and drop, or the move
 * buttons from the keyboard), the office template and page size, a live preview that is the
 * very HTML the PDF is printed from (shown in a sandboxed frame: no script, no network), and
 * the exports, downloaded as files with progress and cancel.
 *
 * The kit saves itself shortly after each change, because the preview is rendered by the
 * core from the saved kit: saving is what keeps the preview live.
 */

interface Draft {
  title: string;
  language: string;
  pageSize: PageSize;
  audience: KitAudience;
  office: string | null;
  items: BuilderItem[];
}

/** `meanwhile`: what became of a change made elsewhere that the last save met (merged, or both versions kept: a conflict, a deletion). */
type SaveState = { kind: 'saved'; meanwhile?: Exclude<Meanwhile, 'nothing'> } | { kind: 'saving' } | { kind: 'titleNeeded' } | { kind: 'error'; error: ApiError };

/** A pause in editing this long saves the kit and refreshes the preview. */
const SAVE_DELAY_MS = 500;

function fieldsOf(d: Draft) {
  return { title: d.title.trim(), language: d.language, pageSize: d.pageSize, audience: d.audience, office: d.office, items: d.items.map(withoutKey) };
}

function draftOf(k: Doc<'kit'>): Draft {
  return { title: k.title, language: k.language, pageSize: k.pageSize, audience: k.audience ?? 'public', office: k.office, items: k.items.map(withKey) };
}

/** The title of the kit as last saved (what the list shows), from the saved fields' JSON. */
function savedTitle(json: string): string {
  try {
    const title = (JSON.parse(json) as { title?: unknown }).title;
    return typeof title === 'string' ? title : '';
  } catch {
    return '';
  }
}

/** What of the sync status decides how a kit's files still on the server come down (see `ServerFilesDownload`). */
function syncFacts(s: SyncStatus): string {
  return JSON.stringify([s.state === 'not-set-up', s.paused, s.online, s.password, s.lastSyncedAt]);
}

export function KitBuilder({ kitId }: { kitId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const offices = useOffices();
  const ids = useId();

  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  // A kit from a newer Dateline is shown and exported, never changed: nothing of it is saved.
  const [newerVersion, setNewerVersion] = useState<number | null>(null);
  const [pick, setPick] = useState<KnownRows>({ releases: [], attachments: [], contacts: [] });
  const [versions, setVersions] = useState<Record<string, ReleaseSummary[]>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [preview, setPreview] = useState<KitPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [relinkError, setRelinkError] = useState<string | null>(null);
  /** A section taken out with its text, and where it was: the notice under the list offers Undo. */
  const [removed, setRemoved] = useState<{ item: BuilderItem; at: number; name: string } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // The latest draft, read synchronously by saves and edits (state lags one render behind).
  const latest = useRef<Draft | null>(null);
  const rev = useRef<string | null>(null);
  // The revision on screen, for the version history to mark as current (the ref is what saves read).
  const [shownRev, setShownRev] = useState<string | null>(null);
  const savedJson = useRef('');
  // The fields as loaded or last saved: a save sends only what differs, so a change made
  // elsewhere to another field is merged in by the core, never overwritten.
  const savedFields = useRef<ReturnType<typeof fieldsOf> | null>(null);
  const saveChain = useRef<Promise<void>>(Promise.resolve());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const previewSeq = useRef(0);
  // False once the builder has gone: answers that arrive later (the last save's preview, say) are
  // dropped instead of setting state on a screen that no longer exists.
  const mounted = useRef(true);
  const versionsAsked = useRef(new Set<string>());
  const itemsHeading = useRef<HTMLHeadingElement>(null);
  const deleted = useRef(false);
  // "Delete kit…" asks in place under the heading; Cancel is focused, Escape answers it.
  const [askingDelete, setAskingDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const deleteFocus = useConfirmFocus(askingDelete ? 'delete' : null, () => setAskingDelete(false));

  const refreshPreview = useCallback(async () => {
    const n = ++previewSeq.current;
    const r = await client.call('kit.preview', { id: kitId });
    // A slower answer to an older request must not replace a newer preview.
    if (n !== previewSeq.current || !mounted.current) return;
    if (r.ok) {
      setPreview(r.value);
      setPreviewError(null);
    } else setPreviewError(r.error);
  }, [client, kitId]);

  /** Shows `kit` as stored: the builder's draft, and what its next save is compared with. */
  const adopt = useCallback((kit: Doc<'kit'>): Draft => {
    const d = draftOf(kit);
    rev.current = kit.rev;
    latest.current = d;
    savedFields.current = fieldsOf(d);
    savedJson.current = JSON.stringify(savedFields.current);
    setShownRev(kit.rev);
    setDraft(d);
    return d;
  }, []);

  /** Reads the kit as stored into the builder, when nothing was typed since it was read. */
  const adoptStored = useCallback(async (): Promise<void> => {
    const before = JSON.stringify(latest.current && fieldsOf(latest.current));
    const r = await client.call('kit.get', { id: kitId });
    if (!r.ok || !mounted.current || JSON.stringify(latest.current && fieldsOf(latest.current)) !== before) return;
    adopt(r.value);
  }, [client, kitId, adopt]);

  /** Saves the latest draft now (if it changed), after any save already under way. */
  const saveNow = useCallback((): Promise<void> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    saveChain.current = saveChain.current.then(async () => {
      const d = latest.current;
      // A deleted kit is not written again (leaving the builder saves what waits).
      if (!d || deleted.current) return;
      const fields = fieldsOf(d);
      const json = JSON.stringify(fields);
      // Leaving the builder saves what waits; a builder already gone has nothing to show.
      if (json === savedJson.current) return mounted.current ? setSave({ kind: 'saved' }) : undefined;
      if (fields.title === '') return mounted.current ? setSave({ kind: 'titleNeeded' }) : undefined;
      const patch = savedFields.current ? fieldsPatch(savedFields.current, fields, new Set()) : fields;
      const r = await client.call('kit.update', { id: kitId, rev: rev.current, fields: patch });
      if (r.ok) [rev.current, savedJson.current, savedFields.current] = [r.value.rev, json, fields];
      if (!mounted.current) return;
      if (!r.ok) return setSave({ kind: 'error', error: r.error });
      setShownRev(r.value.rev);
      const { meanwhile } = r.value;
      const stillSame = latest.current && JSON.stringify(fieldsOf(latest.current)) === json;
      // A change made elsewhere was merged in: the builder shows the kit as it now is, unless
      // the person went on editing (their next save keeps that change all the same).
      if (meanwhile === 'merged' && stillSame) await adoptStored();
      if (meanwhile === 'conflict' || meanwhile === 'deleted') window.dispatchEvent(new Event(CONFLICTS_CHANGED));
      setSave(stillSame ? { kind: 'saved', ...(meanwhile === 'nothing' ? {} : { meanwhile }) } : { kind: 'saving' });
      await refreshPreview();
    });
    return saveChain.current;
  }, [client, kitId, refreshPreview, adoptStored]);

  /** The names of what the kit's items point at (files and people), read by id however far down the library they are. */
  const readKnown = useCallback(
    async (items: readonly BuilderItem[], live: () => boolean): Promise<void> => {
      const known = await knownRows(client, { attachments: idsOfKind(items, 'attachment'), contacts: idsOfKind(items, 'contact') });
      if (!live()) return;
      setPick((p) => withRows(withRows(p, 'attachment', known.attachments), 'contact', known.contacts));
      if (known.error) setLoadError(known.error);
    },
    [client],
  );

  /** After an earlier version was restored: the builder shows it, with its items named and its preview. */
  const showRestored = async (): Promise<void> => {
    const r = await client.call('kit.get', { id: kitId });
    if (!mounted.current) return;
    if (!r.ok) return setLoadError(r.error);
    setRemoved(null);
    setSave({ kind: 'saved' });
    const d = adopt(r.value);
    await Promise.all([readKnown(d.items, () => mounted.current), refreshPreview()]);
  };

  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;

  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await client.call('kit.get', { id: kitId });
      if (!live) return;
      if (!r.ok) return setLoadError(r.error);
      setNewerVersion(newerVersionOf(r.value));
      const d = adopt(r.value);
      // The picker searches the whole library itself; its releases' names come with their versions.
      await readKnown(d.items, () => live);
    })();
    void refreshPreview();
    return () => {
      live = false;
      // Leaving the builder: whatever is still waiting for the pause is saved now.
      void saveNowRef.current();
    };
  }, [client, kitId, refreshPreview, adopt, readKnown]);

  // Whether a file still on the server can come down with the export (the note above the export
  // buttons) depends on sync: set up, paused, online, its password. When any of these changes, or
  // a sync ends (it may have brought the files down), the preview is asked again, so the note
  // follows sync coming back instead of waiting for the next edit of the kit.
  const sync = useSyncStatus();
  const syncKey = sync.status ? syncFacts(sync.status) : null;
  const seenSyncKey = useRef<string | null>(null);
  const filesOnServer = preview?.missingFiles.some((m) => m.onServer) ?? false;
  useEffect(() => {
    const before = seenSyncKey.current;
    seenSyncKey.current = syncKey;
    if (before !== null && syncKey !== before && filesOnServer) void refreshPreview();
  }, [syncKey, filesOnServer, refreshPreview]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

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
        if (r.ok && mounted.current) setVersions((v) => ({ ...v, [it.id]: r.value }));
      });
    }
  }, [client, draft]);


  const edit = (change: (d: Draft) => Draft) => {
    if (!latest.current || newerVersion !== null) return;
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

  const missingOf = (it: KitItem) => (it.kind === 'attachment' ? preview?.missingFiles.find((m) => m.id === it.id && m.item !== null) : undefined);

  /** Reads again the rows of the kit's files, and of `also` (a file about to take an item's place). */
  const reloadAttachments = async (also: string) => {
    const known = await knownRows(client, { attachments: [...new Set([...idsOfKind(latest.current?.items ?? [], 'attachment'), also])], contacts: [] });
    setPick((p) => withRows(p, 'attachment', known.attachments));
  };

  /**
   * Relinks an item whose file is missing to a file the person picked: the same bytes bring the
   * file back under the same attachment; other bytes become a new attachment with the old one's
   * caption, credit and rights, and the item points at it.
   */
  const relink = async (key: string, file: File) => {
    const it = latest.current?.items.find((x) => x.key === key);
    if (!it || it.kind !== 'attachment') return;
    setRelinkError(null);
    const read = await readCandidate({ file, isFolder: false }, Number.MAX_SAFE_INTEGER);
    if (!read.ok) return setRelinkError(t('kitBuilder.relinkFailed', { name: file.name }));
    const old = await client.call('attachment.get', { id: it.id });
    const fields = old.ok
      ? { office: old.value.office, caption: old.value.caption, credit: old.value.credit, altText: old.value.altText, usageRights: old.value.usageRights, usageExpires: old.value.usageExpires, consent: old.value.consent }
      : {};
    const added = await client.call('attachment.add', { name: read.file.name, data: read.file.data, ...(read.file.mediaType ? { mediaType: read.file.mediaType } : {}), fields });
    if (!added.ok) return setRelinkError(errorText(t, added.error));
    await reloadAttachments(added.value.id);
    setAnnouncement(t('kitBuilder.relinked', { item: label(it), name: read.file.name }));
    if (added.value.id === it.id) await refreshPreview();
    else editItem(key, (x) => (x.kind === 'attachment' ? { ...x, id: added.value.id } : x));
  };

  const detail = (it: KitItem): AttachmentDetail | null => {
    if (it.kind !== 'attachment') return null;
    const a = pick.attachments.find((x) => x.id === it.id);
    return a ? attachmentDetail(a, (n) => formatBytes(n, formatLocale(i18n.language))) : null;
  };

  const fileOf = (it: KitItem) => (it.kind === 'attachment' ? pick.attachments.find((a) => a.id === it.id) : undefined);

  /** Moves an item; returns its key, or null when the move changed nothing. */
  const move = (from: number, to: number): string | null => {
    const items = latest.current?.items ?? [];
    const moved = items[from];
    const next = moveItem(items, from, to);
    if (!moved || next === items) return null;
    edit((d) => ({ ...d, items: [...next] }));
    setAnnouncement(t('kitBuilder.moved', { item: label(moved), position: to + 1, count: items.length }));
    return moved.key;
  };

  // A section's text is written here and nowhere else: taking it out keeps it for Undo.
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);

  const remove = (key: string) => {
    const items = latest.current?.items ?? [];
    const at = items.findIndex((x) => x.key === key);
    const it = items[at];
    if (!it) return;
    edit((d) => ({ ...d, items: d.items.filter((x) => x.key !== key) }));
    if (it.kind === 'section' && plainText(it.body).trim() !== '') {
      setAnnouncement('');
      setRemoved({ item: it, at, name: label(it) });
      return;
    }
    setRemoved(null);
    setAnnouncement(t('kitBuilder.removed', { item: label(it) }));
    itemsHeading.current?.focus();
  };

  const undoRemove = () => {
    if (!removed) return;
    const { item, at, name } = removed;
    edit((d) => ({ ...d, items: [...d.items.slice(0, at), item, ...d.items.slice(at)] }));
    setRemoved(null);
    setAnnouncement(t('kitBuilder.removeUndone', { item: name }));
    itemsHeading.current?.focus();
  };

  const add = (it: KitItem, picked: PickedRow | null) => {
    // The row the picker showed names the item at once (the kit's own rows were read when it opened).
    if (picked) setPick((p) => withPicked(p, picked));
    const item = withKey(it);
    edit((d) => ({ ...d, items: [...d.items, item] }));
    setAnnouncement(t('kitBuilder.added', { item: picked ? pickedName(picked, t('common.untitled')) : label(it) }));
  };

  /**
   * Deletes the kit (a tombstone, so it syncs) once what waits for the pause is saved, so Undo on
   * the kits list brings back the kit as it was on screen. Files already exported are not touched.
   */
  const deleteKit = async () => {
    setDeleteError(null);
    await saveNow();
    const before = rev.current;
    if (before === null) return;
    deleted.current = true;
    const r = await client.call('doc.delete', { id: kitId, rev: before });
    if (!mounted.current) return;
    if (!r.ok) {
      deleted.current = false;
      return setDeleteError(r.error);
    }
    setAskingDelete(false);
    // The title as saved: the one the list showed, and the one Undo brings back.
    noteKitDeleted({ id: kitId, title: savedTitle(savedJson.current), rev: before });
    navigate(href.kits());
  };

  /** Saves what is on screen before an export; false when the kit on screen is not what is saved. */
  const saveFirst = async (): Promise<boolean> => {
    await saveNow();
    return !!latest.current && JSON.stringify(fieldsOf(latest.current)) === savedJson.current;
  };

  // A kit just created: the keyboard starts from the builder's heading once the kit is read.
  const [created] = useState(() => takeKitCreated(kitId));
  const heading = useArrivalFocus<HTMLHeadingElement>(created && draft !== null);
  if (!draft) return loadError ? <ErrorMessage error={loadError} /> : <Loading />;

  const items = draft.items;
  const languages: string[] = WORKING_LANGUAGES.includes(draft.language as (typeof WORKING_LANGUAGES)[number])
    ? [...WORKING_LANGUAGES]
    : [...WORKING_LANGUAGES, draft.language];

  return (
    <div className="screen kit-builder">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('kitBuilder.heading')}
        </h1>
        <div className="kit-builder-head-actions">
          {newerVersion === null && save.kind === 'saved' && save.meanwhile && <SavedNote saved meanwhile={save.meanwhile} />}
          {newerVersion === null && !(save.kind === 'saved' && save.meanwhile) && (
            <span className={`save-state save-${save.kind === 'titleNeeded' ? 'error' : save.kind}`} role="status" aria-live="polite">
              {save.kind === 'saved' ? t('save.saved') : save.kind === 'saving' ? t('save.saving') : t('save.failed')}
            </span>
          )}
          {/* A kit from a newer Dateline is read-only here: deleting it is an edit too. */}
          {newerVersion === null && !askingDelete && (
            <button ref={deleteFocus.asker('delete')} type="button" onClick={() => setAskingDelete(true)}>
              {t('kitBuilder.deleteAsk')}
            </button>
          )}
        </div>
      </div>
      <NewerNotice version={newerVersion} />
      {askingDelete && (
        <ConfirmQuestion
          question={t('kitBuilder.deleteConfirm', { title: draft.title.trim() || t('common.untitled') })}
          confirmLabel={t('kitBuilder.deleteNow')}
          onConfirm={deleteKit}
          focus={deleteFocus}
          error={deleteError}
        />
      )}
      {loadError && <ErrorMessage error={loadError} />}
      {save.kind === 'error' && <ErrorMessage error={save.error} />}
      {save.kind === 'titleNeeded' && (
        <p className="error" role="alert">
          {t('kitBuilder.titleNeeded')}
        </p>
      )}
      <div className="kit-builder-columns">
        <div className="kit-builder-edit">
          <fieldset className="form-lock" disabled={newerVersion !== null}>
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
              <SelectField
                id={`${ids}-lang`}
                label={t('kitBuilder.language')}
                value={draft.language}
                choices={languages.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
                onChange={(language) => edit((d) => ({ ...d, language }))}
              />
              <OfficeField
                id={`${ids}-office`}
                label={t('kitBuilder.office')}
                office={draft.office}
                offices={offices}
                none={t('kitBuilder.noOffice')}
                onChange={(office) => edit((d) => ({ ...d, office }))}
              />
              <SelectField
                id={`${ids}-page`}
                label={t('kitBuilder.pageSize')}
                value={draft.pageSize}
                choices={[
                  { value: 'A4', label: t('kitBuilder.pageA4') },
                  { value: 'Letter', label: t('kitBuilder.pageLetter') },
                ]}
                onChange={(value) => {
                  const pageSize: PageSize = value === 'Letter' ? 'Letter' : 'A4';
                  edit((d) => ({ ...d, pageSize }));
                }}
              />
              <SelectField
                id={`${ids}-audience`}
                label={t('kitBuilder.audience')}
                value={draft.audience}
                choices={KIT_AUDIENCES.map((a) => ({ value: a, label: t(`kitBuilder.audiences.${a}`) }))}
                onChange={(value) => {
                  const audience = KIT_AUDIENCES.find((a) => a === value) ?? 'public';
                  edit((d) => ({ ...d, audience }));
                }}
              />
            </div>
            <p className="hint">{t('kitBuilder.officeHint')}</p>
            <p className="hint">{t('kitBuilder.audienceHint')}</p>
          </section>

          <ItemList
            ids={ids}
            items={items}
            language={draft.language}
            versions={versions}
            announcement={announcement}
            headingRef={itemsHeading}
            label={label}
            detail={detail}
            fileOf={fileOf}
            missingOf={missingOf}
            relink={(key, file) => void relink(key, file)}
            releaseOf={releaseOf}
            move={move}
            remove={remove}
            editItem={editItem}
            readOnly={newerVersion !== null}
          />

          <div role="status">
            {removed && (
              <p className="notice">
                {t('kitBuilder.removed', { item: removed.name })}{' '}
                <button ref={undoButton} type="button" className="link-button" onClick={undoRemove} aria-label={t('kitBuilder.undoRemoveOne', { item: removed.name })}>
                  {t('kitBuilder.undoRemove')}
                </button>
              </p>
            )}
          </div>

          {relinkError && (
            <p className="error" role="alert">
              {relinkError}
            </p>
          )}

          <ItemPicker ids={ids} inKit={new Set(items.flatMap((it) => (it.kind === 'section' ? [] : [it.id])))} add={add} />
          </fieldset>

          <ExportPanel
            ids={ids}
            kitId={kitId}
            empty={items.length === 0}
            saveFirst={saveFirst}
            embargo={preview?.embargo ?? null}
            missing={preview?.missingFiles ?? []}
            serverFiles={preview?.serverFiles ?? null}
          />

          <DocHistory
            type="kit"
            id={kitId}
            currentRev={shownRev}
            beforeRestore={async () => {
              await saveNow();
            }}
            onRestored={() => void showRestored()}
            readOnly={newerVersion !== null}
            ask={{ unsaved: false }}
          />
        </div>

        <PreviewPane ids={ids} title={draft.title} pageSize={draft.pageSize} preview={preview} previewError={previewError} />
      </div>
    </div>
  );
}

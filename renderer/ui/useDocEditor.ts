import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Created, Meanwhile } from '../../electron/shared/contract';
import type { ApiError, Result } from '../../electron/shared/errors';
import { fieldsPatch } from '../../electron/shared/fields-patch';
import { useUnsavedChanges } from '../app/leave-guard';
import { navigate } from '../app/router';
import { useClient } from '../client/context';
import type { DatelineClient } from '../client/types';
import { CONFLICTS_CHANGED } from '../conflicts/useConflictCount';
import { newerVersionOf } from './NewerDocument';

type Fields = Record<string, unknown>;

/** What an update answers: the revision written and, for a type saved as a merge, what became of changes made meanwhile. */
type Written = Created & { meanwhile?: Meanwhile };

export interface DocEditorOptions<F, W extends Fields, D extends { rev: string }> {
  /** The document being edited; null for a new one. */
  id: string | null;
  /** The form a new document starts from; only needed when `id` can be null. */
  blank?: F;
  load: (client: DatelineClient, id: string) => Promise<Result<D>>;
  toForm: (doc: D) => F;
  /** The document's fields as the form stores them (text trimmed, rows left blank dropped). */
  fieldsOf: (form: F) => W;
  /** Creates the document from all its fields; only needed when `id` can be null. */
  create?: (client: DatelineClient, fields: W) => Promise<Result<Created>>;
  /**
   * Writes the fields the person changed since the form was loaded (or last saved), on that
   * revision: a field they never touched is not sent, so it never overwrites a change made
   * elsewhere meanwhile, which the core merges in.
   */
  update: (client: DatelineClient, target: { id: string; rev: string | null }, patch: Partial<W>) => Promise<Result<Written>>;
  /** Where a newly created document lives; the editor goes there once it is saved. */
  hrefOf?: (id: string) => string;
  onSaved?: () => void;
  /** Reads the document again after an update, for one the core completes as it saves (a phone put in E.164). */
  reloadAfterSave?: boolean;
}

/**
 * The scaffolding of a document editor saved with a button: loads the document by id into form
 * state, keeps its rev, and saves with create or update, tracking busy, saved and the save error.
 * An update sends only what the person changed; when a change made elsewhere meanwhile was
 * merged in, the form reads the document again to show it, and `meanwhile` says so (or that the
 * same field changed on both sides, or the document was deleted elsewhere, and both versions wait
 * in the conflicts inbox).
 * A document written by a newer Dateline is never saved: `newerVersion` says so, for the editor
 * to show it read-only (NewerNotice above a locked form).
 */
/**
 * Documents this window has just created. Their editor opens in place of the blank one (a new
 * screen at the document's address), and says "Saved" as the blank one would have, with the
 * focus back on its button (`created`), instead of starting blank with the focus on the page.
 */
const justCreated = new Set<string>();

export function useDocEditor<F, W extends Fields, D extends { rev: string }>(options: DocEditorOptions<F, W, D>) {
  const { id } = options;
  const [created] = useState(() => id !== null && justCreated.has(id));
  useEffect(() => {
    if (id !== null) justCreated.delete(id);
  }, [id]);
  const client = useClient();
  const [doc, setDoc] = useState<D | null>(null);
  const [form, setForm] = useState<F | null>(id ? null : (options.blank ?? null));
  const [rev, setRev] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(created);
  /** What became of changes made elsewhere, said with "Saved" (null: nothing worth saying). */
  const [meanwhile, setMeanwhile] = useState<Exclude<Meanwhile, 'nothing'> | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped to read the document again after a change made beside the form (a merge into it). */
  const [generation, setGeneration] = useState(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // What was loaded or last saved, to tell unsaved changes when the person leaves: a form
  // changed and changed back leaves silently.
  const savedForm = useRef<string | null>(id ? null : JSON.stringify(options.blank ?? null));
  // The fields as loaded or last saved: an update sends what differs from them.
  const baseFields = useRef<W | null>(null);
  const formRef = useRef(form);
  formRef.current = form;
  useUnsavedChanges(() => formRef.current !== null && savedForm.current !== null && JSON.stringify(formRef.current) !== savedForm.current);

  useEffect(() => {
    if (!id) return;
    let live = true;
    void optionsRef.current.load(client, id).then((res) => {
      if (!live) return;
      if (!res.ok) return setLoadError(res.error);
      setDoc(res.value);
      setRev(res.value.rev);
      const loaded = optionsRef.current.toForm(res.value);
      savedForm.current = JSON.stringify(loaded);
      baseFields.current = optionsRef.current.fieldsOf(loaded);
      setForm(loaded);
    });
    return () => {
      live = false;
    };
  }, [client, id, generation]);

  const set = (patch: Partial<F>) => {
    setSaved(false);
    setMeanwhile(null);
    setForm((f) => (f === null ? f : { ...f, ...patch }));
  };

  const newerVersion = newerVersionOf(doc);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (form === null || newerVersion !== null) return;
    const { fieldsOf, create, update, hrefOf, onSaved, reloadAfterSave } = optionsRef.current;
    const fields = fieldsOf(form);
    setBusy(true);
    setSaveError(null);
    let res: Result<Written>;
    if (id) res = await update(client, { id, rev }, baseFields.current ? fieldsPatch(baseFields.current, fields, new Set()) : fields);
    else if (create) res = await create(client, fields);
    else throw new Error('useDocEditor: a new document needs `create`');
    setBusy(false);
    if (!res.ok) return setSaveError(res.error);
    // What was written; anything typed while it was being saved is still unsaved.
    savedForm.current = JSON.stringify(form);
    baseFields.current = fields;
    setRev(res.value.rev);
    setSaved(true);
    const { meanwhile: came = 'nothing' } = res.value;
    setMeanwhile(came === 'nothing' ? null : came);
    // Merged with a change made elsewhere: the form shows the document as it now is. After a
    // conflict, or a deletion elsewhere, it goes on from the person's own version, which the save kept.
    if (id && (came === 'merged' || (reloadAfterSave && came === 'nothing'))) setGeneration((g) => g + 1);
    if (came === 'conflict' || came === 'deleted') window.dispatchEvent(new Event(CONFLICTS_CHANGED));
    onSaved?.();
    if (!id && hrefOf) {
      justCreated.add(res.value.id);
      navigate(hrefOf(res.value.id));
    }
  };

  /** Reads the document again into the form, dropping what was typed and not saved (and "Saved" with it: what shows is what is stored). */
  const reload = () => {
    setSaved(false);
    setMeanwhile(null);
    setGeneration((g) => g + 1);
  };

  /** The form holds changes not saved yet (a restore of an earlier version would drop them). */
  const unsaved = form !== null && savedForm.current !== null && JSON.stringify(form) !== savedForm.current;

  return { doc, form, rev, loadError, saveError, saved, meanwhile, busy, set, save, reload, newerVersion, unsaved, created };
}

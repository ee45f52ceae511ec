import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Created } from '../../electron/shared/contract';
import type { ApiError, Result } from '../../electron/shared/errors';
import { useUnsavedChanges } from '../app/leave-guard';
import { navigate } from '../app/router';
import { useClient } from '../client/context';
import type { DatelineClient } from '../client/types';
import { newerVersionOf } from './NewerDocument';

export interface DocEditorOptions<F, D extends { rev: string }> {
  /** The document being edited; null for a new one. */
  id: string | null;
  /** The form a new document starts from; only needed when `id` can be null. */
  blank?: F;
  load: (client: DatelineClient, id: string) => Promise<Result<D>>;
  toForm: (doc: D) => F;
  /** Writes the form: an update when there is an id (with the last known rev), a create otherwise. */
  write: (client: DatelineClient, form: F, target: { id: string; rev: string | null } | null) => Promise<Result<Created>>;
  /** Where a newly created document lives; the editor goes there once it is saved. */
  hrefOf?: (id: string) => string;
  onSaved?: () => void;
  /** Reads the document again after an update, for one the core completes as it saves (a phone put in E.164). */
  reloadAfterSave?: boolean;
}

/**
 * The scaffolding of a document editor saved with a button: loads the document by id into form
 * state, keeps its rev, and saves with create or update, tracking busy, saved and the save error.
 * A document written by a newer Dateline is never saved: `newerVersion` says so, for the editor
 * to show it read-only (NewerNotice above a locked form).
 */
export function useDocEditor<F, D extends { rev: string }>(options: DocEditorOptions<F, D>) {
  const { id } = options;
  const client = useClient();
  const [doc, setDoc] = useState<D | null>(null);
  const [form, setForm] = useState<F | null>(id ? null : (options.blank ?? null));
  const [rev, setRev] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Bumped to read the document again after a change made beside the form (a merge into it). */
  const [generation, setGeneration] = useState(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // What was loaded or last saved, to tell unsaved changes when the person leaves: a form
  // changed and changed back leaves silently.
  const savedForm = useRef<string | null>(id ? null : JSON.stringify(options.blank ?? null));
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
      setForm(loaded);
    });
    return () => {
      live = false;
    };
  }, [client, id, generation]);

  const set = (patch: Partial<F>) => {
    setSaved(false);
    setForm((f) => (f === null ? f : { ...f, ...patch }));
  };

  const newerVersion = newerVersionOf(doc);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (form === null || newerVersion !== null) return;
    const { write, hrefOf, onSaved, reloadAfterSave } = optionsRef.current;
    setBusy(true);
    setSaveError(null);
    const res = await write(client, form, id ? { id, rev } : null);
    setBusy(false);
    if (!res.ok) return setSaveError(res.error);
    // What was written; anything typed while it was being saved is still unsaved.
    savedForm.current = JSON.stringify(form);
    setRev(res.value.rev);
    setSaved(true);
    if (id && reloadAfterSave) setGeneration((g) => g + 1);
    onSaved?.();
    if (!id && hrefOf) navigate(hrefOf(res.value.id));
  };

  /** Reads the document again into the form, dropping what was typed and not saved. */
  const reload = () => setGeneration((g) => g + 1);

  return { doc, form, loadError, saveError, saved, busy, set, save, reload, newerVersion };
}

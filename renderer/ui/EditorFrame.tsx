import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meanwhile } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { href } from '../app/router';
import { ErrorMessage } from './ErrorMessage';
import { focusLost, useFocusBack } from './pageFocus';
import { SavedNote } from './SavedNote';

/**
 * The head of a page editing one named record (useDocEditor's editors): the way back to its list,
 * and its name as the title, "Untitled" when the name is empty, or `newTitle` before it is created.
 */
export function EditorHead({ back, backLabel, isNew, name, newTitle }: { back: string; backLabel: string; isNew: boolean; name: string; newTitle: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="crumbs">
        <a href={back}>{backLabel}</a>
      </p>
      <h1>{isNew ? newTitle : name || t('common.untitled')}</h1>
    </>
  );
}

/**
 * The end of such an editor's form: why the last save failed, its Save button (`createLabel` before
 * the record exists) and "Saved", with what became of a change made elsewhere meanwhile. The
 * button waits while a save runs, and while `blocked`: the form holds a value it says is wrong
 * (the office editor's time zone). The editor of a record just created with it (`created`) takes
 * the focus on its button, where the person left it on the blank form.
 */
export function EditorSave({
  isNew,
  createLabel,
  busy,
  blocked = false,
  saved,
  meanwhile = null,
  saveError,
  created = false,
}: {
  isNew: boolean;
  createLabel: string;
  busy: boolean;
  blocked?: boolean;
  saved: boolean;
  meanwhile?: Exclude<Meanwhile, 'nothing'> | null;
  saveError: ApiError | null;
  created?: boolean;
}) {
  const { t } = useTranslation();
  // Disabled while it saves, the button would drop the focus to the page: it gets it back once saved.
  const button = useFocusBack<HTMLButtonElement>(busy);
  useLayoutEffect(() => {
    if (created && focusLost()) button.current?.focus();
    // Once, when the form of the record just created is first shown.
  }, []);
  // A contact merged into another while it was edited: the edit belongs on that one, a click away.
  const survivor = saveError?.params?.reason === 'mergedAway' && typeof saveError.params.survivor === 'string' ? saveError.params.survivor : null;
  return (
    <>
      {saveError && <ErrorMessage error={saveError} />}
      {survivor !== null && (
        <p>
          <a href={href.contact(survivor)}>{t('save.openSurvivor', { name: String(saveError?.params?.survivorName ?? '') })}</a>
        </p>
      )}
      <div className="actions">
        <button ref={button} type="submit" className="primary" disabled={busy || blocked}>
          {isNew ? createLabel : t('common.save')}
        </button>
        <SavedNote saved={saved} meanwhile={meanwhile} />
      </div>
    </>
  );
}

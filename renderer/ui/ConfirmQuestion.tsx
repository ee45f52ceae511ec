import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { ErrorMessage } from './ErrorMessage';
import type { ConfirmFocus } from './useConfirmFocus';

interface Props {
  /** The question; it names the dialog, unless `title` does. */
  question: string;
  /** A short name for the dialog when the question is a long sentence ("Empty the trash"). */
  title?: string;
  /** More said under the question (where an attachment is used); it describes the dialog too. */
  children?: ReactNode;
  /** The answer that acts ("Delete for good"). */
  confirmLabel: string;
  /**
   * The answer that acts, called once: its button is disabled until the promise it returns
   * settles, so a second click (or Enter held down) never deletes twice.
   */
  onConfirm(): void | Promise<unknown>;
  /** useConfirmFocus's, for the question's asker: Cancel is its safe answer, Escape gives it. */
  focus: ConfirmFocus;
  /** The safe answer's words, when not "Cancel" (the embargo's "Not now"). */
  cancelLabel?: string;
  /** The answer cannot be given yet (what the question says is still loading) or is being given. */
  busy?: boolean;
  /** Why the answer failed, said in the question, which stays open for another try. */
  error?: ApiError | null;
  /** False for an answer that destroys nothing (exporting a kit under embargo): not drawn in red. */
  destructive?: boolean;
  /** Added to the question's class, beside `notice`. */
  className?: string;
}

/**
 * A question asked in place before something that cannot be undone (delete an outlet, a kit, a
 * contact; erase a person; empty the trash): an alert dialog with the question, the answer that
 * acts and Cancel. Focus moves to Cancel as it opens and back to the button that asked as it
 * closes (useConfirmFocus, which the asker holds); Escape cancels.
 */
export function ConfirmQuestion({ question, title, children, confirmLabel, onConfirm, focus, cancelLabel, busy = false, error = null, destructive = true, className }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const [answering, setAnswering] = useState(false);
  // The state disables the button at the next render; the ref refuses a second click before it.
  const answered = useRef(false);

  // Named by its title, a question describes the dialog, as what is said under it does.
  const described = [title === undefined ? '' : `${uid}-q`, children === undefined ? '' : `${uid}-more`].filter((id) => id !== '').join(' ');

  const confirm = () => {
    if (answered.current || busy) return;
    answered.current = true;
    setAnswering(true);
    const done = () => {
      answered.current = false;
      setAnswering(false);
    };
    let result: void | Promise<unknown> = undefined;
    try {
      result = onConfirm();
    } finally {
      if (!(result instanceof Promise)) done();
    }
    if (result instanceof Promise) void result.finally(done);
  };

  return (
    <div
      className={className ? `notice ${className}` : 'notice'}
      role="alertdialog"
      aria-label={title}
      aria-labelledby={title === undefined ? `${uid}-q` : undefined}
      aria-describedby={described || undefined}
      aria-busy={busy || answering || undefined}
      onKeyDown={focus.onKeyDown}
    >
      <p id={`${uid}-q`}>{question}</p>
      {children !== undefined && <div id={`${uid}-more`}>{children}</div>}
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="button" className={destructive ? 'danger' : undefined} disabled={busy || answering} onClick={confirm}>
          {confirmLabel}
        </button>
        <button ref={focus.safe} type="button" onClick={focus.cancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

import type { ReactNode, RefObject } from 'react';
import { twoAnswerKeys } from './useConfirmFocus';

interface Props {
  /** The title's id; the dialog is labelled by it. */
  titleId: string;
  title: string;
  /** The ids of the paragraphs that describe the question. */
  describedBy: string;
  /** Added to the dialog's class, beside `leave-question`. */
  className?: string;
  children: ReactNode;
  safe: { ref: RefObject<HTMLButtonElement | null>; label: string; onClick(): void };
  other: { ref: RefObject<HTMLButtonElement | null>; label: string; onClick(): void };
}

/**
 * A modal question with a safe answer and a dangerous one (leaving with unsaved changes,
 * replacing the library): the backdrop, the alert dialog, and its two answers, where Escape gives
 * the safe one and Tab stays between them. Where focus starts and returns is the caller's.
 */
export function TwoAnswerQuestion({ titleId, title, describedBy, className, children, safe, other }: Props) {
  const onKeyDown = twoAnswerKeys(safe.ref, other.ref, safe.onClick);
  return (
    <div className="leave-backdrop">
      <div className={className ? `leave-question ${className}` : 'leave-question'} role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={describedBy} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button ref={safe.ref} type="button" className="primary" onClick={safe.onClick}>
            {safe.label}
          </button>
          <button ref={other.ref} type="button" className="danger" onClick={other.onClick}>
            {other.label}
          </button>
        </div>
      </div>
    </div>
  );
}

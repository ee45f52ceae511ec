import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage } from './ErrorMessage';

/**
 * A document just deleted from its own page, said once on the list that page goes back to, with
 * Undo: `rev` is the revision deleted, the one Undo writes again on top of the tombstone
 * (doc.restore). The region is there first, so a screen reader hears the line arrive; the
 * keyboard lands on Undo (the page it came from is gone), then, once undone, on the line. Until
 * then a link opens the trash, where the document waits for as long as the trash is not emptied.
 */
export interface DeletedDoc {
  id: string;
  rev: string;
  /** What the list calls it ("Kasese water press kit", "Amina Diallo"). */
  name: string;
}

/** The words of the notice, already translated: each a function of the document's name. */
export interface DeletedWords {
  deleted: (name: string) => string;
  restored: (name: string) => string;
  undo: string;
  undoOne: (name: string) => string;
}

export function DeletedNotice({ take, words, onRestored }: { take: () => DeletedDoc | null; words: DeletedWords; onRestored: () => void }) {
  const client = useClient();
  const { t } = useTranslation();
  const [deleted, setDeleted] = useState<{ doc: DeletedDoc; undone: boolean } | null>(null);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const d = take();
    if (d) setDeleted({ doc: d, undone: false });
    // Taken once, when the list opens.
  }, []);
  useEffect(() => {
    if (deleted && !deleted.undone) undoButton.current?.focus();
    if (deleted?.undone) line.current?.focus();
  }, [deleted]);

  const undo = async (doc: DeletedDoc) => {
    setUndoError(null);
    const res = await client.call('doc.restore', { id: doc.id, rev: doc.rev });
    if (!res.ok) return setUndoError(res.error);
    setDeleted({ doc, undone: true });
    onRestored();
  };

  return (
    <>
      <div role="status">
        {deleted && (
          <p className="notice" ref={line} tabIndex={-1}>
            {deleted.undone ? words.restored(deleted.doc.name) : words.deleted(deleted.doc.name)}{' '}
            {!deleted.undone && (
              <button ref={undoButton} type="button" className="link-button" onClick={() => void undo(deleted.doc)} aria-label={words.undoOne(deleted.doc.name)}>
                {words.undo}
              </button>
            )}
            {!deleted.undone && (
              <>
                {' · '}
                <a href={href.trash()}>{t('trash.openTrash')}</a>
              </>
            )}
          </p>
        )}
      </div>
      {undoError && <ErrorMessage error={undoError} />}
    </>
  );
}

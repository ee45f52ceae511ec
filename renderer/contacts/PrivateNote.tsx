import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SavedNote } from '../ui/SavedNote';

/** A note about the person kept in this library only: never synced to colleagues. */
export function PrivateNote({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const uid = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('contact.privateNote', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setText(r.value.text ?? '');
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, id]);

  async function save() {
    const r = await client.call('contact.setPrivateNote', { id, text: text ?? '' });
    if (r.ok) {
      setText(r.value.text ?? '');
      setSaved(true);
    } else setError(r.error);
  }

  return (
    <section className="panel" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('contactFields.privateNote')}</h2>
      <div className="field">
        <label htmlFor={`${uid}-text`}>{t('contactFields.privateNoteLabel')}</label>
        <textarea
          id={`${uid}-text`}
          dir="auto"
          rows={3}
          disabled={text === null}
          aria-describedby={`${uid}-hint`}
          value={text ?? ''}
          onChange={(e) => {
            setSaved(false);
            setText(e.target.value);
          }}
        />
        <p className="hint" id={`${uid}-hint`}>
          {t('contactFields.privateNoteHint')}
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={text === null}>
          {t('contactFields.savePrivateNote')}
        </button>
        <SavedNote saved={saved} />
      </div>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentReferences } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import type { ApiError, Result } from '../../electron/shared/errors';
import { base64ToBytes } from '../../electron/shared/base64';
import { downloadFile, downloadFromLink } from '../app/download';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { Loaded } from '../ui/useCall';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';

/**
 * What a person does with an attachment's file beyond its fields: saves a copy of the original
 * (a PDF, a Word file or a video has no preview here, and this is how it is opened), sees where
 * it is used, and deletes it, told first where it is used.
 */

type Used = Loaded<AttachmentReferences>;

const usedCount = (u: AttachmentReferences): number => u.releases.length + u.kits.length + u.offices.length;

/** The releases, kits and offices that name the attachment, each a link to it. */
function UsedList({ used }: { used: AttachmentReferences }) {
  const { t } = useTranslation();
  return (
    <ul className="used-in">
      {used.releases.map((r) => (
        <li key={r.id}>
          <span className="muted">{t('attachments.usedAs.release')}</span>{' '}
          <a href={href.release(r.id)} dir="auto" lang={r.language}>
            {r.headline || t('common.untitled')}
          </a>
          {r.trashed && <span className="badge status-trashed">{t('attachments.inTrash')}</span>}
        </li>
      ))}
      {used.kits.map((k) => (
        <li key={k.id}>
          <span className="muted">{t('attachments.usedAs.kit')}</span>{' '}
          <a href={href.kit(k.id)} dir="auto">
            {k.title || t('common.untitled')}
          </a>
        </li>
      ))}
      {used.offices.map((o) => (
        <li key={o.id}>
          <span className="muted">{t('attachments.usedAs.logo')}</span>{' '}
          <a href={href.office(o.id)} dir="auto">
            {o.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Used in": where the attachment is named, or that it is used nowhere yet. */
export function UsedIn({ used }: { used: Used }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="attachment-used" aria-labelledby={`${uid}-used`}>
      <h3 id={`${uid}-used`}>{t('attachments.usedIn')}</h3>
      {used.status === 'error' && <ErrorMessage error={used.error} />}
      {used.status === 'ok' && (usedCount(used.value) === 0 ? <p className="muted">{t('attachments.usedNowhere')}</p> : <UsedList used={used.value} />)}
    </section>
  );
}

/**
 * "Save a copy…": web mode has the browser download the file by a one-time link (a video of
 * 200 MB never sits in the page's memory), as a kit's export does; the desktop app gets the
 * bytes in the answer and hands them to its downloads.
 */
export function SaveCopy({ doc }: { doc: Doc<'attachment'> }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const byLink = async (linkFor: (id: string) => Promise<Result<string>>): Promise<Result<string>> => {
    const r = await client.call('attachment.download', { id: doc.id });
    if (!r.ok) return r;
    const link = await linkFor(r.value.download);
    if (!link.ok) return link;
    downloadFromLink(link.value, r.value.name);
    return { ok: true, value: r.value.name };
  };

  const asBytes = async (): Promise<Result<string>> => {
    const r = await client.call('attachment.content', { id: doc.id, variant: 'original' });
    if (!r.ok) return r;
    downloadFile(doc.originalName, r.value.mediaType, base64ToBytes(r.value.data));
    return { ok: true, value: doc.originalName };
  };

  const save = async () => {
    setBusy(true);
    setNote(null);
    setError(null);
    const linkFor = client.downloadLink;
    const r = linkFor ? await byLink(linkFor) : await asBytes();
    setBusy(false);
    if (r.ok) setNote(t('kitBuilder.exported', { name: r.value }));
    else setError(r.error);
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void save()}>
        {t('attachments.saveCopy')}
      </button>
      <div role="status">{note && <p className="notice done">{note}</p>}</div>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

/**
 * "Delete…", asked in place: the question says where the attachment is used (kits then name it
 * as no longer in the library, releases lose their link), with Cancel focused and Escape for it.
 */
export function DeleteAttachment({ doc, used, onAsk, onDeleted }: { doc: Doc<'attachment'>; used: Used; onAsk: () => void; onDeleted: (name: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const focus = useConfirmFocus(asking ? 'delete' : null, () => setAsking(false));

  const remove = async () => {
    setError(null);
    const r = await client.call('attachment.delete', { id: doc.id, rev: null });
    if (!r.ok) return setError(r.error);
    setAsking(false);
    onDeleted(doc.originalName);
  };

  if (!asking) {
    return (
      <button
        ref={focus.asker('delete')}
        type="button"
        onClick={() => {
          setError(null);
          onAsk();
          setAsking(true);
        }}
      >
        {t('attachments.deleteAsk')}
      </button>
    );
  }
  const value = used.status === 'ok' ? used.value : null;
  return (
    <ConfirmQuestion
      className="delete-question"
      question={t('attachments.deleteConfirm', { name: doc.originalName })}
      confirmLabel={t('attachments.deleteNow')}
      onConfirm={remove}
      focus={focus}
      busy={used.status === 'loading'}
      error={error}
    >
      {value === null ? null : usedCount(value) === 0 ? (
        <p>{t('attachments.deleteUnused')}</p>
      ) : (
        <>
          <p>{t('attachments.deleteUsed')}</p>
          <UsedList used={value} />
          <p>{t('attachments.deleteUsedAfter')}</p>
        </>
      )}
    </ConfirmQuestion>
  );
}

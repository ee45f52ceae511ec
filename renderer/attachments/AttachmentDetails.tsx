import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../../electron/shared/documents';
import { href } from '../app/router';
import { formatLocale } from '../i18n';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { formatBytes } from '../ui/languages';
import { SavedNote } from '../ui/SavedNote';
import { useCall } from '../ui/useCall';
import { useDocEditor } from '../ui/useDocEditor';
import { NewerNotice } from '../ui/NewerDocument';
import { FileOnServer } from './FileOnServer';
import { useAttachmentUrl } from './Thumbnail';
import { DateField } from '../ui/DateField';
import { DeleteAttachment, SaveCopy, UsedIn } from './AttachmentActions';
import { fileKindWords } from './file-kind';

const CONSENT_FLAGS = ['consentObtained', 'faceRedacted', 'locationRedacted', 'nameRedacted', 'nameChanged', 'sensitive'] as const;
type Consent = Doc<'attachment'>['consent'];

interface Editable {
  caption: string;
  credit: string;
  altText: string;
  usageRights: string;
  usageExpires: string;
  consent: Consent;
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The photo itself; `onFileHere` once a file that was on the server has come down (the list shows it as here). */
function Preview({ doc, onFileHere }: { doc: Doc<'attachment'>; onFileHere: () => void }) {
  const { t } = useTranslation();
  const [fetched, setFetched] = useState(0);
  const image = doc.mediaType.startsWith('image/');
  const { url, notHere } = useAttachmentUrl(doc.id, 'original', image, `${doc.sha256}:${fetched}`);
  if (!image) return <p className="muted">{t('attachments.noPreview')}</p>;
  if (notHere) {
    const here = () => {
      setFetched((n) => n + 1);
      onFileHere();
    };
    return <FileOnServer id={doc.id} size={doc.size} onHere={here} />;
  }
  if (!url) return <Loading />;
  return <img className="preview" src={url} alt={doc.altText ?? ''} />;
}

/**
 * Said under a photo whose file records where it was taken (GPS in its Exif or XMP): every
 * export removes it, and the person knows before sending that the original still has it.
 * `round` changes when the file comes down from the server, to read it then.
 */
function LocationNotice({ id, round }: { id: string; round: number }) {
  const { t } = useTranslation();
  const location = useCall('attachment.location', { id }, `${id}:${round}`);
  if (location.status !== 'ok' || location.value.inFile !== true) return null;
  return (
    <p className="notice location-notice" role="note">
      {t('attachments.locationInFile')}
    </p>
  );
}

/**
 * One attachment: a preview, its file facts, a copy of its file, where it is used, the fields a
 * person keeps about it, and deleting it (`onDeleted` with its name, once deleted).
 */
export function AttachmentDetails({ id, onSaved, onDeleted }: { id: string; onSaved: () => void; onDeleted: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [fileRound, setFileRound] = useState(0);
  // Asked again when the person asks to delete: the question says where it is used now.
  const [usedRound, setUsedRound] = useState(0);
  const used = useCall('attachment.references', { id }, `${id}:${usedRound}`);
  const { doc, form, loadError, saveError, saved, meanwhile, busy, set, save, newerVersion } = useDocEditor({
    id,
    load: (client, id) => client.call('attachment.get', { id }),
    toForm: (d): Editable => ({
      caption: d.caption ?? '',
      credit: d.credit ?? '',
      altText: d.altText ?? '',
      usageRights: d.usageRights ?? '',
      usageExpires: d.usageExpires ?? '',
      consent: d.consent,
    }),
    fieldsOf: (form) => ({
      caption: orNull(form.caption),
      credit: orNull(form.credit),
      altText: orNull(form.altText),
      usageRights: orNull(form.usageRights),
      usageExpires: orNull(form.usageExpires),
      consent: form.consent,
    }),
    update: (client, target, fields) => client.call('attachment.update', { ...target, fields }),
    onSaved,
  });

  // The page opens beside the list, or under it in a narrow window: a card chosen far down the
  // list would otherwise open a page out of sight, and the click seem to do nothing.
  const section = useRef<HTMLElement>(null);
  const loaded = !!doc && !!form;
  useEffect(() => {
    if (loaded) section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [loaded]);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!doc || !form) return <Loading />;

  return (
    <section ref={section} className="attachment-details panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} dir="auto">
        {doc.originalName}
      </h2>
      <Preview
        doc={doc}
        onFileHere={() => {
          setFileRound((n) => n + 1);
          onSaved();
        }}
      />
      {doc.mediaType.startsWith('image/') && <LocationNotice id={doc.id} round={fileRound} />}
      <dl className="facts">
        <dt>{t('attachments.type')}</dt>
        <dd>{fileKindWords(t, doc.mediaType, doc.originalName)}</dd>
        <dt>{t('attachments.size')}</dt>
        <dd>{formatBytes(doc.size, formatLocale(i18n.language))}</dd>
        {doc.width && doc.height && (
          <>
            <dt>{t('attachments.dimensions')}</dt>
            <dd>{t('attachments.pixels', { width: doc.width, height: doc.height })}</dd>
          </>
        )}
      </dl>
      <NewerNotice version={newerVersion} />
      <div className="attachment-file-actions">
        <SaveCopy doc={doc} />
      </div>
      <UsedIn used={used} />
      <form onSubmit={(e) => void save(e)}>
        <fieldset className="form-lock" disabled={newerVersion !== null}>
        <div className="field">
          <label htmlFor={`${uid}-caption`}>{t('attachments.caption')}</label>
          <textarea id={`${uid}-caption`} dir="auto" rows={3} value={form.caption} onChange={(e) => set({ caption: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-credit`}>{t('attachments.credit')}</label>
          <input id={`${uid}-credit`} dir="auto" value={form.credit} onChange={(e) => set({ credit: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-alt`}>{t('attachments.altText')}</label>
          <textarea id={`${uid}-alt`} dir="auto" rows={2} value={form.altText} onChange={(e) => set({ altText: e.target.value })} aria-describedby={`${uid}-alt-hint`} />
          <p className="hint" id={`${uid}-alt-hint`}>
            {t('attachments.altHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-rights`}>{t('attachments.usageRights')}</label>
          <textarea id={`${uid}-rights`} dir="auto" rows={2} value={form.usageRights} onChange={(e) => set({ usageRights: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-expires`}>{t('attachments.usageExpires')}</label>
          <DateField id={`${uid}-expires`} value={form.usageExpires || null} onChange={(v) => set({ usageExpires: v ?? '' })} />
        </div>
        <fieldset>
          <legend>{t('attachments.consent')}</legend>
          {CONSENT_FLAGS.map((flag) => (
            <div className="check" key={flag}>
              <input
                type="checkbox"
                id={`${uid}-${flag}`}
                checked={form.consent[flag]}
                onChange={(e) => set({ consent: { ...form.consent, [flag]: e.target.checked } })}
              />
              <label htmlFor={`${uid}-${flag}`}>{t(`attachments.flag.${flag}`)}</label>
            </div>
          ))}
        </fieldset>
        </fieldset>
        {saveError && <ErrorMessage error={saveError} />}
        <div className="actions">
          {newerVersion === null && (
            <button type="submit" className="primary" disabled={busy}>
              {t('common.save')}
            </button>
          )}
          <a href={href.attachments()}>{t('common.close')}</a>
          <SavedNote saved={saved} meanwhile={meanwhile} />
        </div>
      </form>
      {/* An attachment from a newer Dateline is read-only here: deleting it is an edit too. */}
      {newerVersion === null && (
        <div className="attachment-delete">
          <DeleteAttachment doc={doc} used={used} onAsk={() => setUsedRound((n) => n + 1)} onDeleted={onDeleted} />
        </div>
      )}
    </section>
  );
}

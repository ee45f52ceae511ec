import { useTranslation } from 'react-i18next';
import { useAttachmentUrl } from '../attachments/Thumbnail';

/**
 * The person's photo (from a phone's vCard, say) at the head of their page. Nothing shows while
 * the file is not on this computer: a photo is no detail to act on, and its attachment says where it is.
 */
export function ContactPhoto({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { url } = useAttachmentUrl(id, 'thumbnail', true, id);
  if (!url) return null;
  return <img className="thumb contact-photo" src={url} alt={t('contacts.photoOf', { name })} />;
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client/context';
import { base64ToBytes } from '../../electron/shared/base64';

/**
 * Loads an attachment's bytes (thumbnail or original) as a blob: URL that lives as long as the
 * component; `notHere` when the file is still on the server (synced before its file came down).
 */
export function useAttachmentUrl(id: string, variant: 'thumbnail' | 'original', enabled: boolean, version: string): { url: string | null; notHere: boolean } {
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  const [notHere, setNotHere] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let made: string | null = null;
    void client.call('attachment.content', { id, variant }).then((res) => {
      if (!live) return;
      if (!res.ok) {
        setNotHere(res.error.params?.notHere === true);
        return;
      }
      made = URL.createObjectURL(new Blob([base64ToBytes(res.value.data)], { type: res.value.mediaType }));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
      setNotHere(false);
    };
  }, [client, id, variant, enabled, version]);
  return { url, notHere };
}

export function Thumbnail({ id, hasThumbnail, alt, mediaType, version }: { id: string; hasThumbnail: boolean; alt: string; mediaType: string; version: string }) {
  const { t } = useTranslation();
  const { url } = useAttachmentUrl(id, 'thumbnail', hasThumbnail, version);
  if (hasThumbnail && url) return <img className="thumb" src={url} alt={alt} />;
  // Also while a preview loads, and when the library cannot make one (a damaged image): the kind of file, never an empty box.
  const kind = mediaType.split('/')[1]?.split(/[.+;-]/)[0]?.toUpperCase() ?? '?';
  return (
    <span className="thumb thumb-placeholder" role="img" aria-label={alt || t('attachments.noPreview')}>
      {kind}
    </span>
  );
}

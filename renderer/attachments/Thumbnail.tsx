import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client/context';
import { base64ToBytes } from '../../electron/shared/base64';
import { splitExtension } from '../../electron/shared/file-names';

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

/**
 * The kind of file in a word: the extension the file is named with ("DOCX", "TXT"), which the
 * person knows it by; the media type's word only for a name without one (it says "VND" for a
 * Word file and "PLAIN" for text).
 */
function fileKind(mediaType: string, fileName?: string): string {
  const ext = fileName ? splitExtension(fileName)[1] : '';
  if (ext) return ext.slice(1).toUpperCase();
  return mediaType.split('/')[1]?.split(/[.+;-]/)[0]?.toUpperCase() ?? '?';
}

export function Thumbnail({
  id,
  hasThumbnail,
  alt,
  mediaType,
  fileName,
  version,
}: {
  id: string;
  hasThumbnail: boolean;
  alt: string;
  mediaType: string;
  /** The file's name, whose extension names its kind while there is no preview. */
  fileName?: string;
  version: string;
}) {
  const { t } = useTranslation();
  const { url } = useAttachmentUrl(id, 'thumbnail', hasThumbnail, version);
  if (hasThumbnail && url) return <img className="thumb" src={url} alt={alt} />;
  // Also while a preview loads, and when the library cannot make one (a damaged image): the kind of file, never an empty box.
  const kind = fileKind(mediaType, fileName);
  return (
    <span className="thumb thumb-placeholder" role="img" aria-label={alt || t('attachments.noPreview')}>
      {kind}
    </span>
  );
}

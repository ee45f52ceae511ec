import { useTranslation } from 'react-i18next';
import type { AttachmentSummary } from '../../electron/shared/contract';
import { href } from '../app/router';
import { formatLocale } from '../i18n';
import { formatBytes } from '../ui/languages';
import { fileKindWords } from './file-kind';
import { Thumbnail } from './Thumbnail';

/** Attachments as cards with their thumbnails; each opens its details. */
export function AttachmentGrid({ items, selected, label }: { items: AttachmentSummary[]; selected?: string | null; label: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  return (
    <ul className="attachment-grid" aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className={a.id === selected ? 'card selected' : 'card'}>
          <a href={href.attachment(a.id)} aria-current={a.id === selected ? 'true' : undefined}>
            <Thumbnail id={a.id} hasThumbnail={a.hasThumbnail} alt="" mediaType={a.mediaType} fileName={a.originalName} version={a.sha256} />
            <span className="card-name" dir="auto">
              {a.originalName}
            </span>
            <span className="muted">
              {a.here ? formatBytes(a.size, locale) : t('attachments.onServer', { size: formatBytes(a.size, locale) })} · {fileKindWords(t, a.mediaType, a.originalName)}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

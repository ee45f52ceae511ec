import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import type { KitPreview } from '../../electron/shared/kits/contract';
import type { PageSize } from '../../electron/shared/kits/layout';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { warningText } from '../i18n/warnings';
import { useDates } from '../i18n/useDates';

/** The live preview: the very HTML the PDF is printed from, in a sandboxed frame (no script, no network). */
export function PreviewPane({
  ids,
  title,
  pageSize,
  preview,
  previewError,
}: {
  ids: string;
  title: string;
  pageSize: PageSize;
  preview: KitPreview | null;
  previewError: ApiError | null;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <section className="kit-builder-preview" aria-labelledby={`${ids}-preview`}>
      <h2 id={`${ids}-preview`}>{t('kitBuilder.preview')}</h2>
      <p className="hint">{t('kitBuilder.previewHint', { size: pageSize === 'Letter' ? t('kitBuilder.pageLetter') : t('kitBuilder.pageA4') })}</p>
      {preview?.warnings.map((w) => (
        <p key={`${w.code}:${w.message}`} className="notice">
          {warningText(t, w, dates)}
        </p>
      ))}
      {previewError && <ErrorMessage error={previewError} />}
      {preview ? (
        // sandbox="" (no allow-*): no script, no forms, no navigation, an opaque origin.
        <iframe title={t('kitBuilder.previewFrame', { title: title })} className="kit-preview-frame" sandbox="" srcDoc={preview.html} />
      ) : (
        !previewError && <Loading />
      )}
    </section>
  );
}

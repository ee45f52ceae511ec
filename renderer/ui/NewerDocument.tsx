import { useTranslation } from 'react-i18next';
import { DOC_SCHEMA_VERSION, schemaOf } from '../../electron/shared/documents';

/**
 * A document written by a newer Dateline is shown as it is and never saved (the core refuses it
 * too, DOC_NEWER), so none of the fields this version does not know can be lost. Every editor
 * tells it the same way: by this version number, and with this notice above its locked form.
 */

/** The document version of a document this app only reads, or null for one it edits (or none loaded yet). */
export function newerVersionOf(doc: object | null | undefined): number | null {
  if (!doc) return null;
  const version = schemaOf(doc as Readonly<Record<string, unknown>>);
  return version > DOC_SCHEMA_VERSION ? version : null;
}

/** Why the form below cannot be changed; nothing for a document this app edits. */
export function NewerNotice({ version }: { version: number | null }) {
  const { t } = useTranslation();
  if (version === null) return null;
  return (
    <p className="notice read-only-notice" role="status">
      {t('errors.DOC_NEWER', { version })}
    </p>
  );
}

import { titleFileName } from '../file-names';
import type { ContactFilter } from './filter';

/** How long a contacts export's name may be, extension included: a kit's files stop at the same length. */
const EXPORT_NAME_MAX = 80;

/**
 * The name of a contacts export: what the person calls the selection (a saved segment's
 * name), or else the static list and the search it came from ("Journalistes Goma.csv",
 * "Journalistes Goma – radio.csv"), so that several exports saved in one folder can be told
 * apart; "contacts.csv" when it is every contact or another filter. Made safe by the one
 * file-name rule.
 */
export function contactExportFileName(format: 'csv' | 'vcf', selection: Pick<ContactFilter, 'list' | 'query'> & { title?: string | undefined }): string {
  const title = selection.title?.trim() || [selection.list?.trim(), selection.query?.trim()].filter(Boolean).join(' – ');
  return titleFileName(`${title || 'contacts'}.${format}`, { fallback: 'contacts', max: EXPORT_NAME_MAX });
}

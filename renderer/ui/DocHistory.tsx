import type { DocType } from '../../electron/shared/documents';
import { RevisionFields } from '../conflicts/DocFields';
import { VersionHistory, type VersionHistoryProps } from './VersionHistory';

/**
 * The version history of a contact, an outlet, a kit or an office: an earlier version reads as
 * the Conflicts screen shows a version, each field by its editor's label, in words.
 */
export function DocHistory({ type, ...props }: Omit<VersionHistoryProps, 'show'> & { type: DocType }) {
  return <VersionHistory {...props} show={(revision) => <RevisionFields type={type} revision={revision} />} />;
}

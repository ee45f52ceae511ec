import { RevisionFields } from '../conflicts/DocFields';
import { VersionHistory, type VersionHistoryProps } from './VersionHistory';

/**
 * The version history of a contact, an outlet, a kit or an office: an earlier version reads as
 * the Conflicts screen shows a version, each field by its editor's label, in words; the fields
 * the version changed are marked.
 */
export function DocHistory(props: Omit<VersionHistoryProps, 'show'>) {
  return <VersionHistory {...props} show={(revision, changed) => <RevisionFields type={props.type} revision={revision} changed={changed} />} />;
}

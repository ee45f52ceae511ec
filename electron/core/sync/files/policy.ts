import type { FilePolicy } from '../../../shared/sync/contract';
import { FILE_POLICIES } from '../../../shared/sync/contract';
import type { ReplicationStore } from '../../store/replication-api';

/**
 * This computer's file download policy, kept in a `_local` document: it belongs to the device
 * (a laptop on a satellite link says "when opened", the office desktop "always") and never syncs.
 */

const POLICY_DOC = '_local/dateline-files-policy';
export const DEFAULT_FILE_POLICY: FilePolicy = 'opened';

export function filePolicy(store: ReplicationStore): FilePolicy {
  const doc = store.getLocal(POLICY_DOC);
  const value = doc?.policy;
  return (FILE_POLICIES as readonly unknown[]).includes(value) ? (value as FilePolicy) : DEFAULT_FILE_POLICY;
}

export function setFilePolicy(store: ReplicationStore, policy: FilePolicy): FilePolicy {
  store.putLocal({ _id: POLICY_DOC, policy });
  return policy;
}

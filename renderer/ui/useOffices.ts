import type { NamedSummary } from '../../electron/shared/contract';
import { useCall } from './useCall';

/** The library's offices, for pickers and filters (an organisation has dozens, not thousands). */
export function useOffices(): NamedSummary[] {
  const res = useCall('office.list', { limit: 500 }, 'offices');
  return res.status === 'ok' ? res.value.items : [];
}

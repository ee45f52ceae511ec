import { useEffect, useState } from 'react';
import type { Doc } from '../../electron/shared/documents';
import { useClient } from '../client/context';

/** The office document with this id (its country, beats and outdated period), or null while there is none. */
export function useOffice(id: string | null): Doc<'office'> | null {
  const client = useClient();
  const [office, setOffice] = useState<Doc<'office'> | null>(null);
  useEffect(() => {
    setOffice(null);
    if (!id) return;
    let live = true;
    void client.call('office.get', { id }).then((r) => {
      if (live && r.ok) setOffice(r.value);
    });
    return () => {
      live = false;
    };
  }, [client, id]);
  return office;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult, InputOf, MethodName, Page } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/errors';
import { useClient, useCoreEvents } from '../client/context';

export type PagedMethod = 'release.list' | 'contact.list' | 'outlet.list' | 'attachment.list' | 'kit.list' | 'office.list';
export type ItemOf<M extends MethodName> = CallResult<M> extends Page<infer T> ? T : never;

export interface PagedList<T> {
  items: T[];
  total: number | null;
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  /** The `key` whose first page the items are: until a new key's page arrives, the old one's items stay shown. */
  shownKey: string | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A cursor-paginated list: the first page when `key` (the filters) changes, further pages on
 * demand. A page that arrives for old filters is thrown away.
 */
export function usePagedList<M extends PagedMethod>(method: M, input: InputOf<M>, key: string): PagedList<ItemOf<M>> {
  const client = useClient();
  const [items, setItems] = useState<ItemOf<M>[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const inputRef = useRef(input);
  inputRef.current = input;

  const fetchPage = useCallback(
    async (from: string | null, gen: number, forKey?: string) => {
      inFlight.current = true;
      setLoading(true);
      const res = await client.call(method, { ...inputRef.current, cursor: from } as InputOf<M>);
      if (gen !== generation.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!res.ok) {
        setError(res.error);
        return;
      }
      const page = res.value as Page<ItemOf<M>>;
      setError(null);
      setItems((prev) => (from === null ? page.items : [...prev, ...page.items]));
      if (forKey !== undefined) setShownKey(forKey);
      setTotal(page.total);
      setCursor(page.nextCursor);
    },
    [client, method],
  );

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    setCursor(null);
    void fetchPage(null, generation.current, key);
  }, [fetchPage, key, round]);

  const loadMore = useCallback(() => {
    if (cursor === null || inFlight.current) return;
    void fetchPage(cursor, generation.current);
  }, [cursor, fetchPage]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  // Another process (the CLI, a colleague's sync later) wrote to the library: show it.
  useCoreEvents((e) => {
    if (e.type === 'library.changed') reload();
  });

  return { items, total, loading, error, hasMore: cursor !== null, shownKey, loadMore, reload };
}

import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from './ErrorMessage';
import type { PagedList } from './usePagedList';

/**
 * What a list screen says before its rows: why the list could not be read, how many there are
 * (when `count` words it), "Loading" until the first page, and `empty` when there is nothing.
 */
export function ListState({
  list,
  count,
  empty,
}: {
  list: Pick<PagedList<unknown>, 'items' | 'total' | 'loading' | 'error'>;
  count?: (total: number) => string;
  empty: ReactNode;
}) {
  const none = list.items.length === 0 && !list.error;
  return (
    <>
      {list.error && <ErrorMessage error={list.error} />}
      {count && list.total !== null && (
        <p className="muted count" role="status">
          {count(list.total)}
        </p>
      )}
      {list.loading && none && <Loading />}
      {!list.loading && none && <div className="empty">{empty}</div>}
    </>
  );
}

import type { ReactNode } from 'react';
import type { PagedList } from './usePagedList';
import { VirtualList, type RowProps } from './VirtualList';

/**
 * The rows of a paged list (usePagedList) in a VirtualList that reads the next page as the person
 * nears the end; nothing while there are no rows, when ListState says why. `returnTo`: the row a
 * person opened, given focus back when they come back to the list.
 */
export function PagedRows<T extends { id: string }>({
  list,
  label,
  renderRow,
  estimateSize,
  returnTo,
}: {
  list: PagedList<T>;
  label: string;
  renderRow: (item: T, index: number, rowProps: RowProps) => ReactNode;
  estimateSize: number;
  returnTo?: string | null;
}) {
  if (list.items.length === 0) return null;
  return (
    <VirtualList
      label={label}
      items={list.items}
      total={list.total}
      getKey={(item) => item.id}
      renderRow={renderRow}
      estimateSize={estimateSize}
      onNearEnd={list.hasMore ? list.loadMore : undefined}
      returnTo={returnTo}
    />
  );
}

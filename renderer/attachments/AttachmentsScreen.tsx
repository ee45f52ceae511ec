import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../electron/shared/contract';
import { leaveDiscarding } from '../app/leave-guard';
import { href } from '../app/router';
import { ListState } from '../ui/ListState';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList } from '../ui/usePagedList';
import { AttachmentDetails } from './AttachmentDetails';
import { AttachmentGrid } from './AttachmentGrid';
import { FileDrop } from './FileDrop';

export function AttachmentsScreen({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const input: InputOf<'attachment.list'> = { limit: 60 };
  if (q) input.query = q;
  const list = usePagedList('attachment.list', input, JSON.stringify(input));
  const { reload } = list;
  const onAdded = useCallback(() => reload(), [reload]);
  // An attachment just deleted: its page has gone, so the list says so and the keyboard lands on
  // that line; opening another attachment puts the line away.
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const deletedLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (deleted !== null) deletedLine.current?.focus();
  }, [deleted]);
  useEffect(() => {
    if (selected !== null) setDeleted((d) => (d && d.id !== selected ? null : d));
  }, [selected]);
  const onDeleted = (id: string, name: string) => {
    setDeleted({ id, name });
    // Unsaved edits of its fields went with it: the list opens without asking to discard them.
    leaveDiscarding(href.attachments());
    reload();
  };

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('nav.attachments')}</h1>
      </div>
      <div className="attachments-layout">
        <div className="attachments-main">
          <div role="status">
            {deleted !== null && (
              <p className="notice" ref={deletedLine} tabIndex={-1}>
                {t('attachments.deleted', { name: deleted.name })}
              </p>
            )}
          </div>
          <FileDrop onAdded={onAdded} />
          <form className="filters" role="search" aria-label={t('attachments.filters')} onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="att-q">{t('attachments.searchLabel')}</label>
              <input id="att-q" type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
            </div>
          </form>
          <ListState
            list={list}
            empty={
              q ? (
                <p>{t('attachments.noMatch')}</p>
              ) : (
                <>
                  <h2>{t('attachments.emptyTitle')}</h2>
                  <p>{t('attachments.emptyBody')}</p>
                </>
              )
            }
          />
          {list.items.length > 0 && <AttachmentGrid items={list.items} selected={selected} label={t('nav.attachments')} />}
          {list.hasMore && (
            <button type="button" onClick={list.loadMore} disabled={list.loading}>
              {t('common.loadMore')}
            </button>
          )}
        </div>
        {selected && <AttachmentDetails key={selected} id={selected} onSaved={reload} onDeleted={(name) => onDeleted(selected, name)} />}
      </div>
    </div>
  );
}

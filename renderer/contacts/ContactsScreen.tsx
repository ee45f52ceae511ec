import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary, InputOf } from '../../electron/shared/contract';
import { CONTACT_KINDS } from '../../electron/shared/documents';
import { href } from '../app/router';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { SelectField } from '../ui/SelectField';
import { useDebounced } from '../ui/useDebounced';
import { usePagedList } from '../ui/usePagedList';
import { VirtualList, type RowProps } from '../ui/VirtualList';

export function ContactsScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<(typeof CONTACT_KINDS)[number] | ''>('');
  const q = useDebounced(query.trim(), 250);
  const input: InputOf<'contact.list'> = { limit: 100 };
  if (q) input.query = q;
  if (kind) input.kind = kind;
  const list = usePagedList('contact.list', input, JSON.stringify(input));
  const filtered = q !== '' || kind !== '';
  const { loadMore } = list;
  const onNearEnd = useCallback(() => loadMore(), [loadMore]);

  const renderRow = (c: ContactSummary, _i: number, rowProps: RowProps) => (
    <a className="row-link" href={href.contact(c.id)} {...rowProps}>
      <span className="row-title" dir="auto">
        {c.name}
      </span>
      <span className="row-meta">
        <span className="badge">{t(`contacts.kind.${c.kind}`)}</span>
        {c.organisation && <span dir="auto">{c.organisation}</span>}
      </span>
    </a>
  );

  return (
    <div className="screen list-screen">
      <div className="screen-head">
        <h1>{t('nav.contacts')}</h1>
        <span className="actions">
          <a className="button" href={href.contactImport()}>
            {t('contactImport.open')}
          </a>
          <a className="button primary" href={href.newContact()}>
            {t('contacts.new')}
          </a>
        </span>
      </div>
      <form className="filters" role="search" aria-label={t('contacts.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="con-q">{t('contacts.searchLabel')}</label>
          <input id="con-q" type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <SelectField
          id="con-kind"
          label={t('contacts.kindLabel')}
          value={kind}
          choices={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))}
          none={t('common.any')}
          onChange={(k) => setKind(k as typeof kind)}
        />
      </form>
      {list.error && <ErrorMessage error={list.error} />}
      {list.total !== null && (
        <p className="muted count" role="status">
          {t('contacts.count', { count: list.total })}
        </p>
      )}
      {list.loading && list.items.length === 0 && !list.error && <Loading />}
      {!list.loading && list.items.length === 0 && !list.error && (
        <div className="empty">
          {filtered ? (
            <p>{t('contacts.noMatch')}</p>
          ) : (
            <>
              <h2>{t('contacts.emptyTitle')}</h2>
              <p>{t('contacts.emptyBody')}</p>
            </>
          )}
        </div>
      )}
      {list.items.length > 0 && (
        <VirtualList label={t('nav.contacts')} items={list.items} total={list.total} getKey={(c) => c.id} renderRow={renderRow} estimateSize={58} onNearEnd={list.hasMore ? onNearEnd : undefined} />
      )}
    </div>
  );
}

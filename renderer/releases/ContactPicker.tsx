import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../electron/shared/contract';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { useDebounced } from '../ui/useDebounced';

/** The release's media contacts: picked from the contacts list by searching it. */
export function ContactPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [names, setNames] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<ContactSummary[]>([]);

  // Names of the chosen contacts (the release stores only their ids).
  useEffect(() => {
    let live = true;
    const missing = value.filter((v) => !(v in names));
    if (missing.length === 0) return;
    void Promise.all(missing.map((cid) => client.call('contact.get', { id: cid }))).then((results) => {
      if (!live) return;
      const add: Record<string, string> = {};
      results.forEach((r, i) => {
        add[missing[i]!] = r.ok ? r.value.name : t('releases.contactMissing');
      });
      setNames((n) => ({ ...n, ...add }));
    });
    return () => {
      live = false;
    };
  }, [client, value, names, t]);

  useEffect(() => {
    if (q === '') {
      setFound([]);
      return;
    }
    let live = true;
    void client.call('contact.list', { query: q, limit: 8 }).then((res) => {
      if (live) setFound(res.ok ? res.value.items : []);
    });
    return () => {
      live = false;
    };
  }, [client, q]);

  const add = (c: ContactSummary) => {
    setNames((n) => ({ ...n, [c.id]: c.name }));
    if (!value.includes(c.id)) onChange([...value, c.id]);
    setQuery('');
  };

  return (
    <fieldset className="contact-picker">
      <legend>{t('releases.mediaContacts')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('releases.noContacts')}</p>
      ) : (
        <ul className="picked">
          {value.map((cid) => (
            <li key={cid}>
              <a href={href.contact(cid)}>{names[cid] ?? '…'}</a>
              <button type="button" className="link-button" onClick={() => onChange(value.filter((v) => v !== cid))} aria-label={t('common.removeItem', { item: names[cid] ?? cid })}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('releases.findContact')}</label>
        <input id={id} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      {q !== '' && (
        <ul className="found" aria-label={t('releases.contactResults')}>
          {found.length === 0 && <li className="muted">{t('releases.noContactFound', { query: q })}</li>}
          {found
            .filter((c) => !value.includes(c.id))
            .map((c) => (
              <li key={c.id}>
                <span>
                  {c.name}
                  {c.organisation ? <span className="muted"> · {c.organisation}</span> : null}
                </span>
                <button type="button" onClick={() => add(c)} aria-label={t('releases.addContact', { name: c.name })}>
                  {t('common.add')}
                </button>
              </li>
            ))}
        </ul>
      )}
    </fieldset>
  );
}

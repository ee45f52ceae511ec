import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFieldsT } from '../../electron/shared/documents';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { OutletSearch } from '../outlets/OutletSearch';
import { useDates } from '../i18n/useDates';

type Stint = NonNullable<ContactFieldsT['outletHistory']>[number];

/**
 * The contact's outlet, picked from the library's outlets, and the outlets they wrote for
 * before (kept by the core when the outlet changes: saving a move adds a line here).
 */
export function OutletPicker({
  id,
  value,
  contactId,
  saved,
  onChange,
}: {
  id: string;
  value: string | null;
  contactId: string | null;
  /** True once the editor has saved: the history is read again. */
  saved: boolean;
  onChange: (outlet: string | null) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useClient();
  const [history, setHistory] = useState<Stint[]>([]);
  useEffect(() => {
    if (!contactId) return;
    let live = true;
    void client.call('contact.get', { id: contactId }).then((r) => {
      if (live && r.ok) setHistory(r.value.outletHistory ?? []);
    });
    return () => {
      live = false;
    };
  }, [client, contactId, saved]);
  // The outlets of the history, by name: read by their ids, not looked for in a list of some outlets.
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const missing = [...new Set(history.map((s) => s.outlet))].filter((o) => !(o in names));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map((oid) => client.call('outlet.get', { id: oid }))).then((results) => {
      if (!live) return;
      setNames((n) => ({ ...n, ...Object.fromEntries(results.map((r, i) => [missing[i]!, r.ok ? r.value.name : t('contactFields.outletGone')])) }));
    });
    return () => {
      live = false;
    };
  }, [client, history, names, t]);
  const nameOf = (oid: string) => names[oid] ?? '…';
  return (
    <div className="field">
      <OutletSearch id={id} label={t('contactFields.outlet')} value={value} none={t('common.none')} onChange={onChange} />
      <p className="hint">
        <a href={href.outlets()}>{t('contactFields.manageOutlets')}</a>
      </p>
      {history.length > 0 && (
        <section aria-labelledby={`${id}-history`}>
          <h3 id={`${id}-history`}>{t('contactFields.outletHistory')}</h3>
          <ul>
            {history.map((s, i) => (
              <li key={i}>
                <span dir="auto">{nameOf(s.outlet)}</span>
                {s.role && (
                  <>
                    {' · '}
                    <span dir="auto">{s.role}</span>
                  </>
                )}{' '}
                {/* Dates as the person reads them everywhere else ("3 March 2025"), not as they are stored. */}
                <span className="muted">
                  {s.from === null && s.to !== null
                    ? t('contactFields.stintUntil', { to: dates.date(s.to) })
                    : t('contactFields.stint', { from: s.from === null ? '…' : dates.date(s.from), to: s.to === null ? '…' : dates.date(s.to) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarContact } from '../../electron/shared/contacts/similar-contract';
import type { ApiError } from '../../electron/shared/errors';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useCall } from '../ui/useCall';

/**
 * On a contact's page, the people who may be the same person (contact.similar): each with its
 * organisation or outlet and why, "Merge…" to open the merge beside with both chosen, and "Not
 * the same person", kept on this computer. Nothing at all when there is no one to suggest.
 */
export function SimilarPeople({ id, refresh, onMerge, afterLast }: { id: string; refresh: string; onMerge: (other: string) => void; afterLast: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const uid = useId();
  const loaded = useCall('contact.similar', { id }, `${id}-${refresh}`);
  // What is left once the person answered "not the same person", until the page reads the list again.
  const [left, setLeft] = useState<{ refresh: string; list: SimilarContact[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const list = left?.refresh === refresh ? left.list : loaded.status === 'ok' ? loaded.value : [];
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  // Focus stays in the list after an answer: on the next suggestion, or past the list when it was the last.
  useEffect(() => {
    if (focusAt === null) return;
    setFocusAt(null);
    if (list.length === 0) afterLast();
    else items.current[Math.min(focusAt, list.length - 1)]?.focus();
  }, [focusAt, list, afterLast]);

  async function notSame(other: string, at: number) {
    const r = await client.call('contact.notSame', { id, other });
    if (!r.ok) return setError(r.error);
    setError(null);
    setLeft({ refresh, list: r.value });
    setFocusAt(at);
  }

  // A contact deleted or merged away meanwhile has no one to suggest: its editor says what became of it.
  if (loaded.status === 'error') return loaded.error.code === 'NOT_FOUND' ? null : <ErrorMessage error={loaded.error} />;
  if (list.length === 0 && !error) return null;

  return (
    <section className="panel similar-people" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('contactRecord.similarTitle')}</h2>
      <ul className="similar-list">
        {list.map((s, i) => {
          const where = [s.outlet?.name, s.organisation].filter((w): w is string => !!w && w.trim() !== '');
          const why = s.reasons.map((r) => t(`contactRecord.similarWhy.${r === 'name' && s.sameName ? 'sameName' : r}`));
          return (
            <li key={s.id}>
              <div>
                <div className="similar-name">
                  <a id={`${uid}-${i}`} href={href.contact(s.id)} dir="auto">
                    {s.name}
                  </a>
                  {where.length > 0 && (
                    <span className="muted" dir="auto">
                      {where.join(' · ')}
                    </span>
                  )}
                </div>
                <div className="similar-why">{why.join(' · ')}</div>
              </div>
              <div className="actions">
                <button
                  ref={(b) => {
                    items.current[i] = b;
                  }}
                  type="button"
                  className="button"
                  aria-describedby={`${uid}-${i}`}
                  onClick={() => onMerge(s.id)}
                >
                  {t('contactRecord.similarMerge')}
                </button>
                <button type="button" className="button" aria-describedby={`${uid}-${i}`} onClick={() => void notSame(s.id, i)}>
                  {t('contactRecord.notSame')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('contactRecord.similarHint')}</p>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { mergeContactFields } from '../../electron/shared/contacts/merge';
import { MERGE_PICKABLE, type MergeResult } from '../../electron/shared/contacts/person-contract';
import type { ContactSummary } from '../../electron/shared/contract';
import type { Doc } from '../../electron/shared/documents';
import type { ApiError } from '../../electron/shared/errors';
import { leaveDiscarding } from '../app/leave-guard';
import { href } from '../app/router';
import { useClient } from '../client/context';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { useCall } from '../ui/useCall';
import type { DateFormats } from '../i18n/dates';
import { useDates } from '../i18n/useDates';
import { ConfirmQuestion } from '../ui/ConfirmQuestion';
import { useConfirmFocus } from '../ui/useConfirmFocus';
import { newerVersionOf } from '../ui/NewerDocument';
import { noteErased } from './erased-notice';
import { noteContactDeleted } from './deleted-notice';
import { downloadFile } from '../app/download';
import { titleFileName } from '../../electron/shared/file-names';
import { SimilarPeople } from './SimilarPeople';

/**
 * Beside a saved contact: the people it may be the same as, the releases and kits that name it,
 * everything about the person as a JSON file, merging a duplicate into it (side by side, a choice
 * per field), and erasing it.
 */

type Pickable = (typeof MERGE_PICKABLE)[number];

/** A field of one side of a merge, in words: the choice is between what a person reads on the contact page. */
function show(t: TFunction, dates: DateFormats, field: Pickable, c: Doc<'contact'>, outletNames: ReadonlyMap<string, string>): string {
  const none = '—';
  switch (field) {
    case 'kind':
      return t(`contacts.kind.${c.kind}`);
    case 'outlet':
      return c.outlet ? (outletNames.get(c.outlet) ?? none) : none;
    case 'photo':
      return c.photo ? t('contactRecord.hasPhoto') : none;
    case 'dataProtection': {
      const dp = c.dataProtection;
      if (!dp) return none;
      const parts = [
        dp.legalBasis && t(`contactFields.basis.${dp.legalBasis}`),
        dp.purpose,
        dp.consentDate && t('contactRecord.consentOn', { date: dates.date(dp.consentDate) }),
        dp.consentSource,
        dp.lastVerified && t('contactRecord.verifiedOn', { date: dates.date(dp.lastVerified) }),
        dp.doNotContact && t('contactFields.doNotContact'),
      ].filter((p): p is string => typeof p === 'string' && p !== '');
      return parts.length ? parts.join(' · ') : none;
    }
    default:
      return c[field] || none;
  }
}

/** A contact's e-mails and phones, one a line, each isolated left to right (an Arabic interface would otherwise turn "+961 1 234 567" round). */
function Channels({ c }: { c: Doc<'contact'> }) {
  const values = [...c.emails.map((e) => e.address), ...c.phones.map((p) => p.number)];
  if (values.length === 0) return <>—</>;
  return (
    <>
      {values.map((v, i) => (
        <span key={i}>
          {i > 0 && <br />}
          <bdi dir="ltr">{v}</bdi>
        </span>
      ))}
    </>
  );
}

/** A duplicate chosen from elsewhere on the page (a suggestion's "Merge…"); `n` tells two choices of the same person apart. */
interface Preselected {
  id: string;
  n: number;
}

function MergePanel({
  survivor,
  done,
  onMerged,
  preselected,
  headingRef,
}: {
  survivor: Doc<'contact'>;
  done: MergeResult | null;
  onMerged: (r: MergeResult) => void;
  preselected: Preselected | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useClient();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ContactSummary[]>([]);
  const [other, setOther] = useState<Doc<'contact'> | null>(null);
  const [take, setTake] = useState<Pickable[]>([]);
  const [outletNames, setOutletNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);

  async function search() {
    // A new search starts the choice again: the duplicate picked before may have been the wrong one.
    setOther(null);
    const r = await client.call('contact.list', { limit: 20, query });
    if (r.ok) setFound(r.value.items.filter((c) => c.id !== survivor.id));
    else setError(r.error);
  }
  async function choose(id: string) {
    const r = await client.call('contact.get', { id });
    if (!r.ok) return setError(r.error);
    const names = new Map<string, string>();
    for (const outlet of new Set([survivor.outlet, r.value.outlet])) {
      if (!outlet) continue;
      const o = await client.call('outlet.get', { id: outlet });
      if (o.ok) names.set(outlet, o.value.name);
    }
    setOutletNames(names);
    setOther(r.value);
    setTake([]);
  }
  // A suggestion's "Merge…": the two side by side at once, the panel brought into view with focus on it.
  const chosenFor = useRef<Preselected | null>(null);
  useEffect(() => {
    if (!preselected || chosenFor.current === preselected) return;
    chosenFor.current = preselected;
    setFound([]);
    void choose(preselected.id).then(() => {
      headingRef.current?.scrollIntoView({ block: 'start' });
      headingRef.current?.focus();
    });
    // The panel is keyed by the survivor's revision: choose reads the same survivor for its whole life.
  }, [preselected]);

  // What keeping this contact's side writes, shown as such: a field empty here takes the
  // duplicate's, e-mails, phones and lists of both are kept, differing notes are joined.
  const kept = other ? (mergeContactFields(survivor, other) as Doc<'contact'>) : survivor;

  // A merge under way takes no other, nor the second click of a double click: the duplicate is
  // merged once, never "not found" the second time. The button stays enabled, keeping focus.
  const merging = useRef(false);
  async function merge(e: MouseEvent) {
    if (!other || e.detail > 1 || merging.current) return;
    merging.current = true;
    const r = await client.call('contact.merge', { survivor: survivor.id, other: other.id, take });
    merging.current = false;
    if (r.ok) onMerged(r.value);
    else setError(r.error);
  }

  return (
    <section className="panel" aria-labelledby="merge-h">
      <h2 id="merge-h" ref={headingRef} tabIndex={-1}>
        {t('contactRecord.mergeTitle')}
      </h2>
      {/* Where the person merged: the merge button is gone with the duplicate, and this says what it did. */}
      {done && (
        <p role="status">
          {t('contactRecord.merged', { releases: t('contactRecord.releaseCount', { count: done.releasesChanged }), kits: t('contactRecord.kitCount', { count: done.kitsChanged }) })}
          {done.officesChanged > 0 && ` ${t('contactRecord.mergedOffices', { count: done.officesChanged })}`}
        </p>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <div className="field">
          <label htmlFor="merge-q">{t('contactRecord.mergeSearch')}</label>
          <input id="merge-q" type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('contactRecord.find')}
        </button>
      </form>
      {found.length > 0 && !other && (
        <ul>
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => void choose(c.id)}>
                {c.name}
                {c.organisation ? ` (${c.organisation})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {other && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th>{t('contactRecord.field')}</th>
                <th>{t('contactRecord.keep')}</th>
                <th>{t('contactRecord.duplicate')}</th>
              </tr>
            </thead>
            <tbody>
              {MERGE_PICKABLE.map((f) => (
                <tr key={f}>
                  <th scope="row">{t(`contactRecord.fieldName.${f}`)}</th>
                  <td>
                    <label>
                      <input type="radio" name={`m-${f}`} checked={!take.includes(f)} onChange={() => setTake(take.filter((x) => x !== f))} /> <span dir="auto">{show(t, dates, f, kept, outletNames)}</span>
                    </label>
                  </td>
                  <td>
                    <label>
                      <input type="radio" name={`m-${f}`} checked={take.includes(f)} onChange={() => setTake([...take, f])} /> <span dir="auto">{show(t, dates, f, other, outletNames)}</span>
                    </label>
                  </td>
                </tr>
              ))}
              {/* Not a choice, both are kept: shown so the person sees whose numbers they are joining, each read left to right in any interface. */}
              <tr>
                <th scope="row">{t('contactRecord.channelsBoth')}</th>
                <td>
                  <Channels c={survivor} />
                </td>
                <td>
                  <Channels c={other} />
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted">{t('contactRecord.mergeNote')}</p>
          <button type="button" className="button primary" onClick={(e) => void merge(e)}>
            {t('contactRecord.mergeButton', { name: other.name })}
          </button>
        </>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

/** `rev`: the contact's revision on the page; a save reads the suggestions again (a name or an organisation changed). */
export function ContactRecord({ id, rev, onMerged }: { id: string; rev?: string; onMerged?: () => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useClient();
  const [round, setRound] = useState(0);
  const refs = useCall('contact.references', { id }, `${id}-${round}`);
  const doc = useCall('contact.get', { id }, `${id}-${round}`);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const eraseFocus = useConfirmFocus(confirmErase ? 'erase' : null, () => setConfirmErase(false));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteFocus = useConfirmFocus(confirmDelete ? 'delete' : null, () => setConfirmDelete(false));
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [preselected, setPreselected] = useState<Preselected | null>(null);
  const mergeHeading = useRef<HTMLHeadingElement | null>(null);
  const canMerge = doc.status === 'ok' && newerVersionOf(doc.value) === null;
  // The merged contact read again draws the merge panel anew, its button gone: the keyboard goes
  // to the panel's heading, over the line saying what the merge did, not to the page.
  const shown = doc.status === 'ok' ? doc.value : null;
  const mergedFrom = useRef<Doc<'contact'> | null>(null);
  useEffect(() => {
    if (mergedFrom.current === null || shown === null || shown === mergedFrom.current) return;
    mergedFrom.current = null;
    mergeHeading.current?.focus();
  }, [shown]);

  async function exportJson() {
    const r = await client.call('contact.exportPerson', { id });
    if (!r.ok) return setError(r.error);
    downloadFile(titleFileName(`${r.value.contact.name}.json`, { mediaType: 'application/json', fallback: 'contact' }), 'application/json', JSON.stringify(r.value, null, 2));
  }

  async function erase() {
    const r = await client.call('contact.erase', { id });
    if (!r.ok) return setError(r.error);
    // The contacts list says what went; the page's unsaved edits went with the person: nothing is left to ask about.
    noteErased(r.value);
    leaveDiscarding(href.contacts());
  }

  /** A stale contact out of the list, with Undo there: unlike an erase, no import is kept from bringing the person back. */
  async function remove(contact: { id: string; rev: string; name: string }) {
    const r = await client.call('doc.delete', { id: contact.id, rev: contact.rev });
    if (!r.ok) {
      setConfirmDelete(false);
      return setError(r.error);
    }
    noteContactDeleted({ id: contact.id, rev: contact.rev, name: contact.name });
    leaveDiscarding(href.contacts());
  }

  return (
    <aside className="contact-record" aria-label={t('contactRecord.label')}>
      {canMerge && (
        <SimilarPeople
          id={id}
          refresh={`${rev ?? ''}-${round}`}
          onMerge={(other) => setPreselected((p) => ({ id: other, n: (p?.n ?? 0) + 1 }))}
          afterLast={() => mergeHeading.current?.focus()}
        />
      )}
      <section className="panel" aria-labelledby="refs-h">
        <h2 id="refs-h">{t('contactRecord.namedIn')}</h2>
        {refs.status === 'loading' && <Loading />}
        {refs.status === 'error' && <ErrorMessage error={refs.error} />}
        {refs.status === 'ok' &&
          (refs.value.releases.length + refs.value.kits.length === 0 ? (
            <p className="muted">{t('contactRecord.namedNowhere')}</p>
          ) : (
            <ul>
              {refs.value.releases.map((r) => (
                <li key={r.id}>
                  <a href={href.release(r.id)} dir="auto">
                    {r.headline || t('common.untitled')}
                  </a>{' '}
                  {r.releaseDate && <span className="muted">{dates.date(r.releaseDate)}</span>}
                </li>
              ))}
              {refs.value.kits.map((k) => (
                <li key={k.id}>
                  <a href={href.kit(k.id)} dir="auto">
                    {k.title}
                  </a>
                </li>
              ))}
            </ul>
          ))}
      </section>
      {/* Merging writes into this contact: not into one a newer Dateline wrote. */}
      {canMerge && (
        <MergePanel
          key={doc.value.rev}
          survivor={doc.value}
          preselected={preselected}
          headingRef={mergeHeading}
          done={merged}
          onMerged={(r) => {
            // The duplicate is gone: the panel, keyed by the new revision, starts with no one chosen.
            setPreselected(null);
            mergedFrom.current = shown;
            setMerged(r);
            setRound((n) => n + 1);
            onMerged?.();
          }}
        />
      )}
      <section className="panel" aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('contactRecord.privacyTitle')}</h2>
        <div className="actions">
          <button type="button" className="button" onClick={() => void exportJson()}>
            {t('contactRecord.exportJson')}
          </button>
          {/* Deleting is an edit too: not of a contact a newer Dateline wrote. */}
          {!confirmDelete && !confirmErase && doc.status === 'ok' && newerVersionOf(doc.value) === null && (
            <button ref={deleteFocus.asker('delete')} type="button" className="button" onClick={() => setConfirmDelete(true)}>
              {t('contactRecord.delete')}
            </button>
          )}
          {!confirmErase && !confirmDelete && (
            <button ref={eraseFocus.asker('erase')} type="button" className="button" onClick={() => setConfirmErase(true)}>
              {t('contactRecord.erase')}
            </button>
          )}
        </div>
        {confirmDelete && doc.status === 'ok' && (
          <ConfirmQuestion
            question={t('contactRecord.deleteConfirm', { name: doc.value.name })}
            confirmLabel={t('contactRecord.deleteNow')}
            onConfirm={() => remove(doc.value)}
            focus={deleteFocus}
          />
        )}
        {confirmErase && <ConfirmQuestion question={t('contactRecord.eraseConfirm')} confirmLabel={t('contactRecord.eraseForGood')} onConfirm={erase} focus={eraseFocus} />}
        {error && <ErrorMessage error={error} />}
      </section>
    </aside>
  );
}

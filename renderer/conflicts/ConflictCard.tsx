import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConflictCase, RevisionSummary } from '../../electron/shared/contract';
import { changedFields } from '../../electron/shared/library/version-changes';
import type { ApiError } from '../../electron/shared/errors';
import { useClient } from '../client/context';
import { useDates } from '../i18n/useDates';
import { ErrorMessage, Loading } from '../ui/ErrorMessage';
import { DocFields, fieldLabel, RECORD_KEEPING, referenceNames, Value } from './DocFields';
import { inEditorOrder } from './fieldLabels';
import { docTitle, valueLines, type ValueWords } from './fieldText';

type Body = Record<string, unknown>;
type Side = 'ours' | 'theirs';

interface Versions {
  base: Body | null;
  ours: Body | null;
  theirs: Body | null;
  history: RevisionSummary[];
  /** The name of each document the versions name by id (a contact, an outlet...); null: no longer in the library. */
  names: ReadonlyMap<string, string | null>;
}

const BOOKKEEPING = new Set(['id', 'rev', 'deleted']);

function useVersions(c: ConflictCase): { versions: Versions | null; error: ApiError | null } {
  const client = useClient();
  const [versions, setVersions] = useState<Versions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    const body = async (rev: string | null): Promise<Body | null> => {
      if (rev === null) return null;
      const res = await client.call('doc.revision', { id: c.docId, rev });
      // A compacted base is shown as unknown; the two leaves are always kept.
      return res.ok ? Object.fromEntries(Object.entries(res.value).filter(([k]) => !BOOKKEEPING.has(k))) : null;
    };
    void Promise.all([body(c.baseRev), body(c.oursRev), body(c.theirsRev), client.call('doc.history', { id: c.docId })])
      .then(async ([base, ours, theirs, history]) => [base, ours, theirs, history, await referenceNames(client, c.docType, [base, ours, theirs])] as const)
      .then(([base, ours, theirs, history, named]) => {
        if (!live) return;
        if (!history.ok) setError(history.error);
        else setVersions({ base, ours, theirs, history: history.value, names: named });
      });
    return () => {
      live = false;
    };
  }, [client, c.docId, c.docType, c.baseRev, c.oursRev, c.theirsRev]);
  return { versions, error };
}

/** How a side of a case is called: as a column's heading, and inside a sentence ("Keep all of …"). */
interface SideName {
  title: string;
  inSentence: string;
  /** The side is called by who wrote it: its column says only when. */
  byAuthor: boolean;
}

/**
 * The two sides of a case called by who wrote each ("Your version", "Omar Haddad’s version"):
 * the person reads which laptop is which, whichever of them the library shows now. `me` is the
 * name this library writes under (its author). Two sides written under one name (one person's
 * two computers) are called by what they are here: the version shown now and the other.
 */
export function sideNames(t: TFunction, me: string | null, oursAuthor: string | null, theirsAuthor: string | null): Record<Side, SideName> {
  if (oursAuthor === null || theirsAuthor === null || oursAuthor === theirsAuthor) {
    return {
      ours: { title: t('conflicts.ours'), inSentence: t('conflicts.oursInSentence'), byAuthor: false },
      theirs: { title: t('conflicts.theirs'), inSentence: t('conflicts.theirsInSentence'), byAuthor: false },
    };
  }
  const named = (author: string): SideName =>
    author === me
      ? { title: t('conflicts.side.yours'), inSentence: t('conflicts.side.yoursInSentence'), byAuthor: true }
      : { title: t('conflicts.side.by', { author }), inSentence: t('conflicts.side.byInSentence', { author }), byAuthor: true };
  return { ours: named(oursAuthor), theirs: named(theirsAuthor) };
}

/** The id of a case's heading, which takes focus when the case before it is settled. */
export const caseHeadingId = (id: number): string => `conflict-${id}`;

/**
 * One case of the conflicts inbox: both versions side by side and the person's choice, sent
 * once. "fields": a choice per field changed on both sides (or a whole side at once); every
 * other change of both sides is kept anyway. "delete": the deleted version (as it was before
 * the deletion) beside the edited one; keep the edit or the deletion.
 */
export function ConflictCard({ conflict: c, me = null, onResolved }: { conflict: ConflictCase; me?: string | null; onResolved: (title: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const { versions, error: loadError } = useVersions(c);
  const [take, setTake] = useState<Record<string, Side>>({});
  const [keep, setKeep] = useState<'edit' | 'deletion' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const words: ValueWords = { t, language: i18n.language, dates, name: (id) => versions?.names.get(id) ?? null };
  const lines = (field: string, body: Body | null) => valueLines(c.docType, field, body?.[field], words);
  const labelOf = (field: string) => fieldLabel(t, c.docType, field);

  const revision = (rev: string) => versions?.history.find((h) => h.rev === rev);
  const who = (rev: string) => {
    const r = revision(rev);
    return r ? t('conflicts.by', { author: r.author, time: dates.dateTime(r.at) }) : '';
  };
  const sides = sideNames(t, me, revision(c.oursRev)?.author ?? null, revision(c.theirsRev)?.author ?? null);
  // Under a column named by its author, only when; the version the library shows now says so.
  const when = (side: Side) => {
    const rev = side === 'ours' ? c.oursRev : c.theirsRev;
    const r = revision(rev);
    if (!sides[side].byAuthor || !r) return who(rev);
    return side === 'ours' ? t('conflicts.whenShown', { time: dates.dateTime(r.at) }) : dates.dateTime(r.at);
  };
  const title = docTitle(versions?.ours ?? null) ?? docTitle(versions?.base ?? null) ?? t('common.untitled');
  const headingId = caseHeadingId(c.id);
  const waitsId = `${headingId}-waits`;
  const type = t(`docType.${c.docType}`, { count: 1, defaultValue: c.docType });

  const ready = c.kind === 'fields' ? c.fields.every((f) => take[f]) : keep !== null;

  const resolve = async () => {
    setBusy(true);
    setError(null);
    const choice = c.kind === 'fields' ? { kind: 'fields' as const, take } : { kind: 'delete' as const, keep: keep ?? 'edit' };
    const res = await client.call('conflict.resolve', { id: c.id, choice });
    setBusy(false);
    if (res.ok) onResolved(title);
    else setError(res.error);
  };

  // Each side's other changes, merged whatever the person chooses: said, by side, so nothing kept is a surprise.
  const alsoKept =
    c.kind === 'fields' && versions?.base && versions.ours && versions.theirs
      ? (['ours', 'theirs'] as const)
          .map((side) => {
            const changed = changedFields(versions.base!, side === 'ours' ? versions.ours! : versions.theirs!).filter((f) => !RECORD_KEEPING.has(f) && !c.fields.includes(f));
            return { side, fields: inEditorOrder(c.docType, changed).map(labelOf) };
          })
          .filter((k) => k.fields.length > 0)
      : [];

  return (
    <section className="panel conflict" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto" tabIndex={-1}>
        {title}
      </h2>
      <p className="muted">{c.kind === 'fields' ? t('conflicts.fieldsCase', { type, count: c.fields.length }) : t('conflicts.deleteCase', { type })}</p>
      {loadError && <ErrorMessage error={loadError} />}
      {!versions && !loadError && <Loading />}
      {versions && c.kind === 'fields' && (
        <>
          <div className="conflict-whole" role="group" aria-label={t('conflicts.wholeSide')}>
            {(['ours', 'theirs'] as const).map((side) => (
              <button key={side} type="button" onClick={() => setTake(Object.fromEntries(c.fields.map((f) => [f, side])))}>
                {t('conflicts.takeAll', { side: sides[side].inSentence })}
              </button>
            ))}
          </div>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">{t('conflicts.field')}</th>
                {(['ours', 'theirs'] as const).map((side) => (
                  <th key={side} scope="col">
                    {sides[side].title}
                    <span className="muted conflict-who">{when(side)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.fields.map((f) => {
                const label = labelOf(f);
                return (
                  <tr key={f}>
                    <th scope="row">
                      {label}
                      {versions.base && (
                        <span className="muted conflict-who">
                          {t('conflicts.was')} <Value lines={lines(f, versions.base)} />
                        </span>
                      )}
                    </th>
                    {(['ours', 'theirs'] as const).map((side) => {
                      // Named by field, side and the value itself, so a screen reader says what is kept.
                      const id = `${headingId}-${f}-${side}`;
                      return (
                        <td key={side}>
                          <label className="conflict-choice">
                            <input
                              type="radio"
                              name={`${headingId}-${f}`}
                              checked={take[f] === side}
                              onChange={() => setTake((p) => ({ ...p, [f]: side }))}
                              aria-labelledby={`${id}-what ${id}-value`}
                            />
                            <span id={`${id}-what`} className="visually-hidden">
                              {t('conflicts.takeField', { field: label, side: sides[side].inSentence })}
                            </span>
                            <span id={`${id}-value`}>
                              <Value lines={lines(f, side === 'ours' ? versions.ours : versions.theirs)} />
                            </span>
                          </label>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {alsoKept.length > 0 && (
            <div className="conflict-kept">
              <p className="muted">{t('conflicts.alsoKept')}</p>
              <ul>
                {alsoKept.map((k) => (
                  <li key={k.side}>{t('conflicts.value.labelled', { label: sides[k.side].title, value: k.fields.join(t('common.listSeparator')) })}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {versions && c.kind === 'delete' && (
        <div className="conflict-sides">
          {(['edit', 'deletion'] as const).map((side) => {
            const body = side === 'edit' ? versions.ours : versions.base;
            const rev = side === 'edit' ? c.oursRev : c.theirsRev;
            return (
              <div key={side} className="conflict-side">
                <label className="conflict-choice">
                  <input type="radio" name={headingId} checked={keep === side} onChange={() => setKeep(side)} />
                  <strong>{side === 'edit' ? t('conflicts.keepEdit') : t('conflicts.keepDeletion')}</strong>
                </label>
                <span className="muted conflict-who">{who(rev)}</span>
                {side === 'deletion' && !body && <span className="muted">{t('conflicts.deletedUnknown')}</span>}
                {body && <DocFields type={c.docType} body={body} words={words} />}
              </div>
            );
          })}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {!ready && (
        <p id={waitsId} className="hint">
          {t(c.kind === 'fields' ? 'conflicts.waitsFor.fields' : 'conflicts.waitsFor.delete')}
        </p>
      )}
      <button type="button" className="primary" disabled={!ready || busy} aria-describedby={ready ? undefined : waitsId} onClick={() => void resolve()}>
        {t('conflicts.resolve')}
      </button>
    </section>
  );
}

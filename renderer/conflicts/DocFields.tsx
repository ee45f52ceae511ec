import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName, ShownRevision } from '../../electron/shared/contract';
import type { DocType } from '../../electron/shared/documents';
import { useClient } from '../client/context';
import type { DatelineClient } from '../client/types';
import { useDates } from '../i18n/useDates';
import { Loading } from '../ui/ErrorMessage';
import { fieldLabelKey, inEditorOrder } from './fieldLabels';
import { docTitle, references, valueLines, type Line, type ValueWords } from './fieldText';

/**
 * A document's fields in words, as the Conflicts screen shows a version and a version history
 * shows an earlier one: each field by the label its editor gives it, its value by fieldText.ts.
 */

type Body = Record<string, unknown>;

/** Kept on every document by the store, not written by anyone: who and when are said above the fields. */
export const RECORD_KEEPING: ReadonlySet<string> = new Set(['id', 'rev', 'deleted', 'type', 'schema', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'conflicted']);

const GET = {
  release: 'release.get',
  contact: 'contact.get',
  outlet: 'outlet.get',
  attachment: 'attachment.get',
  kit: 'kit.get',
  office: 'office.get',
} as const satisfies Record<DocType, MethodName>;

/**
 * The names of the documents the bodies name by id (a contact's outlet, a kit's releases), each
 * fetched once, so no id shows in place of a name: null for one no longer in the library. There is
 * no call for many documents at once; a document names few.
 */
export async function referenceNames(client: DatelineClient, type: string, bodies: readonly (Body | null)[]): Promise<Map<string, string | null>> {
  const wanted = new Map<string, DocType>();
  for (const b of bodies) for (const [k, v] of Object.entries(b ?? {})) for (const r of references(type, k, v)) wanted.set(r.id, r.type);
  const found = await Promise.all(
    [...wanted].map(async ([id, of]) => {
      const res = await client.call(GET[of], { id });
      return [id, res.ok ? (docTitle(res.value) ?? '') : null] as const;
    }),
  );
  return new Map(found);
}

/** A field's value in words (fieldText.ts): a line each, the person's own text isolated in its direction. */
export function Value({ lines }: { lines: readonly Line[] | null }) {
  const { t } = useTranslation();
  if (lines === null) return <span className="muted">{t('conflicts.empty')}</span>;
  return (
    <span className="conflict-value">
      {lines.map((line, i) => (
        <span key={i} className="conflict-line">
          {line.map((part, j) =>
            typeof part === 'string' ? (
              <Fragment key={j}>{part}</Fragment>
            ) : (
              <bdi key={j}>
                {part.colour && <span className="colour-swatch" aria-hidden="true" style={{ background: part.own }} />}
                {part.own}
              </bdi>
            ),
          )}
        </span>
      ))}
    </span>
  );
}

/** The label of a field; one only a newer Dateline knows is shown by its name. */
export function fieldLabel(t: ValueWords['t'], type: string, field: string): string {
  const key = fieldLabelKey(type, field);
  return key === null ? field : t(key);
}

/** The fields of a body in the order its editor shows them (FIELD_LABELS), then those only a newer Dateline knows. */
function orderedFields(type: string, body: Body): string[] {
  return inEditorOrder(
    type,
    Object.keys(body).filter((k) => !RECORD_KEEPING.has(k)),
  );
}

/**
 * Every field of `body` that holds something, as "label: value" pairs; empty fields are left out,
 * except one `changed` names (emptied in this version), which says it is empty. A field in
 * `changed` is marked, in words as well as by its look.
 */
export function DocFields({ type, body, words, changed }: { type: string; body: Body; words: ValueWords; changed?: ReadonlySet<string> }) {
  const fields = orderedFields(type, body);
  for (const k of changed ?? []) if (!fields.includes(k) && !RECORD_KEEPING.has(k)) fields.push(k);
  const shown = inEditorOrder(type, fields)
    .map((k) => [k, valueLines(type, k, body[k], words)] as const)
    .filter(([k, lines]) => lines !== null || changed?.has(k));
  return (
    <dl className="facts">
      {shown.map(([k, lines]) => (
        <div key={k} className={changed?.has(k) ? 'fact-pair changed' : 'fact-pair'}>
          <dt>
            {fieldLabel(words.t, type, k)}
            {changed?.has(k) && <ChangedBadge />}
          </dt>
          <dd>
            <Value lines={lines} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Beside a field (or a part of a release) the version opened changed: "Changed" to the eye, "changed in this version" to a screen reader. */
export function ChangedBadge() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <span className="badge changed-badge">
        <span aria-hidden="true">{t('history.changedBadge')}</span>
        <span className="visually-hidden">{t('history.changedBadgeLabel')}</span>
      </span>
    </>
  );
}

/**
 * An earlier version of a document read in its version history: its name, then its fields in
 * words, once the documents it names are fetched; those the version changed are marked.
 */
export function RevisionFields({ type, revision, changed }: { type: DocType; revision: ShownRevision; changed?: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const dates = useDates();
  const [names, setNames] = useState<ReadonlyMap<string, string | null> | null>(null);
  useEffect(() => {
    let live = true;
    setNames(null);
    void referenceNames(client, type, [revision]).then((found) => {
      if (live) setNames(found);
    });
    return () => {
      live = false;
    };
  }, [client, type, revision]);
  if (names === null) return <Loading />;
  const words: ValueWords = { t, language: i18n.language, dates, name: (id) => names.get(id) ?? null };
  return (
    <div className="revision-view">
      <h3 dir="auto">{docTitle(revision) ?? t('common.untitled')}</h3>
      <DocFields type={type} body={revision} words={words} changed={changed} />
    </div>
  );
}

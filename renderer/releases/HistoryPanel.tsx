import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownRevision } from '../../electron/shared/contract';
import { plainText, RichTextSchema } from '../../electron/shared/richtext';
import { ChangedBadge } from '../conflicts/DocFields';
import { languageName } from '../ui/languages';
import { VersionHistory } from '../ui/VersionHistory';

type Revision = ShownRevision;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A part of a past revision, marked when the version changed it. */
function Part({ changed, children }: { changed: boolean; children: ReactNode }) {
  if (!changed) return children;
  return (
    <div className="changed-part">
      {children}
      <ChangedBadge />
    </div>
  );
}

/**
 * What a past revision said, in plain words (its body as text), the parts the version changed
 * marked; its other fields are named by the line above ("Changed: Tags, Quotes").
 */
function RevisionView({ revision, changed }: { revision: Revision; changed: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  const language = text(revision.language);
  const body = RichTextSchema.safeParse(revision.body);
  return (
    <div className="revision-view">
      <Part changed={changed.has('headline')}>
        <h3 dir="auto">{text(revision.headline) || t('common.untitled')}</h3>
      </Part>
      {text(revision.subheadline) && (
        <Part changed={changed.has('subheadline')}>
          <p dir="auto">{text(revision.subheadline)}</p>
        </Part>
      )}
      <Part changed={changed.has('status') || changed.has('language')}>
        <p className="muted">
          {t('history.statusLine', { status: t(`status.${text(revision.status)}`, { defaultValue: text(revision.status) }), language: language && languageName(language, i18n.language) })}
        </p>
      </Part>
      <Part changed={changed.has('body')}>
        <div className="revision-body" dir="auto">
          {body.success ? plainText(body.data).split('\n\n').map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('history.bodyUnreadable')}</p>}
        </div>
      </Part>
    </div>
  );
}

/**
 * The release's versions (VersionHistory), an earlier one read as its headline, status and body,
 * what the version changed marked.
 * A release from a newer Dateline shows its history but restores nothing. The editor has saved
 * what was typed by the time a restore is made (`beforeRestore`), so nothing is asked first.
 */
export function HistoryPanel({ id, currentRev, beforeRestore, onRestored, readOnly = false }: { id: string; currentRev: string | null; beforeRestore: () => Promise<void>; onRestored: () => void; readOnly?: boolean }) {
  return <VersionHistory id={id} type="release" currentRev={currentRev} show={(r, changed) => <RevisionView revision={r} changed={changed} />} beforeRestore={beforeRestore} onRestored={onRestored} readOnly={readOnly} />;
}

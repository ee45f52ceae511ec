import { useTranslation } from 'react-i18next';
import type { ShownRevision } from '../../electron/shared/contract';
import { plainText, RichTextSchema } from '../../electron/shared/richtext';
import { languageName } from '../ui/languages';
import { VersionHistory } from '../ui/VersionHistory';

type Revision = ShownRevision;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** What a past revision said, in plain words (its body as text). */
function RevisionView({ revision }: { revision: Revision }) {
  const { t, i18n } = useTranslation();
  const language = text(revision.language);
  const body = RichTextSchema.safeParse(revision.body);
  return (
    <div className="revision-view">
      <h3 dir="auto">{text(revision.headline) || t('common.untitled')}</h3>
      {text(revision.subheadline) && <p dir="auto">{text(revision.subheadline)}</p>}
      <p className="muted">
        {t('history.statusLine', { status: t(`status.${text(revision.status)}`, { defaultValue: text(revision.status) }), language: language && languageName(language, i18n.language) })}
      </p>
      <div className="revision-body" dir="auto">
        {body.success ? plainText(body.data).split('\n\n').map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('history.bodyUnreadable')}</p>}
      </div>
    </div>
  );
}

/**
 * The release's versions (VersionHistory), an earlier one read as its headline, status and body.
 * A release from a newer Dateline shows its history but restores nothing. The editor has saved
 * what was typed by the time a restore is made (`beforeRestore`), so nothing is asked first.
 */
export function HistoryPanel({ id, currentRev, beforeRestore, onRestored, readOnly = false }: { id: string; currentRev: string | null; beforeRestore: () => Promise<void>; onRestored: () => void; readOnly?: boolean }) {
  return <VersionHistory id={id} currentRev={currentRev} show={(r) => <RevisionView revision={r} />} beforeRestore={beforeRestore} onRestored={onRestored} readOnly={readOnly} />;
}

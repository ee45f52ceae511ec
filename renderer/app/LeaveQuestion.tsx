import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { discardAndLeave, keepEditing, mayLeaveFor, usePendingLeave } from './leave-guard';
import { TwoAnswerQuestion } from '../ui/TwoAnswerQuestion';

/**
 * "Discard changes?" when the person leaves a form with unsaved changes (leave-guard.ts). A link
 * to another screen is held before it changes the address; the question takes focus on its safe
 * answer (Keep editing), which Escape also gives, and gives focus back to where it was.
 */
export function LeaveQuestion() {
  const { t } = useTranslation();
  const pending = usePendingLeave();
  const keep = useRef<HTMLButtonElement | null>(null);
  const discard = useRef<HTMLButtonElement | null>(null);
  const before = useRef<HTMLElement | null>(null);
  const open = pending !== null;

  useEffect(() => {
    // Links to another screen are held here, before the address changes, so a held link leaves
    // no extra entry in the browser's history.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      const to = link?.getAttribute('href');
      if (!to || to === window.location.hash) return;
      if (!mayLeaveFor(to)) e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  useEffect(() => {
    if (open) {
      before.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      keep.current?.focus();
      return;
    }
    before.current?.focus();
    before.current = null;
  }, [open]);

  if (!open) return null;

  return (
    <TwoAnswerQuestion
      titleId="leave-q"
      title={t('leave.title')}
      describedBy="leave-d"
      safe={{ ref: keep, label: t('leave.keep'), onClick: keepEditing }}
      other={{ ref: discard, label: t('leave.discard'), onClick: discardAndLeave }}
    >
      <p id="leave-d">{t('leave.explain')}</p>
    </TwoAnswerQuestion>
  );
}

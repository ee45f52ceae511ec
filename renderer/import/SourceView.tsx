import { memo, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRightToLeft, leftToRightNumbers } from '../../electron/shared/direction';
import type { ImportSourceBlock } from '../../electron/shared/import/contract';
import { sourceActionsFor, type SourceAction, type SourceLineRole } from './source-actions';

/**
 * The cleaned source, as text elements only: nothing from the imported file is ever markup here.
 * Clicking a line offers what it can become (headline, subheadline, dateline, the release date
 * when it holds one, first or last paragraph of the body, a quote, a media contact), and takes it
 * out of the body or puts it back there: one click on the line, one on the choice.
 * Once the choices close (a choice made, or Escape), focus goes back to the line, so a keyboard
 * goes on from where it was rather than from the top of the page. The headline's line and the
 * body's lines are marked, so a line dropped from the body is seen to be out, and so are the
 * lines the release quotes already, whose "Quote" says so instead of adding the quote twice.
 * What a choice did is said under its line with Undo: a choice may replace a headline the person
 * wrote, or drop paragraphs, and no Ctrl+Z brings those back.
 */
export function SourceView({
  blocks,
  label,
  onAction,
  disabled,
  roles = [],
  quoted = [],
  dated,
  done,
}: {
  blocks: ImportSourceBlock[];
  label: string;
  onAction: (action: SourceAction, index: number) => void;
  disabled?: boolean;
  /** What each line is in the form now (the headline, in the body), to mark it. */
  roles?: (SourceLineRole | null)[];
  /** Whether each line holds one of the release's quotes. */
  quoted?: boolean[];
  /** Whether a date is read in a line: only then does it offer to be the release date. */
  dated?: (index: number) => boolean;
  /** What the last choice made of its line, said under that line with a way to take it back. */
  done?: { index: number; action: SourceAction; onUndo: () => void } | null;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [selected, setSelected] = useState<number | null>(null);
  const lineButtons = useRef(new Map<number, HTMLButtonElement>());
  // The choices open under their line, which may be at the foot of the scrolled source: they are
  // brought into view, or the click would seem to do nothing. Pinned under the fields (a narrow
  // window), the source scrolls alone: the fields stay where the person is working on them.
  const pane = useRef<HTMLElement>(null);
  const choices = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = choices.current;
    if (selected === null || !box || !pane.current) return;
    if (getComputedStyle(pane.current).position !== 'sticky') {
      box.scrollIntoView({ block: 'nearest' });
      return;
    }
    const below = box.getBoundingClientRect().bottom + 8 - pane.current.getBoundingClientRect().bottom;
    if (below > 0) pane.current.scrollTop += below;
  }, [selected]);
  // The line is in view: its choices were open under it.
  const close = (n: number) => {
    setSelected(null);
    lineButtons.current.get(n)?.focus({ preventScroll: true });
  };
  // What the lines call, the same from one render to the next, so that a keystroke in the
  // fields draws again only the lines whose marks it changed (a long release has thousands).
  const latest = useRef({ onAction, close });
  latest.current = { onAction, close };
  const handlers = useMemo<LineHandlers>(
    () => ({
      toggle: (n) => setSelected((s) => (s === n ? null : n)),
      close: (n) => latest.current.close(n),
      act: (a, n) => latest.current.onAction(a, n),
      register: (n, el) => {
        if (el) lineButtons.current.set(n, el);
        else lineButtons.current.delete(n);
      },
      focus: (n) => lineButtons.current.get(n)?.focus(),
    }),
    [],
  );
  // In a narrow window the source is pinned under the fields it fixes (styles: .import-source)
  // and can be folded to its bar, to give the fields the height; beside the fields it is whole.
  const [folded, setFolded] = useState(false);
  return (
    // Focusable because a long source scrolls in its own box: keyboard users scroll it with
    // the arrow keys once it has focus.
    <aside ref={pane} className={`import-source${folded ? ' folded' : ''}`} aria-label={label} tabIndex={0}>
      <div className="import-source-bar">
        <button type="button" className="link-button" aria-expanded={!folded} aria-controls={`${uid}-lines`} onClick={() => setFolded(!folded)}>
          <span aria-hidden="true" className="import-source-chevron" />
          {t('import.source.pane')}
        </button>
      </div>
      <div id={`${uid}-lines`} className="import-source-lines">
        {blocks.map((b, n) => (
          <SourceLine
            key={n}
            block={b}
            n={n}
            uid={uid}
            role={roles[n] ?? null}
            isQuote={quoted[n] ?? false}
            selected={selected === n}
            dated={selected === n && (dated?.(n) ?? false)}
            done={done?.index === n ? done : null}
            disabled={disabled}
            handlers={handlers}
            choicesRef={choices}
          />
        ))}
      </div>
    </aside>
  );
}

/** What a line of the source calls on the view that holds it. */
interface LineHandlers {
  toggle: (n: number) => void;
  close: (n: number) => void;
  act: (action: SourceAction, n: number) => void;
  register: (n: number, el: HTMLButtonElement | null) => void;
  focus: (n: number) => void;
}

/** One line of the cleaned source, its marks, and its choices while it is the selected one. */
const SourceLine = memo(function SourceLine({
  block: b,
  n,
  uid,
  role,
  isQuote,
  selected,
  dated,
  done,
  disabled,
  handlers,
  choicesRef,
}: {
  block: ImportSourceBlock;
  n: number;
  uid: string;
  role: SourceLineRole | null;
  isQuote: boolean;
  selected: boolean;
  dated: boolean;
  done: { index: number; action: SourceAction; onUndo: () => void } | null;
  disabled: boolean | undefined;
  handlers: LineHandlers;
  choicesRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const described = [role && `${uid}-${n}-role`, isQuote && `${uid}-${n}-quoted`].filter(Boolean).join(' ');
  const line = (
    <button
      ref={(el) => handlers.register(n, el)}
      type="button"
      className={`import-source-text import-source-${b.kind}`}
      dir={b.dir}
      aria-expanded={selected}
      aria-describedby={described || undefined}
      onClick={() => handlers.toggle(n)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && selected) handlers.close(n);
      }}
      disabled={disabled}
    >
      {b.kind === 'item' && '• '}
      <LineText text={b.text} rtl={b.dir === 'rtl'} />
    </button>
  );
  // Headings and quotes keep their meaning for screen readers; the line inside is the button.
  return (
    <div className={`import-source-line${selected ? ' selected' : ''}${role ? ` import-source-is-${role}` : ''}`}>
      {(role || isQuote) && (
        <span className="import-source-role">
          {role && <span id={`${uid}-${n}-role`}>{t(`import.source.is.${role}`)}</span>}
          {/* A mark, its words for screen readers and on hover: the line's name stays its text. */}
          {isQuote && (
            <span id={`${uid}-${n}-quoted`} className="import-source-quoted" title={t('import.source.is.quote')}>
              <span aria-hidden="true">❝</span>
              <span className="visually-hidden">{t('import.source.is.quote')}</span>
            </span>
          )}
        </span>
      )}
      {b.kind === 'heading' ? <h3>{line}</h3> : b.kind === 'quote' ? <blockquote>{line}</blockquote> : line}
      {done && !selected && (
        <p className="import-source-done" role="status">
          {t(`import.source.done.${done.action}`)}{' '}
          <button
            type="button"
            className="link-button"
            aria-label={t('import.source.undoLabel')}
            onClick={() => {
              done.onUndo();
              handlers.focus(n);
            }}
            disabled={disabled}
          >
            {t('import.source.undo')}
          </button>
        </p>
      )}
      {selected && (
        <div
          ref={choicesRef}
          className="import-source-actions"
          role="group"
          aria-label={t('import.source.actionsLabel')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            handlers.close(n);
          }}
        >
          {sourceActionsFor(role, dated).map((a) =>
            a === 'quote' && isQuote ? (
              // Said where "Quote" would be, so the person sees why there is none.
              <button key={a} type="button" className="button" disabled>
                {t('import.source.is.quote')}
              </button>
            ) : (
              <button
                key={a}
                type="button"
                className="button"
                onClick={() => {
                  handlers.act(a, n);
                  handlers.close(n);
                }}
              >
                {t(`import.source.${a}`)}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
});

/**
 * A line's text where right-to-left text may be around: each phone number or other spaced number
 * set apart as left to right, as the kits print them, so that "+249 912 345 678" in an Arabic
 * contact line is not shown as "678 345 912 249+". The text itself is unchanged.
 */
function LineText({ text, rtl }: { text: string; rtl: boolean }) {
  if (!rtl && !hasRightToLeft(text)) return text;
  return leftToRightNumbers(text).map((p, n) =>
    p.number ? (
      <bdi key={n} dir="ltr">
        {p.text}
      </bdi>
    ) : (
      p.text
    ),
  );
}

import type { ImportSourceBlock } from '../../electron/shared/import/contract';

/** The cleaned source, as text elements only: nothing from the imported file is ever markup here. */
export function SourceView({ blocks, label }: { blocks: ImportSourceBlock[]; label: string }) {
  return (
    // Focusable because a long source scrolls in its own box: keyboard users scroll it with
    // the arrow keys once it has focus.
    <aside className="import-source" aria-label={label} tabIndex={0}>
      {blocks.map((b, n) => {
        if (b.kind === 'heading')
          return (
            <h3 key={n} dir={b.dir}>
              {b.text}
            </h3>
          );
        if (b.kind === 'quote')
          return (
            <blockquote key={n} dir={b.dir}>
              {b.text}
            </blockquote>
          );
        if (b.kind === 'item')
          return (
            <p key={n} dir={b.dir} className="import-source-item">
              • {b.text}
            </p>
          );
        return (
          <p key={n} dir={b.dir}>
            {b.text}
          </p>
        );
      })}
    </aside>
  );
}

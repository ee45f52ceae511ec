import { Fragment } from 'react';
import type { Passage } from '../../electron/shared/search/contract';

/**
 * Where a search's words were found, the words marked: pieces of text, never HTML. The releases
 * list shows it under a release (two lines at most), the top bar's search under a release hit (one).
 */
export function PassageLine({ passage, language, id }: { passage: Passage; language: string | null; id?: string }) {
  return (
    <span className="row-passage" id={id} dir="auto" lang={language ?? undefined}>
      {passage.cutBefore && '… '}
      {passage.parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
      {passage.cutAfter && ' …'}
    </span>
  );
}

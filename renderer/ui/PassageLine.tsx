import { Fragment, type ReactNode } from 'react';
import { hasRightToLeft, isRtlLanguage, leftToRightNumbers } from '../../electron/shared/direction';
import type { Passage } from '../../electron/shared/search/contract';

/**
 * Where a search's words were found, the words marked: pieces of text, never HTML. The releases
 * list shows it under a release (two lines at most), the top bar's search under a release hit (one).
 * In right-to-left text each phone number or other spaced number is set apart as left to right,
 * as the release editor draws it, a marked word inside it or not: "+249 912 345 678", not
 * "678 345 912 249+".
 */
export function PassageLine({ passage, language, id }: { passage: Passage; language: string | null; id?: string }) {
  return (
    <span className="row-passage" id={id} dir="auto" lang={language ?? undefined}>
      {passage.cutBefore && '… '}
      {passageText(passage, language)}
      {passage.cutAfter && ' …'}
    </span>
  );
}

function passageText(passage: Passage, language: string | null): ReactNode[] {
  const { parts } = passage;
  const whole = parts.map((p) => p.text).join('');
  if (!(language !== null && isRtlLanguage(language)) && !hasRightToLeft(whole)) return partsBetween(parts, 0, whole.length);
  const out: ReactNode[] = [];
  let at = 0;
  for (const piece of leftToRightNumbers(whole)) {
    const end = at + piece.text.length;
    if (piece.number) {
      out.push(
        <bdi key={`n${at}`} dir="ltr">
          {partsBetween(parts, at, end)}
        </bdi>,
      );
    } else {
      out.push(...partsBetween(parts, at, end));
    }
    at = end;
  }
  return out;
}

/** The parts' text from `from` to `to` in the whole, each piece marked as its part is. */
function partsBetween(parts: Passage['parts'], from: number, to: number): ReactNode[] {
  const out: ReactNode[] = [];
  let start = 0;
  for (const p of parts) {
    const end = start + p.text.length;
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (a < b) {
      const text = p.text.slice(a - start, b - start);
      out.push(p.mark ? <mark key={a}>{text}</mark> : <Fragment key={a}>{text}</Fragment>);
    }
    start = end;
  }
  return out;
}

import type { Block } from './blocks';
import { HEAD_BLOCKS, isProse } from './classify';
import { matchDateline } from './dateline';
import { endMarkOf, isMailHeaderRun, isMailSeparator, isPageNumberLine, mailHeaderField } from './lexicon';
import { compareKey } from './normalise';

/**
 * Everything above the last e-mail header of a forwarded message: the forwarder's note, the
 * headers and the separators. The release starts below them. Only the top of the text is looked
 * at, and never past a dateline: by then the release has begun.
 */
export function dropMailEnvelope(blocks: Block[]): Block[] {
  let end = 0;
  for (let i = 0; i < Math.min(blocks.length, HEAD_BLOCKS); i++) {
    const text = blocks[i]!.text;
    if (isMailSeparator(text)) {
      end = i + 1;
      continue;
    }
    const fields: string[] = [];
    let j = i;
    for (; j < blocks.length; j++) {
      const f = mailHeaderField(blocks[j]!.text);
      if (f === null) break;
      fields.push(f);
    }
    if (isMailHeaderRun(fields)) {
      end = j;
      i = j - 1;
      continue;
    }
    if (matchDateline(text)) break;
  }
  return end > 0 && end < blocks.length ? blocks.slice(end) : blocks;
}

const ENDS_PARAGRAPH = /[.!?:;؟"”»’)]$/u;

/**
 * Page numbers and running headers or footers of a document copied from Word or a PDF. A
 * paragraph that the page break cut in two is put back together.
 */
export function dropPageFurniture(blocks: Block[]): Block[] {
  // "0" counts nothing on a page that a page would number (a page's counters: "0" likes, "2" comments).
  const isPageNumber = (b: Block) => b.hint !== 'cell' && b.hint !== 'li' && endMarkOf(b.text) === null && !/^\s*0\s*$/u.test(b.text) && isPageNumberLine(b.text);
  if (!blocks.some(isPageNumber)) return blocks;
  // A line repeated on every page next to the page number ("Harbour Council – Media Release")
  // is the running header or footer.
  const keys = blocks.map((b) => compareKey(b.text));
  const count = new Map<string, number>();
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const running = new Set<string>();
  // A line is a running header only beside page numbers of two pages at least: one number alone
  // ("2" under a title set twice, a page's count of comments) shows no page break.
  const numbered = blocks.filter(isPageNumber).length >= 2;
  blocks.forEach((b, i) => {
    if (!numbered || !isPageNumber(b)) return;
    for (const n of [i - 1, i + 1]) {
      const near = blocks[n];
      if (near && near.text.length < 100 && !isPageNumber(near) && (count.get(keys[n]!) ?? 0) >= 2) running.add(keys[n]!);
    }
  });
  const out: Block[] = [];
  let cut = false;
  for (const [i, b] of blocks.entries()) {
    if (isPageNumber(b) || running.has(keys[i]!)) {
      cut = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (cut && prev && !ENDS_PARAGRAPH.test(prev.text) && /^\p{Ll}/u.test(b.text) && isProse(`${prev.text} ${b.text}`)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
    } else out.push(b);
    cut = false;
  }
  return out;
}

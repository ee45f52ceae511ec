/**
 * The page each named destination of a PDF printed by Chromium is on. Chromium has no CSS
 * `target-counter()`, so the kit's contents page gets its page numbers from a draft print
 * (see export.ts): every part's heading has an id, Chromium writes each id as a named destination
 * (`/Dests << /part-3 [16 0 R /XYZ ...] >>`), and the page tree (`/Type /Pages`, nested in
 * nodes of a few kids) gives each page object its number.
 *
 * This reads Chromium's own output only (plain objects, no object streams); anything it does
 * not find gives no number, never a wrong one.
 */

// An object's header, "N 0 obj". The number is bounded and may not follow a digit, so a long run
// of digits costs one step per character instead of a retry from every position.
const OBJECT_HEAD = /(?<!\d)(\d{1,10}) 0 obj\b/g;

/** Each object's dictionary: from "N 0 obj" to its stream's bytes or its end, in one pass. */
function objects(pdf: string): Map<number, string> {
  const out = new Map<number, string>();
  const head = new RegExp(OBJECT_HEAD.source, 'g');
  for (let m = head.exec(pdf); m; m = head.exec(pdf)) {
    const start = head.lastIndex;
    const ends = [pdf.indexOf('stream', start), pdf.indexOf('endobj', start)].filter((i) => i >= 0);
    if (ends.length === 0) break;
    const end = Math.min(...ends);
    out.set(Number(m[1]), pdf.slice(start, end));
    head.lastIndex = end;
  }
  return out;
}

/** The page objects in reading order, from the root of the page tree. */
function pageOrder(objs: Map<number, string>, root: number): number[] {
  const pages: number[] = [];
  const visit = (id: number, depth: number): void => {
    const body = objs.get(id);
    if (body === undefined || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(/(?<!\d)(\d{1,10}) 0 R/g)) visit(Number(k[1]), depth + 1);
    } else pages.push(id);
  };
  visit(root, 0);
  return pages;
}

/** Page numbers (from 1) of the named destinations, by name. */
export function destinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objs = objects(text);
  const catalog = [...objs.values()].find((b) => /\/Type\s*\/Catalog\b/.test(b));
  const out = new Map<string, number>();
  if (!catalog) return out;
  const pagesRef = /\/Pages\s+(\d{1,10}) 0 R/.exec(catalog)?.[1];
  const destsRef = /\/Dests\s+(\d{1,10}) 0 R/.exec(catalog)?.[1];
  if (!pagesRef || !destsRef) return out;
  const order = pageOrder(objs, Number(pagesRef));
  const index = new Map(order.map((id, i) => [id, i + 1]));
  const dests = objs.get(Number(destsRef)) ?? '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d{1,10}) 0 R/g)) {
    const page = index.get(Number(m[2]));
    // Names are written with #xx escapes for unusual characters; ours are plain ("part-3").
    if (page !== undefined) out.set(m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), page);
  }
  return out;
}

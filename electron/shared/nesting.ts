/**
 * How deeply structured input may nest. Every parser in Dateline recurses (zod's rich-text
 * schema, Markdown's lexer, the DOCX and HTML renderers), so depth is bounded once, before any
 * of them runs: a few kilobytes of ">" or of nested arrays must be a clear error, not a stack
 * overflow. A real release nests a few levels; these leave ample room.
 */

/** JSON levels (objects and arrays) in any input to the contract. */
export const MAX_JSON_DEPTH = 100;
/** Quote and list levels in Markdown. */
export const MAX_MARKDOWN_NESTING = 20;

/**
 * The path to the first place where `value` nests deeper than `max` JSON levels, or null.
 * Iterative, so the check itself cannot overflow the stack.
 */
export function tooDeep(value: unknown, max: number = MAX_JSON_DEPTH): (string | number)[] | null {
  const stack: { v: unknown; depth: number; path: (string | number)[] }[] = [{ v: value, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, depth: depth + 1, path: [...path, i] }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, depth: depth + 1, path: [...path, k] });
  }
  return null;
}

/**
 * The first line (1-based) of Markdown whose quote and list markers nest deeper than `max`,
 * with its depth, or null. Counts ">" markers, list markers ("-", "*", "+", "1." ...) at the
 * start of the line and indentation (two columns a level), which is how both nest.
 */
export function markdownTooDeep(text: string, max: number = MAX_MARKDOWN_NESTING): { line: number; depth: number } | null {
  let line = 1;
  let at = 0;
  while (at <= text.length) {
    let depth = 0;
    let columns = 0;
    let i = at;
    for (;;) {
      const c = text.charAt(i);
      if (c === ' ') columns += 1;
      else if (c === '\t') columns += 4;
      else if (c === '>') depth += 1;
      else if ((c === '-' || c === '*' || c === '+') && /[ \t]/.test(text.charAt(i + 1))) depth += 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < text.length && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
        if (!/[.)]/.test(text.charAt(j)) || !/[ \t]/.test(text.charAt(j + 1))) break;
        depth += 1;
        i = j;
      } else break;
      i++;
    }
    const total = depth + Math.floor(columns / 2);
    if (total > max) return { line, depth: total };
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
    line++;
  }
  return null;
}

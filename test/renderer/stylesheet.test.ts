import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * app.css is written without nesting: a rule left open swallows every rule after it as a
 * nested one (".sync-status { … .field-error { … } …"), and those then style nothing outside it.
 */
describe('the stylesheet', () => {
  it('closes every rule: only @media and @supports hold other rules', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'styles', 'app.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const open: string[] = [];
    const nested: string[] = [];
    let head = '';
    for (const ch of css) {
      if (ch === '{') {
        const selector = head.trim();
        if (open.length > 0 && !open[open.length - 1]!.startsWith('@')) nested.push(`${open[open.length - 1]} > ${selector}`);
        open.push(selector);
        head = '';
      } else if (ch === '}') {
        open.pop();
        head = '';
      } else if (ch === ';') head = '';
      else head += ch;
    }
    expect(nested).toEqual([]);
    expect(open).toEqual([]);
  });
});

/**
 * The pseudo-locale `en-XA`: every English string lengthened by about 40% and wrapped in ⟦ ⟧,
 * with its {{params}} left intact. A screen shown in it reveals text cut off by a fixed width
 * (the closing marker is missing) and text that bypasses translation (no markers at all).
 */
export const PSEUDO_LANGUAGE = 'en-XA';

const ACCENTED: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', c: 'ç', n: 'ñ', y: 'ý',
};

export function pseudoString(s: string): string {
  const parts = s.split(/(\{\{[^}]+\}\})/);
  let letters = 0;
  const body = parts
    .map((p) => {
      if (p.startsWith('{{')) return p;
      letters += p.length;
      return p.replace(/[aeiouAEIOUcny]/g, (ch) => ACCENTED[ch] ?? ch);
    })
    .join('');
  const pad = '~'.repeat(Math.max(1, Math.ceil(letters * 0.4)));
  return `⟦${body}${pad}⟧`;
}

type Tree = { [key: string]: string | Tree };

export function pseudoTree(tree: Tree): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) out[k] = typeof v === 'string' ? pseudoString(v) : pseudoTree(v);
  return out;
}

import type { JSONContent } from '@tiptap/core';
import type { BlockNode, InlineNode, ListItemNode, Mark, RichText } from '../../electron/shared/richtext';

/**
 * The editor's JSON, rebuilt into exactly the contract's rich-text shape: only the nodes,
 * marks and attributes Dateline stores, so nothing the editor adds (CSS classes, link
 * targets) reaches the library or the exports.
 */

type Dir = 'ltr' | 'rtl' | 'auto';

function blockAttrs(n: JSONContent): { lang?: string | null; dir?: Dir | null } | undefined {
  const dir = n.attrs?.dir;
  const lang = n.attrs?.lang;
  const out: { lang?: string | null; dir?: Dir | null } = {};
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') out.dir = dir;
  if (typeof lang === 'string' && lang !== '') out.lang = lang;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Only https and mailto links are kept: anything else could run code or leak a reader's address. */
export function isAllowedHref(href: string): boolean {
  return /^(https:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}

function marks(n: JSONContent): Mark[] | undefined {
  const out: Mark[] = [];
  for (const m of n.marks ?? []) {
    if (m.type === 'bold') out.push({ type: 'bold' });
    else if (m.type === 'italic') out.push({ type: 'italic' });
    else if (m.type === 'link' && typeof m.attrs?.href === 'string' && isAllowedHref(m.attrs.href)) {
      out.push({ type: 'link', attrs: { href: m.attrs.href } });
    }
  }
  return out.length > 0 ? out : undefined;
}

function inline(nodes: JSONContent[] | undefined): InlineNode[] | undefined {
  const out: InlineNode[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text' && typeof n.text === 'string' && n.text !== '') {
      const m = marks(n);
      out.push(m ? { type: 'text', text: n.text, marks: m } : { type: 'text', text: n.text });
    } else if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
  }
  return out.length > 0 ? out : undefined;
}

function withOptional<T extends object>(base: T, key: string, value: unknown): T {
  return value === undefined ? base : { ...base, [key]: value };
}

function block(n: JSONContent): BlockNode | null {
  switch (n.type) {
    case 'paragraph':
      return withOptional(withOptional({ type: 'paragraph' as const }, 'attrs', blockAttrs(n)), 'content', inline(n.content));
    case 'heading': {
      const level = Math.min(3, Math.max(1, Number(n.attrs?.level) || 1));
      return withOptional({ type: 'heading' as const, attrs: { ...blockAttrs(n), level } }, 'content', inline(n.content));
    }
    case 'bulletList':
    case 'orderedList': {
      const items: ListItemNode[] = (n.content ?? [])
        .filter((li) => li.type === 'listItem')
        .map((li) => ({ type: 'listItem' as const, content: blocks(li.content) }))
        .map((li) => (li.content.length > 0 ? li : { ...li, content: [{ type: 'paragraph' as const }] }));
      if (items.length === 0) return null;
      let attrs = blockAttrs(n);
      if (n.type === 'orderedList') {
        const start = Number(n.attrs?.start);
        if (Number.isInteger(start) && start !== 1 && start >= 0) attrs = { ...attrs, start } as typeof attrs;
        return withOptional({ type: 'orderedList' as const, content: items }, 'attrs', attrs);
      }
      return withOptional({ type: 'bulletList' as const, content: items }, 'attrs', attrs);
    }
    case 'blockquote': {
      const content = blocks(n.content);
      return withOptional({ type: 'blockquote' as const, content: content.length > 0 ? content : [{ type: 'paragraph' as const }] }, 'attrs', blockAttrs(n));
    }
    default:
      return null;
  }
}

function blocks(nodes: JSONContent[] | undefined): BlockNode[] {
  return (nodes ?? []).map(block).filter((b): b is BlockNode => b !== null);
}

export function toRichText(json: JSONContent): RichText {
  return { type: 'doc', content: blocks(json.content) };
}


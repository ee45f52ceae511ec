import { Lexer, type Token, type Tokens } from 'marked';
import type { BlockNode, InlineNode, Mark, RichText } from '../shared/richtext';
import { RichTextSchema } from '../shared/richtext';
import { textDirection } from '../shared/direction';
import { DatelineError } from '../shared/errors';
import { markdownTooDeep, MAX_MARKDOWN_NESTING } from '../shared/nesting';

/**
 * Markdown (or plain text) to Dateline's rich text. Used where people hand over text files:
 * the CLI and the importer. HTML inside the Markdown is kept as plain text, never as markup.
 */


function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:|mailto:)/i.test(h) ? h : null;
}

function inline(tokens: Token[] | undefined, marks: Mark[] = []): InlineNode[] {
  const out: InlineNode[] = [];
  const push = (text: string, m: Mark[]) => {
    if (text === '') return;
    const last = out[out.length - 1];
    const sameMarks = last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(m);
    if (last?.type === 'text' && sameMarks) last.text += text;
    else out.push(m.length ? { type: 'text', text, marks: m } : { type: 'text', text });
  };
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inline((t as Tokens.Strong).tokens, addMark(marks, { type: 'bold' })));
        break;
      case 'em':
        out.push(...inline((t as Tokens.Em).tokens, addMark(marks, { type: 'italic' })));
        break;
      case 'link': {
        const l = t as Tokens.Link;
        const href = safeHref(l.href);
        out.push(...inline(l.tokens, href ? addMark(marks, { type: 'link', attrs: { href } }) : marks));
        break;
      }
      case 'br':
        out.push({ type: 'hardBreak' });
        break;
      case 'codespan':
        push(decode((t as Tokens.Codespan).text), marks);
        break;
      case 'text': {
        const tt = t as Tokens.Text;
        if (tt.tokens && tt.tokens.length) out.push(...inline(tt.tokens, marks));
        else push(decode(tt.text), marks);
        break;
      }
      case 'escape':
        push((t as Tokens.Escape).text, marks);
        break;
      default:
        push(decode('text' in t && typeof t.text === 'string' ? t.text : t.raw), marks);
    }
  }
  return out;
}

function addMark(marks: Mark[], m: Mark): Mark[] {
  return marks.some((x) => x.type === m.type) ? marks : [...marks, m];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function textOf(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function paragraph(content: InlineNode[]): BlockNode | null {
  if (content.length === 0 || textOf(content).trim() === '') return null;
  const dir = textDirection(textOf(content)) === 'rtl' ? 'rtl' : null;
  return dir ? { type: 'paragraph', attrs: { dir }, content } : { type: 'paragraph', content };
}

function blocks(tokens: Token[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        const content = inline(h.tokens);
        if (content.length) out.push({ type: 'heading', attrs: { level: Math.min(3, Math.max(1, h.depth)) }, content });
        break;
      }
      case 'paragraph': {
        const p = paragraph(inline((t as Tokens.Paragraph).tokens));
        if (p) out.push(p);
        break;
      }
      case 'text': {
        const tt = t as Tokens.Text;
        const p = paragraph(tt.tokens ? inline(tt.tokens) : [{ type: 'text', text: decode(tt.text) }]);
        if (p) out.push(p);
        break;
      }
      case 'blockquote': {
        const inner = blocks((t as Tokens.Blockquote).tokens);
        if (inner.length) out.push({ type: 'blockquote', content: inner });
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        const items = l.items
          .map((it) => ({ type: 'listItem' as const, content: blocks(it.tokens) }))
          .filter((it) => it.content.length > 0);
        if (items.length === 0) break;
        if (l.ordered) {
          const start = typeof l.start === 'number' && l.start !== 1 ? l.start : undefined;
          out.push(start !== undefined ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items });
        } else out.push({ type: 'bulletList', content: items });
        break;
      }
      case 'code': {
        const p = paragraph([{ type: 'text', text: (t as Tokens.Code).text }]);
        if (p) out.push(p);
        break;
      }
      case 'html': {
        const p = paragraph([{ type: 'text', text: (t as Tokens.HTML).text.trim() }]);
        if (p) out.push(p);
        break;
      }
      case 'table': {
        const tb = t as Tokens.Table;
        for (const row of [tb.header, ...tb.rows]) {
          const p = paragraph([{ type: 'text', text: row.map((c) => c.text).join(' | ') }]);
          if (p) out.push(p);
        }
        break;
      }
      default:
        break; // spaces, rules: no content
    }
  }
  return out;
}

export function markdownToRichText(markdown: string): RichText {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  // The lexer recurses once per quote or list level: 1,000 ">" overflowed the stack, and a
  // deeply nested list of 9 MB ran for minutes. Refused before it runs.
  const deep = markdownTooDeep(text);
  if (deep) {
    throw new DatelineError(
      'INVALID_INPUT',
      `body: line ${deep.line} nests quotes or lists ${deep.depth} levels deep; Dateline reads up to ${MAX_MARKDOWN_NESTING}.`,
      { path: ['body'], params: { line: deep.line, depth: deep.depth, max: MAX_MARKDOWN_NESTING, reason: 'markdownTooDeep' } },
    );
  }
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(text);
  return RichTextSchema.parse({ type: 'doc', content: blocks(tokens) });
}

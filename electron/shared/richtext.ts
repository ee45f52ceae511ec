import { z } from 'zod';

/**
 * Rich text in Dateline is ProseMirror JSON (the shape TipTap edits), not Markdown:
 * - every block can carry its own `lang` and `dir`, which Arabic quotes inside a French
 *   release need and Markdown cannot express;
 * - it validates with a schema at every boundary, so a malformed body is refused, not guessed;
 * - it maps one-to-one onto Word paragraphs/runs and onto HTML for the PDF and the editor.
 * Markdown is accepted at the edges (CLI, import) and converted.
 */

export const MarkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({
    type: z.literal('link'),
    attrs: z.object({ href: z.string().max(2048) }),
  }),
]);
export type Mark = z.infer<typeof MarkSchema>;

/**
 * The longest run of text one node holds: as long as the whole text an import reads (300,000
 * characters), so a paragraph pasted or imported whole (an annex that lost its line ends) is
 * stored whole, and the editor, which gives a paragraph back as one node, can save it again.
 */
export const TEXT_NODE_MAX_CHARS = 300_000;

export const TextNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(TEXT_NODE_MAX_CHARS),
  marks: z.array(MarkSchema).max(3).optional(),
});
export type TextNode = z.infer<typeof TextNodeSchema>;

export const HardBreakSchema = z.object({ type: z.literal('hardBreak') });
export const InlineSchema = z.union([TextNodeSchema, HardBreakSchema]);
export type InlineNode = z.infer<typeof InlineSchema>;

export const DirSchema = z.enum(['ltr', 'rtl', 'auto']);
const BlockAttrs = {
  lang: z.string().max(35).nullable().optional(),
  dir: DirSchema.nullable().optional(),
};

export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  attrs: z.object(BlockAttrs).optional(),
  content: z.array(InlineSchema).max(10_000).optional(),
});
export type ParagraphNode = z.infer<typeof ParagraphSchema>;

export const HeadingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ ...BlockAttrs, level: z.number().int().min(1).max(3) }),
  content: z.array(InlineSchema).max(10_000).optional(),
});
export type HeadingNode = z.infer<typeof HeadingSchema>;

export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}
export interface BulletListNode {
  type: 'bulletList';
  attrs?: { lang?: string | null; dir?: 'ltr' | 'rtl' | 'auto' | null } | undefined;
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { lang?: string | null; dir?: 'ltr' | 'rtl' | 'auto' | null; start?: number } | undefined;
  content: ListItemNode[];
}
export interface BlockquoteNode {
  type: 'blockquote';
  attrs?: { lang?: string | null; dir?: 'ltr' | 'rtl' | 'auto' | null } | undefined;
  content: BlockNode[];
}
export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BulletListNode
  | OrderedListNode
  | BlockquoteNode;

const ListItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), content: z.array(BlockSchema).min(1).max(1000) }),
);

export const BlockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([
    ParagraphSchema,
    HeadingSchema,
    z.object({
      type: z.literal('bulletList'),
      attrs: z.object(BlockAttrs).optional(),
      content: z.array(ListItemSchema).min(1).max(10_000),
    }),
    z.object({
      type: z.literal('orderedList'),
      attrs: z.object({ ...BlockAttrs, start: z.number().int().min(0).optional() }).optional(),
      content: z.array(ListItemSchema).min(1).max(10_000),
    }),
    z.object({
      type: z.literal('blockquote'),
      attrs: z.object(BlockAttrs).optional(),
      content: z.array(BlockSchema).min(1).max(10_000),
    }),
  ]),
);

export const RichTextSchema = z.object({
  type: z.literal('doc'),
  content: z.array(BlockSchema).max(50_000),
});
export type RichText = z.infer<typeof RichTextSchema>;

export const emptyRichText = (): RichText => ({ type: 'doc', content: [] });

function inlineText(nodes: InlineNode[] | undefined): string {
  if (!nodes) return '';
  return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** Plain text of each block, in reading order (list items and quotes flattened). */
export function blockTexts(doc: RichText): string[] {
  const out: string[] = [];
  const walk = (b: BlockNode): void => {
    switch (b.type) {
      case 'paragraph':
      case 'heading': {
        const t = inlineText(b.content);
        if (t.trim() !== '') out.push(t);
        break;
      }
      case 'bulletList':
      case 'orderedList':
        for (const li of b.content) for (const c of li.content) walk(c);
        break;
      case 'blockquote':
        for (const c of b.content) walk(c);
        break;
    }
  };
  for (const b of doc.content) walk(b);
  return out;
}

export function plainText(doc: RichText): string {
  return blockTexts(doc).join('\n\n');
}

/** A body made of plain paragraphs (one per non-empty line group). */
export function richTextFromParagraphs(paragraphs: string[]): RichText {
  return {
    type: 'doc',
    content: paragraphs
      .filter((p) => p.trim() !== '')
      .map((p) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: p }] })),
  };
}

import { describe, expect, it } from 'vitest';
import { markdownToRichText } from '../../electron/core/markdown';

describe('Markdown to rich text', () => {
  it('maps headings, marks, links, lists and quotes onto the body format', () => {
    const doc = markdownToRichText(
      '## Key facts\n\nThe team **reached** *40,000* people. See [the report](https://example.org/r).\n\n1. one\n2. two\n\n- a\n\n> "Water is dignity," said Grace Akello.',
    );
    expect(doc.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'orderedList', 'bulletList', 'blockquote']);
    expect(doc.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Key facts' }] });
    const p = doc.content[1]!;
    expect(p.type === 'paragraph' && p.content).toEqual([
      { type: 'text', text: 'The team ' },
      { type: 'text', text: 'reached', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: '40,000', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' people. See ' },
      { type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href: 'https://example.org/r' } }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps plain text paragraphs and marks Arabic paragraphs right-to-left', () => {
    const doc = markdownToRichText('First paragraph.\n\nأعلنت المنظمة اليوم.\n');
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] },
      { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'أعلنت المنظمة اليوم.' }] },
    ]);
  });

  it('never turns a javascript: link or raw HTML into markup', () => {
    const doc = markdownToRichText('[click](javascript:alert(1)) and <script>alert(1)</script>');
    const json = JSON.stringify(doc);
    expect(json).not.toContain('"link"');
    expect(json).toContain('<script>alert(1)</script>'); // kept as visible text only
  });
});

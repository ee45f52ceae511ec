// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { RichTextSchema } from '../../electron/shared/richtext';
import { BlockDirection } from '../../renderer/releases/directions';
import { textDirection } from '../../electron/shared/direction';
import { isAllowedHref, toRichText } from '../../renderer/releases/richtext';

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

function makeEditor(base: 'ltr' | 'rtl' = 'ltr') {
  const editor = new Editor({
    element: document.createElement('div'),
    injectCSS: false,
    extensions: [StarterKit.configure({ code: false, codeBlock: false, strike: false, underline: false, horizontalRule: false }), BlockDirection.configure({ base: () => base })],
    content: '',
  });
  editors.push(editor);
  return editor;
}

describe('release body', () => {
  it('marks Arabic paragraphs right-to-left as they are typed, and a Latin one inside an Arabic release left-to-right', () => {
    const editor = makeEditor('rtl');
    editor.commands.setContent('<p>x</p><p>y</p>');
    editor.commands.setTextSelection(1);
    editor.commands.insertContent('تشرد آلاف الأسر بسبب الفيضانات');
    const body = toRichText(editor.getJSON());
    expect(body.content[0]).toMatchObject({ type: 'paragraph', attrs: { dir: 'rtl' } });
    expect(body.content[1]).toMatchObject({ type: 'paragraph', attrs: { dir: 'ltr' } });
    expect(editor.view.dom.querySelector('p')?.getAttribute('dir')).toBe('rtl');
  });

  it('leaves Latin paragraphs of a left-to-right release without a direction', () => {
    const editor = makeEditor('ltr');
    editor.commands.setContent('<p>Floods</p><blockquote><p>«نحتاج إلى المساعدة»</p></blockquote>');
    editor.commands.insertContent(' ');
    const body = toRichText(editor.getJSON());
    expect(body.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: expect.stringContaining('Floods') }] });
    expect(body.content[1]).toMatchObject({ type: 'blockquote', attrs: { dir: 'rtl' }, content: [{ type: 'paragraph', attrs: { dir: 'rtl' } }] });
  });

  it('keeps exactly the contract’s shape: bold, italic, safe links, lists; drops the rest', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { dir: null, class: 'x' },
          content: [
            { type: 'text', text: 'Read ', marks: [{ type: 'italic' }] },
            { type: 'text', text: 'the appeal', marks: [{ type: 'link', attrs: { href: 'https://example.org/appeal', target: '_blank', rel: 'noopener' } }, { type: 'bold' }] },
            { type: 'text', text: ' now', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'strike' }] },
          ],
        },
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
        { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [{ type: 'text', text: 'عنوان' }] },
        { type: 'horizontalRule' },
      ],
    };
    const body = toRichText(json);
    expect(body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Read ', marks: [{ type: 'italic' }] },
            { type: 'text', text: 'the appeal', marks: [{ type: 'link', attrs: { href: 'https://example.org/appeal' } }, { type: 'bold' }] },
            { type: 'text', text: ' now' },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
        { type: 'heading', attrs: { dir: 'rtl', level: 2 }, content: [{ type: 'text', text: 'عنوان' }] },
      ],
    });
    expect(RichTextSchema.safeParse(body).success).toBe(true);
  });

  it('allows https and mailto links only', () => {
    expect(isAllowedHref('https://example.org')).toBe(true);
    expect(isAllowedHref('mailto:press@example.org')).toBe(true);
    expect(isAllowedHref('http://example.org')).toBe(false);
    expect(isAllowedHref('javascript:alert(1)')).toBe(false);
    expect(isAllowedHref('file:///etc/passwd')).toBe(false);
  });

  it('reads direction from the first strong letter', () => {
    expect(textDirection('2026: الفيضانات')).toBe('rtl');
    expect(textDirection('« Floods »')).toBe('ltr');
    expect(textDirection('123 — 456')).toBe(null);
  });
});

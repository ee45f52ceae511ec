import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText } from '../../electron/shared/richtext';
import { BlockDirection, NumberIsolation } from './directions';
import { isAllowedHref, toRichText } from './richtext';
import { ariaShortcut, shortcutText, type Binding } from '../ui/shortcuts';
import { useRovingToolbar } from '../ui/useRovingToolbar';

function Toggle({ pressed, label, keys, onClick, children }: { pressed: boolean; label: string; keys?: Binding; onClick: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // mousedown would take focus from the text and lose the selection the button acts on.
    <button
      type="button"
      className="tool"
      aria-pressed={pressed}
      title={keys ? t('editor.withShortcut', { action: label, keys: shortcutText(keys, t) }) : label}
      aria-keyshortcuts={keys ? ariaShortcut(keys) : undefined}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}

/**
 * The release body: headings 1-3, bold, italic, https/mailto links, lists and block quotes,
 * nothing else (the exports render exactly these). Undo/redo is the editor's own history.
 */
export function BodyEditor({
  initial,
  dir,
  lang,
  labelId,
  onChange,
  readOnly = false,
}: {
  initial: RichText;
  dir: 'ltr' | 'rtl';
  lang: string;
  labelId: string;
  onChange: (body: RichText) => void;
  /** Shown, never changed (a document from a newer version of Dateline). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const dirRef = useRef(dir);
  dirRef.current = dir;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const editor = useEditor({
    // The page's CSP allows no inline <style>; the editor's few rules live in app.css.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['mailto'],
          defaultProtocol: 'https',
          isAllowedUri: (url) => isAllowedHref(url),
          shouldAutoLink: (url) => isAllowedHref(url) || isAllowedHref(`https://${url}`),
          HTMLAttributes: { target: null, rel: 'noopener noreferrer' },
        },
      }),
      BlockDirection.configure({ base: () => dirRef.current }),
      NumberIsolation.configure({ base: () => dirRef.current }),
    ],
    content: initial as JSONContent,
    editable: !readOnly,
    editorProps: {
      attributes: {
        class: 'prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current(toRichText(e.getJSON())),
  });

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const toolbar = useRovingToolbar<HTMLDivElement>();
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkDraft, setLinkDraft] = useState('');
  const [linkProblem, setLinkProblem] = useState(false);
  const linkId = useId();

  useEffect(() => {
    if (editor) editor.view.dom.setAttribute('lang', lang);
  }, [editor, lang]);

  if (!editor || !state) return null;
  const chain = () => editor.chain().focus();

  const openLink = () => {
    setLinkDraft(state.href);
    setLinkProblem(false);
    setLinkOpen(true);
  };
  const applyLink = (e: FormEvent) => {
    e.preventDefault();
    const href = linkDraft.trim();
    if (!isAllowedHref(href)) {
      setLinkProblem(true);
      return;
    }
    chain().extendMarkRange('link').setLink({ href }).run();
    setLinkOpen(false);
  };
  const removeLink = () => {
    chain().extendMarkRange('link').unsetLink().run();
    setLinkOpen(false);
  };

  return (
    <div className="body-editor">
      <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} ref={toolbar.ref} onFocus={toolbar.onFocus} onKeyDown={toolbar.onKeyDown}>
        <Toggle pressed={state.h1} label={t('editor.heading', { level: 1 })} keys={{ key: '1', alt: true }} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
          {t('editor.headingShort', { level: 1 })}
        </Toggle>
        <Toggle pressed={state.h2} label={t('editor.heading', { level: 2 })} keys={{ key: '2', alt: true }} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          {t('editor.headingShort', { level: 2 })}
        </Toggle>
        <Toggle pressed={state.h3} label={t('editor.heading', { level: 3 })} keys={{ key: '3', alt: true }} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          {t('editor.headingShort', { level: 3 })}
        </Toggle>
        <span className="tool-sep" aria-hidden="true" />
        <Toggle pressed={state.bold} label={t('editor.bold')} keys={{ key: 'b' }} onClick={() => chain().toggleBold().run()}>
          {t('editor.boldShort')}
        </Toggle>
        <Toggle pressed={state.italic} label={t('editor.italic')} keys={{ key: 'i' }} onClick={() => chain().toggleItalic().run()}>
          {t('editor.italicShort')}
        </Toggle>
        <Toggle pressed={state.link} label={t('editor.link')} onClick={openLink}>
          <LinkIcon />
        </Toggle>
        <span className="tool-sep" aria-hidden="true" />
        <Toggle pressed={state.bullet} label={t('editor.bulletList')} keys={{ key: '8', shift: true }} onClick={() => chain().toggleBulletList().run()}>
          •
        </Toggle>
        <Toggle pressed={state.ordered} label={t('editor.orderedList')} keys={{ key: '7', shift: true }} onClick={() => chain().toggleOrderedList().run()}>
          1.
        </Toggle>
        <Toggle pressed={state.quote} label={t('editor.quote')} keys={{ key: 'b', shift: true }} onClick={() => chain().toggleBlockquote().run()}>
          ❝
        </Toggle>
        <span className="tool-sep" aria-hidden="true" />
        <button type="button" className="tool" title={t('editor.withShortcut', { action: t('editor.undo'), keys: shortcutText({ key: 'z' }, t) })} aria-keyshortcuts={ariaShortcut({ key: 'z' })} disabled={!state.canUndo} onMouseDown={(e) => e.preventDefault()} onClick={() => chain().undo().run()}>
          <span aria-hidden="true" className="mirror-in-rtl">↶</span>
          <span className="visually-hidden">{t('editor.undo')}</span>
        </button>
        <button type="button" className="tool" title={t('editor.withShortcut', { action: t('editor.redo'), keys: shortcutText({ key: 'z', shift: true }, t) })} aria-keyshortcuts={ariaShortcut({ key: 'z', shift: true })} disabled={!state.canRedo} onMouseDown={(e) => e.preventDefault()} onClick={() => chain().redo().run()}>
          <span aria-hidden="true" className="mirror-in-rtl">↷</span>
          <span className="visually-hidden">{t('editor.redo')}</span>
        </button>
      </div>
      {linkOpen && (
        <form className="link-form" onSubmit={applyLink}>
          <label htmlFor={linkId}>{t('editor.linkAddress')}</label>
          <input
            id={linkId}
            type="text"
            dir="ltr"
            inputMode="url"
            value={linkDraft}
            autoFocus
            onChange={(e) => setLinkDraft(e.target.value)}
            aria-invalid={linkProblem || undefined}
            aria-describedby={`${linkId}-hint`}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setLinkOpen(false);
            }}
          />
          <button type="submit">{t('editor.applyLink')}</button>
          {state.link && (
            <button type="button" onClick={removeLink}>
              {t('editor.removeLink')}
            </button>
          )}
          <button type="button" onClick={() => setLinkOpen(false)}>
            {t('common.cancel')}
          </button>
          <p id={`${linkId}-hint`} className={linkProblem ? 'error' : 'hint'} role={linkProblem ? 'alert' : undefined}>
            {linkProblem ? t('editor.linkRefused') : t('editor.linkHint')}
          </p>
        </form>
      )}
      <EditorContent editor={editor} className="editor-surface" dir={dir} lang={lang} />
    </div>
  );
}

/**
 * Drawn rather than an emoji: a laptop without an emoji font would show an empty box.
 */
function LinkIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 01-3.5-3.5L5.5 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

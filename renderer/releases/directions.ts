import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { textDirection } from '../../electron/shared/direction';

const BLOCK_TYPES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList'];

export interface BlockDirectionOptions {
  /** The release's own direction (rtl for Arabic); blocks that read the other way say so. */
  base: () => 'ltr' | 'rtl';
}

/**
 * Gives every block a `dir`: rtl when its text starts in Arabic (or another right-to-left
 * script), ltr when it starts in a left-to-right script inside a right-to-left release. The
 * exports read this attribute to lay out Arabic paragraphs in Word and PDF.
 */
export const BlockDirection = Extension.create<BlockDirectionOptions>({
  name: 'blockDirection',

  addOptions() {
    return { base: () => 'ltr' as const };
  },

  addGlobalAttributes() {
    return [
      {
        types: BLOCK_TYPES,
        attributes: {
          dir: {
            default: null,
            parseHTML: (el: HTMLElement) => {
              const d = el.getAttribute('dir');
              return d === 'rtl' || d === 'ltr' || d === 'auto' ? d : null;
            },
            renderHTML: (attrs: Record<string, unknown>) => (attrs.dir ? { dir: attrs.dir } : {}),
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    const base = this.options.base;
    return [
      new Plugin({
        key: new PluginKey('blockDirection'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const tr = state.tr;
          const baseDir = base();
          state.doc.descendants((node, pos) => {
            if (!BLOCK_TYPES.includes(node.type.name)) return true;
            const found = textDirection(node.textContent);
            const wanted = found === 'rtl' ? 'rtl' : found === 'ltr' && baseDir === 'rtl' ? 'ltr' : null;
            if (node.attrs.dir !== wanted && node.attrs.dir !== 'auto') {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir: wanted });
            }
            return true;
          });
          if (!tr.docChanged) return null;
          return tr;
        },
      }),
    ];
  },
});

import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { hasRightToLeft, leftToRightNumbers, textDirection } from '../../electron/shared/direction';

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

/**
 * Shows each phone number or other spaced number of a right-to-left paragraph set apart as left
 * to right, as the kits print it: "+249 912 345 678" in an Arabic paragraph, left to the bidi
 * algorithm, is drawn "678 345 912 249+". A decoration only: the text is stored as typed.
 */
export const NumberIsolation = Extension.create<BlockDirectionOptions>({
  name: 'numberIsolation',

  addOptions() {
    return { base: () => 'ltr' as const };
  },

  addProseMirrorPlugins() {
    const base = this.options.base;
    return [
      new Plugin({
        key: new PluginKey('numberIsolation'),
        props: {
          decorations: (state) => DecorationSet.create(state.doc, numberDecorations(state.doc, base())),
        },
      }),
    ];
  },
});

function numberDecorations(doc: ProseMirrorNode, base: 'ltr' | 'rtl'): Decoration[] {
  const out: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One character for each leaf that is not text (a line break): a text's index is its position.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const rtl = node.attrs.dir === 'rtl' || (node.attrs.dir !== 'ltr' && base === 'rtl') || hasRightToLeft(text);
    if (!rtl) return false;
    let at = pos + 1;
    for (const piece of leftToRightNumbers(text)) {
      if (piece.number) out.push(Decoration.inline(at, at + piece.text.length, { nodeName: 'bdi', dir: 'ltr' }));
      at += piece.text.length;
    }
    return false;
  });
  return out;
}

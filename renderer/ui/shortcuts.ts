import type { TFunction } from 'i18next';

/**
 * A key binding of the body editor as the person reads it on a button ("Ctrl+Maj+B" in French,
 * "⇧⌘B" on a Mac) and as aria-keyshortcuts states it. The bindings are TipTap's own
 * (Mod = Ctrl, or Cmd on a Mac): the toolbar only says them.
 */
export interface Binding {
  key: string;
  shift?: boolean;
  alt?: boolean;
}

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutText(b: Binding, t: TFunction): string {
  const key = b.key.toUpperCase();
  if (MAC) return `${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}⌘${key}`;
  return [t('keys.ctrl'), b.alt && t('keys.alt'), b.shift && t('keys.shift'), key].filter(Boolean).join('+');
}

export function ariaShortcut(b: Binding): string {
  return [MAC ? 'Meta' : 'Control', b.alt && 'Alt', b.shift && 'Shift', b.key.toUpperCase()].filter(Boolean).join('+');
}

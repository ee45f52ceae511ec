import { useCallback, useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

/** One line of text, however it was typed or pasted: line breaks and tabs become single spaces. */
export function asOneLine(text: string): string {
  let out = '';
  let gap = false;
  for (const ch of text) {
    if (ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u2028' || ch === '\u2029') {
      gap = true;
      continue;
    }
    if (gap) {
      if (ch !== ' ' && out !== '' && !out.endsWith(' ')) out += ' ';
      gap = false;
    }
    out += ch;
  }
  return out;
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'rows'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A field for one line of text that shows all of it: a headline of 120 characters wraps onto a
 * second line instead of running out of sight, as a single-line box would hide it. Its value never
 * holds a line break: Enter adds none (a form's Enter does nothing else here) and a pasted break
 * becomes a space. The box grows and shrinks with its text and with its width.
 */
export function LineField({ value, onChange, onKeyDown, ...rest }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  const fit = useCallback(() => {
    const el = box.current;
    if (!el) return;
    el.style.blockSize = 'auto';
    // The border is outside scrollHeight; box-sizing decides whether it counts.
    const style = getComputedStyle(el);
    const border = style.boxSizing === 'border-box' ? parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth) : 0;
    el.style.blockSize = `${el.scrollHeight + (Number.isFinite(border) ? border : 0)}px`;
  }, []);
  useLayoutEffect(fit, [fit, value]);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const watch = new ResizeObserver(() => {
      // Only a change of width rewraps the text; a change of height is this box's own doing.
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [fit]);
  return (
    <textarea
      {...rest}
      ref={box}
      rows={1}
      className={['line-field', rest.className].filter(Boolean).join(' ')}
      value={value}
      onChange={(e) => onChange(asOneLine(e.target.value))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
        onKeyDown?.(e);
      }}
    />
  );
}

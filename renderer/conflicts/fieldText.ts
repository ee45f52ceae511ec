import { plainText, RichTextSchema } from '../../electron/shared/richtext';

export { docTitle } from '../../electron/shared/conflicts/doc-title';

/**
 * A field's value as a person reads it on the Conflicts screen: text as it is, rich text as its
 * paragraphs, lists one item a line, objects as "name: value" lines. Null and a missing value
 * are `null`, which the screen shows as "(empty)".
 */
export function fieldText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const rich = RichTextSchema.safeParse(value);
  if (rich.success) {
    // An empty body is a document with no text yet, shown as "(empty)" like any other empty field.
    const text = plainText(rich.data);
    return text.trim() === '' ? null : text;
  }
  if (Array.isArray(value)) {
    const lines = value.map(fieldText).filter((s): s is string => s !== null);
    return lines.length ? lines.join('\n') : null;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, fieldText(v)] as const)
      .filter((p): p is readonly [string, string] => p[1] !== null)
      .map(([k, v]) => `${k}: ${v}`);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

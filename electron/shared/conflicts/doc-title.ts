/** What a document is called, whatever its type: the Conflicts screen's heading, the CLI's list of conflicts. */
export function docTitle(body: Record<string, unknown> | null): string | null {
  if (!body) return null;
  for (const k of ['headline', 'name', 'title', 'originalName']) {
    const v = body[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';

describe('a Markdown release', () => {
  it('keeps "###" alone on its line as the end mark, which Markdown would read as an empty heading', async () => {
    const md = '# Water reaches Kasese\n\nKAMPALA, 30 November 2026 – The organisation today completed twelve boreholes in Kasese district, bringing clean water to 40,000 people.\n\nEach borehole serves a school and a health centre.\n\n###\n\n**Media contact:** Jane Akello, jane@example.org\n';
    const r = await parseSource({ name: 'kasese.md', bytes: new TextEncoder().encode(md) });
    expect(r.release.headline).toBe('Water reaches Kasese');
    expect(r.release.endMark).toBe('###');
    expect(r.release.body.at(-1)).toBe('Each borehole serves a school and a health centre.');
    expect(r.contacts.map((c) => c.email)).toEqual(['jane@example.org']);
    // A heading of its own still reads as one.
    const headed = await parseSource({ name: 'h.md', bytes: new TextEncoder().encode(md.replace('###\n', '### Background\n')) });
    expect(headed.release.endMark).toBeNull();
  });
});

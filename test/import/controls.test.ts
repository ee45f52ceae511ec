import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';
import { call, core, job } from '../core-harness';
import { tempDir } from '../helpers';
import { readZip } from '../kits/zipread';

/**
 * Control characters (NUL and the other C0 controls but tab and line ends, and DEL) come with
 * text saved by old systems and copied from PDFs. No reader sees them, and they stay out of a
 * stored release and so out of its Word and PDF exports; a vertical tab or form feed (Word's line
 * break, a page break in plain text) ends a line, so the words either side stay apart.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const HEADLINE = 'Clean\u0000 water reaches\u0007 Kasese';
const BODY = 'The organisation today\u0000 completed twelve boreholes in Kasese district, bringing clean\u001B water to 40,000 people.\u000BEach borehole serves\u007F a school.';
const TEXT = `${HEADLINE}\n\nKAMPALA, 30 November 2026 – ${BODY}\n`;

describe('control characters in an imported release', () => {
  it('are left out of every field, from a file, pasted text or a web page, and a line break stays one', async () => {
    for (const source of [
      { name: 'kasese.txt', bytes: new TextEncoder().encode(TEXT) },
      { name: 'kasese.txt', text: TEXT },
      { name: 'kasese.html', html: `<h1>${HEADLINE}</h1><p>KAMPALA, 30 November 2026 – ${BODY}</p>` },
    ]) {
      const r = await parseSource(source);
      expect(r.release.headline).toBe('Clean water reaches Kasese');
      expect(JSON.stringify(r.release)).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
      expect(r.release.body.join('\n')).toContain('bringing clean water to 40,000 people.');
      expect(r.release.body.join('\n')).toMatch(/people\.\s+Each borehole serves a school\./);
      expect(JSON.stringify(r.source)).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
    }
  });

  it('never reach the stored release, its Word export or the HTML its PDF is printed from', async () => {
    const c = await core();
    const preview = await call<{ release: Record<string, unknown> }>(c, 'import.preview', { name: 'kasese.txt', data: Buffer.from(TEXT).toString('base64') });
    const stored = await call<{ id: string }>(c, 'import.commit', { release: preview.release, source: { name: 'kasese.txt', data: Buffer.from(TEXT).toString('base64') } });
    const release = await call<Record<string, unknown>>(c, 'release.get', { id: stored.id });
    expect(release.headline).toBe('Clean water reaches Kasese');
    expect(JSON.stringify(release)).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
    const kit = await call<{ id: string }>(c, 'kit.create', { title: 'Kasese kit', items: [{ kind: 'release', id: stored.id }] });
    const out = tempDir();
    await job(c, 'kit.export', { id: kit.id, formats: ['docx'], outDir: out });
    const xml = (await readZip(join(out, 'Kasese kit.docx'))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('bringing clean water to 40,000 people.');
    expect(xml).not.toMatch(CONTROLS);
    const { html } = await call<{ html: string }>(c, 'kit.preview', { id: kit.id });
    expect(html).toContain('bringing clean water to 40,000 people.');
    expect(html).not.toMatch(CONTROLS);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { workerScriptPath } from '../../electron/core/import/run';
import { vCards } from '../../electron/core/kits/bundle-text';
import { cssString } from '../../electron/core/kits/html';
import type { KitContact } from '../../electron/core/kits/model';
import { markdownToRichText } from '../../electron/core/markdown';
import { cli } from '../cli/run';
import { tempDir } from '../helpers';

const release = { headline: 'Water for Kasese', language: 'en', datelinePlace: 'Kampala', releaseDate: '2026-11-30' };

describe('deep or huge input is a clear error, never a crash', () => {
  it('1,000 ">" in a 1 KB body', async () => {
    const lib = tempDir();
    const r = await cli(['release', 'create', '--from', '-', '--library', lib], JSON.stringify({ ...release, body: '>'.repeat(1000) }));
    expect(r.code).toBe(1);
    expect(r.err).toBe('error INVALID_INPUT: body: line 1 nests quotes or lists 1000 levels deep; Dateline reads up to 20.\n');
  });

  it('a deeply nested Markdown list', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    expect(() => markdownToRichText(list)).toThrow(/line 21 nests quotes or lists 21 levels deep/);
    // Ordinary nesting still reads.
    const ok = markdownToRichText('> quoted\n\n- one\n  - two\n    - three\n\n1. first\n2. second');
    expect(ok.content.map((b) => b.type)).toEqual(['blockquote', 'bulletList', 'orderedList']);
  });

  it('rich text nested thousands deep as JSON, from a file and through the contract', async () => {
    // Written as text: JSON.stringify itself recurses.
    const n = 5000;
    const inner = '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}';
    const body = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(n)}${inner}${']}'.repeat(n)}]}`;
    const lib = tempDir();
    const file = join(tempDir(), 'deep.json');
    writeFileSync(file, `${JSON.stringify(release).slice(0, -1)},"body":${body}}`);
    const r = await cli(['release', 'create', '--from', file, '--library', lib]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error INVALID_INPUT: .*deep\.json: body\.content\.0\.content\.0.*: nested more than 100 levels deep; Dateline reads no deeper\.\n$/);

    let doc: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
    for (let i = 0; i < n; i++) doc = { type: 'blockquote', content: [doc] };
    const core = await openCore(lib);
    const result = await core.dispatch('release.create', { ...release, body: { type: 'doc', content: [doc] } }, { transport: 'http' });
    core.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { max: 100 } } });
    expect(!result.ok && result.error.message).toMatch(/^release\.create: body\.content\.0\.content.*: nested more than 100 levels deep/);
  });

  it('standard input larger than 20 MB is refused without reading it all', async () => {
    const lib = tempDir();
    const r = await cli(['release', 'create', '--from', '-', '--library', lib], 'x'.repeat(21 * 1024 * 1024));
    expect(r.code).toBe(1);
    expect(r.err).toBe('error FILE_TOO_LARGE: standard input is larger than 20 MB; a release is far smaller.\n');
  });
});

describe('text that could break out of where it is written', () => {
  it('a kit title cannot close the style sheet it is printed in', () => {
    const css = cssString('Relief</style><script>fetch("https://attacker.example")</script>');
    expect(css).not.toMatch(/<|>/);
    expect(css).toBe('"Relief\\3c /style\\3e \\3c script\\3e fetch(\\22 https://attacker.example\\22 )\\3c /script\\3e "');
  });

  it('a lone CR in a contact name cannot add a vCard property', () => {
    const contact: KitContact = {
      id: 'con-1',
      name: 'Grace Akello\rEMAIL:grace@attacker.example\nTEL:+1 555\u2028NOTE:x',
      role: null,
      organisation: null,
      emails: [{ type: 'work', address: 'grace.akello@example.org' }],
      phones: [],
      languages: [],
    } as unknown as KitContact;
    const card = vCards([contact], 'en');
    const lines = card.split(/\r\n|\r|\n|\u2028/).filter((l) => !l.startsWith(' '));
    expect(lines.filter((l) => l.startsWith('EMAIL'))).toEqual(['EMAIL;TYPE=INTERNET,WORK:grace.akello@example.org']);
    expect(lines.some((l) => l.startsWith('TEL') || l.startsWith('NOTE'))).toBe(false);
  });
});

describe('the import worker an installed app runs', () => {
  it('ignores DATELINE_IMPORT_WORKER and the working folder when packaged', () => {
    const planted = join(tempDir(), 'import-worker.js');
    writeFileSync(planted, 'process.exit(0)');
    expect(workerScriptPath({ DATELINE_IMPORT_WORKER: planted })).toBe(planted);
    let found: string | null = null;
    try {
      found = workerScriptPath({ DATELINE_IMPORT_WORKER: planted, DATELINE_PACKAGED: '1' });
    } catch (e) {
      expect((e as { code?: string }).code).toBe('INTERNAL');
    }
    expect(found).not.toBe(planted);
    expect(found ?? '').not.toContain(join(process.cwd(), 'out', 'cli'));
  });
});

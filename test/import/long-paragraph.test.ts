import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_TEXT_CHARS } from '../../electron/core/import/text-size';
import { blockTexts, RichTextSchema, type RichText } from '../../electron/shared/richtext';
import { call, core } from '../core-harness';

/**
 * A release may hold one very long paragraph (a table pasted as one line, an annex that lost its
 * line ends): within the importer's limit on the whole text, it is stored whole, never cut.
 */

const SENTENCE = 'The teams reached the villages cut off by the floods and handed out water tablets, blankets and food. ';

function releaseWithParagraph(chars: number): { text: string; paragraph: string } {
  const paragraph = SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars).trim();
  const text = [
    'Floods cut off 40,000 people in the lower valley',
    `KAMPALA, 12 September 2026 – The rains of the last ten days have flooded the lower valley and cut off some 40,000 people.`,
    paragraph,
    'Media contact: Jane Okello, jane.okello@example.org, +256 700 000 000',
  ].join('\n\n');
  return { text, paragraph };
}

describe('a paragraph longer than 100,000 characters', () => {
  it('is read, stored and given back whole, up to the limit of the whole text', async () => {
    const c = await core();
    const { text, paragraph } = releaseWithParagraph(IMPORT_MAX_TEXT_CHARS - 2000);
    expect(paragraph.length).toBeGreaterThan(250_000);
    const preview = await call<{ release: { body: string[] } }>(c, 'import.preview', { name: 'annex.txt', text });
    expect(preview.release.body).toContain(paragraph);

    const stored = await call<{ id: string }>(c, 'import.commit', { release: preview.release, source: { name: 'annex.txt', data: Buffer.from(text).toString('base64') } });
    const release = await call<{ body: RichText; rev: string }>(c, 'release.get', { id: stored.id });
    expect(blockTexts(release.body)).toContain(paragraph);

    // The editor sends the paragraph back as one text node: the release takes it as it gave it.
    expect(RichTextSchema.safeParse(release.body).success).toBe(true);
    const edited: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${paragraph} More.` }] }] };
    await call(c, 'release.update', { id: stored.id, rev: release.rev, fields: { body: edited } });
    expect(blockTexts((await call<{ body: RichText }>(c, 'release.get', { id: stored.id })).body)).toEqual([`${paragraph} More.`]);
  }, 60_000);
});

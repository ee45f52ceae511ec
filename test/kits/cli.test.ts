import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run';
import { tempDir } from '../helpers';
import { KASESE_RELEASE_JSON } from './cli-fixture';
import { photo } from './fixtures';

/** `dateline kit create` and `dateline export` as a new user would try them. */

describe('dateline kit and export', () => {
  it('creates a kit from a release, a photo and a section, and exports it everywhere', async () => {
    const lib = tempDir('dateline-cli-lib-');
    const work = tempDir('dateline-cli-work-');
    const rel = JSON.parse((await cli(['release', 'create', '--from', '-', '--library', lib], KASESE_RELEASE_JSON)).out) as { id: string };
    writeFileSync(join(work, 'borehole.jpg'), await photo(900, 600, 4));
    const att = JSON.parse((await cli(['attach', join(work, 'borehole.jpg'), '--library', lib, '--json'])).out) as { id: string };
    writeFileSync(join(work, 'facts.md'), '# Key facts\n\n- 40,000 people\n- 12 boreholes\n');

    const created = await cli(['kit', 'create', '--title', 'Kasese kit', '--item', `release:${rel.id}:en`, '--item', `attachment:${att.id}`, '--item', `section:factSheet:${join(work, 'facts.md')}`, '--library', lib, '--json']);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const kit = JSON.parse(created.out) as { id: string; rev: string };
    expect(kit.id).toMatch(/^kit-/);
    expect(kit.rev).toMatch(/^1-/);

    const out = join(work, 'exports');
    const unconfirmed = await cli(['export', kit.id, '--out', out, '--library', lib]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('is under embargo (EMBARGOED UNTIL 3 December 2099, 13:00 Kampala time (10:00 UTC))');
    // On the command line the confirmation is a flag, and the refusal names it.
    expect(unconfirmed.err).toContain('run the command again with --confirm-embargo');
    const exported = await cli(['export', kit.id, '--format', 'docx,pdf,zip,lite', '--out', out, '--library', lib, '--json', '--confirm-embargo']);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const files = JSON.parse(exported.out) as { format: string; path: string; bytes: number }[];
    expect(files.map((f) => f.path)).toEqual(['docx', 'pdf', 'zip', 'lite'].map((f) => join(out, f === 'lite' ? 'Kasese kit-lite.pdf' : `Kasese kit.${f}`)));
    expect(readdirSync(out).sort()).toEqual(['Kasese kit-lite.pdf', 'Kasese kit.docx', 'Kasese kit.pdf', 'Kasese kit.zip']);

    const human = await cli(['export', kit.id, '--format', 'pdf', '--out', out, '--library', lib, '--confirm-embargo']);
    expect(human.code).toBe(0);
    expect(human.out.trim()).toBe(join(out, 'Kasese kit.pdf'));
  }, 120_000);

  it('says what is wrong with a kit command line before anything is stored', async () => {
    const lib = tempDir('dateline-cli-lib-');
    const noTitle = await cli(['kit', 'create', '--item', 'release:rel-1', '--library', lib]);
    expect(noTitle.code).toBe(2);
    expect(noTitle.err).toContain('kit create needs --title');
    const badItem = await cli(['kit', 'create', '--title', 'T', '--item', 'photo:att-1', '--library', lib]);
    expect(badItem.code).toBe(2);
    expect(badItem.err).toContain('--item "photo:att-1"');
    const badFormat = await cli(['export', 'kit-1', '--format', 'docx,odt', '--library', lib]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('"odt" is not a format');
    const unknown = await cli(['kit', 'create', '--title', 'T', '--item', 'release:rel-nope', '--library', lib]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/NOT_FOUND.*rel-nope/);
    const list = await cli(['release', 'list', '--library', lib, '--json']);
    expect(list.out).toContain('"total":0');
    const empty = JSON.parse((await cli(['kit', 'create', '--title', 'Empty', '--library', lib, '--json'])).out) as { id: string };
    const none = await cli(['export', empty.id, '--out', tempDir('dateline-cli-out-'), '--library', lib]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/INVALID_INPUT.*has no items yet/);
  }, 60_000);
});

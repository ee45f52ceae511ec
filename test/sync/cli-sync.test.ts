import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { Library } from '../../electron/core/store/library';
import { nextRev } from '../../electron/core/store/revisions';
import { DOC_SCHEMA_VERSION } from '../../electron/shared/documents';
import { tempDir } from '../helpers';
import { useCouchWithProxy } from './couch-server';

// `dateline sync` as a person runs it: two library folders, a real pouchdb-server, the CLI in-process.

const couch = useCouchWithProxy();

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => '' });
  return { code, out, err };
}

async function ok<T>(args: string[]): Promise<T> {
  const r = await cli([...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}

async function createRelease(lib: string, headline: string): Promise<string> {
  const f = join(tempDir(), 'release.json');
  writeFileSync(f, JSON.stringify({ headline, language: 'en', datelinePlace: 'Goma', releaseDate: '2026-12-01', body: `${headline}.` }));
  return (await ok<{ id: string }>(['release', 'create', '--from', f, '--library', lib])).id;
}

describe('dateline sync', () => {
  it('pushes from one library and pulls into another; a second run moves nothing', async () => {
    const remote = `${couch.server.url}/goma`;
    const [a, b] = [tempDir(), tempDir()];
    const id = await createRelease(a, 'Measles vaccination reaches 90,000 children');
    const pushed = await ok<{ pushed: { docs: number; bytes: number }; pulled: { docs: number } }>(['sync', '--remote', remote, '--create', '--library', a]);
    expect(pushed.pushed.docs).toBe(1);
    expect(pushed.pushed.bytes).toBeGreaterThan(100);
    const human = await cli(['sync', '--remote', remote, '--library', b]);
    expect(human.code).toBe(0);
    expect(human.out).toContain(`Synced with ${remote}`);
    expect(human.out).toMatch(/received 1 document \(\d/);
    const shown = await ok<{ headline: string }>(['release', 'show', id, '--library', b]);
    expect(shown.headline).toBe('Measles vaccination reaches 90,000 children');
    for (const lib of [a, b]) {
      const again = await ok<{ pushed: { docs: number }; pulled: { docs: number }; conflicts: unknown[]; denied: unknown[] }>(['sync', '--remote', remote, '--library', lib]);
      expect([again.pushed.docs, again.pulled.docs, again.conflicts.length, again.denied.length]).toEqual([0, 0, 0, 0]);
    }
  });

  it('counts documents, with their revisions apart: a merged release arrives as one document in two revisions', async () => {
    const remote = `${couch.server.url}/kisumu`;
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const id = await createRelease(a, 'Cholera vaccination starts in Kisumu');
    await ok(['sync', '--remote', remote, '--create', '--library', a]);
    await ok(['sync', '--remote', remote, '--library', b]);
    const edit = (lib: string, fields: Record<string, string>) => {
      const f = join(tempDir(), 'edit.json');
      writeFileSync(f, JSON.stringify(fields));
      return ok(['release', 'update', id, '--from', f, '--library', lib]);
    };
    await edit(a, { headline: 'Cholera vaccination starts in Kisumu county' });
    await edit(b, { datelinePlace: 'Kisumu' });
    await ok(['sync', '--remote', remote, '--library', a]);
    // B takes A's edit, merges the two (different fields) and sends the merge and the branch it closes.
    const merged = await ok<{ merged: number; pushed: { docs: number; revisions: number } }>(['sync', '--remote', remote, '--library', b]);
    expect([merged.merged, merged.pushed.docs, merged.pushed.revisions]).toEqual([1, 1, 2]);
    const human = await cli(['sync', '--remote', remote, '--library', c]);
    expect(human.err).toBe('');
    expect(human.out).toMatch(/received 1 document \(\d[^)]*\) in 2 revisions, sent 0 documents? \(/);
    const shown = await ok<{ headline: string; datelinePlace: string }>(['release', 'show', id, '--library', c]);
    expect([shown.headline, shown.datelinePlace]).toEqual(['Cholera vaccination starts in Kisumu county', 'Kisumu']);
  });

  it("takes the server's own address (as Settings → Server does) as a mistake, and says which address it wants", async () => {
    for (const remote of [couch.server.url, `${couch.server.url}/`]) {
      const r = await cli(['sync', '--remote', remote, '--create', '--library', tempDir()]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toBe(
        `error USAGE: --remote takes the address of one database on the server, such as ${couch.server.url}/dateline-off-… (the app names an office's database dateline-<office id>); ${remote} is the server itself`,
      );
    }
  });

  it('names each conflict to resolve by its headline, with the fields both sides changed', async () => {
    const remote = `${couch.server.url}/mafraq`;
    const [a, b] = [tempDir(), tempDir()];
    const id = await createRelease(a, 'Cash assistance resumes in Mafraq');
    await ok(['sync', '--remote', remote, '--create', '--library', a]);
    await ok(['sync', '--remote', remote, '--library', b]);
    const update = async (lib: string, headline: string) => {
      const f = join(tempDir(), 'update.json');
      writeFileSync(f, JSON.stringify({ headline }));
      await ok(['release', 'update', id, '--from', f, '--library', lib]);
    };
    await update(a, 'Cash assistance resumes for 12,000 families in Mafraq');
    await update(b, 'Cash assistance restarts in Mafraq governorate');
    await ok(['sync', '--remote', remote, '--library', a]);
    const human = await cli(['sync', '--remote', remote, '--library', b]);
    expect(human.code).toBe(0);
    const shown = await ok<{ headline: string }>(['release', 'show', id, '--library', b]);
    expect(human.out).toContain(`  1 conflict to resolve on the Conflicts screen:\n    “${shown.headline}” (${id}): both changed headline\n`);
  });

  it('names each document left in conflict for a newer Dateline, and merges and asks nothing', async () => {
    const remote = `${couch.server.url}/irbid`;
    const [a, b] = [tempDir(), tempDir()];
    const id = await createRelease(a, 'Winter kits reach Irbid');
    await ok(['sync', '--remote', remote, '--create', '--library', a]);
    await ok(['sync', '--remote', remote, '--library', b]);
    // A newer Dateline's edit reaches A (its version's mark, a field this app does not know); B edits the tags.
    const lib = await Library.open(a, { author: 'amman' });
    const [parent] = lib.replication.openRevs(id, 'all').flatMap((x) => ('ok' in x ? [x.ok] : []));
    const { _id, _rev, _revisions, ...body } = parent!;
    const upgraded = { ...body, schema: DOC_SCHEMA_VERSION + 1, audience: 'donors' };
    const rev = nextRev(_rev, false, upgraded);
    lib.replication.bulkInsertRemote([{ ...upgraded, _id, _rev: rev, _revisions: { start: _revisions.start + 1, ids: [rev.slice(rev.indexOf('-') + 1), ..._revisions.ids] } }]);
    lib.close();
    const f = join(tempDir(), 'update.json');
    writeFileSync(f, JSON.stringify({ tags: ['winter'] }));
    await ok(['release', 'update', id, '--from', f, '--library', b]);
    await ok(['sync', '--remote', remote, '--library', a]);
    const human = await cli(['sync', '--remote', remote, '--library', b]);
    expect(human.code).toBe(0);
    expect(human.out).toContain(`  1 document changed in two places, one by a newer Dateline: left in conflict for a newer Dateline to merge: “Winter kits reach Irbid” (${id})\n`);
    expect(human.out).not.toContain('merged by itself');
    // Both sides sync again: nothing is written, nothing moves.
    for (const l of [a, b, a]) expect(await ok<{ merged: number; pushed: { revisions: number }; conflicts: unknown[] }>(['sync', '--remote', remote, '--library', l])).toMatchObject({ merged: 0, conflicts: [] });
    const last = await ok<{ pulled: { revisions: number }; pushed: { revisions: number } }>(['sync', '--remote', remote, '--library', b]);
    expect([last.pulled.revisions, last.pushed.revisions]).toEqual([0, 0]);
  });

  it('names a missing database instead of creating it unasked', async () => {
    const r = await cli(['sync', '--remote', `${couch.server.url}/nowhere`, '--library', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error NOT_FOUND: There is no database at http:\/\/127\.0\.0\.1:\d+\/nowhere\./);
    // On the command line there is no Settings to check: it says what to run instead.
    expect(r.err).not.toContain('Settings');
    expect(r.err).toContain('Check the address, or run again with --create to make it (the account must be allowed to create databases).');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('takes a password only from the environment or a prompt', async () => {
    const lib = tempDir();
    const inUrl = await cli(['sync', '--remote', `http://amina:secret@127.0.0.1:5984/goma`, '--library', lib]);
    expect([inUrl.code, inUrl.err]).toEqual([2, expect.stringMatching(/put no password in --remote/)]);
    const unset = await cli(['sync', '--remote', `${couch.server.url}/goma`, '--password-env', 'DATELINE_TEST_UNSET_VAR', '--library', lib]);
    expect([unset.code, unset.err]).toEqual([2, expect.stringMatching(/DATELINE_TEST_UNSET_VAR \(from --password-env\) is not set/)]);
    const noTty = await cli(['sync', '--remote', `${couch.server.url}/goma`, '--user', 'amina', '--library', lib]);
    expect([noTty.code, noTty.err]).toEqual([2, expect.stringMatching(/give the password of amina with --password-env VAR/)]);
  });

  it('carries a library to another on a sync file, merging, idempotent, per peer', async () => {
    const [a, b] = [tempDir(), tempDir()];
    const ids = [await createRelease(a, 'Flood response in Beira'), await createRelease(a, 'Cyclone season plan')];
    const stick = join(tempDir(), 'to-beira.dateline-sync');
    const out = await ok<{ docs: number; files: number }>(['sync', 'export', '--out', stick, '--peer', 'beira', '--library', a]);
    expect(out.docs).toBe(2);
    const own = await createRelease(b, 'Written in Beira before the stick arrived');
    const first = await ok<{ written: number; skipped: number }>(['sync', 'import', stick, '--library', b]);
    expect([first.written, first.skipped]).toEqual([2, 0]);
    const again = await ok<{ written: number; skipped: number }>(['sync', 'import', stick, '--library', b]);
    expect([again.written, again.skipped]).toEqual([0, 2]);
    for (const id of [...ids, own]) expect((await cli(['release', 'show', id, '--library', b])).code).toBe(0);
    const next = await ok<{ docs: number }>(['sync', 'export', '--out', join(tempDir(), 'next'), '--peer', 'beira', '--library', a]);
    expect(next.docs).toBe(0);
  });

  it('refuses a cut-short sync file and a backup, importing nothing', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await createRelease(a, 'Cholera response');
    await createRelease(a, 'Mobile clinics');
    const stick = join(tempDir(), 'file');
    await ok(['sync', 'export', '--out', stick, '--library', a]);
    const lines = gunzipSync(readFileSync(stick)).toString('utf8').trimEnd().split('\n');
    const cut = join(tempDir(), 'cut');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    const r = await cli(['sync', 'import', cut, '--library', b]);
    expect([r.code, r.err]).toEqual([1, expect.stringMatching(/was cut short \(it has no end\); nothing was imported/)]);
    const backup = join(tempDir(), 'backup.dateline');
    await ok(['backup', '--out', backup, '--library', a]);
    const wrong = await cli(['sync', 'import', backup, '--library', b]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/is a library backup, not a sync file; nothing was imported\. A backup replaces a whole library \(`dateline restore`\)/);
    expect((await ok<{ total: number }>(['release', 'list', '--library', b])).total).toBe(0);
  });

  it("refuses a file that is no sync file at all in words, without the decompressor's own (\"incorrect header check\")", async () => {
    const notes = join(tempDir(), 'notes.txt');
    writeFileSync(notes, 'Meeting notes, not a sync file.\n');
    const r = await cli(['sync', 'import', notes, '--library', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`error INVALID_INPUT: ${notes} is not a Dateline sync file (one is made with \`dateline sync export\`, or "Save a sync file…" in Settings); nothing was imported.`);
  });
});

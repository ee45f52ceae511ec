import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDirKept } from '../helpers';
import { KASESE_RELEASE_JSON } from './cli-fixture';

/**
 * `dateline kit list`, run as the built command in a process of its own: a kit whose id was lost
 * is found again by its title, with its items, its embargo and when it last changed. `npm test`
 * builds the command first; run `npm run build:cli` before running this file on its own.
 */

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin', 'dateline.js');
const lib = tempDirKept('dateline-kit-list-');

async function dateline(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [bin, ...args, '--library', lib]);
  if (stdin !== undefined) child.child.stdin!.end(stdin);
  try {
    const r = await child;
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Listed {
  items: { id: string; title: string; itemCount: number; updatedAt: string; embargo: { at: string; timeZone: string } | null }[];
  total: number;
}

describe('dateline kit list', () => {
  it('says there are no kits yet, and how to make one', async () => {
    const r = await dateline(['kit', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No kits yet');
    expect(r.stdout).toContain('dateline kit create');
  });

  it('lists each kit with its id, items, embargo and last change, as text and as JSON', async () => {
    const rel = JSON.parse((await dateline(['release', 'create', '--from', '-'], KASESE_RELEASE_JSON)).stdout) as { id: string };
    const embargoed = JSON.parse((await dateline(['kit', 'create', '--title', 'Kasese water kit', '--item', `release:${rel.id}`, '--json'])).stdout) as { id: string };
    const plain = JSON.parse((await dateline(['kit', 'create', '--title', 'Empty draft', '--json'])).stdout) as { id: string };

    const json = await dateline(['kit', 'list', '--json']);
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as Listed;
    expect(page.total).toBe(2);
    const byId = new Map(page.items.map((k) => [k.id, k]));
    expect(byId.get(embargoed.id)).toMatchObject({ title: 'Kasese water kit', itemCount: 1, embargo: { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' } });
    expect(byId.get(plain.id)).toMatchObject({ title: 'Empty draft', itemCount: 0, embargo: null });
    expect(byId.get(plain.id)!.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const text = await dateline(['kit', 'list']);
    expect(text.code).toBe(0);
    const line = text.stdout.split('\n').find((l) => l.includes(embargoed.id))!;
    expect(line).toContain('Kasese water kit');
    expect(line).toContain('1 item');
    expect(line).toContain('EMBARGOED until 2099-12-03 1000 UTC');
    expect(text.stdout.split('\n').find((l) => l.includes(plain.id))).toContain('0 items');
    expect(text.stdout).toContain('2 kits');

    const found = JSON.parse((await dateline(['kit', 'list', '--query', 'Kasese', '--json'])).stdout) as Listed;
    expect(found.items.map((k) => k.id)).toEqual([embargoed.id]);
    const first = await dateline(['kit', 'list', '--limit', '1']);
    expect(first.stdout).toMatch(/1 of 2; next page: --cursor \S+/);
  });

  it('refuses a wrong limit or an unknown kit command as a usage mistake', async () => {
    const bad = await dateline(['kit', 'list', '--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error USAGE: .*limit/);
    const unknown = await dateline(['kit', 'lsit']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error USAGE: unknown kit command "lsit"/);
  });
});

import { resolve } from 'node:path';
import { docTitle } from '../../shared/conflicts/doc-title';
import { formatBytes } from '../../shared/sync/bytes';
import type { SyncSummary } from '../../shared/sync/contract';
import { toApiError } from '../../core/jobs';
import { DatelineError } from '../../shared/errors';
import { need, UsageError, type Cli, type Command, type Io, type Values } from '../cli';

/**
 * `dateline sync`: one pull and push with a CouchDB-protocol server, and the sync file that
 * carries the same on a USB stick. A password comes only from the environment variable named
 * with --password-env, or from a prompt: never from the command line, where it would stay in
 * the shell's history and in the process list.
 */

const DAY = 24 * 3600 * 1000;

function checkRemote(v: Values): void {
  if (!v.remote) throw new UsageError('sync needs --remote URL (the database on the server), or a command: export, import');
  let url: URL;
  try {
    url = new URL(v.remote);
  } catch {
    throw new UsageError(`--remote "${v.remote}" is not an address; it looks like https://sync.example.org/office-kampala`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--remote must be an http:// or https:// address');
  // The app asks for the server's address and finds each office's database on it; here one database is synced, so it is named.
  if (url.pathname.replace(/\/+$/, '') === '') {
    throw new UsageError(
      `--remote takes the address of one database on the server, such as ${url.origin}/dateline-off-… (the app names an office's database dateline-<office id>); ${v.remote} is the server itself`,
    );
  }
  if (url.password) throw new UsageError('put no password in --remote (it would stay in the shell history); use --password-env VAR, or --user U to be asked');
  if (v['password-env'] !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v['password-env'])) {
    throw new UsageError('--password-env takes the NAME of an environment variable that holds the password');
  }
}

async function password(v: Values, io: Io): Promise<string | undefined> {
  const name = v['password-env'];
  if (name !== undefined) {
    const value = process.env[name];
    if (!value) throw new UsageError(`the environment variable ${name} (from --password-env) is not set or is empty`);
    return value;
  }
  if (!v.user) return undefined;
  if (!process.stdin.isTTY) throw new UsageError(`give the password of ${v.user} with --password-env VAR (there is no terminal to ask it in)`);
  return promptHidden(`Password for ${v.user}: `, io);
}

function promptHidden(question: string, io: Io): Promise<string> {
  io.err(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => done(typed));
        if (ch === '\u0003') return finish(() => fail(new UsageError('cancelled')));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    const finish = (then: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.err('\n');
      then();
    };
    stdin.on('data', onData);
  });
}

/** Each conflict left to resolve by what the person calls it (a release's headline, a contact's name), read from this library. */
async function conflictTitles(cli: Cli, s: SyncSummary): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (s.conflicts.length === 0 && !s.newer?.length) return titles;
  const open = new Map((s.conflicts.length === 0 ? [] : await cli.call('conflict.list', {})).filter((c) => c.resolvedAt === null).map((c) => [c.docId, c.oursRev]));
  for (const c of s.conflicts) {
    const rev = open.get(c.id);
    if (rev === undefined) continue;
    const shown = await cli.call('doc.revision', { id: c.id, rev }).catch(() => null);
    const title = shown && !shown.deleted ? docTitle(shown as unknown as Record<string, unknown>) : null;
    if (title !== null) titles.set(c.id, title);
  }
  // A document left for a newer Dateline is named by its current version.
  for (const id of s.newer ?? []) {
    const winner = (await cli.call('doc.history', { id }).catch(() => [])).find((r) => r.winner);
    const shown = winner ? await cli.call('doc.revision', { id, rev: winner.rev }).catch(() => null) : null;
    const title = shown && !shown.deleted ? docTitle(shown as unknown as Record<string, unknown>) : null;
    if (title !== null) titles.set(id, title);
  }
  return titles;
}

/** "3 documents (12 KB)", with the revisions apart when a document brought more than one ("1 document (2 KB) in 2 revisions"). */
function moved(m: SyncSummary['pulled']): string {
  const revisions = m.revisions !== m.docs ? ` in ${m.revisions} revision${m.revisions === 1 ? '' : 's'}` : '';
  return `${m.docs} document${m.docs === 1 ? '' : 's'} (${formatBytes(m.bytes)})${revisions}`;
}

/** Documents whose branches only a newer Dateline may merge (README, "Merging across versions"). */
function leftForNewer(n: number): string {
  return `${n} document${n === 1 ? '' : 's'} changed in two places, one by a newer Dateline: left in conflict for a newer Dateline to merge`;
}

function describeSummary(s: SyncSummary, titles: ReadonlyMap<string, string>): string {
  const lines = [
    `Synced with ${s.remote}`,
    `  received ${moved(s.pulled)}, sent ${moved(s.pushed)}`,
  ];
  if (s.merged > 0) lines.push(`  ${s.merged} conflicting edit${s.merged === 1 ? '' : 's'} merged by itself (different fields changed)`);
  if (s.conflicts.length > 0) {
    lines.push(`  ${s.conflicts.length} conflict${s.conflicts.length === 1 ? '' : 's'} to resolve on the Conflicts screen:`);
    for (const c of s.conflicts) lines.push(`    ${titles.has(c.id) ? `“${titles.get(c.id)}” (${c.id})` : c.id}: ${c.reason === 'delete-vs-edit' ? 'deleted on one side, edited on the other' : c.fields.length ? `both changed ${c.fields.join(', ')}` : 'changed on both sides'}`);
  }
  if (s.newer?.length) lines.push(`  ${leftForNewer(s.newer.length)}: ${s.newer.map((id) => (titles.has(id) ? `“${titles.get(id)}” (${id})` : id)).join(', ')}`);
  if (s.denied.length > 0) {
    lines.push(`  ${s.denied.length} document${s.denied.length === 1 ? '' : 's'} refused (the rest went through):`);
    for (const d of s.denied) lines.push(`    ${d.id} (${d.direction === 'push' ? 'by the server' : 'by this library'}): ${d.reason}`);
  }
  if (s.clockWarning && s.clockSkewMs !== null) {
    const days = Math.abs(s.clockSkewMs) / DAY;
    const amount = days >= 1 ? `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'}` : `${Math.round(Math.abs(s.clockSkewMs) / 60000)} minutes`;
    lines.push(`  warning: this computer's clock is ${amount} ${s.clockSkewMs > 0 ? 'behind' : 'ahead of'} the server's. Sync does not depend on it, but dates shown and typed here may be wrong.`);
  }
  return lines.join('\n');
}

/**
 * The core names a missing server database for the app ("check the server address in
 * Settings"); on the command line the way out is the address or --create, so it says that.
 */
function missingDatabase(e: unknown): unknown {
  const err = toApiError(e);
  if (err.code !== 'NOT_FOUND' || err.params?.failure !== 'not-found') return e;
  const message = `${err.message.replace(/\s*Check the server address in Settings\.\s*$/, '')} Check the address, or run again with --create to make it (the account must be allowed to create databases).`;
  return new DatelineError('NOT_FOUND', message, { params: err.params });
}

export const syncCommand: Command = {
  name: 'sync',
  subcommands: ['export', 'import'],
  usage: `  sync --remote URL [--user U] [--password-env VAR] [--create]
                                        push and pull with a CouchDB server (the password from VAR, or asked)
  sync export --out FILE [--peer NAME]  write what NAME has not seen yet (everything without --peer) to a sync file
  sync import FILE                      merge a sync file into the library (a backup replaces; a sync file merges)
`,
  takes(pos) {
    if (pos[1] === undefined) return ['remote', 'user', 'password-env', 'create'];
    if (pos[1] === 'export') return ['out', 'peer'];
    return pos[1] === 'import' ? [] : null;
  },
  check(pos, v) {
    const sub = pos[1];
    if (sub === undefined) return checkRemote(v);
    if (sub === 'export') {
      if (!v.out) throw new UsageError('sync export needs --out FILE');
      return;
    }
    if (sub === 'import') {
      need(pos, 2, 'the sync FILE');
      return;
    }
    throw new UsageError(`unknown sync command "${sub}": sync --remote URL, sync export or sync import`);
  },
  // A sync and a sync file's import write into the library; an export for a peer records what it sent.
  writes: (pos, v) => pos[1] !== 'export' || v.peer !== undefined,
  async run(cli: Cli, pos: string[], v: Values, io: Io) {
    const sub = pos[1];
    if (sub === 'export') {
      const r = await cli.job('sync.export', { out: resolve(v.out!), peer: v.peer ?? null });
      cli.print(r, `Wrote ${r.docs} revision${r.docs === 1 ? '' : 's'} and ${r.files} file${r.files === 1 ? '' : 's'} to ${v.out}.`);
      return;
    }
    if (sub === 'import') {
      const r = await cli.job('sync.import', { from: resolve(pos[2]!) });
      const denied = r.denied.length ? `; ${r.denied.length} refused: ${r.denied.map((d) => `${d.id} (${d.reason})`).join(', ')}` : '';
      const merged = r.merged ? `; ${r.merged} conflict${r.merged === 1 ? '' : 's'} merged by ${r.merged === 1 ? 'itself' : 'themselves'}` : '';
      const asked = r.conflicts.length ? `; ${r.conflicts.length} conflict${r.conflicts.length === 1 ? '' : 's'} to resolve on the Conflicts screen` : '';
      const newer = r.newer?.length ? `; ${leftForNewer(r.newer.length)}` : '';
      cli.print(r, `Merged ${r.written} new revision${r.written === 1 ? '' : 's'} (${r.skipped} already here) and ${r.files} file${r.files === 1 ? '' : 's'}${merged}${asked}${newer}${denied}.`);
      return;
    }
    const pass = await password(v, io);
    const summary = await cli
      .job('sync.run', {
        remote: need([v.remote ?? ''], 0, '--remote URL'),
        ...(v.user ? { user: v.user } : {}),
        ...(pass !== undefined ? { password: pass } : {}),
        create: v.create ?? false,
      })
      .catch((e: unknown) => {
        throw missingDatabase(e);
      });
    cli.print(summary, describeSummary(summary, await conflictTitles(cli, summary)));
  },
};

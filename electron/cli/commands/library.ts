import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AttachmentAdded, SearchHit } from '../../shared/contract';
import { formatBytes } from '../../shared/sync/bytes';
import { readFileForAttach } from '../../core/attachments/files';
import { need, UsageError, type Command } from '../cli';

/** Commands on the library as a whole: search, attach files, back up, restore, compact. */

const documents = (n: number): string => `${n} document${n === 1 ? '' : 's'}`;
const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

/** A hit's fields as the terminal shows them: "fr · 2026-11-03", "Daily Nation". */
function hitDetail(h: SearchHit): string {
  return [h.language, h.date, h.detail].filter((x) => x !== null && x !== '').join(' · ');
}

export const searchCommand: Command = {
  name: 'search',
  usage: '  search QUERY                          find releases, contacts and attachments\n',
  takes: () => [],
  check(pos) {
    if (pos.slice(1).join(' ').trim() === '') throw new UsageError('search needs a QUERY');
  },
  writes: () => false,
  async run(cli, pos) {
    const query = pos.slice(1).join(' ');
    const hits = await cli.call('search', { query, limit: 50 });
    cli.print(
      hits,
      hits.length
        ? hits
            .map((h) => {
              const detail = hitDetail(h);
              return `${h.type.padEnd(10)}  ${h.id}  ${h.title}${detail ? `  (${detail})` : ''}`;
            })
            .join('\n')
        : `Nothing matches "${query}".`,
    );
  },
};

export const attachCommand: Command = {
  name: 'attach',
  usage: '  attach FILE... [--release ID]         store files in the library (optionally linked to a release)\n',
  takes: () => ['release'],
  check(pos) {
    if (pos.length < 2) throw new UsageError('attach needs at least one FILE');
  },
  writes: () => true,
  async run(cli, pos, v) {
    const files = pos.slice(1);
    const info = await cli.call('library.info', {});
    if (v.release) await cli.call('release.get', { id: v.release });
    // Read every file first: one unreadable file stores none, so nothing is half-done.
    const read: { name: string; bytes: Uint8Array }[] = [];
    for (const f of files) read.push(await readFileForAttach(f, info.attachmentLimitBytes));
    const results: AttachmentAdded[] = [];
    for (const r of read) {
      const added = await cli.call('attachment.add', {
        name: r.name,
        data: Buffer.from(r.bytes).toString('base64'),
        ...(v.release ? { fields: { releases: [v.release] } } : {}),
      });
      results.push(added);
      if (!cli.json) cli.print(added);
    }
    if (cli.json) cli.print(results.length === 1 ? results[0] : results);
  },
};

export const backupCommand: Command = {
  name: 'backup',
  usage: '  backup --out FILE                     write the whole library (database and files) to one file (a file of that name is replaced once the backup is complete)\n',
  takes: () => ['out'],
  check(_pos, v) {
    if (!v.out) throw new UsageError('backup needs --out FILE');
  },
  writes: () => false,
  async run(cli, _pos, v) {
    const out = resolve(v.out!);
    // Replaced only once the new backup is whole (a cancelled one leaves it as it was), and said.
    const replaced = existsSync(out) && statSync(out).isFile();
    const r = await cli.job('library.backup', { out });
    const was = replaced ? ' It replaced the file that was there.' : '';
    const left = r.leftOut.length ? `\nwarning: ${files(r.leftOut.length)} left out: ${r.leftOut.length === 1 ? 'its bytes no longer match' : 'their bytes no longer match'} what was stored (damaged on disk): ${r.leftOut.join(', ')}` : '';
    cli.print(r, `Backed up ${documents(r.documents)} and ${files(r.files)} (${formatBytes(r.bytes)}) to ${r.path}.${was}${left}`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: '  restore FILE                          replace the library with a backup (the old one is kept)\n',
  takes: () => [],
  check(pos) {
    need(pos, 1, 'the backup FILE');
  },
  writes: () => true,
  async run(cli, pos) {
    const r = await cli.job('library.restore', { from: resolve(need(pos, 1, 'the backup FILE')) });
    const made = r.createdAt ? `, made ${r.createdAt.slice(0, 16).replace('T', ' ')} UTC` : '';
    const kept = r.previous ? ` The library it replaced is kept in ${r.previous}.` : '';
    const left = r.leftOut.length ? `\nwarning: the backup was made without ${files(r.leftOut.length)} (damaged in the library it was made from): ${r.leftOut.join(', ')}` : '';
    cli.print(r, `Restored ${documents(r.documents)} and ${files(r.files)} from the backup${made}.${kept}${left}`);
  },
};

export const compactCommand: Command = {
  name: 'compact',
  usage:
    '  compact [ID]                          remove the bodies of old versions (of one document, or all);\n' +
    '                                        every history keeps its place, current versions stay whole\n',
  takes: () => [],
  check(pos) {
    if (pos.length > 2) throw new UsageError('compact takes at most one document ID');
  },
  writes: () => true,
  async run(cli, pos) {
    const id = pos[1];
    const r = await cli.job('library.compact', id === undefined ? {} : { id });
    cli.print(r, `Removed ${r.removed} old version${r.removed === 1 ? '' : 's'}${id === undefined ? '' : ` of ${id}`}.`);
  },
};

import { main } from '../../electron/cli/main';

/** What one run of the command line gave: its exit code and what it wrote to each stream. */
export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `dateline <args>` in this process, with `stdin` as its standard input, and keeps what it writes. */
export async function cli(args: string[], stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => stdin });
  return { code, out, err };
}

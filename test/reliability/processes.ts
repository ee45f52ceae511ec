import { spawn, type ChildProcess } from 'node:child_process';

/** A started test child: its process, the JSON lines it has printed so far, and its end. */
export interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves with the exit code (null when killed) once the process is gone. */
  exited: Promise<number | null>;
  /** Resolves when a printed line satisfies `test`. */
  until(test: (line: Record<string, unknown>) => boolean): Promise<void>;
}

/** Starts the built test child with `args` (and `env` added to this one's); its stderr is kept for the failure message. */
export function start(script: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: Record<string, unknown>[] = [];
  const waiters: { test: (l: Record<string, unknown>) => boolean; done: () => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    buffered += s;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.test(line)) w.done();
        else waiters.push(w);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((done) => {
    child.on('close', (code) => {
      if (stderr.trim()) lines.push({ stderr: stderr.trim() });
      done(code);
    });
  });
  return {
    child,
    lines,
    exited,
    until: (test) =>
      new Promise<void>((done, fail) => {
        if (lines.some(test)) return done();
        waiters.push({ test, done });
        void exited.then(() => fail(new Error(`the child ended before the awaited line; it printed ${JSON.stringify(lines).slice(0, 2000)}`)));
      }),
  };
}

/** Runs a child to its end and returns what it printed. */
export async function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const r = start(script, args, env);
  const code = await r.exited;
  return { code, lines: r.lines };
}

/**
 * Runs the dateline command through the test child, optionally as another user (setpriv, for
 * read-only cases: root may write anything). Returns its exit code and both outputs.
 */
export function runCli(script: string, args: string[], opts: { uid?: number; stdin?: string; heapMb?: number } = {}): Promise<{ code: number | null; out: string; err: string }> {
  // A heap cap makes a command that holds a whole file in memory fail instead of passing.
  const argv = [...(opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : []), script, 'cli', ...args];
  const child =
    opts.uid === undefined
      ? spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn('setpriv', [`--reuid=${opts.uid}`, `--regid=${opts.uid}`, '--clear-groups', process.execPath, ...argv], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  child.stdin.on('error', () => undefined);
  child.stdin.end(opts.stdin ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

/**
 * The program the crash and concurrency tests run as real processes (built by child-build.ts).
 * It writes one line of JSON to stdout per acknowledged write, synchronously, so a line that
 * was read is a write the core had confirmed before the process was killed.
 *
 *   open DIR                 open the library, print {"ok":true} or the error, close
 *   update DIR ID N          N updates of one release without a rev; prints a tally
 *   work DIR SEED            creates, updates, imports, exports and backs up until killed
 *   cli ARGS...              the dateline command itself (for runs as another user)
 *   print ROOT MODE          prints a page to PDF with its temp folders under ROOT, then:
 *                            finish (closes the printer), exit (exits without closing it),
 *                            hang (waits to be killed); cancel aborts the print as it starts
 */
import { readdirSync, watch, writeSync } from 'node:fs';
import { join } from 'node:path';
import { main as cli } from '../../electron/cli/main';
import { openCore, type Core } from '../../electron/core/index';
import { ChromiumPrinter } from '../../electron/core/kits/pdf';
import { toApiError } from '../../electron/core/jobs';
import type { Result } from '../../electron/shared/errors';

function say(value: unknown): void {
  writeSync(1, `${JSON.stringify(value)}\n`);
}

function unwrap<T>(r: Result<unknown>): T {
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  return unwrap<T>(await core.dispatch(method, input, { transport: 'test' }));
}

async function job<T>(core: Core, method: string, input: unknown): Promise<T> {
  const { jobId } = await call<{ jobId: string }>(core, method, input);
  return (await core.jobs.wait(jobId)) as T;
}

const release = (headline: string) => ({
  headline,
  language: 'en',
  datelinePlace: 'Kampala',
  releaseDate: '2026-11-30',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of ${headline}.` }] }] },
});

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

async function work(core: Core, dir: string, seed: number): Promise<void> {
  const random = rng(seed);
  const mine: string[] = [];
  for (let n = 0; ; n++) {
    const pick = random();
    const headline = `s${seed}-n${n}`;
    if (mine.length === 0 || pick < 0.4) {
      const c = await call<{ id: string; rev: string }>(core, 'release.create', release(headline));
      mine.push(c.id);
      say({ op: 'create', id: c.id, rev: c.rev, headline });
    } else if (pick < 0.7) {
      const id = mine[Math.floor(random() * mine.length)]!;
      const c = await call<{ id: string; rev: string }>(core, 'release.update', { id, rev: null, fields: { headline } });
      say({ op: 'update', id: c.id, rev: c.rev, headline });
    } else if (pick < 0.85) {
      const text = `Kasese opens ${n} water points (${headline})\n\nKAMPALA, 30 November 2026 – The organisation today opened ${n} water points.\n\nFor more information: Grace Akello, grace.akello@example.org\n`;
      const preview = await call<{ release: Record<string, unknown>; contacts: Record<string, unknown>[] }>(core, 'import.preview', { text, name: `${headline}.txt` });
      const c = await call<{ id: string }>(core, 'import.commit', {
        release: preview.release,
        contacts: preview.contacts.map(({ name, role, organisation, email, phone }) => ({ name, role, organisation, email, phone })),
        source: { text, name: `${headline}.txt` },
      });
      const stored = await call<{ rev: string; headline: string }>(core, 'release.get', { id: c.id });
      say({ op: 'import', id: c.id, rev: stored.rev, headline: stored.headline });
    } else if (pick < 0.93) {
      const kit = await call<{ id: string; rev: string }>(core, 'kit.create', {
        title: `Kit ${headline}`,
        items: [{ kind: 'release', id: mine[mine.length - 1]! }],
      });
      say({ op: 'kit', id: kit.id, rev: kit.rev, title: `Kit ${headline}` });
      await job(core, 'kit.export', { id: kit.id, formats: ['docx'], outDir: join(dir, '..', `export-${seed}`) });
      say({ op: 'export', id: kit.id });
    } else {
      const out = join(dir, '..', `backup-${seed}-${n}.dateline-backup`);
      await job(core, 'library.backup', { out });
      say({ op: 'backup', out });
    }
  }
}

async function print(root: string, mode: string): Promise<void> {
  const printer = new ChromiumPrinter(root);
  const page = '<!doctype html><html><body><h1>Kasese</h1><p>Water reaches 40,000 people.</p></body></html>';
  if (mode === 'cancel') {
    const controller = new AbortController();
    // Cancelled the moment the printer's folder appears, while Chromium is starting in it.
    const watcher = watch(root, () => controller.abort());
    const outcome = await printer.print(page, { pageSize: 'A4', files: new Map(), signal: controller.signal }).then(
      () => 'printed',
      (e: { code?: string }) => e.code ?? 'error',
    );
    watcher.close();
    await printer.close();
    say({ outcome, left: readdirSync(root) });
    return;
  }
  const pdf = await printer.print(page, { pageSize: 'A4', files: new Map() });
  say({ printed: pdf.subarray(0, 5).toString('latin1'), folders: readdirSync(root) });
  if (mode === 'hang') setInterval(() => undefined, 60_000);
  else if (mode === 'exit') process.exit(0);
  else {
    await printer.close();
    say({ left: readdirSync(root).sort() });
  }
}

async function main(): Promise<void> {
  const [op, dir, a, b] = process.argv.slice(2);
  if (op === 'cli') {
    process.exitCode = await cli(process.argv.slice(3));
    return;
  }
  if (op === 'print') return print(dir!, a!);
  let core: Core | null = null;
  try {
    core = await openCore(dir!);
    if (op === 'open') say({ ok: true });
    else if (op === 'update') {
      const tally: Record<string, number> = {};
      for (let i = 0; i < Number(b); i++) {
        const r = await core.dispatch('release.update', { id: a, rev: null, fields: { headline: `p${process.pid}-${i}` } }, { transport: 'test' });
        const key = r.ok ? 'ok' : r.error.code;
        tally[key] = (tally[key] ?? 0) + 1;
      }
      say(tally);
    } else if (op === 'work') await work(core, dir!, Number(a));
  } catch (e) {
    const err = toApiError(e);
    say({ ok: false, code: (e as { code?: string }).code ?? err.code, message: err.message });
  } finally {
    core?.close();
  }
}

await main();

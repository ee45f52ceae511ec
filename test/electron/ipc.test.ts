import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { CoreEvent } from '../../electron/shared/contract';
import { DatelineError, type Result } from '../../electron/shared/errors';
import type { ConnectCore } from '../../electron/main/core-client';
import type { HostedCore } from '../../electron/main/core-server';
import { FakeBrowserWindow, FakeWebContents, ipcMain, type FakeFrame } from './fake-electron';
import { tempDir } from '../helpers';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createWindow } = await import('../../electron/main/window');
const { registerIpc } = await import('../../electron/main/ipc');
const { INVOKE_CHANNEL, EVENT_CHANNEL } = await import('../../electron/shared/ipc-channels');
const { CoreClient } = await import('../../electron/main/core-client');
const { serveCore } = await import('../../electron/main/core-server');
const { openCore } = await import('../../electron/core/index');

type InvokeHandler = (event: { sender: unknown; senderFrame: FakeFrame | null }, method: unknown, input: unknown) => Promise<Result<unknown>>;

function setUp() {
  ipcMain.handlers.clear();
  FakeBrowserWindow.created = [];
  createWindow({ preload: '/p.cjs' });
  const win = FakeBrowserWindow.created[0]!;
  const listeners = new Set<(e: CoreEvent) => void>();
  const core = {
    invoke: vi.fn((method: string, input: unknown): Promise<Result<unknown>> => Promise.resolve({ ok: true, value: { method, input } })),
    onEvent: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const windows = () => FakeBrowserWindow.created as unknown as BrowserWindow[];
  const unregister = registerIpc(core, windows);
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL) as InvokeHandler;
  const emit = (e: CoreEvent) => listeners.forEach((l) => l(e));
  return { win, core, handler, unregister, emit, listeners };
}

describe('the invoke channel', () => {
  let t: ReturnType<typeof setUp>;
  beforeEach(() => {
    t = setUp();
  });

  it("forwards a call from our window's top frame to the core and returns the core's Result", async () => {
    const result = await t.handler({ sender: t.win.webContents, senderFrame: t.win.webContents.mainFrame }, 'release.list', { limit: 5 });
    expect(t.core.invoke).toHaveBeenCalledExactlyOnceWith('release.list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { method: 'release.list', input: { limit: 5 } } });
  });

  it('passes an error Result from the core through unchanged', async () => {
    const failure: Result<unknown> = { ok: false, error: { code: 'NOT_FOUND', message: 'No release rel-1.' } };
    t.core.invoke.mockResolvedValueOnce(failure);
    const frame = t.win.webContents.mainFrame;
    expect(await t.handler({ sender: t.win.webContents, senderFrame: frame }, 'release.get', { id: 'rel-1' })).toEqual(failure);
  });

  const refusedCases: [string, (win: FakeBrowserWindow) => { sender: unknown; senderFrame: FakeFrame | null }][] = [
    ['a frame showing a foreign web page', (win) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, url: 'https://evil.example/' } })],
    ['a file:// page', (win) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, url: 'file:///tmp/x.html' } })],
    ['another app:// host', (win) => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, url: 'app://evil/index.html' } })],
    ['an iframe inside our page', (win) => ({ sender: win.webContents, senderFrame: { url: 'app://dateline/frame.html', processId: 9, routingId: 7, parent: win.webContents.mainFrame } })],
    ['a frame that is gone', (win) => ({ sender: win.webContents, senderFrame: null })],
    ['a web contents the factory did not make', () => {
      const stranger = new FakeWebContents();
      stranger.mainFrame.url = 'app://dateline/index.html';
      return { sender: stranger, senderFrame: stranger.mainFrame };
    }],
    ['an app:// frame that is not the main frame of our window', (win) => ({ sender: win.webContents, senderFrame: { url: 'app://dateline/index.html', processId: win.webContents.mainFrame.processId, routingId: 99, parent: null } })],
  ];
  for (const [name, make] of refusedCases) {
    it(`refuses ${name} and never reaches the core`, async () => {
      const result = await t.handler(make(t.win), 'library.info', {});
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('not part of Dateline'), params: { reason: 'otherPage' } } });
      expect(t.core.invoke).not.toHaveBeenCalled();
    });
  }

  it('refuses calls from a window after it closed', async () => {
    const { webContents } = t.win;
    t.win.close();
    const result = await t.handler({ sender: webContents, senderFrame: webContents.mainFrame }, 'library.info', {});
    expect(result.ok).toBe(false);
    expect(t.core.invoke).not.toHaveBeenCalled();
  });

  it('refuses a call that names no method before the core sees it', async () => {
    const frame = t.win.webContents.mainFrame;
    for (const method of [undefined, 42, '', { toString: () => 'library.info' }, 'x'.repeat(101)]) {
      const result = await t.handler({ sender: t.win.webContents, senderFrame: frame }, method, {});
      expect(result.ok ? null : result.error.code).toBe('UNKNOWN_METHOD');
    }
    expect(t.core.invoke).not.toHaveBeenCalled();
  });

  it("pushes core events to our windows' app pages only, and stops when unregistered", () => {
    const event: CoreEvent = { type: 'library.changed', lastSeq: 7 };
    t.emit(event);
    expect(t.win.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, event);

    t.win.webContents.mainFrame.url = 'https://evil.example/';
    t.emit({ type: 'library.changed', lastSeq: 8 });
    expect(t.win.webContents.send).toHaveBeenCalledTimes(1);

    t.unregister();
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(t.listeners.size).toBe(0);
  });
});

/** Two ends of a link with a process boundary in between: messages are cloned and arrive later. */
function memoryLink(open: () => Promise<HostedCore>) {
  const hosts: { crash(): void; exited: boolean }[] = [];
  const connect: ConnectCore = ({ message, exit }) => {
    let alive = true;
    const toHost: ((m: unknown) => void)[] = [];
    const end = (code: number) => {
      if (!alive) return;
      alive = false;
      host.exited = true;
      setImmediate(() => exit(code));
    };
    const host = { crash: () => end(1), exited: false };
    hosts.push(host);
    serveCore(
      {
        postMessage: (m) => {
          const copy = structuredClone(m);
          if (alive) setImmediate(() => message(copy));
        },
        onMessage: (l) => toHost.push(l),
      },
      open,
      () => end(0),
    );
    return {
      post: (m) => {
        const copy = structuredClone(m);
        setImmediate(() => alive && toHost.forEach((l) => l(copy)));
      },
      kill: () => end(-1),
    };
  };
  return { connect, hosts };
}

function fakeCore(dispatch: HostedCore['dispatch']) {
  const listeners = new Set<(e: CoreEvent) => void>();
  const core = {
    dispatch: vi.fn(dispatch),
    jobs: { on: (l: (e: CoreEvent) => void) => (listeners.add(l), () => listeners.delete(l)) },
    close: vi.fn(),
    emit: (e: CoreEvent) => listeners.forEach((l) => l(e)),
  };
  return core;
}

describe('the link to the core host', () => {
  it('matches answers to calls by id even when they come back out of order', async () => {
    // The slow call answers only once the fast one has come back: out of order by construction, not by timers.
    let release!: () => void;
    const fastAnswered = new Promise<void>((r) => (release = r));
    const core = fakeCore(async (method) => {
      if (method === 'slow') await fastAnswered;
      return { ok: true, value: method };
    });
    const client = new CoreClient(memoryLink(() => Promise.resolve(core)).connect);
    const slow = client.invoke('slow', {});
    const fast = client.invoke('fast', {});
    expect(await Promise.race([slow, fast])).toEqual({ ok: true, value: 'fast' });
    release();
    expect(await slow).toEqual({ ok: true, value: 'slow' });
    expect(core.dispatch).toHaveBeenCalledWith('slow', {}, { transport: 'ipc' });
  });

  it("carries the core's events to the shell", async () => {
    const core = fakeCore(() => Promise.resolve({ ok: true, value: null }));
    const client = new CoreClient(memoryLink(() => Promise.resolve(core)).connect);
    const seen: CoreEvent[] = [];
    client.onEvent((e) => seen.push(e));
    await client.invoke('library.info', {});
    core.emit({ type: 'library.changed', lastSeq: 3 });
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([{ type: 'library.changed', lastSeq: 3 }]);
  });

  it("answers every call with the library's opening error instead of dying", async () => {
    const client = new CoreClient(
      memoryLink(() => Promise.reject(new DatelineError('LIBRARY_NEWER', 'This library was written by a newer Dateline.'))).connect,
    );
    for (let i = 0; i < 2; i++) {
      expect(await client.invoke('library.info', {})).toEqual({
        ok: false,
        error: { code: 'LIBRARY_NEWER', message: 'This library was written by a newer Dateline.' },
      });
    }
  });

  it('fails calls in flight when the host crashes, restarts it on the next call, and gives up on a crash loop', async () => {
    const core = fakeCore(() => new Promise(() => undefined));
    const link = memoryLink(() => Promise.resolve(core));
    const connect = vi.fn(link.connect);
    let now = 1_000_000;
    const client = new CoreClient(connect, () => now);
    for (let crash = 0; crash < 3; crash++) {
      const inFlight = client.invoke('library.info', {});
      await new Promise((r) => setImmediate(r));
      link.hosts.at(-1)!.crash();
      const result = await inFlight;
      expect(result.ok ? null : result.error.code).toBe('INTERNAL');
      expect(result.ok ? '' : result.error.message).toMatch(/stopped unexpectedly/);
      now += 1000;
    }
    expect(connect).toHaveBeenCalledTimes(3);
    const gaveUp = await client.invoke('library.info', {});
    expect(gaveUp.ok ? '' : gaveUp.error.message).toMatch(/keeps stopping/);
    expect(connect).toHaveBeenCalledTimes(3);
    now += 61_000;
    void client.invoke('library.info', {});
    expect(connect).toHaveBeenCalledTimes(4);
  });

  it('closes the library on quit and refuses calls afterwards', async () => {
    const core = fakeCore(() => Promise.resolve({ ok: true, value: 1 }));
    const link = memoryLink(() => Promise.resolve(core));
    const client = new CoreClient(link.connect);
    client.start();
    await client.close();
    expect(core.close).toHaveBeenCalledOnce();
    expect(link.hosts[0]!.exited).toBe(true);
    const late = await client.invoke('library.info', {});
    expect(late.ok).toBe(false);
  });

  it('kills a host that does not close in time', async () => {
    const link = memoryLink(() => new Promise<HostedCore>(() => undefined));
    const client = new CoreClient(link.connect);
    client.start();
    // The host never answers close: only the kill can end it, so close() returning is the proof.
    await client.close(50);
    expect(link.hosts[0]!.exited).toBe(true);
  });
});

describe('IPC to the real core', () => {
  it('runs calls and jobs against a real library through the whole link', async () => {
    const dir = tempDir();
    const link = memoryLink(() => openCore(dir));
    const client = new CoreClient(link.connect);
    ipcMain.handlers.clear();
    FakeBrowserWindow.created = [];
    createWindow();
    const win = FakeBrowserWindow.created[0]!;
    registerIpc(client, () => FakeBrowserWindow.created as unknown as BrowserWindow[]);
    const invoke = ipcMain.handlers.get(INVOKE_CHANNEL) as InvokeHandler;
    const from = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    try {
      const info = await invoke(from, 'library.info', {});
      expect(info.ok).toBe(true);
      expect(info.ok && (info.value as { path: string }).path).toContain(dir);

      const unknown = await invoke(from, 'library.dropTables', {});
      expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_METHOD');

      const invalid = await invoke(from, 'library.changes', { since: -1 });
      expect(invalid.ok ? null : invalid.error.code).toBe('INVALID_INPUT');

      const job = await invoke(from, 'library.check', {});
      expect(job.ok).toBe(true);
      await vi.waitFor(() => {
        const sent = win.webContents.send.mock.calls.map((c) => c[1] as CoreEvent);
        expect(sent.some((e) => e.type === 'job.done' && e.job.id === (job.ok && (job.value as { jobId: string }).jobId))).toBe(true);
      });
      const foreign = await invoke({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, url: 'https://evil.example/' } }, 'library.info', {});
      expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
    } finally {
      await client.close();
    }
  });
});

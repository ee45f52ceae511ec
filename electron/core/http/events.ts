import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreEvent } from '../../shared/contract';
import type { WebCore } from './core';

export interface EventStreamTiming {
  /** How often to ask the library whether another process (the CLI) wrote. */
  pollMs: number;
  /** A comment line this often keeps idle connections from being cut by the OS or the browser. */
  heartbeatMs: number;
}

// A page that stops reading must not make the server hold its events forever; it is cut off
// and its client reconnects (and refetches what it shows).
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The open `GET /api/events` streams. One job listener and one library poll serve them all:
 * `changedOutside()` reports a change once, so per-stream polls would steal it from each other.
 * Both run only while a stream is open.
 */
export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private unsubscribe: (() => void) | null = null;
  private poll: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: WebCore,
    private readonly timing: EventStreamTiming = { pollMs: 1000, heartbeatMs: 15_000 },
  ) {}

  open(req: IncomingMessage, res: ServerResponse): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    // Headers go out now, so the client knows it is subscribed before it starts any work.
    res.write(': dateline events\n\n');
    this.clients.add(res);
    this.start();
    const drop = () => this.drop(res);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  /** Ends every stream (the server is closing). */
  closeAll(): void {
    for (const res of [...this.clients]) {
      this.drop(res);
      res.end();
    }
  }

  private drop(res: ServerResponse): void {
    if (!this.clients.delete(res)) return;
    if (this.clients.size === 0) this.stop();
  }

  private start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.core.jobs.on((event) => this.broadcast(event));
    this.poll = setInterval(() => this.checkLibrary(), this.timing.pollMs);
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), this.timing.heartbeatMs);
    this.poll.unref();
    this.heartbeat.unref();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.poll) clearInterval(this.poll);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.poll = null;
    this.heartbeat = null;
  }

  private checkLibrary(): void {
    try {
      // Read the library afresh: a restore replaces it.
      const library = this.core.library;
      if (library.changedOutside()) this.broadcast({ type: 'library.changed', lastSeq: library.docs.lastSeq() });
    } catch {
      // The library is closed for a moment while a restore swaps it; the next tick asks again.
    }
  }

  private broadcast(event: CoreEvent): void {
    let line: string;
    try {
      line = `data: ${JSON.stringify(event)}\n\n`;
    } catch {
      // A job result JSON cannot carry; the client still learns the job ended from job.get.
      line = `data: ${JSON.stringify(withoutResult(event))}\n\n`;
    }
    this.write(line);
  }

  private write(text: string): void {
    for (const res of [...this.clients]) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        this.drop(res);
        res.destroy();
        continue;
      }
      res.write(text);
    }
  }
}

function withoutResult(event: CoreEvent): CoreEvent {
  return event.type === 'job.done' ? { ...event, result: null } : event;
}

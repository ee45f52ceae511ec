/**
 * A minimal reader for `text/event-stream`: feeds chunks of text, hands out each event's
 * data (the `data:` lines joined by newlines) when its blank line arrives.
 */
export class EventStreamParser {
  private buffer = '';

  constructor(private readonly onData: (data: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data !== '') this.onData(data);
      end = this.buffer.indexOf('\n\n');
    }
  }
}

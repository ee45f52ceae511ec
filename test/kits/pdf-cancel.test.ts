import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../electron/core/kits/pdf';

const printer = new ChromiumPrinter();
afterAll(() => printer.close());

const HTML = '<!doctype html><html><head><style>body{font:14px sans-serif}</style></head><body><h1>Kasese</h1><p>Water reaches 40,000 people.</p></body></html>';

describe('cancelling a PDF print', () => {
  it('settles at every moment a cancel can arrive, and the printer still works afterwards', async () => {
    // Warm the browser so the cancels land inside context, page and print steps.
    const first = await printer.print(HTML, { pageSize: 'A4', files: new Map() });
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const outcomes: string[] = [];
    for (const delay of [0, 1, 2, 4, 8, 16, 32, 64, 128, 256]) {
      const controller = new AbortController();
      const printing = printer.print(HTML, { pageSize: 'A4', files: new Map(), signal: controller.signal });
      setTimeout(() => controller.abort(), delay);
      outcomes.push(
        await printing.then(
          (pdf) => (pdf.subarray(0, 5).toString('latin1') === '%PDF-' ? 'printed' : 'garbage'),
          (e: { code?: string }) => e.code ?? 'other error',
        ),
      );
    }
    expect(outcomes.every((o) => o === 'printed' || o === 'CANCELLED')).toBe(true);
    expect(outcomes).toContain('CANCELLED');
    const after = await printer.print(HTML, { pageSize: 'Letter', files: new Map() });
    expect(after.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});

/** Percentiles, a peak-memory tracker and the plain-text result table. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the value below which p of the samples fall, never an interpolated one.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * The highest heap use seen. Sampled between batches (reading the heap size is cheap, but
 * not free), which is enough: the heap peaks while a batch of generated documents is held.
 */
export class HeapPeak {
  private peak = 0;

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }

  get bytes(): number {
    return this.peak;
  }
}

export interface Row {
  measure: string;
  dateline: string;
  peer: string;
  ratio: string;
  goal: string;
  result: 'pass' | 'FAIL' | 'info';
}

const HEADER: Row = { measure: 'measure', dateline: 'Dateline', peer: 'raw peer', ratio: 'ratio', goal: 'goal', result: 'info' };
const COLUMNS = ['measure', 'dateline', 'peer', 'ratio', 'goal', 'result'] as const;
// Numbers read best right-aligned; names and goals left-aligned.
const RIGHT = new Set<string>(['dateline', 'peer', 'ratio']);

export function formatTable(rows: readonly Row[]): string {
  const cell = (r: Row, c: (typeof COLUMNS)[number]): string => (r === HEADER && c === 'result' ? 'pass/fail' : r[c]);
  const widths = COLUMNS.map((c) => Math.max(...[HEADER, ...rows].map((r) => cell(r, c).length)));
  const line = (r: Row): string =>
    COLUMNS.map((c, i) => (RIGHT.has(c) && r !== HEADER ? cell(r, c).padStart(widths[i]!) : cell(r, c).padEnd(widths[i]!))).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (n: number): string => Math.round(n).toLocaleString('en-US'),
  ms: (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`,
  ratio: (n: number): string => `${n.toFixed(2)}x`,
  mb: (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`,
};

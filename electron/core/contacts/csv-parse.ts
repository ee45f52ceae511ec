import { DatelineError } from '../../shared/errors';

/**
 * A streaming CSV reader: text goes in chunk by chunk, whole records come out, so a file of
 * any size is read in the memory of one record. Quoted cells may hold separators, doubled
 * quotes and line breaks (a note typed over several lines in Excel). The separator (`,`, `;`
 * as Excel writes where the decimal mark is a comma, or tab for "Unicode Text") is the one
 * that occurs most in the header line outside quotes (blank lines above it passed over).
 */

export type Separator = ',' | ';' | '\t';

export const CSV_MAX_COLUMNS = 1000;
export const CSV_MAX_CELL_CHARS = 100_000;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function detectSeparator(headerText: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let started = false;
  for (const ch of headerText) {
    // Blank lines above the header are passed over, not taken for the end of a header without separators.
    if (!started && (ch === '\n' || ch === '\r')) continue;
    started = true;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

export class CsvReader {
  private sep = 0;
  private pending = '';
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** Just after a closing quote: a second quote is a literal one. */
  private afterQuote = false;
  private cellStarted = false;
  private skipLf = false;
  /** The record being read, as a spreadsheet numbers rows (the header is 1; a quoted line break stays in its row). */
  private recordStart = 1;
  separator: Separator | null = null;

  constructor(
    private readonly onRecord: (cells: string[], row: number) => void,
    separator?: Separator,
  ) {
    if (separator) this.setSeparator(separator);
  }

  private setSeparator(s: Separator): void {
    this.separator = s;
    this.sep = s.charCodeAt(0);
  }

  /** Reads a chunk; records complete in it are handed over at once. */
  push(text: string): void {
    if (this.separator === null) {
      this.pending += text;
      // The header line decides the separator; wait until it is complete (or long enough).
      if (!/[^\r\n][\r\n]/.test(this.pending) && this.pending.length < 1_000_000) return;
      this.setSeparator(detectSeparator(this.pending));
      text = this.pending;
      this.pending = '';
    }
    this.scan(text);
  }

  /** The end of the input: the last record, or an error for a quote never closed. */
  end(): void {
    if (this.separator === null) {
      this.setSeparator(detectSeparator(this.pending));
      const rest = this.pending;
      this.pending = '';
      this.scan(rest);
    }
    if (this.quoted) {
      throw new DatelineError('INVALID_INPUT', `Row ${this.recordStart}: a quoted cell is never closed (a " is missing); the rest of the file was read into it.`, {
        path: ['row', this.recordStart],
        params: { reason: 'unclosedQuote', row: this.recordStart },
      });
    }
    if (this.cellStarted || this.cells.length > 0) this.finishRecord();
  }

  private scan(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.quoted) {
        if (c === QUOTE) {
          this.quoted = false;
          this.afterQuote = true;
          i++;
          continue;
        }
        // Copy the run up to the next quote in one piece.
        let j = text.indexOf('"', i);
        if (j < 0) j = n;
        this.append(text, i, j);
        i = j;
        continue;
      }
      if (c === QUOTE) {
        if (this.afterQuote) {
          // "" inside a quoted cell: a literal quote, and the cell is still quoted.
          this.append('"', 0, 1);
          this.quoted = true;
        } else if (!this.cellStarted) {
          this.quoted = true;
          this.cellStarted = true;
        } else {
          this.append('"', 0, 1); // a stray quote inside an unquoted cell is text
        }
        this.afterQuote = false;
        i++;
        continue;
      }
      this.afterQuote = false;
      if (c === this.sep) {
        this.finishCell();
        i++;
        continue;
      }
      if (c === CR || c === LF) {
        this.finishRecord();
        if (c === CR) this.skipLf = true;
        i++;
        continue;
      }
      // An unquoted run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === this.sep || d === QUOTE || d === CR || d === LF) break;
        j++;
      }
      this.cellStarted = true;
      this.append(text, i, j);
      i = j;
    }
  }

  private append(text: string, from: number, to: number): void {
    if (this.cell.length + (to - from) > CSV_MAX_CELL_CHARS) {
      throw new DatelineError('INVALID_INPUT', `Row ${this.recordStart}, column ${this.cells.length + 1}: a cell is longer than ${CSV_MAX_CELL_CHARS.toLocaleString('en')} characters; this does not look like a contacts file.`, {
        path: ['row', this.recordStart, this.cells.length + 1],
        params: { reason: 'cellTooLong', row: this.recordStart, column: this.cells.length + 1, limit: CSV_MAX_CELL_CHARS },
      });
    }
    this.cell += text.slice(from, to);
    this.cellStarted = true;
  }

  private finishCell(): void {
    if (this.cells.length >= CSV_MAX_COLUMNS) {
      throw new DatelineError('INVALID_INPUT', `Row ${this.recordStart} has more than ${CSV_MAX_COLUMNS.toLocaleString('en')} columns; this does not look like a contacts file.`, {
        path: ['row', this.recordStart],
        params: { reason: 'tooManyColumns', row: this.recordStart, limit: CSV_MAX_COLUMNS },
      });
    }
    this.cells.push(this.cell);
    this.cell = '';
    this.cellStarted = false;
  }

  private finishRecord(): void {
    this.finishCell();
    const cells = this.cells;
    this.cells = [];
    // A blank line is handed over too, as one empty cell: the import counts it as a blank row.
    this.onRecord(cells, this.recordStart++);
  }
}

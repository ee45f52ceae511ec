import { CSV_BOM, csvLine, csvSeparatorFor, type CsvSeparator } from '../csv-cell';
import type { RowOutcome } from './bulk-contract';

/**
 * The refused rows of a CSV import as a CSV of their own: the file's columns as read, plus a
 * "Reason" column, so the person corrects them in a spreadsheet and imports that file again.
 * With a byte-order mark, as the contacts export writes, so a spreadsheet reads it as UTF-8.
 * `reason` words a row's refusal (the interface's language, or English on the command line);
 * `separator` is the one the file came with, so the spreadsheet that wrote it splits it again.
 */
export function refusedRowsCsv(headers: readonly string[], outcomes: readonly RowOutcome[], reason: (o: RowOutcome) => string, reasonHeader = 'Reason', separator: CsvSeparator = ','): string {
  const line = (cells: readonly string[]) => csvLine(cells, separator);
  let text = `${CSV_BOM}${line([...headers, reasonHeader])}`;
  for (const o of refusedRows(outcomes)) {
    const cells = Array.from(headers, (_, i) => o.cells![i] ?? '');
    text += line([...cells, reason(o)]);
  }
  return text;
}

/** The refused rows that carry their cells (a CSV row refused as read; not a card, nor a person erased from the library). */
export function refusedRows(outcomes: readonly RowOutcome[]): RowOutcome[] {
  return outcomes.filter((o) => o.action === 'refuse' && o.cells !== undefined);
}

/** The separator of the refused rows' file: the imported file's when Dateline writes it (a comma or a semicolon), else the language's. */
export function refusedSeparator(read: string | null, language: string): CsvSeparator {
  return read === ',' || read === ';' ? read : csvSeparatorFor(language);
}

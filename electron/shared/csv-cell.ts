/**
 * One CSV cell that a spreadsheet cannot run. Excel, LibreOffice and Google Sheets treat a
 * cell starting with = + - @ (or their full-width forms, which some input methods type), or
 * with a tab or carriage return, as a formula, also after leading spaces; such a cell gets a
 * leading apostrophe so it is shown as the text it is. Every CSV Dateline writes (contacts,
 * a kit's captions.csv) goes through here.
 *
 * A phone number such as "+41 22 917 12 34" is left readable, and so are several of them
 * joined by "; " (a contact's phones of one kind): a cell made only of digits, spaces, ; and
 * + ( ) - . / can at most do arithmetic; it cannot call a function, refer to a cell or start
 * another program, which is what a formula injection needs.
 */

const TRIGGER = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
/** One number, or several joined by "; " as a contact's phones of one kind are in its CSV. */
const PHONE_LIKE = /^\+?[0-9][0-9 ().\-/]*(?:; ?\+?[0-9][0-9 ().\-/]*)*$/;

/** The text, with an apostrophe in front when a spreadsheet would run it. */
export function neutraliseFormula(text: string): string {
  if (!TRIGGER.test(text)) return text;
  if (PHONE_LIKE.test(text)) return text;
  return `'${text}`;
}

/** A quoted CSV cell: formula neutralised, quotes doubled; null is an empty cell. */
export function csvCell(value: string | null | undefined): string {
  return `"${neutraliseFormula(value ?? '').replace(/"/g, '""')}"`;
}

/**
 * The separators a CSV Dateline writes may use. Excel splits a CSV it opens by the list
 * separator of the machine's regional settings: a comma in English, a semicolon where the
 * decimal mark is a comma (French, Spanish and most of Europe and Latin America), so a
 * comma-separated file opened by a French Excel shows every row in one column.
 */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** Languages whose spreadsheets expect a semicolon (their decimal mark is a comma). */
const SEMICOLON_LANGUAGES: readonly string[] = ['fr', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'tr'];

/**
 * The one rule for a CSV's separator when nobody chose one: the reader's language decides
 * (the interface's for a contacts export, the kit's for its captions). Arabic spreadsheets
 * take the comma as English ones do.
 */
export function csvSeparatorFor(language: string): CsvSeparator {
  return SEMICOLON_LANGUAGES.includes((language.split('-')[0] ?? '').toLowerCase()) ? ';' : ',';
}

/**
 * A byte-order mark: without one, Excel reads a CSV in the machine's code page (Windows-1252
 * in Paris, Windows-1256 in Cairo), so accents and Arabic come out garbled.
 */
export const CSV_BOM = '\uFEFF';

/** One CSV line: every cell quoted and neutralised, joined by the separator, ended by CRLF. */
export function csvLine(cells: readonly (string | null | undefined)[], separator: CsvSeparator = ','): string {
  return `${cells.map(csvCell).join(separator)}\r\n`;
}

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

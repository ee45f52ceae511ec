/**
 * The row of page numbers under a list of stories, read apart from the list's other marks
 * (listing.ts) so that the contact reader can tell it from a telephone number without the
 * page-kind modules.
 */

/** Western and Arabic-Indic digits alike: "٣" is 3. */
const digitValue = (token: string): number | null => {
  const western = token.replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660));
  return /^\d{1,4}$/u.test(western) ? Number(western) : null;
};

/**
 * "1 2 3", "« 1 2 3 4 … 12 »", "Previous 1 2 3 Next": a row of page numbers counting from one,
 * the pager of a list of stories. Read from its shape: three numbers or more, the first ones
 * 1, 2, 3 in order, arrows or a word for the next page around them. Deep in a list the pager
 * shows the first page, the pages around the one shown and the last ("1 94 95 96 97 98 112",
 * its "…" often lost in a copy): four numbers or more rising from one, three of them in a row.
 * A telephone number's groups do not rise so ("1 800 555 0199").
 */
export function pageNumberRow(text: string): boolean {
  const tokens = text
    .replace(/^(?:[«‹<←]+|previous|prev|précédent|précédente|anterior|السابق)\s*/iu, '')
    .replace(/\s*(?:[»›>→]+|next|suivant|suivante|siguiente|التالي)$/iu, '')
    .split(/\s+/u)
    .filter((t) => t !== '…' && t !== '...');
  const values = tokens.map(digitValue);
  if (values.length < 3 || values.some((v) => v === null)) return false;
  if (values[0] !== 1 || !values.every((v, k) => k === 0 || v! > values[k - 1]!)) return false;
  if (values[1] === 2 && values[2] === 3) return true;
  return values.length >= 4 && values.some((v, k) => k >= 3 && values[k - 1] === v! - 1 && values[k - 2] === v! - 2);
}

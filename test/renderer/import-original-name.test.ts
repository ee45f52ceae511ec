import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../electron/shared/file-names';
import { headlineFileName } from '../../renderer/import/files';

/** A pasted release's original is kept under its headline: a name a person would have written, not one full of "_". */

describe('the name of a pasted original', () => {
  it('writes the characters file systems refuse as a person would, in every language', () => {
    expect(headlineFileName('Inondations au Niger : 40 000 personnes privées d’abri')).toBe('Inondations au Niger - 40 000 personnes privées d’abri');
    expect(headlineFileName('Floods: 12,000 cut off')).toBe('Floods - 12,000 cut off');
    expect(headlineFileName('الفيضانات في السودان: 120 ألف شخص')).toBe('الفيضانات في السودان - 120 ألف شخص');
    expect(headlineFileName('Clinics open 24/7 in "Camp 3"?')).toBe("Clinics open 24-7 in 'Camp 3'");
    expect(headlineFileName('  :  ')).toBe('-');
  });

  it('needs nothing more from the library’s sanitiser', () => {
    for (const headline of ['Inondations au Niger : 40 000 sinistrés', 'Sequía: un millón | Honduras', 'الفيضانات في السودان: 120 ألف']) {
      const name = `${headlineFileName(headline)}.txt`;
      expect(safeFileName(name)).toBe(name);
    }
  });
});

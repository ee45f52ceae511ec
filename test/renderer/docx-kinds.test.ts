import { describe, expect, it } from 'vitest';
import { sniffNotDocx } from '../../electron/core/import/docx';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';

// A file named .docx that is no Word document is said by what it turned out to be, in each
// interface language: the person learns what to do with it (remove the password, save as .docx,
// paste a PDF's text), not only that it could not be read.

const FILES: [string, number[], RegExp][] = [
  ['photo.docx', [0x89, 0x50, 0x4e, 0x47, 0, 0], /PNG/],
  ['scan.docx', [0xff, 0xd8, 0xff, 0xe0], /JPEG/],
  ['report.docx', [0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
  ['letter.docx', [0x7b, 0x5c, 0x72, 0x74, 0x66, 0x31], /RTF/],
  ['old.docx', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], /\.doc\b/],
  ['notes.docx', [0x68, 0x65, 0x6c, 0x6c, 0x6f], /zip/],
];

describe('a file named .docx that is something else', () => {
  for (const lng of ['en', 'fr', 'es', 'ar']) {
    it(`is said by what it is in ${lng}`, () => {
      const t = setUpI18n(lng).t;
      for (const [name, bytes, mark] of FILES) {
        const refused = sniffNotDocx(name, new Uint8Array(bytes));
        expect(refused).not.toBeNull();
        const said = errorText(t, refused!.toApiError()).replace(/[\u2068\u2069]/g, '');
        expect(said).toContain(name);
        expect(said).toMatch(mark);
        expect(said).not.toContain('{{');
        // The core's English sentence is never what a French, Spanish or Arabic reader gets.
        if (lng !== 'en') expect(said).not.toContain(refused!.message);
      }
    });
  }
});

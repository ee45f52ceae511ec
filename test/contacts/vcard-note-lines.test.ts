import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, core, importFile } from './helpers';

/** A phone's vCard 2.1 writes a note's line breaks as "=0D=0A": stored as the line breaks a person types. */
describe("a vCard note's line breaks", () => {
  it('are stored as "\\n", from quoted-printable and from escaped text alike', async () => {
    const c = await core();
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Awa Diallo',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Ligne un=0D=0ALigne deux tr=C3=A8s longue',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Moussa Keita',
      'NOTE:First line\\nSecond line',
      'END:VCARD',
      '',
    ].join('\r\n');
    const path = join(tempDir(), 'cards.vcf');
    writeFileSync(path, vcf);
    await importFile(c, path, { commit: true });
    const notes = Object.fromEntries((await allContacts(c)).map((p) => [p.name, p.notes]));
    expect(notes).toEqual({ 'Awa Diallo': 'Ligne un\nLigne deux très longue', 'Moussa Keita': 'First line\nSecond line' });
  });
});

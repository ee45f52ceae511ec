import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, core, importFile } from './helpers';

/**
 * A card or row whose job title says the person speaks for an organisation (a spokesperson, a
 * press or communications officer, in English, French, Spanish or Arabic) is imported as a
 * spokesperson, not as a journalist; a kind the file states itself wins over the title.
 */

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const card = (name: string, lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, ...lines, 'END:VCARD'].join('\r\n');

const kinds = async (c: Awaited<ReturnType<typeof core>>) =>
  Object.fromEntries((await allContacts(c)).map((p) => [p.name, (p as unknown as { kind: string }).kind]));

describe('the kind of an imported contact, from its job title', () => {
  it('reads TITLE or ROLE naming a spokesperson or press officer in the four languages as a spokesperson', async () => {
    const c = await core();
    const vcf = [
      card('Ann Spoke', ['TITLE:Spokesperson']),
      card('Ben Press', ['TITLE:Senior Press Officer']),
      card('Cara Comms', ['ROLE:Communications Officer']),
      card('Dana Parole', ['TITLE:Porte-parole du HCR']),
      card('Élise Presse', ['TITLE:Chargée de communication']),
      card('Fabio Voz', ['TITLE:Portavoz']),
      card('Gala Prensa', ['TITLE:Oficial de Comunicación']),
      card('هالة ناصر', ['TITLE:المتحدثة الرسمية']),
      card('إياد حسن', ['TITLE:مسؤول الإعلام']),
      card('Ian Reporter', ['TITLE:Senior Reporter']),
      card('Jo Editor', ['TITLE:Press photographer']),
      card('Kim Stated', ['TITLE:Spokesperson', 'X-DATELINE-KIND:journalist']),
      '',
    ].join('\r\n');
    const r = await importFile(c, write('phone.vcf', vcf), { commit: true });
    expect(r).toMatchObject({ created: 12, refused: 0 });
    expect(await kinds(c)).toEqual({
      'Ann Spoke': 'spokesperson',
      'Ben Press': 'spokesperson',
      'Cara Comms': 'spokesperson',
      'Dana Parole': 'spokesperson',
      'Élise Presse': 'spokesperson',
      'Fabio Voz': 'spokesperson',
      'Gala Prensa': 'spokesperson',
      'هالة ناصر': 'spokesperson',
      'إياد حسن': 'spokesperson',
      'Ian Reporter': 'journalist',
      'Jo Editor': 'journalist',
      'Kim Stated': 'journalist',
    });
  });

  it('applies the same rule to a CSV job title column, unless the row has a kind of its own', async () => {
    const c = await core();
    const csv = [
      'First Name,Last Name,Job Title,E-mail Address',
      'Lina,Vocera,Vocera del ministerio,lina@gob.example',
      'Marc,Attaché,Attaché de presse,marc@ong.example',
      'Nia,Writer,Correspondent,nia@paper.example',
      '',
    ].join('\r\n');
    await importFile(c, write('outlook.csv', csv), { commit: true });
    const mapped = ['Name,Kind,Role', 'Omar Stated,journalist,Press officer', 'Pia Plain,,Press officer', ''].join('\r\n');
    await importFile(c, write('mine.csv', mapped), { commit: true, mapping: { Name: 'name', Kind: 'kind', Role: 'role' } });
    expect(await kinds(c)).toEqual({
      'Lina Vocera': 'spokesperson',
      'Marc Attaché': 'spokesperson',
      'Nia Writer': 'journalist',
      'Omar Stated': 'journalist',
      'Pia Plain': 'spokesperson',
    });
  });
});

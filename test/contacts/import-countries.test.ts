import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, core, importFile } from './helpers';

/** An Outlook export's country columns are read, and the columns left out are named. */

const OUTLOOK = [
  '"First Name","Last Name","Company","Department","Business City","Business Country/Region","Home Country/Region","E-mail Address","Web Page"',
  '"Lucía","Ferrer","El Heraldo","Cultura","Zaragoza","España","","lucia@heraldo.example",""',
  '"Jonas","Weber","Tagblatt","","","Atlantis","Suisse","jonas@tagblatt.example","https://tagblatt.example"',
];

describe('the countries of an Outlook export', () => {
  it('become codes, a country not recognised is a note on the row, and the columns left out are listed', async () => {
    const c = await core();
    const path = join(tempDir(), 'outlook.csv');
    writeFileSync(path, OUTLOOK.join('\r\n'));
    const r = await importFile(c, path, { commit: true });
    expect(r).toMatchObject({ headerSet: 'outlook-en', created: 2, refused: 0 });
    // Columns only with a value in some row: an Outlook export's ninety empty ones are not news.
    expect(r.leftOut).toEqual(['Department', 'Business City', 'Web Page']);
    expect(r.outcomes[1]!.notes).toEqual([{ code: 'COUNTRY_LEFT_OUT', params: { column: 'Business Country/Region', value: 'Atlantis' } }]);
    const people = await allContacts(c);
    expect(people.map((p) => [p.name, p.countries])).toEqual([
      ['Jonas Weber', ['CH']],
      ['Lucía Ferrer', ['ES']],
    ]);
  });
});

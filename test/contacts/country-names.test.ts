import { describe, expect, it } from 'vitest';
import { countryCode } from '../../electron/shared/contacts/country-names';
import { recogniseHeaders } from '../../electron/shared/contacts/columns';

/** A country as spreadsheets write it, in the interface's four languages, read as its ISO 3166 code. */

describe('a country named in an import', () => {
  it('is read from its name in English, French, Spanish or Arabic, whatever the case and accents, or from its code', () => {
    const read = (names: string[]) => names.map(countryCode);
    expect(read(['Switzerland', 'Suisse', 'Suiza', 'سويسرا', 'ch', 'CH'])).toEqual(Array(6).fill('CH'));
    expect(read(['Côte d’Ivoire', "cote d'ivoire", 'Ivory Coast'])).toEqual(Array(3).fill('CI'));
    expect(read(['Germany', 'Allemagne', 'Alemania', 'ألمانيا'])).toEqual(Array(4).fill('DE'));
    expect(read(['United States of America', 'USA', 'États-Unis', 'Estados Unidos', 'الولايات المتحدة'])).toEqual(Array(5).fill('US'));
    expect(read(['Myanmar', 'Burma', 'Congo - Kinshasa', 'Bosnia and Herzegovina', 'UK', 'MÉXICO'])).toEqual(['MM', 'MM', 'CD', 'BA', 'GB', 'MX']);
  });

  it('is not recognised when it names no country', () => {
    expect(['Narnia', 'European Union', 'Unknown Region', 'Kenya Airways', ''].map(countryCode)).toEqual([null, null, null, null, null]);
  });

  it('comes from the country columns of Outlook and Google exports', () => {
    const outlook = recogniseHeaders(['First Name', 'Last Name', 'E-mail Address', 'Company', 'Business Country/Region', 'Home Country/Region', 'Other Country/Region']);
    expect(outlook).toMatchObject({ set: 'outlook-en', mapping: { 'Business Country/Region': 'countries', 'Home Country/Region': 'countries', 'Other Country/Region': 'countries' } });
    const google = recogniseHeaders(['Name', 'E-mail 1 - Value', 'Address 1 - Country', 'Address 2 - Country', 'Address 1 - City']);
    expect(google).toMatchObject({ set: 'google', mapping: { 'Address 1 - Country': 'countries', 'Address 2 - Country': 'countries', 'Address 1 - City': 'ignore' } });
  });
});

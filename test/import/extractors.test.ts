import { describe, expect, it } from 'vitest';
import { copiedDateStamp, textToBlocks } from '../../electron/core/import/blocks';
import { extractContacts, findPhones, normalisePhone } from '../../electron/core/import/contacts';
import { datelineOnly, matchDateline } from '../../electron/core/import/dateline';
import { completeYearlessDate, findDates, isDateOnly, readEmbargo } from '../../electron/core/import/dates';
import { tableNesting } from '../../electron/core/import/docx';
import { blocksToHtml, readHtml } from '../../electron/core/import/html';
import { detectLanguage } from '../../electron/core/import/language';
import { endMarkOf, isJunk, isNavBlock, stripLeadingNav } from '../../electron/core/import/lexicon';
import { asciiDigits, decodeText, placeCase } from '../../electron/core/import/normalise';
import { asciiDigitsOf } from '../../electron/shared/search/text';
import { presentsNamedOrganisation } from '../../electron/core/import/extract';
import { extractQuotes } from '../../electron/core/import/quotes';
import { neverHeadline } from '../../electron/core/import/headline';

/** The pure pieces of the importer, each on its own. */

describe("the importer's digits", () => {
  it('reads Arabic-Indic and Persian digits as search does', () => {
    for (const zero of [0x0660, 0x06f0]) {
      for (let d = 0; d < 10; d++) {
        const digit = String.fromCharCode(zero + d);
        expect(asciiDigits(digit)).toBe(String(d));
        expect(asciiDigits(digit)).toBe(asciiDigitsOf(digit));
      }
    }
  });

  it("keeps every other script's digits and the text's length, so positions found in it cut the original", () => {
    const mixed = 'Devanagari १२, full width １２, styled 𝟏𝟐, Arabic ١٢, Persian ۱۲';
    expect(asciiDigits(mixed)).toBe('Devanagari १२, full width １２, styled 𝟏𝟐, Arabic 12, Persian 12');
    expect(asciiDigits(mixed)).toHaveLength(mixed.length);
    // Search's folding reads them all and shortens a styled digit to one unit: not what the extractors need.
    expect(asciiDigitsOf('𝟏𝟐')).toBe('12');
    expect(asciiDigitsOf('𝟏𝟐').length).toBeLessThan('𝟏𝟐'.length);
  });
});

describe('dates in four languages', () => {
  it.each([
    ['3 March 2026', '2026-03-03'],
    ['Tuesday, 3rd March 2026', '2026-03-03'],
    ['March 3, 2026', '2026-03-03'],
    ['Mar. 3, 2026', '2026-03-03'],
    ['le 1er mars 2026', '2026-03-01'],
    ['mardi 3 février 2026', '2026-02-03'],
    ['3 de marzo de 2026', '2026-03-03'],
    ['3 de setiembre del 2026', '2026-09-03'],
    ['٣ آذار/مارس ٢٠٢٦', '2026-03-03'],
    ['15 كانون الثاني/يناير 2026', '2026-01-15'],
    ['4 أبريل 2026', '2026-04-04'],
    ['24 سبتمبر 2026م', '2026-09-24'],
    ['26 /01/2026', '2026-01-26'],
    ['03/04/2026', '2026-04-03'],
    ['04/23/2026', '2026-04-23'],
    ['3.3.2026', '2026-03-03'],
    ['2026-03-03', '2026-03-03'],
  ])('reads "%s"', (text, iso) => {
    expect(findDates(`Published ${text} in Geneva`)[0]?.iso).toBe(iso);
  });

  it('refuses dates that do not exist and years out of range', () => {
    expect(findDates('31 February 2026')).toEqual([]);
    expect(findDates('3 March 1850')).toEqual([]);
  });

  it('reads a date line that carries the time it was posted', () => {
    expect(isDateOnly('22 de setiembre de 2026 - 2:03 p. m.')).toBe(true);
    expect(matchDateline('22 de setiembre de 2026 - 2:03 p. m.')).toBeNull();
  });

  it('reads a date bar that shortens the day of the week, and takes no place from it', () => {
    for (const bar of ['Mon, 5 May 2025', 'Thu. 3 March 2026', 'Sat, March 7, 2026']) {
      expect(isDateOnly(bar), bar).toBe(true);
      expect(datelineOnly(bar)?.place ?? null, bar).toBeNull();
    }
    expect(findDates('Sun, 5 April 2026')[0]?.iso).toBe('2026-04-05');
  });

  it('reads a date whose year ran into the time it was posted when the page was copied', () => {
    expect(isDateOnly('08 Jun 201718:37 PM')).toBe(true);
    expect(findDates('08 Jun 201718:37 PM')[0]?.iso).toBe('2017-06-08');
    expect(findDates('June 8, 201709:05')[0]?.iso).toBe('2017-06-08');
    // Figures that are no time after the year leave no date.
    expect(findDates('8 June 201718')).toEqual([]);
  });

  it('tells a date line from a sentence with a date in it', () => {
    expect(isDateOnly('Published: 3 March 2026')).toBe(true);
    expect(isDateOnly('The conference opens on 3 March 2026 in Nairobi')).toBe(false);
  });

  it('reads embargo times and zones', () => {
    expect(readEmbargo('EMBARGOED UNTIL 00:01 GMT, 5 March 2026')).toMatchObject({ at: '2026-03-05T00:01:00Z', timeZone: 'UTC' });
    expect(readEmbargo('Embargo: 10h00 heure de Genève, le 12 juillet 2026')).toMatchObject({ at: '2026-07-12T08:00:00Z', timeZone: 'Europe/Zurich' });
    expect(readEmbargo('Under embargo until 9 a.m. EST on 20 January 2026')).toMatchObject({ at: '2026-01-20T14:00:00Z', timeZone: 'America/New_York' });
    expect(readEmbargo('EMBARGO hasta el 2 de mayo de 2026, 12:00 GMT+3')).toMatchObject({ at: '2026-05-02T09:00:00Z', timeZone: 'Etc/GMT-3' });
    expect(readEmbargo('Embargoed until further notice')).toEqual({ at: null, timeZone: null, dateIso: null });
  });

  it("completes a wire dateline's day and month with the year nearest a full date on the page", () => {
    expect(completeYearlessDate('MONTREAL, le 7 déc. /CNW Telbec/ - ', '2007-12-05')).toBe('2007-12-07');
    expect(completeYearlessDate('WASHINGTON, 11 Ago. (EP/AP) -', '2006-08-11')).toBe('2006-08-11');
    expect(completeYearlessDate('WASHINGTON, September 17—', '2020-09-20')).toBe('2020-09-17');
    // Across the new year, the nearer year wins.
    expect(completeYearlessDate('PARIS, 2 janv. -', '2007-12-30')).toBe('2008-01-02');
    // No day and month, no full date to lean on, or only one two months away or more: nothing.
    expect(completeYearlessDate('MADRID, 21 (EUROPA PRESS)', '2020-09-20')).toBeNull();
    expect(completeYearlessDate('GENEVA, 3 March -', null)).toBeNull();
    expect(completeYearlessDate('GENEVA, 3 March -', '2020-09-01')).toBeNull();
  });
});

describe('datelines', () => {
  it.each([
    ['GENEVA – The organisation today opened a centre for people who lost their homes in the floods.', 'Geneva', null],
    ['NEW YORK, 3 March 2026 — The organisation said', 'New York', '2026-03-03'],
    ["N'DJAMENA, 12 May 2026 – One in four households", "N'Djamena", '2026-05-12'],
    ['Genève, le 3 mars 2026 – La fondation a déployé', 'Genève', '2026-03-03'],
    ['DAKAR (Sénégal), 03/03/2026 – Le Réseau a relogé', 'Dakar', '2026-03-03'],
    ['CÚCUTA, 12 de mayo de 2026.- La Fundación inauguró', 'Cúcuta', '2026-05-12'],
    ['جنيف، 3 آذار/مارس 2026 – أعلنت المنظمة اليوم', 'جنيف', '2026-03-03'],
    ['BRIDGETOWN, Barbados, March 24, 2026 /Caribbean Newswire/ -- Island Relief Fund has', 'Bridgetown, Barbados', '2026-03-24'],
    ['Geneva - 14 May 2026 - Relief teams reached the last cut-off villages in the valley on Tuesday.', 'Geneva', '2026-05-14'],
    ['NAIROBI – 3 March 2026 – The organisation and its partners opened two more water points.', 'Nairobi', '2026-03-03'],
    ['Barranquilla (mar. 4/26). La Ministra se reunió hoy con los alcaldes de la región para revisar el plan.', 'Barranquilla', '2026-03-04'],
    ['Bogotá (dic. 14/98). El Canciller recibió hoy a los embajadores de los países vecinos para revisar el acuerdo.', 'Bogotá', '1998-12-14'],
    ['14 de mayo de 2026 (OMS) – Las lluvias de las últimas semanas han dejado sin agua potable a miles de familias.', null, '2026-05-14'],
    ['(Nairobi, 4 June)— Teams from three organisations reached the flooded districts along the river this morning.', 'Nairobi', null],
    ['جنيف، 17 أبريل/نيسان (المفوضية السامية للأمم المتحدة لشؤون اللاجئين) أعلنت المفوضية اليوم أنها سترسل فرقاً إضافية إلى الحدود.', 'جنيف', null],
    ['GENEVA, 17 April (Office of the United Nations High Commissioner for Refugees) – The agency sent more teams to the border.', 'Geneva', null],
  ])('reads %s', (text, place, date) => {
    expect(matchDateline(text)).toMatchObject({ place, dateIso: date });
  });

  it('leaves the body without the date that followed the place', () => {
    const text = 'Geneva - 14 May 2026 - Relief teams reached the last cut-off villages in the valley on Tuesday.';
    const d = matchDateline(text)!;
    expect(text.slice(d.length)).toBe('Relief teams reached the last cut-off villages in the valley on Tuesday.');
  });

  it('does not take a headline with a dash or a colon for a dateline', () => {
    expect(matchDateline('Floods recede – thousands return')).toBeNull();
    expect(matchDateline('Mali : la malnutrition aiguë progresse chez les enfants')).toBeNull();
    expect(matchDateline('Jane Doe: "We will stay as long as we are needed"')).toBeNull();
  });

  it('does not take the desk that wrote the story, or a menu cell, for a place', () => {
    expect(matchDateline('Redacción – El gobierno expresó hoy su solidaridad con el pueblo del país vecino tras el sismo.')?.place ?? null).toBeNull();
    expect(datelineOnly('Ultimas Noticias|Jueves, 12 de marzo de 2026')?.place ?? null).toBeNull();
  });

  it("reads a date with a space before its comma, and leaves a news agency's name after the date out of the place", () => {
    expect(findDates('March 3rd , 2026')[0]?.iso).toBe('2026-03-03');
    expect(matchDateline('Port Ellis, March 3rd , 2026, MNA —– The council says the new water points will serve every family in the lower town.')).toMatchObject({ place: 'Port Ellis', dateIso: '2026-03-03' });
    expect(matchDateline('Port Ellis, March 3, 2026 – The council says the new water points will serve every family in the lower town.')).toMatchObject({ place: 'Port Ellis', dateIso: '2026-03-03' });
  });

  it('does not take an abbreviation joined by a hyphen to the next word for a place', () => {
    expect(matchDateline('U.N.-Backed Campaign Aims To Vaccinate Two Million Children In The Valley Before The Rains')).toBeNull();
    expect(matchDateline('The U.S.-led talks on water rights resumed in the capital this week with twelve delegations.')).toBeNull();
    expect(matchDateline('MARRAM.- El gobierno regional abrió hoy tres albergues para las familias que dejaron sus casas por las lluvias.')).toMatchObject({ place: 'Marram' });
  });

  it('reads a dateline standing alone', () => {
    expect(datelineOnly('GENEVA, 3 March 2026')).toMatchObject({ place: 'Geneva', dateIso: '2026-03-03' });
    // A newswire's tag between slashes closes the line, the text under it.
    expect(datelineOnly('PORT ELLIS, Marram, Jan. 13, 2026 /PRNewswire/ --')).toMatchObject({ place: 'Port Ellis, Marram', dateIso: '2026-01-13' });
    expect(datelineOnly('QUÉBEC, le 12 sept. 2023 /CNW/')).toMatchObject({ dateIso: '2023-09-12' });
    expect(datelineOnly('Le 2 juin 2026 – Québec (Québec) – Ministère des Relations internationales')).toMatchObject({ place: 'Québec', dateIso: '2026-06-02' });
    expect(datelineOnly('Le 2 juin 2026 – Québec – La ministre a annoncé hier que les fonds seront versés.')).toBeNull();
    expect(placeCase('DAR ES SALAAM')).toBe('Dar es Salaam');
  });

  it('reads an Arabic place alone on its line with who sent the story, after a dash or in brackets', () => {
    expect(datelineOnly('نواكشوط - صدى الساحل')).toMatchObject({ place: 'نواكشوط', dateIso: null });
    expect(datelineOnly('دار السلام - نبض القارة')).toMatchObject({ place: 'دار السلام' });
    expect(datelineOnly('بنغازي (وكالات)')).toMatchObject({ place: 'بنغازي', dateIso: null });
    // A sentence, a reporting verb or more than three words on either side is no such line.
    expect(datelineOnly('قالت الوزارة - في بيان')).toBeNull();
    expect(datelineOnly('المنظمة الدولية للهجرة تطلق نداء - أخبار المنظمات')).toBeNull();
    expect(datelineOnly('نواكشوط - صدى الساحل - قال وزير الصحة إن الحملة بدأت')).toBeNull();
    // A site's sections, a byline or a menu joined by a dash name no place.
    for (const line of ['أخبار - محليات', 'منوعات - صحة', 'عربي ودولي - سوريا', 'كتب - سامي يوسف', 'مشاركة - طباعة', 'صحة (فيديو)']) {
      expect(datelineOnly(line), line).toBeNull();
    }
  });
});

describe('contacts', () => {
  it('reads the sentence form', () => {
    expect(extractContacts([['For further information please contact John Smith at the Nairobi office, Email jsmith@example.org, Tel. +254 20 000 0000']])).toEqual([
      { name: 'John Smith', role: null, organisation: null, email: 'jsmith@example.org', phone: '+254 20 000 0000' },
    ]);
  });

  it('reads several people in a block, with roles and organisations', () => {
    const got = extractContacts([
      ['Media contacts', 'Amira Yousif', 'Communications Manager, Nuba Health Network', 'Mobile: +249 912 000 345', 'Email: ayousif@nubahealth.example'],
      ['Thomas Berger', 'Press Officer, Relief Without Borders', 'Tel: +41 22 555 01 02', 'tberger@rwb.example'],
    ]);
    expect(got.map((c) => [c.name, c.role, c.organisation])).toEqual([
      ['Amira Yousif', 'Communications Manager', 'Nuba Health Network'],
      ['Thomas Berger', 'Press Officer', 'Relief Without Borders'],
    ]);
  });

  it('reads Arabic, French and Spanish contact lines', () => {
    expect(extractContacts([['للمزيد من المعلومات يرجى التواصل مع:', 'أحمد خليل، مسؤول الإعلام', 'هاتف: +90 532 000 1122']])[0]).toMatchObject({ name: 'أحمد خليل', role: 'مسؤول الإعلام' });
    // "For contact with the media:" is the heading, not a person named "the media".
    expect(extractContacts([['للتواصل مع وسائل الإعلام: أحمد سالم، مكتب صنعاء، البريد الإلكتروني ahmed.salem@example.org']])[0]).toMatchObject({
      name: 'أحمد سالم',
      organisation: 'مكتب صنعاء',
      email: 'ahmed.salem@example.org',
    });
    expect(extractContacts([["Pour plus d'informations, veuillez contacter Awa Diop, chargée des relations presse, au +221 77 000 00 99"]])[0]).toMatchObject({ name: 'Awa Diop', phone: '+221 77 000 00 99' });
    expect(extractContacts([['Para más información, contactar a Sofía Jiménez (sjimenez@x.example, +507 6000 0000) o a Diego Ramírez (dramirez@x.example)']]).map((c) => c.name)).toEqual(['Sofía Jiménez', 'Diego Ramírez']);
  });

  it('takes "Don" and "Doña" for a title before two names only, in contact lines and quotes', () => {
    expect(extractContacts([['For further information please contact Don Smith at the Geneva office, Email dsmith@example.org']])[0]).toMatchObject({ name: 'Don Smith' });
    expect(extractContacts([['Para más información, contactar a Don José Pérez (jperez@x.example)']])[0]).toMatchObject({ name: 'José Pérez' });
    expect(extractQuotes(['"We will rebuild every school in the district," said Don Bradman, the mayor.']).map((q) => q.speaker)).toEqual(['Don Bradman']);
    expect(extractQuotes(['“Vamos a reconstruir todas las escuelas del distrito”, afirmó Doña María López.']).map((q) => q.speaker)).toEqual(['María López']);
  });

  it('does not take switchboards, faxes, short codes or placeholders for someone\'s details', () => {
    expect(extractContacts([['Switchboard: +41 22 000 00 00']])).toEqual([]);
    expect(extractContacts([['Fax: +41 22 000 00 01']])).toEqual([]);
    expect(findPhones('Text WATER to 70123 to give £5')).toEqual([]);
    expect(extractContacts([['Media contact: Jo Bloggs, [email protected]']])).toEqual([]);
    expect(findPhones('between 2024 - 2026 and on 12/03/2026')).toEqual([]);
  });

  it('does not take a row of page numbers or a book\'s number for a telephone, and still reads one that looks alike', () => {
    expect(findPhones('1 94 95 96 97 98 112')).toEqual([]);
    expect(findPhones('« 1 37 38 39 40 … 205 »')).toEqual([]);
    expect(findPhones('[ISBN-10] 987-1183-61-5 | [ISBN-13] 978-987-1183-61-6')).toEqual([]);
    expect(findPhones('ISBN: 978 92 4 000000 1')).toEqual([]);
    expect(findPhones('ISSN 1020-3478 1020 3478')).toEqual([]);
    expect(findPhones('Call 1 800 555 0199 or +1 212 963 1234').map((p) => p.value)).toEqual(['1 800 555 0199', '+1 212 963 1234']);
    expect(extractContacts([['Media contact: Ana Ruiz, tel. 1 22 33 44 55']])[0]).toMatchObject({ name: 'Ana Ruiz', phone: '1 22 33 44 55' });
  });

  it('reads addresses written with [at] so robots do not harvest them', () => {
    expect(extractContacts([['Media contact:', 'Lena Ortiz, Ph: +1 212 555 0101; Email: lena.ortiz[at]relief.example']])[0]).toMatchObject({ name: 'Lena Ortiz', email: 'lena.ortiz@relief.example' });
  });

  it('gives a press office printed twice (header and sidebar) once', () => {
    const box = ['Contact presse', '+33 1 00 00 00 00', 'presse@ong.example'];
    expect(extractContacts([box, box]).map((c) => c.email)).toEqual(['presse@ong.example']);
  });

  it('tidies numbers to what the contact record accepts', () => {
    expect(normalisePhone('(+41) 22 917 1234')).toBe('+41 22 917 1234');
    expect(normalisePhone('٠٠٩٦٢٧٩٠٠٠٤٤٥٥')).toBe('00962790004455');
    expect(normalisePhone('12345')).toBeNull();
  });
});

describe('quotes', () => {
  it('finds speakers after, before and by pronoun, in four languages', () => {
    const got = extractQuotes([
      '"Water is the first thing families ask for," said Jane Doe, Regional Director. "Every borehole counts."',
      '“We will stay as long as we are needed,” she added.',
      'Marie Dupont, directrice régionale, a déclaré : « Nous resterons aux côtés des familles. »',
      '"Llevamos medicinas a las comunidades más alejadas", afirmó Ana Torres.',
      'وقالت سارة منصور، المديرة الإقليمية: "نعمل مع الشركاء لاستبدال الخيام المتضررة".',
      'The so-called "safe zones" remain unsafe for most families.',
    ]);
    expect(got).toEqual([
      { speaker: 'Jane Doe', role: 'Regional Director', text: 'Water is the first thing families ask for. Every borehole counts.' },
      { speaker: 'Jane Doe', role: 'Regional Director', text: 'We will stay as long as we are needed' },
      { speaker: 'Marie Dupont', role: 'directrice régionale', text: 'Nous resterons aux côtés des familles.' },
      { speaker: 'Ana Torres', text: 'Llevamos medicinas a las comunidades más alejadas' },
      { speaker: 'سارة منصور', role: 'المديرة الإقليمية', text: 'نعمل مع الشركاء لاستبدال الخيام المتضررة' },
    ]);
  });
});

describe('a quote standing alone, its speaker on the line under it', () => {
  it('reads a dash and a name, or the rest of the sentence the page cut, in three languages', () => {
    const got = extractQuotes([
      '“We will not leave these families behind before the rains.”',
      '— Marie Dupont, head of the Bukavu office',
      '« Nous resterons aux côtés des familles jusqu’à la récolte. »',
      '– Amani Kasongo, coordinatrice des urgences à Goma',
      '“The clinic is the only one open for a hundred kilometres,”',
      'said Grace Atim, head nurse at the Gulu clinic.',
      '"Llevamos medicinas a las comunidades más alejadas del río",',
      'afirmó Ana Torres.',
    ]);
    expect(got.map((q) => [q.speaker, q.role ?? null])).toEqual([
      ['Marie Dupont', 'head of the Bukavu office'],
      ['Amani Kasongo', 'coordinatrice des urgences à Goma'],
      ['Grace Atim', 'head nurse at the Gulu clinic'],
      ['Ana Torres', null],
    ]);
  });

  it('takes no speaker from a line under it that names nobody, or goes on in a pronoun', () => {
    const got = extractQuotes([
      '“We will not leave these families behind before the rains.”',
      '— Read the full report on our website',
      '“The clinic is the only one open for a hundred kilometres,”',
      'she said.',
      '“Every family here has lost someone to the floods this year.”',
      'The water rose again on Tuesday, flooding the camp.',
    ]);
    expect(got.map((q) => q.speaker)).toEqual([null, null, null]);
  });
});

describe("a speaker's role", () => {
  it('reads the role that closes the sentence after the name, in three languages', () => {
    const got = extractQuotes([
      '"We brought the vaccines back the day the roads opened," said Marie Dupont, head of the Bukavu office.',
      '« Nous restons sur place », a déclaré Amani Kasongo, coordinatrice des urgences à Goma.',
      '"Las familias necesitan semillas antes de las lluvias", dijo Ana Torres, directora de programas de la fundación.',
    ]);
    expect(got.map((q) => [q.speaker, q.role ?? null])).toEqual([
      ['Marie Dupont', 'head of the Bukavu office'],
      ['Amani Kasongo', 'coordinatrice des urgences à Goma'],
      ['Ana Torres', 'directora de programas de la fundación'],
    ]);
  });

  it('takes no clause after the name for a role, nor a phrase with no job in it', () => {
    const got = extractQuotes([
      '"The road is open again," said Jane Roe, adding that the press office would publish the figures.',
      '« Nous reviendrons dès que la route sera ouverte », a déclaré Paul Martin, qui dirige le bureau de presse.',
      '"We are tired," said Grace Atim, a mother of four.',
    ]);
    expect(got.map((q) => [q.speaker, q.role ?? null])).toEqual([
      ['Jane Roe', null],
      ['Paul Martin', null],
      ['Grace Atim', null],
    ]);
  });
});

describe('language, page furniture and end marks', () => {
  it('detects the four languages', () => {
    expect(detectLanguage('The organisation said that the water points will be repaired by the end of the year.')).toBe('en');
    expect(detectLanguage("L'organisation a déclaré que les points d'eau seront réparés avant la fin de l'année.")).toBe('fr');
    expect(detectLanguage('La organización dijo que los puntos de agua serán reparados antes de fin de año.')).toBe('es');
    expect(detectLanguage('قالت المنظمة إن نقاط المياه ستُصلح قبل نهاية العام.')).toBe('ar');
  });

  it('knows a search box with no results and an out-of-date browser warning', () => {
    expect(isJunk('Aucun résultat correspondant…')).toBe(true);
    expect(isJunk('No results found for your search, please try again with other words.')).toBe(true);
    expect(isJunk("Votre navigateur internet n'est pas à jour.")).toBe(true);
    expect(isJunk('No results yet from the survey, which ends in May, the director said.')).toBe(false);
  });

  it('knows a reCAPTCHA notice, and keeps a paragraph of a release about such a service', () => {
    expect(isJunk('This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.')).toBe(true);
    const paragraph =
      'A study of 4,000 web shops by the Lakeside Institute found that shops protected by reCAPTCHA still received automated sign-ups at a rate of one in twelve, against one in forty for shops that also limited sign-ups from one address, the institute said.';
    expect(isJunk(paragraph)).toBe(false);
  });

  it('never takes a span of dates, a time counted back from now or a skip link for a headline', () => {
    for (const line of ['Du 26/09/2025 au 27/09/2025', 'Del 3 al 5 de mayo de 2025', '3-5 May 2025', 'From 3 May 2025 to 5 May 2025', 'من 3 مايو 2025 إلى 5 مايو 2025']) {
      expect(isDateOnly(line), line).toBe(true);
      expect(neverHeadline(line), line).toBe(true);
    }
    for (const line of ['قصص أخبارية, 17 أبريل/ نيسان 2012', 'News Stories, 17 April 2012']) expect(isDateOnly(line), line).toBe(true);
    for (const line of ['timeمنذ 8 ساعات', 'منذ ساعتين', '3 hours ago', 'il y a 2 jours', 'hace 5 minutos']) expect(neverHeadline(line), line).toBe(true);
    for (const line of ["Photo d'illustration de la boutique solidaire", 'Imagen de archivo de un hospital en Tegucigalpa', 'صورة تعبيرية لمخيم للنازحين', 'File photo of the river in flood']) expect(neverHeadline(line), line).toBe(true);
    expect(neverHeadline('Illustration contest winners announced by the national library')).toBe(false);
    for (const line of ['Pasar al contenido principal', 'Saltar al contenido', 'Aller directement au contenu', 'الانتقال إلى المحتوى الرئيسي']) expect(isJunk(line), line).toBe(true);
    // A title that names its event's days, or a time long past, is still a title.
    for (const line of ['Floods: 3,000 families displaced from 3 May 2025 to 5 May 2025 in the north', 'Ten years ago the river changed its course, and the valley with it']) expect(neverHeadline(line), line).toBe(false);
  });

  it('never takes a photo credit or a release reference for a headline', () => {
    for (const line of ['UNICEF/UN0337383/Rudakubana', 'Release number IFAD/30/08', 'MEMO/10/53']) expect(neverHeadline(line), line).toBe(true);
    expect(neverHeadline('Relief agency welcomes a government plan to resettle 500 refugees')).toBe(false);
  });

  it('never takes the name of a section of releases, whoever it belongs to, for a headline', () => {
    for (const line of ['Communiqués de presse Conseil régional de la santé', 'Notas de prensa del ministerio', 'Press releases from the regional offices', 'بيانات صحفية من المكاتب الإقليمية']) expect(neverHeadline(line), line).toBe(true);
    for (const line of ['Communiqué de presse : Inondations dans la vallée', 'Press office staff join the flood response in the north']) expect(neverHeadline(line), line).toBe(false);
  });

  it('knows a page\'s text-size buttons, its error boxes and its filing lines', () => {
    for (const line of ['Restaurer la taille du texteAugmenter la taille du texte', 'Increase text size', 'Error message', 'User warning: The following module is missing from the file system: image_style.', 'Classé dans : Les affaires', 'Sujets : Économie, Affaires étrangères', 'Filed under: Health']) {
      expect(isJunk(line), line).toBe(true);
    }
    expect(isJunk('The error message sent by the ministry was withdrawn the next day after protests from the unions.')).toBe(false);
  });

  it('knows menus, share rows, cookie banners and end marks', () => {
    expect(isNavBlock('Home | News | Donate')).toBe(true);
    expect(isNavBlock('Accueil > Actualités > Communiqués')).toBe(true);
    expect(isNavBlock('الرئيسية | من نحن | أخبارنا | تبرع الآن')).toBe(true);
    expect(isNavBlock('Floods | 12,000 displaced in River Nile State')).toBe(false);
    expect(isNavBlock('Health > Nutrition > Sahel children at risk as lean season begins early')).toBe(false);
    expect(stripLeadingNav('Accueil Qui sommes-nous Nos actions Faire un don Tchad : un pont aérien')).toBe('Tchad : un pont aérien');
    expect(isJunk('We use cookies to improve your experience.')).toBe(true);
    expect(isJunk('Share this: Facebook X WhatsApp')).toBe(true);
    for (const line of ['Chaque matin, abonnez-vous à notre newsletter pour recevoir les titres du jour.', 'Stay informed: sign up for our weekly newsletter', 'سجل بريدك الإلكتروني لتصلك النشرة اليومية']) {
      expect(isJunk(line), line).toBe(true);
    }
    // "سجل" is also "recorded", and "boletín" a health bulletin: the release's own sentences.
    for (const line of ['سجل المركز 40 إصابة جديدة في النشرة اليومية للوزارة', 'La Secretaría registró en su boletín epidemiológico 40 casos nuevos.']) {
      expect(isJunk(line), line).toBe(false);
    }
    expect(endMarkOf('# # #')).toBe('###');
    expect(endMarkOf('– ENDS –')).toBe('-ENDS-');
    expect(endMarkOf('-30-')).toBe('-30-');
  });
});

describe('text, HTML and Word structure', () => {
  it("takes the metadata date a copied page opens with off its first line, keeping the day as the page's date", () => {
    expect(copiedDateStamp(' date 2025-11-04 Noticias regionales\nTítulo')).toEqual({ text: 'Noticias regionales\nTítulo', dateIso: '2025-11-04' });
    // Only the year and month: nothing to date the release with, but the line it ran into is free again.
    expect(copiedDateStamp('date 2017-10 Las brigadas partieron hoy.')).toEqual({ text: 'Las brigadas partieron hoy.', dateIso: null });
    expect(copiedDateStamp('date 2026-02-30\nTítulo').dateIso).toBeNull();
    // Anywhere but at the start, in capitals, or as a label with a colon, it is the page's own text.
    for (const text of ['Título\ndate 2025-11-04', 'Date: 2025-11-04', 'DATE 2025-11-04', 'date of the meeting 2025-11-04']) {
      expect(copiedDateStamp(text), text).toEqual({ text, dateIso: null });
    }
  });

  it('joins hard-wrapped lines and keeps short lines apart', () => {
    const blocks = textToBlocks(
      'GENEVA - The organisation today completed twelve boreholes in Kasese\ndistrict, bringing safe water to 40,000 people who lost their wells\nin the floods of March this year.\n\nThe boreholes will be maintained by committees elected in each of the\nvillages, which were trained by the district water office in May.\n\nJohn Smith\n+254 20 000 0000\n',
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'GENEVA - The organisation today completed twelve boreholes in Kasese district, bringing safe water to 40,000 people who lost their wells in the floods of March this year.',
      'The boreholes will be maintained by committees elected in each of the villages, which were trained by the district water office in May.',
      'John Smith',
      '+254 20 000 0000',
    ]);
  });

  it('keeps a title apart from a whole paragraph or a byline under it that opens in lower case, and still joins a PDF copy', () => {
    const title = 'Clinics reopen in the hill districts after the landslides';
    const paragraph = 'ealth workers reopened four clinics in the hill districts on Monday, three weeks after landslides cut the only road, and began vaccinating the children who missed their doses while the clinics were closed.';
    expect(textToBlocks(`${title}\n${paragraph}`).map((b) => b.text)).toEqual([title, paragraph]);
    expect(textToBlocks(`${title}\nby Hill Districts Health Office, partners\n\n${paragraph}`).map((b) => b.text)).toEqual([title, 'by Hill Districts Health Office, partners', paragraph]);
    // A PDF viewer's copy breaks lines at the page's width, "by" going on inside a sentence.
    const pdf = 'The clinics in the four hill districts were rebuilt this year and are run\nby District Health Office staff trained in the regional hospital, with\nmedicines supplied through the national programme for rural clinics.';
    expect(textToBlocks(pdf).map((b) => b.text)).toEqual([pdf.replace(/\n/gu, ' ')]);
  });

  it('decodes Windows code pages and UTF-16', () => {
    expect(decodeText(Buffer.from([0x47, 0x65, 0x6e, 0xe8, 0x76, 0x65]))).toBe('Genève');
    expect(decodeText(Buffer.from('\ufeffجنيف', 'utf16le'))).toBe('جنيف');
    // A page saved by an old editor and labelled ISO-8859-1 means Windows-1252, as browsers read it.
    expect(decodeText(Buffer.from([0x64, 0x92, 0x65, 0x61, 0x75, 0x20, 0x96, 0x20, 0x31, 0x30, 0x80]), 'iso-8859-1')).toBe('d’eau – 10€');
  });

  it('rebuilds HTML from text only, keeping right-to-left text marked', () => {
    const { blocks } = readHtml('<h1 onclick="x()">عنوان</h1><p>Text <a href="javascript:x()">link</a><img src="http://x/y.png"></p>', { page: false });
    expect(blocksToHtml(blocks)).toBe('<h1 dir="rtl">عنوان</h1>\n<p>Text link</p>');
  });

  it('measures table nesting in Word XML', () => {
    expect(tableNesting('<w:tbl><w:tr><w:tc><w:tbl></w:tbl></w:tc></w:tr></w:tbl><w:tbl/>')).toEqual({ depth: 2, count: 3 });
  });
});

describe('a closing paragraph in which the organisation presents itself', () => {
  const before = 'Lakeside Water Trust opens filter stations. The Lakeside Water Trust (LWT) opened three stations; Fundación Agua Clara and منظمة النور helped.';
  it('is read as the boilerplate when the text already named the organisation, in each language', () => {
    for (const p of [
      'LWT works with villages around the lake to build their own water systems.',
      'Lakeside Water Trust is a charity founded by fishermen in 1987.',
      'Fundación Agua Clara es una organización sin fines de lucro.',
      'منظمة النور هي جمعية أهلية تعمل في القرى الشمالية منذ عام 2001.',
    ]) {
      expect(presentsNamedOrganisation(p, before), p).toBe(true);
    }
  });
  it('is text when the organisation was not named before, when it quotes someone, or when it opens with a pronoun', () => {
    for (const p of [
      'Northfield Council is a partner in the scheme and will pay for the pipes.',
      'Lakeside Water Trust is a "proud partner" of the villages, Nell Avery said.',
      'It is a first step, and more stations will follow.',
      'The stations will open next week.',
    ]) {
      expect(presentsNamedOrganisation(p, before), p).toBe(false);
    }
  });
});

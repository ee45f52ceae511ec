import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';

/**
 * Input no careful person would write but that people paste anyway: it must come back as a
 * draft (or a clear refusal), never as a crash or a hang. How fast is measured in the bench
 * (BENCH_ONLY=import), not here, where a slow shared machine would fail a correct parser.
 */

const enc = (s: string) => new TextEncoder().encode(s);


describe('odd input', () => {
  it('refuses a file of blank lines and reads one of invisible characters as an empty draft', async () => {
    await expect(parseSource({ name: 'blank.txt', bytes: enc('\n\n   \n\t\n\r\n') })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const r = await parseSource({ name: 'zw.txt', bytes: enc('\u200B\n\u00A0\n\uFEFF\u2060\n') });
    expect(r.release.headline).toBeNull();
    expect(r.release.body).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('reads a single giant paragraph without punctuation in reasonable time', async () => {
    const words = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? 'Kasese' : 'water'));
    const value = await parseSource({ name: 'giant.txt', bytes: enc(words.join(' ')) });
    expect(value.release.body.join(' ').length).toBeGreaterThanOrEqual(100_000);
  });

  it('reads a single giant run-on release (sentences, no line breaks)', async () => {
    const sentence = 'Relief teams in Kasese district delivered 4,000 water filters to families this week. ';
    const text = `Press release Filters reach Kasese KASESE, Uganda, 3 March 2026 – ${sentence.repeat(3000)}For more information contact Jane Roe, jroe@hope.example, +256 700 000 111`;
    const value = await parseSource({ name: 'runon.txt', bytes: enc(text) });
    expect(value.release.datelinePlace).toBe('Kasese, Uganda');
    expect(value.contacts.map((c) => c.email)).toEqual(['jroe@hope.example']);
  });

  it('reads fifty contacts (and keeps at most fifty)', async () => {
    const first = ['Amina', 'Bruno', 'Chloé', 'Dawit', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
    const last = ['Abebe', 'Brun', 'Castro', 'Diallo', 'Eriksen', 'Fofana'];
    const people = Array.from({ length: 60 }, (_, i) => `${first[i % 10]} ${last[Math.floor(i / 10)]}, Press Officer, +41 22 555 ${String(1000 + i)}, p${i}@agency.example`);
    const text = `Clinics reopen\n\nGENEVA, 3 March 2026 – Twelve clinics reopened today after repairs that took three months and cost less than planned.\n\nMedia contacts:\n${people.join('\n')}\n`;
    const value = await parseSource({ name: 'many.txt', bytes: enc(text) });
    expect(value.contacts).toHaveLength(50);
    expect(value.contacts[0]).toMatchObject({ name: 'Amina Abebe', role: 'Press Officer', email: 'p0@agency.example' });
    expect(new Set(value.contacts.map((c) => c.email)).size).toBe(50);
  });

  it('reads a one-word place and a date standing alone under the headline as the dateline', async () => {
    const text = ['Le canton verse 2 millions de francs au fonds pour les réfugiés', '', 'Lausanne, le 4 mars 2026', '', 'Communiqué de presse', '', 'Le Conseil d’État a décidé aujourd’hui de verser une contribution de deux millions de francs au fonds cantonal pour les réfugiés.'].join('\n');
    const value = await parseSource({ name: 'lausanne.txt', bytes: enc(text) });
    expect(value.release).toMatchObject({ datelinePlace: 'Lausanne', releaseDate: '2026-03-04' });
    expect(value.release.body[0]).toMatch(/^Le Conseil d’État a décidé/u);
  });

  it('keeps a first paragraph that introduces a statement with a colon in the body', async () => {
    const intro = 'En réaction à la décision rendue ce matin par la cour d’appel de la capitale sur le renvoi du journaliste vers le pays qui le poursuit pour ses articles, la directrice générale de l’organisation a déclaré :';
    const text = ['Renvoi du journaliste : la décision le met en danger', '', intro, '', '« Cette décision expose un journaliste à des années de poursuites pour avoir fait son travail, et elle envoie un message glaçant à tous ceux qui enquêtent sur les abus. »', '', '« Nous demandons aux autorités de revoir cette décision sans attendre et de libérer le journaliste, qui est détenu depuis trois ans. »'].join('\n');
    const value = await parseSource({ name: 'reaction.txt', bytes: enc(text) });
    expect(value.release.body[0]).toBe(intro);
  });

  it('never takes a front-page section name for the headline, and leaves no link separator after the last sentence', async () => {
    const text = ['À la Une', '', 'Les équipes de l’organisation ont distribué cette semaine des kits d’hygiène à plus de 4 000 familles déplacées par les combats dans la province.', '', 'Les distributions se poursuivront tout le mois dans les villages du nord, où l’accès reste difficile. /'].join('\n');
    const value = await parseSource({ name: 'une.txt', bytes: enc(text) });
    expect(value.release.headline).not.toBe('À la Une');
    expect(value.release.body.at(-1)).toMatch(/l’accès reste difficile\.$/u);
  });

  it('reads a release entirely in capitals, names as people write them', async () => {
    const text = [
      'PRESS RELEASE',
      '',
      'CLINICS REOPEN IN KASESE AFTER THE FLOODS',
      '',
      'KASESE, UGANDA, 3 MARCH 2026 – TWELVE CLINICS DAMAGED BY THE FLOODS REOPENED TODAY, SERVING 40,000 PEOPLE IN THE DISTRICT AGAIN.',
      '',
      '"WE ARE OPEN AGAIN AND THE QUEUES ARE ALREADY LONG," SAID DR ROSE ATIM, THE DISTRICT HEALTH OFFICER.',
      '',
      'ABOUT HOPE WATERS',
      'HOPE WATERS IS AN INDEPENDENT HUMANITARIAN ORGANISATION WORKING IN 34 COUNTRIES.',
      '',
      'CONTACT: JANE ROE, PRESS OFFICER, +256 700 000 111, JROE@HOPE.EXAMPLE',
    ].join('\n');
    const r = await parseSource({ name: 'caps.txt', bytes: enc(text) });
    expect(r.release.headline).toBe('CLINICS REOPEN IN KASESE AFTER THE FLOODS');
    expect(r.release.datelinePlace).toBe('Kasese, Uganda');
    expect(r.release.releaseDate).toBe('2026-03-03');
    expect(r.release.quotes).toEqual([{ speaker: 'Rose Atim', text: 'WE ARE OPEN AGAIN AND THE QUEUES ARE ALREADY LONG' }]);
    expect(r.release.boilerplate).toBe('ABOUT HOPE WATERS\n\nHOPE WATERS IS AN INDEPENDENT HUMANITARIAN ORGANISATION WORKING IN 34 COUNTRIES.');
    expect(r.contacts).toEqual([{ name: 'Jane Roe', role: 'PRESS OFFICER', organisation: null, email: 'jroe@hope.example', phone: '+256 700 000 111' }]);
  });

  it('survives lines of only punctuation, quote marks and dashes', async () => {
    const text = '“\n\n”\n\n«\n\n»\n\n– – –\n\n"""\n\n:::\n\n|||\n\nGENEVA –\n\n###';
    const r = await parseSource({ name: 'marks.txt', bytes: enc(text) });
    expect(r.release.quotes).toEqual([]);
    expect(r.release.endMark).toBe('###');
  });

  it('reads a page whose every paragraph is a quote opening without closing', async () => {
    const text = `Headline here\n\nGENEVA, 3 March 2026 – Teams arrived today in the district.\n\n${'“This goes on and on and never closes its quote\n\n'.repeat(200)}`;
    const value = await parseSource({ name: 'open.txt', bytes: enc(text) });
    expect(value.release.quotes.length).toBeLessThanOrEqual(1);
  });

  it('keeps the short paragraphs under a share row that stands below the lead alone', async () => {
    const page = [
      'Clinic opens in the river town',
      'The Harrowgate Health Trust opened a clinic in the river town on Monday, the first in the district since the floods of last year destroyed the old health post and its stores.',
      'Share',
      'Print',
      'The clinic will open every weekday.',
      'Two nurses and a midwife will run it.',
    ].join('\n\n');
    const r = await parseSource({ name: 'share-under-lead.txt', bytes: enc(page) });
    expect(r.release.body.slice(-2)).toEqual(['The clinic will open every weekday.', 'Two nurses and a midwife will run it.']);
  });

  it('takes no dateline from a part heading (names, a date, a country) under three paragraphs of running text', async () => {
    const text = [
      'Ten releases that counted for a free press this year',
      'The year saw more reporters detained than any before it, but also many set free, most of them after long campaigns by their colleagues and by press freedom groups around the world.',
      'Prison remains the favourite tool of those who fear the press: more than five hundred reporters are still held today, a rise of seven per cent in a single year.',
      '"The fight is long, but it works, and we are proud of every reporter who walked out of a cell this year," said the director of the Free Press Watch.',
      'Mira Castell et Jonas Weir - 14 janvier - Marram',
      'The two reporters were released on bail after fifteen months in prison, where they had been held for covering the protests in the capital.',
    ].join('\n\n');
    const r = await parseSource({ name: 'list.txt', bytes: enc(text) });
    expect(r.release.datelinePlace).toBeNull();
    expect(r.release.body.join(' ')).toContain('Prison remains the favourite tool');
  });
  it("leaves out a writer's name and address set inside the text, but keeps contacts a label names there", async () => {
    const lead = 'The Green Cross opened two kitchens on Monday in the villages where the June frost killed the crops and most of the animals of a thousand families.';
    const rest = [
      'Each kitchen will serve three hundred meals a day for at least three months, with food bought from farmers in the region whose harvest was spared.',
      'The teams are also handing out blankets and warm clothes to children and older people, the Green Cross said in a statement on Tuesday.',
    ];
    const box = ['Ana Ruiz Torres', 'newsdesk@dailyplateau.example'];
    const writer = await parseSource({ name: 'writer.txt', text: ['Green Cross opens two kitchens for families hit by frost', lead, ...box, ...rest].join('\n\n') });
    expect(writer.contacts).toEqual([]);
    expect(writer.release.body).toEqual([lead, ...rest]);
    const labelled = await parseSource({ name: 'labelled.txt', text: ['Green Cross opens two kitchens for families hit by frost', lead, `Media contact: ${box[0]}`, box[1], ...rest].join('\n\n') });
    expect(labelled.contacts.map((c) => c.email)).toEqual(['newsdesk@dailyplateau.example']);
  });
  it('reads key points set as bullets above the lead as the summary, and the same bullets under the lead as the body', async () => {
    const title = 'The housing ministry opens an emergency fund for families forced out by the rains';
    const points = [
      '- About 1,200 families of the Serra valley can ask for help with their rent for six months while their flooded homes are repaired.',
      '- Requests are made at the town halls until 30 April, with the rental contract and a report from the town on the state of the house.',
    ];
    const lead = 'The housing ministry opened on Tuesday an emergency fund of twelve million euros for the families who had to leave their homes after the March rains in the Serra valley.';
    const more = 'The town halls will collect the requests and send them to the ministry, which has promised to answer each one within fifteen days.';
    const above = await parseSource({ name: 'above.txt', text: [title, ...points, lead, more].join('\n\n') });
    expect(above.release.body[0]).toBe(lead);
    expect(above.release.subheadline).toContain('About 1,200 families');
    const under = await parseSource({ name: 'under.txt', text: [title, lead, ...points, more].join('\n\n') });
    expect(under.release.body).toHaveLength(4);
    expect(under.release.body[1]).toMatch(/^About 1,200 families/u);
  });

  it('dates a release by the date nearest its text when the header gives two, and by the only one otherwise', async () => {
    const title = 'Volunteers reopen the river crossing at Tarn Ferry';
    const lead = 'Volunteers of the valley relief society reopened the river crossing at Tarn Ferry on Friday, after three weeks in which the villages on the far bank could be reached only on foot.';
    const more = 'The society will keep two boats at the crossing until the bridge is repaired, its coordinator said.';
    const two = await parseSource({ name: 'two.txt', text: ['Posted: Tue 17 Mar 2026 08:05 AM', title, '13 March 2026', lead, more].join('\n\n') });
    expect(two.release.releaseDate).toBe('2026-03-13');
    const one = await parseSource({ name: 'one.txt', text: ['Posted: Tue 17 Mar 2026 08:05 AM', title, lead, more].join('\n\n') });
    expect(one.release.releaseDate).toBe('2026-03-17');
    // A line saying when the page was last changed still dates nothing.
    const updated = await parseSource({ name: 'updated.txt', text: ['13 March 2026', title, 'Last updated: 17 March 2026', lead, more].join('\n\n') });
    expect(updated.release.releaseDate).toBe('2026-03-13');
  });
});

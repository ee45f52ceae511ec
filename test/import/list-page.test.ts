import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../electron/core/import/blocks';
import { classify } from '../../electron/core/import/classify';
import { LIST_POINTS, listPageEvidence } from '../../electron/core/import/pagekind';
import { parseSource } from '../../electron/core/import/parse';
import { CORPUS_DIR } from './corpus-helpers';

/**
 * A page that lists other stories is refused on positive evidence of a list (pagekind.ts): two
 * marks of a list or more, and none of a release's own. The pages are invented in the shapes
 * real list pages take.
 */

const evidenceOf = (text: string, ownMarks = 0, placed = false) => {
  const blocks = textToBlocks(text);
  return listPageEvidence(
    blocks.map((b, i) => classify(b, i)),
    blocks.map((b) => b.text),
    ownMarks,
    placed,
  );
};

const TEASER =
  'Heavy rain has cut the road to the northern villages for a third day, and volunteers are carrying food and water to the families on foot while the engineers wait for the river to drop.';

describe('the marks of a list page', () => {
  it('counts a heading naming a collection, a single short teaser and a count of results, one point each', () => {
    const list = evidenceOf(['Latest media releases', 'Volunteers carry food to villages cut off by the rain', TEASER, 'Displaying 1 - 1 of 640'].join('\n\n'));
    expect(list.marks).toEqual(['links', 'heading', 'oneTeaser']);
    expect(list.heading).toBe('Latest media releases');
    expect(list.points).toBe(3);
  });

  it('refuses only when one of the marks shows items or a teaser cut short, not on a site\'s furniture and a short text', () => {
    const furniture = evidenceOf(['Latest media releases', 'Volunteers carry food to villages cut off by the rain', TEASER, 'Displaying 1 - 1 of 640'].join('\n\n'));
    expect(furniture.points).toBeGreaterThanOrEqual(LIST_POINTS);
    expect(furniture.refuse).toBe(false);
    const cut = evidenceOf(['Latest media releases', 'Volunteers carry food to villages cut off by the rain', `${TEASER.slice(0, -1)} of the…`, 'Displaying 1 - 1 of 640'].join('\n\n'));
    expect(cut.marks).toEqual(['links', 'heading', 'oneTeaser', 'cut']);
    expect(cut.refuse).toBe(true);
  });

  it('never refuses on one mark alone, nor when a release’s own mark is on the page', () => {
    const one = evidenceOf(['Volunteers carry food to villages cut off by the rain', TEASER].join('\n\n'));
    expect(one.marks).toEqual(['oneTeaser']);
    expect(one.points).toBeLessThan(LIST_POINTS);
    expect(one.refuse).toBe(false);
    const owned = evidenceOf(['Latest media releases', 'Volunteers carry food to villages cut off by the rain', `${TEASER.slice(0, -1)} of the…`, 'Displaying 1 - 1 of 640'].join('\n\n'), 1);
    expect(owned.points).toBe(4);
    expect(owned.refuse).toBe(false);
  });

  it('does not take a menu entry for the collection’s heading', () => {
    const menu = evidenceOf(['Press centre', 'News', 'Events', 'Publications', 'Volunteers carry food to villages cut off by the rain', TEASER].join('\n'));
    expect(menu.heading).toBeNull();
    expect(menu.marks).toEqual(['oneTeaser']);
  });

  it('counts one point for each item under its own date past the first', () => {
    const items = [
      'Open day at the blood donation centre in the old town',
      '12/03/2024',
      'The centre opens its doors to the public on Saturday morning. Donors and their families can visit the laboratory and meet the nurses who run the mobile clinics across the province.',
      'First aid training for schoolteachers in the river district',
      '19/03/2024',
      'Teachers from twelve schools will spend two afternoons learning how to treat burns, cuts and fractures, and how to keep a child breathing until the ambulance arrives at the school gate.',
      'A concert for the families who lost their homes in the floods',
      '26/03/2024',
      'Musicians from the conservatory give their evening to the appeal. The tickets are sold at the town hall and all of the money goes to the families who are still living in the school gymnasium.',
    ].join('\n\n');
    const list = evidenceOf(items);
    expect(list.dated).toBe(3);
    // Each title is long and over one short paragraph: titled teasers too.
    expect(list.marks).toEqual(['dated', 'teasers']);
    expect(list.points).toBe(3);
    expect(list.refuse).toBe(true);
  });

  it('counts dates each straight over one teaser as items under their own date, the same day repeated and some over no teaser', () => {
    const second = 'The port authority will waive its fees on relief cargo for six months, which the society expects to cut the cost of each shipment to the islands by nearly a fifth.';
    const third = 'Volunteers in the hill districts have trained four hundred teachers in first aid since January, and the society means to reach every secondary school in the province.';
    const list = evidenceOf(['• 14 May 2026', TEASER, '• 14 May 2026', '• 14 May 2026', second, '• 13 May 2026', third].join('\n'));
    expect(list.dated).toBe(3);
    expect(list.marks).toEqual(['dated']);
    expect(list.refuse).toBe(true);
    // A release's date stands over its paragraphs, which run on under it: one item at most, no point.
    const release = evidenceOf(['Volunteers carry food to villages cut off by the rain', '14 May 2026', TEASER, second, third].join('\n\n'));
    expect(release.marks).toEqual([]);
    expect(release.refuse).toBe(false);
  });

  it('reads the one paragraph of a page showing a count of results as cut when it stops on a bare word, and a copy stopped so elsewhere as no list', () => {
    const open = `${TEASER} In the meantime, the families who stayed in the villages were`;
    const listed = evidenceOf(['Displaying 1 - 4 of 4', '| Story', 'Volunteers carry food to villages cut off by the rain', open].join('\n\n'));
    expect(listed.marks).toEqual(['links', 'oneTeaser', 'cut']);
    expect(listed.refuse).toBe(true);
    // A person may stop a copy on a bare word: with no list's links or counter, that is no cut.
    const copied = evidenceOf(['Volunteers carry food to villages cut off by the rain', open].join('\n\n'));
    expect(copied.marks).toEqual(['oneTeaser']);
    expect(copied.refuse).toBe(false);
    // Under the counter, a paragraph that closes its sentence is furniture and a short text.
    expect(evidenceOf(['Displaying 1 - 4 of 4', '| Story', 'Volunteers carry food to villages cut off by the rain', TEASER].join('\n\n')).refuse).toBe(false);
  });

  it('reads a teaser cut straight after a word, or stopping on a comma, as text cut short', () => {
    expect(evidenceOf(['Volunteers carry food to villages cut off by the rain', TEASER, 'The regional director said in a statement…'].join('\n')).marks).toEqual(['oneTeaser', 'cut']);
    expect(evidenceOf(['Volunteers carry food to villages cut off by the rain', `${TEASER} In the meantime, the families,`, 'Top'].join('\n\n')).marks).toEqual(['oneTeaser', 'cut']);
    // A paragraph that closes its sentence, or a wire's tag after it, is not cut.
    expect(evidenceOf(['Volunteers carry food to villages cut off by the rain', `${TEASER} /ATS`].join('\n\n')).marks).toEqual(['oneTeaser']);
  });

  it('counts a run of titles under the page’s only paragraph', () => {
    const list = evidenceOf(
      [
        TEASER,
        'Other articles',
        '-',
        'Floods: the river breaks its banks for the second time this month',
        '-',
        'Two aid workers freed after a week in the hands of an armed group',
        '-',
        'Cholera: vaccination teams reach the last camps of the eastern province',
      ].join('\n'),
    );
    expect(list.marks).toEqual(['oneTeaser', 'titles']);
    expect(list.refuse).toBe(true);
  });

  it('counts paragraphs each opening with a dateline of its own as the leads of several stories, worth a refusal alone', () => {
    const leads = evidenceOf([`NAIROBI – ${TEASER}`, `ROME – ${TEASER}`].join('\n\n'), 1, true);
    expect(leads.marks).toEqual(['leads']);
    expect(leads.leads).toBe(2);
    expect(leads.points).toBe(LIST_POINTS);
    // The dateline the reading found is one of theirs, so it is no mark of a single release.
    expect(leads.refuse).toBe(true);
    // Another mark of a release (a media contact) still keeps the page.
    expect(evidenceOf([`NAIROBI – ${TEASER}`, `ROME – ${TEASER}`].join('\n\n'), 2, true).refuse).toBe(false);
  });

  it('counts a dateline only once however often it opens a paragraph, and never a title with a dash', () => {
    // A wire's dateline set again on the next paragraph names one place and one day.
    expect(evidenceOf([`GENEVA, 3 March 2026 – ${TEASER}`, `GENEVA, 3 March 2026 – ${TEASER}`].join('\n\n'), 1, true).leads).toBe(1);
    // "Floods in the north - The government announces …" reads like a place and its text, but in
    // ordinary case, with no date and no brackets, it is a title: only the release's own counts.
    const titled = evidenceOf(['Floods in the north - The government announces emergency aid of two million for the families whose homes were flooded', `WINNIPEG, 14 Sept. 2026 – ${TEASER}`].join('\n\n'), 1, true);
    expect(titled.leads).toBe(1);
    expect(titled.refuse).toBe(false);
    // "(Quito, 4 March 2021) –" and "(Valencia) –": datelines in brackets, as some organisations write them.
    expect(evidenceOf([`(Quito, 4 March 2021) – ${TEASER}`, `(Valencia) – ${TEASER}`].join('\n\n'), 1, true).leads).toBe(2);
  });

  it('counts an agenda’s days named without the year ("Lundi 6 octobre") as items under their own date', () => {
    const agenda = evidenceOf(
      [
        'Le calendrier des rencontres de la semaine.',
        'Lundi 6 octobre',
        '> Santé : la ministre inaugure le nouveau centre de vaccination de Lons',
        TEASER,
        'Mardi 7 octobre',
        '> Eau potable : un plan pour les communes de montagne',
        TEASER,
        'Mercredi 8 octobre',
        '> Les apprentis du bâtiment exposent leurs ouvrages à Dole',
        TEASER,
      ].join('\n\n'),
    );
    expect(agenda.dated).toBe(3);
    expect(agenda.marks).toContain('dated');
    expect(agenda.refuse).toBe(true);
    // A day named with its year is a date the reading knows already; one alone is no list.
    expect(evidenceOf(['Lundi 6 octobre', '> Santé : la ministre inaugure le nouveau centre de Lons', TEASER].join('\n\n')).dated).toBeLessThan(2);
  });

  it('does not count a release’s sections under short subheadings as titled teasers', () => {
    const release = [
      'Vaccination campaign reaches children in the mountain districts',
      'The health ministry and its partners have vaccinated more than forty thousand children against measles in the mountain districts since the campaign began at the start of the month.',
      'Mobile teams in remote valleys',
      'Teams travel on foot and by mule to the villages the roads do not reach, carrying the vaccines in cold boxes that keep them safe for three days.',
      'Schools as vaccination points',
      'In the towns, the schools serve as vaccination points on Saturdays, when parents can bring children who are not yet of school age as well.',
    ].join('\n\n');
    expect(evidenceOf(release).marks).toEqual([]);
  });
});

describe('a page listing other stories, imported', () => {
  it('refuses a collection’s heading over a single teaser cut short and its counter, saying what it saw', async () => {
    // The teaser closes its first sentences and is cut in the next, set on its own line.
    const text = ['Latest media releases', 'Volunteers carry food to villages cut off by the rain', TEASER, 'The regional director said in a statement…', 'Displaying 1 - 1 of 640'].join('\n\n');
    const refused = parseSource({ name: 'list.txt', text });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'list', marks: 'links,heading,oneTeaser,cut', heading: 'Latest media releases' } });
    await expect(refused).rejects.toThrow(/reads like a page listing other stories \("Read more" links or a count of results, the heading "Latest media releases", one short paragraph of running text at most, text cut off in the middle of a sentence\).*nothing was imported/u);
    // "Import it anyway" reads the page as it is.
    const read = await parseSource({ name: 'list.txt', text, allowNotARelease: true });
    expect(read.release.body.join('\n')).toContain('volunteers are carrying food');
  });

  it('refuses such pages in French, Spanish and Arabic', async () => {
    const pages = [
      ['Actualités', 'Des bénévoles portent des vivres aux villages coupés par la pluie', 'Les pluies ont coupé la route des villages du nord pour le troisième jour, et les bénévoles de la section locale portent à pied la nourriture, les médicaments et l’eau potable aux familles isolées.', 'La directrice régionale a déclaré dans un communiqué…', 'Lire la suite'],
      ['Comunicados de prensa', 'Voluntarios llevan alimentos a los pueblos aislados por la lluvia', 'Las lluvias han cortado por tercer día la carretera de los pueblos del norte, y los voluntarios de la delegación local llevan a pie comida, medicinas y agua potable a las familias aisladas.', 'La directora regional dijo en un comunicado...', 'Leer más'],
      ['آخر الأخبار', 'متطوعون يحملون الغذاء إلى القرى المعزولة بسبب الأمطار', 'قطعت الأمطار الطريق إلى القرى الشمالية لليوم الثالث على التوالي، ويحمل المتطوعون من الفرع المحلي الغذاء والدواء ومياه الشرب إلى الأسر المعزولة سيرًا على الأقدام.', 'وجاء في بيان المدير الإقليمي…', 'اقرأ المزيد'],
    ];
    for (const page of pages) {
      await expect(parseSource({ name: 'list.txt', text: page.join('\n\n') }), page[0]).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'list', marks: 'links,heading,oneTeaser,cut' } });
    }
  });

  it('still reads a one-paragraph release under a "News" heading when it opens with its dateline or names a media contact', async () => {
    const datelined = ['News', 'Volunteers carry food to villages cut off by the rain', `GENEVA, 4 March 2024 – ${TEASER}`].join('\n\n');
    expect((await parseSource({ name: 'news.txt', text: datelined })).release.datelinePlace).toBe('Geneva');
    const contact = ['News', 'Volunteers carry food to villages cut off by the rain', TEASER, 'Read more', 'Media contact: Ana Ruiz, ana.ruiz@example.org'].join('\n\n');
    expect((await parseSource({ name: 'news.txt', text: contact })).contacts.map((c) => c.email)).toEqual(['ana.ruiz@example.org']);
  });

  it('still reads a release under a "News" heading that closes on other stories, each over its "Read more" link', async () => {
    const text = [
      'News',
      'Volunteers carry food to villages cut off by the rain',
      TEASER,
      'The society has asked the regional council for two boats so that the teams can reach the farms on the far bank before the next storm arrives at the end of the week.',
      'Related stories',
      'Blood donors answer the call after the motorway crash near the border',
      'Hundreds of people queued outside the hospital on Sunday to give blood after the crash.',
      'Read more',
      'Schoolchildren learn first aid in a new programme run by volunteers',
      'Forty schools have joined the programme in its first year, and more are waiting to start.',
      'Read more',
    ].join('\n\n');
    const read = await parseSource({ name: 'news.txt', text });
    expect(read.release.headline).toBe('Volunteers carry food to villages cut off by the rain');
    expect(read.release.body.join('\n')).toContain('two boats');
  });

  it('still reads the corpus\'s one-paragraph releases (cases 220, 221, 223) with their dateline or media contact taken out: furniture and a short text never refuse', async () => {
    const without: [string, (text: string) => string][] = [
      ['220-fr-section-heading-one-paragraph-dateline.txt', (t) => t.replace('Valmont, 12 février 2026 – ', '')],
      ['221-en-one-paragraph-read-more-contact.txt', (t) => t.replace(/\nMedia contact:.*\n/u, '\n')],
      ['223-ar-latest-news-heading-one-paragraph-contact.txt', (t) => t.replace(/\nللتواصل الإعلامي:.*\n/u, '\n')],
    ];
    for (const [name, strip] of without) {
      const text = readFileSync(join(CORPUS_DIR, name), 'utf8');
      const stripped = strip(text);
      expect(stripped, name).not.toBe(text);
      const read = await parseSource({ name, text: stripped });
      expect(read.release.body, name).toHaveLength(1);
    }
  });

  it('refuses case 222 with its dateline taken out, as a paragraph over other stories\' titles and nothing of a release', async () => {
    const text = readFileSync(join(CORPUS_DIR, '222-es-one-paragraph-other-news-titles.txt'), 'utf8').replace('Tarapoto, 14 de mayo de 2026.- ', '');
    const list = evidenceOf(text);
    expect(list.marks).toEqual(['oneTeaser', 'titles']);
    expect(list.refuse).toBe(true);
    // The older rule for an index of titles refuses it first.
    await expect(parseSource({ name: '222.txt', text })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';

/**
 * A page with no release in it (a news index, a search result page) is refused with a message
 * that says so, rather than stored with a junk headline. The pages are invented in the shapes
 * real sites use.
 */

const TEASER =
  'The organisation and its partners reached families in the district this week with water, food and shelter, and teams are now assessing the needs of the villages further up the valley.';

describe('a page with no release in it', () => {
  it('refuses a news index of titles, each with one teaser paragraph', async () => {
    const page = [
      'News releases',
      'The latest statements from our teams around the world.',
      ...['Floods cut off three districts as rivers rise in the east', 'Clinics reopen in the north after two years of closure', 'New survey maps the households most at risk of eviction', 'Volunteers train to answer the cholera hotline day and night'].flatMap((t) => [t, TEASER]),
    ].join('\n');
    const refused = parseSource({ name: 'index.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    await expect(refused).rejects.toThrow(/no single release: it lists 4 items/u);
  });

  it('refuses a list of teasers that each open with their own dateline', async () => {
    const page = ['Press releases', 'NAIROBI – ' + TEASER, 'GENEVA – ' + TEASER, 'AMMAN – ' + TEASER].join('\n\n');
    await expect(parseSource({ name: 'list.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('refuses an index whose titles have one-line teasers, even where a title opens with a country like a dateline', async () => {
    const page = [
      'Open around the clock for journalists',
      'LATEST NEWS',
      'MALAWI - Pupils leave flooded schools as the lake reaches its highest level in decades',
      'Forty classrooms were damaged overnight.',
      'FAMILIES QUEUE FOR WATER AT TRUCKS AS THE PIPELINE STAYS CLOSED FOR A THIRD WEEK',
      'Shops are empty and prices have doubled since the start of the month in the city centre.',
      '"We left because of the drought and the drought came with us": mothers in the camps speak',
      'Young people ask for a ceasefire as schools in the region stay closed for another term',
    ].join('\n\n');
    await expect(parseSource({ name: 'newsroom.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('refuses a search result page whose cards ran tag, title and teaser together when copied', async () => {
    const page = [
      'RefugeesFire destroys a transit camp on the island housing 9,000 peopleA fire that broke out overnight in the transit camp destroyed most of the tents and the clinic, aid groups said',
      'VolunteersThe king thanks aid workers on their dayThe king received a group of aid workers at the palace on Tuesday and thanked them for their work in the field',
      'PandemicCharities warn that the virus deepens hunger in the SahelAid groups warned that lockdowns have cut incomes across the Sahel and asked donors to fund food aid now',
      'AsylumThe ministry decides 40,000 asylum claims this yearThe asylum office has decided more claims this year than in any year since it opened, the ministry said',
    ].join('\n');
    await expect(parseSource({ name: 'search.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('still reads a release that names brands with capitals inside a word', async () => {
    const page = [
      'ShelterBox and AidLink send tents to the flooded valley',
      'NAIROBI – ShelterBox and AidLink sent 2,000 tents to the valley this week, where the floods left 40,000 people without shelter, and ShelterBox teams will stay to train families to put them up.',
      'AidLink trucks carried the tents from the port in two days, and ShelterBox staff checked every load before it left the warehouse in the capital.',
      'Both organisations will report on the response at the end of the month.',
    ].join('\n\n');
    const r = await parseSource({ name: 'brands.txt', text: page });
    expect(r.release.headline).toBe('ShelterBox and AidLink send tents to the flooded valley');
    expect(r.release.body).toHaveLength(3);
  });

  it('refuses a list of dated teasers, one paragraph under each date', async () => {
    const page = ['Communiqués de presse', 'Jeudi 5 mars 2026', TEASER, 'Mercredi 4 mars 2026', TEASER, 'Lundi 2 mars 2026', TEASER].join('\n\n');
    await expect(parseSource({ name: 'dated.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('still reads a release that repeats its title and has short subheadings between single paragraphs', async () => {
    const title = 'Water returns to the old town after the earthquake of last spring';
    const page = [title, 'By the press office', title, title, TEASER, 'Pipes repaired in the hills', TEASER, 'What comes next', TEASER].join('\n\n');
    const r = await parseSource({ name: 'release.txt', text: page });
    expect(r.release.headline).toBe(title);
    expect(r.release.body[0]).toBe(TEASER);
  });

  it('still reads a release whose sections each have a subheading and one paragraph', async () => {
    const page = [
      'Water returns to the old town after the earthquake',
      'GENEVA – ' + TEASER,
      'Repairs',
      TEASER,
      'Next steps',
      TEASER,
    ].join('\n');
    const r = await parseSource({ name: 'release.txt', text: page });
    expect(r.release.headline).toBe('Water returns to the old town after the earthquake');
    expect(r.release.datelinePlace).toBe('Geneva');
    expect(r.release.body).toHaveLength(5);
  });

  it('refuses an index of titles over teasers cut short, even when the last teaser opens with its dateline', async () => {
    const cut = (t: string) => `${`${t} ${TEASER}`.slice(0, 230).trimEnd()}…`;
    const page = [
      'Press Releases',
      'Families return to the valley as the river falls back',
      cut(TEASER),
      'Clinics reopen in the north after two years of closure',
      cut(TEASER),
      'New survey maps the households most at risk of eviction',
      cut(TEASER),
      'Volunteers train to answer the cholera hotline day and night',
      cut(`NAIROBI, 3 March 2026 – ${TEASER}`),
    ].join('\n\n');
    await expect(parseSource({ name: 'cut-teasers.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('still reads a release whose dateline is followed by key facts as bullets and a short text', async () => {
    const page = [
      'Red Crescent kitchens have served five million meals since the spring',
      'ANKARA – The society’s president, at its general assembly:',
      '- The kitchens served five million meals to families in the camps this year',
      '- Mobile clinics reached forty villages that had no doctor for months',
      '- Volunteers from every province joined the teams in the south of the country',
      'The president of the Red Crescent said on Monday that its kitchens had served five million meals since the spring, and that the teams would stay as long as families needed them.',
      'He spoke at the general assembly of the society in the capital.',
    ].join('\n\n');
    const r = await parseSource({ name: 'bullets.txt', text: page });
    expect(r.release.headline).toBe('Red Crescent kitchens have served five million meals since the spring');
    expect(r.release.datelinePlace).toBe('Ankara');
  });

  it('refuses a list of results whose paragraphs each open with a title in capitals run into the text', async () => {
    const page = [
      'News, stories and publications from the relief agency',
      `CLINICS REOPEN IN THE NORTH AFTER TWO YEARS MOPTI – ${TEASER}`,
      `VOLUNTEERS TRAIN TO ANSWER THE CHOLERA HOTLINE GAO – ${TEASER}`,
      `NEW SURVEY MAPS THE HOUSEHOLDS MOST AT RISK KAYES - ${TEASER}`,
    ].join('\n\n');
    await expect(parseSource({ name: 'results.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { items: 3 } });
  });

  it('still reads a release opening with a dateline in capitals, and one written all in capitals', async () => {
    const title = 'Families return to the valley as the river falls back';
    const dated = [title, `UNITED NATIONS, NEW YORK, 3 March 2026 – ${TEASER}`, TEASER, TEASER].join('\n\n');
    expect((await parseSource({ name: 'dated.txt', text: dated })).release.headline).toBe(title);
    const shouted = [title.toUpperCase(), ...[1, 2, 3].map(() => `THE RED CRESCENT SAID ON MONDAY THAT ${TEASER.toUpperCase()}`)].join('\n\n');
    expect((await parseSource({ name: 'capitals.txt', text: shouted })).release.body).toHaveLength(3);
  });

  it('refuses a page of frequently asked questions', async () => {
    const page = [
      'Frequently asked questions',
      'How do I reach the press office?',
      'Journalists can write to the press office at any time. Questions are passed to the officer who covers the subject and answered the same day where possible.',
      'Can I ask questions in French or Arabic?',
      'Yes. The press officers answer in English, French and Arabic, and other languages in writing.',
      'How do I receive press releases by e-mail?',
      'Register on the subscription page and choose the subjects and regions you follow.',
    ].join('\n');
    await expect(parseSource({ name: 'faq.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('refuses an index whose teasers each end in a "Read news - title" link', async () => {
    const page = [
      'Latest content: Director-General',
      '',
      'The Director-General welcomed the agreement reached by the parties on the safe passage of relief convoys and urged all sides to keep it.',
      'Read news - Director-General welcomes agreement on relief convoys',
      'Speaking at the opening of the regional conference, the Director-General called for more support for countries hosting large numbers of refugees.',
      'Read news - Director-General calls for support to host countries',
      'On World Water Day, the Director-General reminded governments that one in four people still lacks safe drinking water at home.',
      "Read news - 'Water is a right, not a privilege': Director-General on World Water Day",
    ].join('\n');
    await expect(parseSource({ name: 'read-news.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('refuses a tag page that shows its first story in full, saying what it saw and that the article can be pasted alone', async () => {
    const page = [
      'Skip to main content',
      'We use cookies to give you the best experience on our website, to remember your choices and to measure how the site is used. By continuing to browse you accept our use of cookies.',
      'Tag: floods',
      'River levels fall in the east as families return to their villages',
      TEASER,
      'Engineers from the water board began checking the bridges on Monday, and the district council said the main road would reopen within the week.',
      'Schools in the valley will stay closed until the classrooms have been cleaned and the wells tested.',
    ].join('\n\n');
    const refused = parseSource({ name: 'tag.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'archive', heading: 'Tag: floods' } });
    await expect(refused).rejects.toThrow(/its heading "Tag: floods" .* copy the article's own text alone and paste it; nothing was imported/u);
  });

  it('refuses a saved tag page whose heading is its h1 over the stories filed under it', async () => {
    const html = [
      '<!doctype html><html><head><title>floods Archives - Lakeside News</title></head><body>',
      '<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Tag: floods</h1>',
      `<article><h2><a href="/a">River levels fall in the east as families return to their villages</a></h2><p>${TEASER}</p></article>`,
      `<article><h2><a href="/b">Clinics reopen in the north after two years of closure</a></h2><p>${TEASER}</p></article>`,
      '</main></body></html>',
    ].join('');
    await expect(parseSource({ name: 'tag.html', html })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'archive' } });
  });

  it('refuses tag and search pages headed in Spanish, French and Arabic', async () => {
    for (const heading of ['Etiqueta: migrantes', 'Étiquette : réfugiés', 'الوسم: اللاجئين', 'Résultats de recherche pour : inondations']) {
      const page = [heading, 'River levels fall in the east as families return to their villages', TEASER, TEASER].join('\n\n');
      await expect(parseSource({ name: 'tag.txt', text: page }), heading).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'archive' } });
    }
  });

  it("refuses a blog's page of posts under a label, even when its first post is shown in full with its date", async () => {
    const title = 'Families return to the valley as the river falls back';
    for (const heading of [
      'Showing posts with label floods. Show all posts',
      'Mostrando entradas con la etiqueta #inundaciones. Mostrar todas las entradas',
      'Affichage des articles dont le libellé est inondations. Afficher tous les articles',
      'عرض الرسائل ذات التسميات فيضانات. إظهار كافة الرسائل',
    ]) {
      const page = [heading, 'Monday, 2 March 2026', title, TEASER, TEASER].join('\n\n');
      const refused = parseSource({ name: 'label.txt', text: page });
      await expect(refused, heading).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'archive', heading: heading.split('.')[0] } });
    }
  });

  it('still reads a release under a tag heading when it dates its text or names a media contact', async () => {
    const title = 'River levels fall in the east as families return to their villages';
    const dated = ['Tag: floods', title, 'GENEVA, 3 March 2026 – ' + TEASER, TEASER].join('\n\n');
    expect((await parseSource({ name: 'dated.txt', text: dated })).release.headline).toBe(title);
    const contact = ['Tag: floods', title, TEASER, TEASER, 'Media contact: Amina Dole, press officer, amina.dole@example.org'].join('\n\n');
    expect((await parseSource({ name: 'contact.txt', text: contact })).release.headline).toBe(title);
  });

  it('still reads a release that lists its own tags, above the title or under the text', async () => {
    const title = 'River levels fall in the east as families return to their villages';
    for (const page of [['Tags: floods, water', title, TEASER, TEASER], [title, TEASER, TEASER, 'Tag: floods']]) {
      expect((await parseSource({ name: 'tags.txt', text: page.join('\n\n') })).release.headline).toBe(title);
    }
  });

  it('refuses a page whose stories are each cut to a teaser over a "Read more" link, saying what it saw', async () => {
    const stories = ['Floods cut off three districts as rivers rise in the east', 'Clinics reopen in the north after two years of closure', 'New survey maps the households most at risk of eviction'];
    const page = ['Water', ...stories.flatMap((t) => [t, TEASER, 'Read more', '14 March 2026 10:02'])].join('\n');
    const refused = parseSource({ name: 'tag.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    await expect(refused).rejects.toThrow(/stories are cut short, with 3 "Read more" links under them.*paste it; nothing was imported/u);
    const arabic = ['المياه', ...stories.flatMap((t) => [t, TEASER, 'المزيد'])].join('\n');
    await expect(parseSource({ name: 'ar.txt', text: arabic })).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
  });

  it('refuses a list of results under a page counter with one teaser and its "Leer más" link', async () => {
    const page = ['Global', 'Mostrando 21 - 30 de 30', '| Nota de prensa', 'Las inundaciones cortan tres distritos en el este', TEASER, 'Leer más', '| Nota de prensa', 'Las clínicas reabren en el norte', 'GINEBRA, 3 de marzo de 2026 – ' + TEASER].join('\n\n');
    const refused = parseSource({ name: 'results.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    await expect(refused).rejects.toThrow(/a "Read more" link under a page counter/u);
  });

  it('still reads a release that closes on other stories, each over a "Read more" link', async () => {
    const title = 'River levels fall in the east as families return to their villages';
    const page = [title, TEASER, TEASER, 'More news', 'Clinics reopen in the north after two years of closure', TEASER, 'Read more', 'New survey maps the households most at risk of eviction', TEASER, 'Read more'].join('\n\n');
    const read = await parseSource({ name: 'release.txt', text: page });
    expect(read.release.headline).toBe(title);
    expect(read.release.body[0]).toBe(TEASER);
  });

  it('still reads a release under a page counter whose lead has one "Read more" link', async () => {
    const title = 'River levels fall in the east as families return to their villages';
    const page = ['Displaying 1 - 20 of 48', title, 'GENEVA, 3 March 2026 – ' + TEASER, TEASER, 'Read more'].join('\n\n');
    expect((await parseSource({ name: 'counter.txt', text: page })).release.headline).toBe(title);
  });

  it('refuses a page whose only running text is an excerpt cut with "[…]", saying so', async () => {
    const refused = parseSource({ name: 'excerpt.txt', text: `${TEASER.slice(0, -1)} and the first results […]` });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE' });
    await expect(refused).rejects.toThrow(/its only text is the opening of a story, cut short with "\[…\]".*paste it; nothing was imported/u);
  });

  it('refuses a category page whose one teaser is cut short with "…", "..." or "… اقرأ المزيد", saying what it saw', async () => {
    const title = 'Families return to the valley as the river falls back';
    const cut = `${TEASER.slice(0, -1)} and the first results of the survey show that…`;
    const refused = parseSource({ name: 'category.txt', text: [title, cut].join('\n\n') });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'excerpts', excerpts: 1, mark: '…' } });
    await expect(refused).rejects.toThrow(/its only text is the opening of a story, cut short with "…".*paste it; nothing was imported/u);
    await expect(parseSource({ name: 'dots.txt', text: [title, `${TEASER.slice(0, -1)} and the first results of the survey show that ...`].join('\n\n') })).rejects.toMatchObject({ params: { mark: '...' } });
    const arabic = ['عودة الأسر إلى الوادي مع انحسار مياه النهر', 'وصلت فرق الجمعية هذا الأسبوع إلى الأسر في المنطقة بالمياه والغذاء والمأوى، وتعمل الفرق الآن على تقييم احتياجات القرى الواقعة في أعلى الوادي بعد أن غمرت المياه الحقول والطرق طوال الأسبوع الماضي وقطعت…  اقرأ المزيد'];
    await expect(parseSource({ name: 'ar.txt', text: arabic.join('\n\n') })).rejects.toMatchObject({ params: { reason: 'excerpts' } });
  });

  it('still reads a release whose one paragraph closes its sentence, or ends on "..." after a full stop', async () => {
    const title = 'Families return to the valley as the river falls back';
    expect((await parseSource({ name: 'short.txt', text: [title, TEASER].join('\n\n') })).release.body).toEqual([TEASER]);
    const trailing = `${TEASER} ...`;
    expect((await parseSource({ name: 'trailing.txt', text: [title, trailing].join('\n\n') })).release.headline).toBe(title);
    // A teaser of another story under the release's own whole paragraphs changes nothing.
    const page = [title, TEASER, TEASER, 'Clinics reopen in the north', `${TEASER.slice(0, -1)} and the first results of the survey show that…`].join('\n\n');
    expect((await parseSource({ name: 'release.txt', text: page })).release.headline).toBe(title);
  });

  it('still reads a release under one excerpt of another story cut with "[…]"', async () => {
    const title = 'River levels fall in the east as families return to their villages';
    // Not refused: the release's own paragraphs are whole.
    const page = [`${TEASER.slice(0, -1)} and the first results […]`, title, TEASER, TEASER].join('\n\n');
    expect((await parseSource({ name: 'release.txt', text: page })).release.body).toContain(TEASER);
  });
});

/**
 * A page a site keeps about itself ("What we do", a service's hours, a job offer) reads like an
 * article: a title over paragraphs. It is refused only when nothing on it is a release's (a date,
 * a dateline, reported speech, a news verb, a call, a contact, a label) and a standing page's
 * mark is there.
 */
describe('a page a site keeps about itself', () => {
  const WORK = [
    'What we do',
    'Clean water and safe toilets keep children in school and out of clinics. In the districts where we work, one family in three still walks more than an hour to fetch water.',
    'Our engineers build and repair water points with the villages that use them, and we train a committee in each village to keep them running long after our teams have gone.',
  ];

  it('refuses an "Our work" page, naming the heading it saw and saying the release can be pasted alone', async () => {
    const refused = parseSource({ name: 'work.txt', text: WORK.join('\n\n') });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', heading: 'What we do' } });
    await expect(refused).rejects.toThrow(/holds no release: nothing on it dates or places a story.*\(the heading "What we do", an organisation describing its own work\).*paste it; nothing was imported/u);
  });

  it('refuses such pages in French, Spanish and Arabic, and a service page, a job offer and a list of resources', async () => {
    const pages: [string, string][] = [
      ['heading,self', ['Notre action', 'Nous accompagnons les familles déplacées sur les routes de l’exil, là où elles se trouvent, et nous croyons que chaque personne doit pouvoir vivre dignement.', 'Nos bénévoles assurent des permanences dans trois villes et orientent chacun vers les services adaptés.'].join('\n')],
      ['heading', ['Cómo trabajamos', 'La cooperación de la agencia apoya a las comunidades afectadas por crisis prolongadas, con especial atención a las personas en situación de mayor vulnerabilidad y al respeto de los principios humanitarios.', 'Todas las intervenciones se acuerdan con las autoridades locales y con las organizaciones de la sociedad civil de cada territorio.'].join('\n')],
      ['heading,self', ['من نحن', 'نحن جمعية خيرية تعمل في مجال الإغاثة منذ عشرين عامًا، ونسعى إلى إيصال المساعدات إلى الأسر الأكثر حاجة في المدن والقرى النائية على حد سواء.', 'نعمل مع المتطوعين في كل محافظة، ونقدم الغذاء والدواء والمأوى للأسر المتضررة من الكوارث.'].join('\n')],
      ['hours', ['Atención a la ciudadanía', 'La oficina orienta a las personas que desean presentar una solicitud de ayuda y resuelve las dudas sobre los requisitos, los plazos y los documentos que deben acompañarla.', 'Horario de atención telefónica: de 9.00 a 14.00 horas.'].join('\n')],
      ['updated', ['Protection de l’enfance', 'La protection de l’enfance est une priorité dans toute situation d’urgence, et les mécanismes de prévention doivent être mis en place dès les premiers jours d’une crise.', 'Dernière mise à jour : 4 mars 2024'].join('\n')],
      ['job', ['Field Logistics Officer', 'The officer is based in the regional office and reports to the head of operations, supporting the supply chain for the programmes in four provinces of the country.', 'Responsibilities', 'Plans the delivery of relief items and keeps the stock records of the warehouse up to date.'].join('\n')],
      ['resources', ['Resource library', 'Here you will find guidelines, reports and data sets produced by the agencies working on displacement, kept up to date as new documents are published by the members of the network.', 'Shelter guidelines', 'A practical guide to planning shelter for displaced families in the first months of an emergency.'].join('\n')],
    ];
    for (const [marks, text] of pages) {
      await expect(parseSource({ name: 'page.txt', text }), text.slice(0, 30)).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', marks } });
    }
  });

  it('refuses a mission or values page headed without "our" ("Mission", "Misión y visión", "الرسالة")', async () => {
    const pages = [
      ['الرسالة', 'تقديم العون للأسر المحتاجة في المحافظات كافة، والوقوف معها حتى تتجاوز الصعاب التي تواجهها، وتعزيز روح التكافل بين أفراد المجتمع الواحد في المدن والقرى.', 'القيم', 'الأمانة في إيصال التبرعات إلى مستحقيها، والشفافية في عرض أوجه إنفاقها، واحترام كرامة كل من يطلب المساعدة دون تمييز.'],
      ['Misión y visión', 'La fundación acompaña a las familias campesinas de la sierra en el acceso al agua potable y al riego, con proyectos que las propias comunidades diseñan y administran durante años.', 'Su visión es un territorio donde cada hogar disponga de agua segura a menos de cien metros de la puerta.'],
      ['Mission', 'The foundation supports small farmers in the dry hills with water harvesting, seed banks and training, in projects designed and run by the villages themselves over many years.', 'Its staff and volunteers work from three field offices and one training farm.'],
    ];
    for (const lines of pages) {
      await expect(parseSource({ name: 'page.txt', text: lines.join('\n\n') }), lines[0]).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', marks: 'heading', heading: lines[0] } });
    }
  });

  it('still reads such a page when a single mark of a release is on it', async () => {
    const marks: [string, string][] = [
      ['Lusaka, 3 May 2024 – ', ''],
      ['', 'The director said the new water points would serve 12,000 people.'],
      ['', 'The agency launched the programme in the northern districts.'],
      ['', 'Our organisation calls on the authorities to fund the repairs before the rains.'],
      ['', 'For media enquiries: Jane Roe, jane.roe@example.org'],
      ['', "Statement by the agency's director on the water crisis in the north."],
    ];
    for (const [before, after] of marks) {
      const text = [WORK[0], before + WORK[1]!, WORK[2], after].filter(Boolean).join('\n\n');
      const got = await parseSource({ name: 'release.txt', text });
      expect(got.release.body.join(' '), before + after).toContain('Our engineers build and repair water points');
    }
  });

  it('refuses a page with no heading whose paragraphs, two thirds of them or more, speak as "we" or to "you", with nothing of a release on it', async () => {
    const pages: [string, string][] = [
      [
        'self',
        [
          'How we help after a flood',
          'We help families whose homes stand in the water, whatever their origin or their beliefs, and we stay for as long as the repairs take.',
          'Our volunteers clean wells, hand out hygiene kits and keep a register of the people who need a nurse at home in the weeks that follow.',
          'Across the region, our teams work beside the civil protection services so that no village waits for help longer than the next one.',
        ].join('\n\n'),
      ],
      [
        'self',
        [
          'Nuestro compromiso es con las personas más vulnerables de las zonas rurales, alejadas de los centros de salud y de las escuelas, donde trabajamos desde hace veinte años.',
          'Nuestra labor se centra en el agua, el saneamiento y la educación básica, y nuestros equipos acompañan a las comunidades en cada proyecto hasta su final.',
          'Creemos que cada familia puede salir adelante cuando dispone de agua limpia cerca de casa y de una escuela abierta para sus hijos todo el año.',
        ].join('\n\n'),
      ],
      [
        'reader',
        [
          'Working with the press',
          'Journalists can place an issue before the public in a way few others can, so a project that wants its results known should plan its work with the media from the start.',
          'Invite your partners to the field visits, so that they can explain the work in their own words to the reporters you bring along.',
          'Keep your examples short and concrete: a reporter remembers one village and one family, not the figures of a whole programme.',
        ].join('\n\n'),
      ],
    ];
    for (const [marks, text] of pages) {
      const refused = parseSource({ name: 'page.txt', text });
      await expect(refused, text.slice(0, 30)).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', marks } });
      await expect(refused, text.slice(0, 30)).rejects.toThrow(/reads like a page a site keeps about itself .*nothing was imported/u);
    }
  });

  it('refuses a charity\'s page about its work that opens on a saying of the Prophet: scripture cited is no one\'s words reported', async () => {
    const page = (citation: string) =>
      [
        'الإغاثة الطارئة',
        `${citation}: "الدال على الخير كفاعله"، ولهذا تصل تبرعاتكم إلى حيث تشتد الحاجة إليها في أوقات الكوارث والحروب والأوبئة في كل مكان من العالم.`,
        'عندما تقع الكارثة نرسل فرقنا خلال ساعات قليلة إلى المناطق المنكوبة، ونوفر للأسر الماء الصالح للشرب والطعام والأغطية والأدوية التي تحتاجها في الأيام الأولى.',
        'ونعمل مع المتطوعين المحليين على إقامة مراكز إيواء مؤقتة، ونقدم الرعاية الصحية الأولية للجرحى والمرضى حتى تعود الحياة إلى طبيعتها في تلك المناطق المنكوبة.',
      ].join('\n\n');
    for (const citation of ['قالَ رسولُ الله صلى الله عليه وسلم', 'قال النبي صلى الله عليه وسلم']) {
      await expect(parseSource({ name: 'page.txt', text: page(citation) }), citation).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', marks: 'self' } });
    }
    // The same words said by a person on the page are reported speech: a release's mark.
    const said = await parseSource({ name: 'release.txt', text: page('وقال مدير الجمعية') });
    expect(said.release.body.join(' ')).toContain('نرسل فرقنا');
  });

  it('still reads a statement that says "we" in half of its paragraphs, or in all of them when it calls on someone', async () => {
    const half = [
      'On this day the governments of twelve countries pay tribute to the people who bring relief to others in the most dangerous places, often at the cost of their own safety.',
      'Whether they answer a war, a flood or an epidemic, local and international aid workers are among the first to arrive and among the last to leave.',
      'We are deeply worried by the threats, the kidnappings and the lies that aid workers face, and by the number of them killed in the past twelve months.',
      'We stress how much safe access matters for the aid to reach the people who need it, and the duty of every party to a conflict to protect those who bring it.',
    ];
    expect((await parseSource({ name: 'statement.txt', text: half.join('\n\n') })).release.body[0]).toMatch(/^On this day the governments/u);
    const calls = [
      'We are appalled that the council again failed to agree on a pause in the fighting, while our teams can no longer reach the families sheltering in the schools.',
      'We call on every member of the council to meet again this week and to put the protection of civilians above any other consideration.',
    ];
    expect((await parseSource({ name: 'call.txt', text: calls.join('\n\n') })).release.body[0]).toMatch(/^We are appalled/u);
    // Three paragraphs of "we" with nothing else of a release: the call in the first person plural keeps them.
    const statements = [
      [
        'Nuestras organizaciones trabajan desde hace años con las familias desplazadas por la violencia en los departamentos del norte, y nuestros equipos ven cada semana cómo llegan más personas sin nada.',
        'Exigimos al gobierno que garantice el acceso de la ayuda humanitaria a todas las comunidades, sin condiciones y sin demoras, y que proteja a nuestro personal sobre el terreno.',
        'Nuestras clínicas móviles tendrán que cerrar antes de la temporada de lluvias si los fondos prometidos no llegan, y nuestros equipos dejarán sin atención a miles de familias.',
      ],
      [
        'Our organisations have worked in the valley for twenty years, and our staff see every week how families arrive at the camps with nothing but what they carry.',
        'We ask every member of the council to meet again and to put the protection of civilians above any other consideration in their talks.',
        'Our clinics will close before the rains if the money pledged does not come, and our teams will have to leave thousands of families without care.',
      ],
      [
        'Nos associations accompagnent chaque jour les personnes à la rue dans les quartiers du centre, et nous voyons leur nombre augmenter depuis le début de l’hiver malgré les promesses.',
        'Nous demandons à la préfecture d’ouvrir sans attendre les gymnases promis et de publier le nombre de places disponibles chaque soir dans notre département.',
        'Nos équipes de maraude ne peuvent plus proposer de place à la moitié des personnes qu’elles rencontrent, et nos bénévoles sont épuisés.',
      ],
      [
        'تعمل منظماتنا منذ سنوات مع الأسر النازحة في المحافظات الشمالية، وترى فرقنا كل أسبوع وصول المزيد من العائلات التي فقدت كل شيء في النزاع.',
        'نطالب جميع الأطراف بضمان وصول المساعدات الإنسانية إلى كل المجتمعات دون شروط أو تأخير، وبحماية موظفينا العاملين في الميدان في كل الأوقات.',
        'ستغلق عياداتنا المتنقلة أبوابها قبل موسم الأمطار إذا لم يصل التمويل الموعود، وستضطر فرقنا إلى ترك آلاف الأسر دون رعاية.',
      ],
    ];
    for (const paragraphs of statements) {
      expect((await parseSource({ name: 'statement.txt', text: paragraphs.join('\n\n') })).release.body[1], paragraphs[1]).toBe(paragraphs[1]);
    }
  });

  it('refuses a page on which the organisation only speaks of itself, with nothing dated, placed or reported', async () => {
    // A volunteer's account of a mission, as an organisation's blog keeps it: "we" throughout,
    // no day, no place on a dateline, nobody's words reported, no contact.
    const page = [
      'Notas desde el terreno',
      'Volvemos de la misión con las manos vacías y la cabeza llena. Nuestro equipo recorría las aldeas del valle cada semana.',
      'En cada aldea hay té para los visitantes y muchas preguntas. Para nosotros, las respuestas siempre son más cortas que las historias.',
      'Los niños caminan dos horas para llegar a la escuela, con los cuadernos envueltos en plástico por la lluvia.',
      'Las mujeres llevan el agua desde el río, y el camino se corta con cada tormenta de la temporada.',
      'En las próximas semanas habrá más relatos como este, con las fotos del camino.',
    ].join('\n\n');
    const refused = parseSource({ name: 'notas.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', marks: 'self' } });
    await expect(refused).rejects.toThrow(/an organisation describing its own work/u);
  });

  it('refuses a long guide or programme page that never dates, places or quotes anything, even with verbs of the news tense', async () => {
    // Twelve paragraphs about a yearly meeting's programme: "was founded", "organised" in the
    // past tense, but no day, no dateline, no quotation, no contact.
    const topics = ['the opening morning', 'the workshops on water', 'the session on shelter', 'the field visits', 'the evening talks', 'the training for new staff', 'the exchange between offices', 'the session on data', 'the closing afternoon', 'the registration', 'the travel grants', 'the rooms and meals'];
    const page = [
      'The yearly partners meeting',
      ...topics.map((t, k) => `This part of the programme covers ${t}. The meeting was founded to let field teams and partners compare methods, and each year the hosts organised ${k + 2} rooms for groups of about twenty people who work on the same questions in different countries.`),
    ].join('\n\n');
    const refused = parseSource({ name: 'programme.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'undated', paragraphs: 12 } });
    await expect(refused).rejects.toThrow(/^This page holds no release: in its 12 paragraphs nothing dates or places a story/u);
    // Read all the same when the person says it is one.
    const read = await parseSource({ name: 'programme.txt', text: page, allowNotARelease: true });
    expect(read.release.body).toHaveLength(12);
  });

  it("refuses an organisation's jobs page, whose applications it welcomes and whose job requests it describes", async () => {
    const es = [
      'Trabajar en la Fundación Horizonte',
      'La Fundación Horizonte is an equal opportunities employer and welcomes applications from all candidates regardless of their origin.',
      'Las vacantes se publican en esta página con su descripción, el perfil buscado y la fecha límite para presentar la candidatura.',
      'Las personas seleccionadas para la entrevista reciben una invitación por correo electrónico unas dos semanas después del cierre.',
    ].join('\n\n');
    await expect(parseSource({ name: 'trabajar.txt', text: es })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', heading: 'Trabajar en la Fundación Horizonte' } });
    const fr = [
      'Emplois à la mairie',
      'Le recrutement dans les communes suit des règles propres à la fonction publique territoriale, selon le poste et le grade.',
      'Pour déposer une candidature, il suffit de soumettre une demande d’emploi en précisant le type de poste recherché, avec un curriculum vitae.',
      'Les offres ouvertes sont affichées en mairie et mises en ligne chaque semaine avec leur date limite.',
    ].join('\n\n');
    await expect(parseSource({ name: 'emplois.txt', text: fr })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'standing', heading: 'Emplois à la mairie' } });
  });

  it('still reads a release body of nine paragraphs pasted alone, with no date and nobody quoted', async () => {
    const page = Array.from(
      { length: 9 },
      (_, k) => `The teams distributed ${k + 3},000 hygiene kits in the camps of the northern district, where the rains flooded the latrines and the wells, and the nurses opened ${k + 1} more points for oral rehydration.`,
    ).join('\n\n');
    const read = await parseSource({ name: 'body.txt', text: page });
    expect(read.release.body).toHaveLength(9);
  });

  it('still reads a statement in the present tense under a menu that names "Who we are", since it calls on someone', async () => {
    const page = [
      '- Who we are',
      '- Donate',
      'It is unacceptable that families still sleep under plastic sheets six months after the earthquake, while the promises of aid ran into millions. Our organisation asks the government to publish the reconstruction plan without delay.',
      'Our teams see every day what the delay costs: closed schools, too few water points, and illnesses that come back with the cold.',
    ].join('\n');
    expect((await parseSource({ name: 'statement.txt', text: page })).release.body[0]).toMatch(/^It is unacceptable/u);
  });
});

describe('a page that is one page of a list, or holds no text of its own', () => {
  it("still reads a media advisory under a wire's dateline alone on its line, whose sections are each a title over one paragraph", async () => {
    const advisory = [
      'Media Briefing On The Lakeside Water Report And The Spring Floods Conference 2026',
      'PORT ELLIS, Marram, Jan. 13, 2026 /PRNewswire/ --',
      'When: Wednesday 20 January at 12.00 CET',
      'What: Media briefing with Nell Avery, director of the Lakeside Water Trust',
      'Filter stations and the clean water they bring to the valley',
      'The report counts the filter stations built in the valley since the floods and the number of families who now drink clean water every day, village by village.',
      'Its authors will answer questions on the villages still waiting for a station, and on the cost of keeping each one running through a winter in the hills.',
      'Pledges made by the towns around the lake for the coming winter',
      'Twelve towns will say how much they give to keep the stations running through the cold months, and which villages they will reach first.',
      'A statement signed by the engineers who built the stations',
      'More than two hundred engineers and volunteers ask the regional government to fund the repairs of the pipes before the next rains reach the valley.',
    ].join('\n');
    const got = await parseSource({ name: 'advisory.txt', text: advisory });
    expect(got.release.datelinePlace).toBe('Port Ellis, Marram');
    expect(got.release.body.join(' ')).toContain('The report counts the filter stations');
  });

  it('refuses a tag page under its row of page numbers, even with one story shown in full and dated', async () => {
    const story = [
      'Las lluvias dejan a 3.000 familias sin agua potable en el valle de Orrante',
      'Valle de Orrante, 12 de marzo de 2025 – Las lluvias de la última semana dañaron la red de agua de once comunidades, informó este martes la Fundación Agua Clara, que reparte bidones y pastillas potabilizadoras.',
      '«Las familias beben agua del río porque no tienen otra», dijo Rosa Villalba, coordinadora de la fundación en el valle.',
    ];
    for (const pager of ['1 2 3', '« 1 2 3 4 … 9 »', 'Anterior 1 2 3 Siguiente', '١ ٢ ٣ ٤', '1 94 95 96 97 98 112', '« 1 … 40 41 42 … 205 »']) {
      const refused = parseSource({ name: 'tag.txt', text: [pager, ...story].join('\n\n') });
      await expect(refused, pager).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'pager', pager } });
      await expect(refused, pager).rejects.toThrow(/row of page numbers .* marks one page of a list of stories.*paste it/u);
    }
  });

  it('still reads a release with numbers that count no pages above its text, or a row of page numbers under it', async () => {
    const lead = 'PORT ELLIS, 4 May 2025 – The Harbour Aid Group opened a second community kitchen on Sunday, serving 1,500 hot meals a day to families whose homes the floods left without power.';
    const more = 'The kitchen will stay open until the power company restores the lines in the lower town, which it expects to do within three weeks.';
    for (const text of [['2 3 4', 'Harbour aid group opens a second kitchen', lead, more], ['Harbour aid group opens a second kitchen', lead, more, '1 2 3 Next']]) {
      const got = await parseSource({ name: 'release.txt', text: text.join('\n\n') });
      expect(got.release.body[0], text[0]).toMatch(/^The Harbour Aid Group opened/u);
    }
  });

  it('refuses a page whose heading names the hashtag it gathers stories under, over the title of the story it shows', async () => {
    const page = [
      'آخر الأخبار مع #جمعية_النور',
      'جمعية النور توزع سلالًا غذائية على ألفي أسرة في القرى الشمالية',
      'وزعت جمعية النور الخيرية أمس سلالًا غذائية على ألفي أسرة في القرى الشمالية المتضررة من الجفاف، وقالت إن التوزيع سيستمر حتى نهاية الشهر في القرى التي لم تصلها المساعدات بعد.',
    ].join('\n\n');
    await expect(parseSource({ name: 'hashtag.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'archive', heading: 'آخر الأخبار مع #جمعية_النور' } });
  });

  it("still reads a release whose campaign's hashtag stands alone over its title or closes its title", async () => {
    const lead = 'GENEVA, 9 June 2025 – The Alpine Relief Network opened its winter appeal on Monday, asking donors for 4 million francs to keep twelve mountain clinics open through the cold months.';
    for (const top of [['#WinterAppeal', 'Alpine Relief Network opens its winter appeal'], ['Alpine Relief Network opens its winter appeal with #WinterAppeal']]) {
      const got = await parseSource({ name: 'release.txt', text: [...top, lead].join('\n\n') });
      expect(got.release.body[0], top.join(' / ')).toMatch(/^The Alpine Relief Network opened/u);
    }
  });

  it('refuses a page with no paragraph of running text and nothing that dates or places it, naming what it saw', async () => {
    for (const text of ['Vaccination rates fall across the region as clinics close for the winter', 'ayuda de emergencia como saber si cobro']) {
      const refused = parseSource({ name: 'page.txt', text });
      await expect(refused, text).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'noText' } });
      await expect(refused, text).rejects.toThrow(/no paragraph of running text \(only ".+"\).*paste it/u);
    }
  });

  it("refuses a press office's page of addresses: a media heading with nobody's details under it and no running text", async () => {
    const page = [
      'Media enquiries',
      'Journalists with a question or a request for an interview can reach the regional teams below.',
      'National and specialist media',
      'Northern region - Lakeland and the coast',
      'Northern region - the city and the valleys',
      'Southern region',
    ].join('\n\n');
    await expect(parseSource({ name: 'press-office.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'noText' } });
    const withSomeone = `${page}\n\nPress officer: Jane Roe, jane.roe@example.org`;
    expect((await parseSource({ name: 'press-office.txt', text: withSomeone })).contacts.map((c) => c.email)).toEqual(['jane.roe@example.org']);
  });

  it('still reads a title with no running text under it when a date or a media contact is on the page', async () => {
    for (const extra of ['4 May 2025', 'Media contact: Jane Roe, jane.roe@example.org']) {
      const got = await parseSource({ name: 'page.txt', text: ['Harbour aid group opens a second kitchen for flood-hit families', extra].join('\n\n') });
      expect(got.release.headline, extra).toBe('Harbour aid group opens a second kitchen for flood-hit families');
    }
  });

  it('refuses a list of three teasers or more that each stop in the middle of a sentence, with no dateline or contact', async () => {
    const page = [
      'In 2024 the district counted a quarter fewer new infections than ten years earlier, and the clinics now offer free rapid tests to anyone who asks for one at the Health week opens in the capital',
      'The campaign wants to bring forward the detection of the illness by teaching women in every district to examine themselves once a month and to see a nurse as soon as something changes in',
      'A viral disease that must be treated early and that vaccination prevents entirely, the ministry says, as it keeps its teams in the villages where dogs roam free Day of the',
    ].join('\n\n');
    await expect(parseSource({ name: 'tag.txt', text: page })).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'open', open: 3, paragraphs: 3 } });
  });

  it('refuses a page where two thirds of three paragraphs or more stop in the middle of a sentence, cut with "..." or on a bare word, saying what it saw', async () => {
    const page = [
      'The agencies keep reaching people despite the rains that cut the roads to the north, the spokesperson told reporters on Monday, and some 22,000 people in the central region of the country received...',
      'Strikes over the weekend left many civilians dead or injured in the towns of the south, the coordinator said in a statement deploring the attacks on homes, schools and clinics, including...',
      'The country director said that twenty thousand people crossed the border last week, many of them children who had walked for days with their mothers through the dry hills without food or',
      'The end of the grain deal was regrettable, the deputy director said at a briefing in the capital, since for a whole year it had kept the price of bread down for the poorest families.',
    ].join('\n\n');
    const refused = parseSource({ name: 'tag.txt', text: page });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'open', open: 3, paragraphs: 4 } });
    await expect(refused).rejects.toThrow(/holds no single release: 3 of its 4 paragraphs of running text stop in the middle of a sentence.*paste it; nothing was imported/u);
  });

  it('still reads a release that leaves half of its paragraphs open, or whose open lines are its key facts as bullets', async () => {
    const half = [
      'The district counted a quarter fewer new infections this year than ten years ago, and the clinics in every town now offer free rapid tests to anyone who walks in and asks for one.',
      'The health office will open two more testing points in the northern villages before the end of the month, each with a nurse trained by the regional hospital and a cold box for the samples',
      'Teams will also visit schools to explain how the tests work and where they can be taken without an appointment, the head of the health office said.',
      'The tests are free for everyone, including the people who are not registered with any clinic in the district and the families who arrived there from the hills only this',
    ];
    expect((await parseSource({ name: 'half.txt', text: half.join('\n\n') })).release.body[0]).toMatch(/^The district counted/u);
    const bullets = [
      half[0]!,
      '- Two more testing points open in the northern villages before the end of the month, each with a nurse trained by the regional hospital, a cold box for the samples and a motorbike for the visits',
      '- School visits in every district to explain how the tests work and where they can be taken without an appointment or a letter from a doctor, in the three languages spoken in the valley',
      half[3]!,
    ];
    expect((await parseSource({ name: 'bullets.txt', text: bullets.join('\n') })).release.body[0]).toMatch(/^The district counted/u);
  });

  it('still reads a release whose copy was cut short in its last paragraph, or whose open paragraphs stand under a dateline', async () => {
    const closed = [
      'The district counted a quarter fewer new infections this year than ten years ago, and the clinics now offer free rapid tests to anyone who asks for one.',
      'The health office will open two more testing points in the northern villages before the end of the month, with nurses trained by the regional hospital.',
      'Teams will also visit schools to explain how the tests work and where they can be taken without an appointment in the',
    ];
    expect((await parseSource({ name: 'cut.txt', text: closed.join('\n\n') })).release.body[0]).toMatch(/^The district counted/u);
    const open = closed.map((p) => p.replace(/\.$/u, ' and more'));
    open[0] = `PORT ELLIS, 4 May 2025 – ${open[0]}`;
    expect((await parseSource({ name: 'open.txt', text: open.join('\n\n') })).release.body[0]).toMatch(/^The district counted/u);
  });

  it('refuses a press-release template whose blanks are still open, naming some of them', async () => {
    const template = [
      'Template: announcing a new service',
      'FOR IMMEDIATE RELEASE',
      '[Date]',
      '[Headline]',
      '[City] – The [organisation name] today opened a new advice desk for tenants, which will help families in the district with repairs, rent and deposits.',
      '"Everyone deserves a safe home," said [spokesperson name].',
      'Media contact: [contact name], [phone number]',
    ].join('\n\n');
    const refused = parseSource({ name: 'template.txt', text: template });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_A_RELEASE', params: { reason: 'template', examples: '[Date], [Headline], [City]', blanks: 7 } });
    await expect(refused).rejects.toThrow(/a template whose blanks are still open \(\[Date\], \[Headline\], \[City\], 7 in all\)/u);
    // "Import anyway" reads it as it stands.
    const read = await parseSource({ name: 'template.txt', text: template, allowNotARelease: true });
    expect(read.release.body.join(' ')).toContain('[organisation name]');
  });

  it('still reads a release with an aside in brackets and terms it defines in quotation marks', async () => {
    const release = [
      'Harbour Trust pays its first dividend to members',
      'PORT ELLIS, 4 May 2026 – The Harbour Trust (the “Trust”) will pay its first dividend on 1 June (the “Payment Date”) to members on its register on 20 May (the “Record Date”), its board said today.',
      'A fisherman who asked that his name be kept out of the papers (name withheld) said the payment would help his crew through the winter.',
      'The Trust was set up by the town’s boat owners in 2019 (after the storm of that year) to buy fuel and ice together.',
      'Media contact: Ana Lopes, ana.lopes@harbourtrust.example',
    ].join('\n\n');
    const read = await parseSource({ name: 'dividend.txt', text: release });
    expect(read.release.headline).toBe('Harbour Trust pays its first dividend to members');
    expect(read.release.datelinePlace).toBe('Port Ellis');
    expect(read.contacts.map((c) => c.email)).toEqual(['ana.lopes@harbourtrust.example']);
  });

  it('still reads a release whose asides end with a word a blank would name (a city, an hour, a venue)', async () => {
    const release = [
      'Flood shelters open across the district',
      'KASSALA, 4 May 2026 – Three shelters opened on Monday in Kassala (Kassala city), Aroma (the market venue) and Wad Sharifey (district office), the regional council said.',
      'Families can register from 08:00 (local time) and a briefing for the press follows at 11:00 (Geneva time).',
      'Media contact: Ana Lopes, ana.lopes@council.example',
    ].join('\n\n');
    const read = await parseSource({ name: 'shelters.txt', text: release });
    expect(read.release.headline).toBe('Flood shelters open across the district');
    expect(read.contacts.map((c) => c.email)).toEqual(['ana.lopes@council.example']);
  });
});


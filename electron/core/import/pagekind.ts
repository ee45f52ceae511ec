import type { Classified } from './classify';
import { isProse } from './classify';
import { MORE_WORDS, relatedCut } from './listing';
import { pageNumberRow } from './pager';
import { isWeekdayDayMonth } from './dates';
import { ARABIC_MARKS, wordCount } from './normalise';

/**
 * Whether a page lists other pages rather than holding one release, decided from positive
 * evidence of a list and never from what the page lacks. Each kind of evidence below is a mark a
 * site's list pages carry on any site (a "Read more" link, items each under its own date, a
 * heading naming a collection, a single teaser, text cut short, titles each over a teaser, a run
 * of titles under the page's only paragraph); each counts one point, and a page is refused when it
 * gathers LIST_POINTS or more, one of them from the shape of its text (items under dates, text cut
 * short, titled teasers, a run of titles), and carries none of a release's own marks (a dateline,
 * a media contact, an end mark, an "About" section, an embargo, notes to editors, a release or
 * statement label). A site's furniture ("Read more", "Latest news") and a short text are found on
 * release pages too: set under a "Latest news" heading and over a "Read more" link, 107 of 371 dev
 * and corpus releases (65 real ones) gathered two such marks; with a mark of the text's shape
 * required, one does.
 *
 * The threshold was chosen leaving one of the seven dev batches out (280 pages, 111 with no
 * release): 1 and 2 points refused no release of the six other batches, the corpus or the shared
 * example in any fold, and the same pages of the left-out batch (64 → 69 of 111 with the earlier
 * rules, no release). Two are kept so that one mark alone never refuses a page: pasting each dev
 * and corpus release's own text (whole, body alone, cut by a paragraph, first paragraph alone;
 * 1,911 pastes) is refused 4 times at 2 points and 8 times at 1.
 *
 * Two marks of the text's shape were added from a later dev set, the threshold unchanged: dates
 * each straight over one teaser count as items under their own date however few days they name (a
 * daily list dates every item alike), and the one paragraph of a page showing a list's counter or
 * links is cut when it stops on a bare word. Of that set's first 13 pages with no release, 6 were
 * refused before and 8 after (11 → 13 of the 27 it held later); none of its 92 releases is refused
 * for them (one is, as before: a blog's copy whose only paragraph is cut with "..."), nor any of
 * the corpus or the shared example, and pasting the releases' text (2,588 pastes as above, and cut
 * mid-sentence or mid-word) refuses none that was read before. Lists of leads with no titles, the
 * last one cut, show nothing that a release's body pasted alone does not, and stay read.
 */
export const LIST_POINTS = 2;

/**
 * What the page showed, as codes the review screen words in the person's language:
 * 'links' ("Read more" links, a row of page numbers, a count of results), 'dated' (items each
 * under its own date), 'heading' (a heading naming a collection, "Latest news"), 'oneTeaser'
 * (one short paragraph of running text at most), 'cut' (its text stops in the middle of a
 * sentence), 'teasers' (titles each over a short teaser), 'titles' (a run of titles under the
 * page's only paragraph), 'leads' (paragraphs each opening with a dateline of its own: the leads
 * of several stories).
 */
export type ListMark = 'links' | 'dated' | 'heading' | 'oneTeaser' | 'cut' | 'teasers' | 'titles' | 'leads';

export interface ListPageEvidence {
  marks: ListMark[];
  points: number;
  /** The collection's heading, when one was seen. */
  heading: string | null;
  /** How many items stand each under its own date. */
  dated: number;
  /** How many paragraphs open with a dateline of their own (another place or day than the others'). */
  leads: number;
  /** Marks enough, and none of a release's own. */
  refuse: boolean;
  /** The dateline or label the page shows belongs to one of the list's items (its only text cut by the site under a counter, or the first of its dated teasers). */
  itemOwn: boolean;
}

const MARK_WORDS: Record<ListMark, string> = {
  links: '"Read more" links or a count of results',
  dated: '{dated} items each under its own date',
  heading: 'the heading "{heading}"',
  oneTeaser: 'one short paragraph of running text at most',
  cut: 'text cut off in the middle of a sentence',
  teasers: 'titles each over a short teaser',
  titles: 'a run of titles under its only paragraph',
  leads: '{leads} paragraphs each opening with a dateline of its own',
};

/** The marks in English, for the core's own message. */
export function describeListMarks(list: ListPageEvidence): string {
  return list.marks.map((m) => MARK_WORDS[m].replace('{heading}', list.heading ?? '').replace('{dated}', String(list.dated)).replace('{leads}', String(list.leads))).join(', ');
}

/** A "Read more" link alone on a line (listing.ts's words), with or without a title after it. */
const MORE_LINK = new RegExp(`^(?:${MORE_WORDS})\\s*(?:[-–—:|»›>→.…]+.*)?$`, 'iu');
/** The same link run on after a teaser's last word. */
const RUN_ON_MORE = /(?:read\s+more|continue\s+reading|leer\s+más|seguir\s+leyendo|sigue\s+leyendo|lire\s+la\s+suite|en\s+savoir\s+plus|afficher\s+plus|[اإ]قر[أؤ]و?ا?\s+المزيد|قراءة\s+المزيد|ادامه\s+مطلب)\s*[.…»›>→+]*$/iu;
/** "Displaying 1850-1851 of 1851", "Página 2 de 5", "124 résultats" (or "2922Résultats", the space lost in the copy): a list's counter. */
const COUNTER =
  /^(?:(?:displaying|showing|mostrando|affichage|عرض)\s+(?:\d+\s*[-–]\s*\d+|\d+)\s+(?:of|de|sur|من)\s+\d+|(?:page|página|pagina|صفحة)\s+\d+\s+(?:of|de|sur|من)\s+\d+|\d[\d,. ]*\s*(?:results?|résultats?|resultados?|نتيجة|نتائج)(?:\s+(?:found|trouvés?|encontrados?))?|(?:total\s+)?(?:search\s+)?results?\s*:\s*\d|(?:nombre\s+de\s+)?résultats?(?:\s+de\s+(?:la\s+)?recherche)?\s*:\s*\d|(?:total\s+de\s+)?resultados?(?:\s+de\s+(?:la\s+)?búsqueda)?\s*:\s*\d|(?:إجمالي\s+|عدد\s+)?نتائج\s+البحث\s*:\s*\d)/iu;
/** "Home Blog Page 12462": a site's path to a list's later page, ending on the page's number. */
const PAGE_PATH = /^(?:[\p{L}'’-]+\s+){1,4}(?:page|página|pagina|صفحة)\s+\d{1,6}$/iu;

/**
 * "Latest media releases", "Upcoming events", "Actualités", "Comunicados de prensa", "آخر الأخبار",
 * "تصريحات و بيانات": a heading that names a collection of stories, in the plural.
 */
const COLLECTION_HEADING =
  /^(?:[▸►•·»>]\s*)?(?:(?:les|the|los|las)\s+)?(?:\d{1,3}\s+)?(?:(?:latest|all|recent|more|top|upcoming|past|dernières|derniers|toutes\s+les|tous\s+les|últimas|últimos|todas\s+las|todos\s+los|próximos)\s+)?(?:news(?:\s+(?:releases|room|and\s+\w+))?|(?:press|media)\s+(?:releases|statements)|releases|statements|stories|articles|posts|events|updates|actualités|nouvelles|communiqués(?:\s+de\s+presse)?|évènements|événements|noticias|comunicados(?:\s+de\s+prensa)?|artículos|eventos|novedades|الأخبار|أخبار|آخر\s+الأخبار|بيانات|البيانات|تصريحات(?:\s+و\s*بيانات)?|الفعاليات|المقالات)\s*[:：]?$|^(?:[▸►•·»>]\s*)?(?:(?:les|the|los|las)\s+)?(?:\d{1,3}\s+)?(?:latest|dernières|derniers|últimas|últimos)\s+(?:parutions|publications|publicaciones)$|^آخر\s+المنشورات$/iu;

/** A teaser cut straight after a word ("… وجاء في بيان…", "… a fact of […]"), or stopping on a comma. */
const CUT_AFTER_WORD = /(?<=[\p{L}\p{N}][,،]?)\s?(?:…|\.\.\.|\[…\]|\[\.\.\.\])$/u;
const CUT_OR_COMMA = /(?:[,،]|(?<=[\p{L}\p{N}][,،]?)\s?(?:…|\.\.\.|\[…\]|\[\.\.\.\]))$/u;

/** A "Read more" link, a row of page numbers or a count of results. */
const furnitureLine = (t: string) => MORE_LINK.test(t) || pageNumberRow(t) || COUNTER.test(t) || (PAGE_PATH.test(t) && !/\s(?:1|١)$/u.test(t));
const textOf = (it: Classified) => it.block.text.replace(ARABIC_MARKS, '').trim();
const shortLine = (it: Classified) => wordCount(it.block.text) <= 5 && !isProse(it.block.text);
/** A story's title: four to twenty-five words, no sentence of running text, closing none. */
const titleLike = (it: Classified) => !isProse(it.block.text) && wordCount(it.block.text) >= 4 && wordCount(it.block.text) <= 25 && !/[.!?؟]["”»’)]*$/u.test(textOf(it));

/** Dates on their own short lines, each beside a title, with running text between one and the next. */
function datedItems(kept: Classified[]): number {
  const dates: string[] = [];
  let textSince = true;
  kept.forEach((it, k) => {
    if (isProse(it.block.text)) textSince = true;
    // "Lundi 12 septembre" over each day's items: an agenda's days, named without the year.
    const agendaDay = it.kind === 'text' && isWeekdayDayMonth(it.block.text);
    if (!(((it.kind === 'date' || it.kind === 'label') && it.dateIso && wordCount(it.block.text) <= 10) || agendaDay)) return;
    const titled = kept.slice(Math.max(0, k - 2), k).some(titleLike) || kept.slice(k + 1, k + 3).some(titleLike);
    // "02.01.2026 à 04:51", "02.01.2026 à 04:05": a feed's items of one day, each at its own time.
    const at = `${it.dateIso ?? textOf(it).toLowerCase()}${TIME_OF_DAY.exec(it.block.text)?.[0] ?? ''}`;
    if (titled && textSince && !dates.includes(at)) {
      dates.push(at);
      textSince = false;
    }
  });
  return dates.length;
}

const TIME_OF_DAY = /(?<!\d)\d{1,2}[:h]\d{2}(?!\d)/u;

const dateLine = (it: Classified) => (it.kind === 'date' || it.kind === 'label') && !!it.dateIso && wordCount(it.block.text) <= 10;

/**
 * Dates on their own lines, each straight over one paragraph of running text (or over a title and
 * its paragraph) that the next date (or the page's end) follows: "• June 28, 2013", a teaser,
 * "• June 28, 2013", a teaser… A list
 * dates each item, the same day over several of them and some dates over no teaser at all; a
 * release dates itself once, and its paragraphs run on under that date.
 */
function datedTeasers(kept: Classified[]): number[] {
  const counted: number[] = [];
  kept.forEach((it, k) => {
    if (!dateLine(it)) return;
    // The item's title may stand between its date and its teaser: "29 avril 2025", a title, a teaser.
    const at = kept[k + 1] !== undefined && titleLike(kept[k + 1]!) ? k + 2 : k + 1;
    const teaser = kept[at];
    const after = kept[at + 1];
    // The next item's topics may stand over its date ("Droughts, Refugees and IDPs", then "30 July
    // 2012"): a short line that closes no sentence, straight over the next date.
    const tagged = after !== undefined && topicLine(after) && kept[at + 2] !== undefined && dateLine(kept[at + 2]!);
    if (teaser !== undefined && teaser.block.hint !== 'li' && isProse(teaser.block.text) && (after === undefined || dateLine(after) || tagged)) counted.push(k);
  });
  return counted;
}

/** A list item's topics or section over its date: twelve words at most, no sentence, no figure. */
const topicLine = (it: Classified) => wordCount(it.block.text) <= 12 && !isProse(it.block.text) && !/[.!?؟:]["”»’)]*$/u.test(textOf(it)) && !/\d/u.test(it.block.text) && it.kind !== 'contact' && it.kind !== 'contactHead';

/**
 * A heading naming a collection above the first running text. In a menu the next line is another
 * short entry ("Actualidad", "Convocatorias de prensa", …); a page's own heading stands over a
 * title or over text.
 */
function collectionHeading(items: Classified[], firstText: number): string | null {
  let heading: string | null = null;
  for (let k = 0; k < firstText; k++) {
    const it = items[k]!;
    if (wordCount(it.block.text) > 5 || !COLLECTION_HEADING.test(textOf(it))) continue;
    const next = items[k + 1];
    if (next !== undefined && (!shortLine(next) || dateLine(next))) heading = textOf(it).replace(/^[▸►•·»>]\s*/u, '');
  }
  return heading;
}

/**
 * Titles of seven words or more, each over one short teaser (ninety words at most) that the next
 * title follows, on a page with never three paragraphs of running text in a row: a release's
 * sections under subheadings are shorter titles over longer text.
 */
function titledTeasers(kept: Classified[]): number {
  let run = 0;
  let longest = 0;
  for (const it of kept) {
    run = isProse(it.block.text) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  if (longest >= 3) return 0;
  let count = 0;
  for (let k = 0; k + 1 < kept.length; k++) {
    const title = kept[k]!;
    if (title.block.hint === 'li' || !titleLike(title) || wordCount(title.block.text) < 7) continue;
    const at = kept[k + 1]!.kind === 'date' ? k + 2 : k + 1;
    const teaser = kept[at];
    if (!teaser || !isProse(teaser.block.text) || wordCount(teaser.block.text) > 90) continue;
    const after = kept[at + 1];
    if (after === undefined || !isProse(after.block.text)) count++;
  }
  return count;
}

/** Titles in a row under the page's only paragraph of running text, short lines between them ("Other articles", "-"): the list of other stories it shows. */
function titlesUnder(kept: Classified[], prose: Classified[]): number {
  if (prose.length !== 1) return 0;
  const titles = new Set<string>();
  for (const it of kept.slice(kept.indexOf(prose[0]!) + 1)) {
    if (titleLike(it)) titles.add(textOf(it).replace(/\s*[-–—]$/u, ''));
    else if (wordCount(it.block.text) > 3) break;
  }
  return titles.size;
}

/**
 * Paragraphs of running text each opening with a dateline, told apart by place and day:
 * "NAIROBI – Floods threaten …", "ROME – A simple plate …"; "(Brussels, 2 July 2019) – The EU …",
 * "(Boston) – Senators …". A release is placed once, at its first paragraph (a wire's dateline set
 * twice is one); a page whose paragraphs are each placed somewhere else is the leads of as many
 * stories, as a news room's list shows them.
 */
function datelinedLeads(kept: Classified[]): number {
  const seen = new Set<string>();
  for (const it of kept) {
    const d = it.kind === 'dateline' ? it.dateline : undefined;
    if (!d?.place) continue;
    // A lead, not a dateline alone: a sentence's words after it. And a dateline beyond doubt: with
    // its date, in capitals or in brackets ("Floods in the north - the government …" is a title).
    const opening = it.block.text.slice(0, d.length);
    const sure = d.dateIso !== null || /^\s*\(/u.test(opening) || !/\p{Ll}/u.test(opening);
    if (sure && wordCount(it.block.text.slice(d.length)) >= 12) seen.add(`${d.place.toLowerCase()}|${d.dateIso ?? ''}`);
  }
  return seen.size;
}

/**
 * The list evidence of a page. `items` are its classified blocks, `lines` the text of every line
 * of the page outside its sidebar, before page furniture was taken out ("Read more" links are
 * furniture), `ownMarks` how many of a release's own marks the reading found, `placed` whether
 * one of them is the dateline (which the leads of several stories each carry).
 */
export function listPageEvidence(all: Classified[], lines: string[], ownMarks: number, placed = false, labels: readonly (readonly number[])[] = []): ListPageEvidence {
  const items = all.slice(0, relatedCut(all));
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  const prose = kept.filter((it) => it.block.hint !== 'li' && isProse(it.block.text));
  const marks: ListMark[] = [];
  let points = 0;
  const mark = (m: ListMark, worth: number) => {
    if (worth <= 0) return;
    marks.push(m);
    points += worth;
  };

  // Only lines above a "See also" box under the page's own text: a release may close on other
  // stories, each over its "Read more" link.
  const cutAt = items.length < all.length ? lines.findIndex((l) => l.replace(ARABIC_MARKS, '').trim() === textOf(all[items.length]!)) : -1;
  const own = cutAt >= 0 ? lines.slice(0, cutAt) : lines;
  const links = [...own.map((l) => l.replace(ARABIC_MARKS, '').trim()), ...items.map(textOf)].some((t) => furnitureLine(t) || (isProse(t) && RUN_ON_MORE.test(t)));
  mark('links', links ? 1 : 0);
  const teaserDates = datedTeasers(kept);
  const dated = Math.max(datedItems(kept), teaserDates.length);
  // One point for each item under its own date past the first.
  mark('dated', dated - 1);
  const heading = collectionHeading(items, prose[0] ? items.indexOf(prose[0]) : items.length);
  mark('heading', heading !== null ? 1 : 0);
  mark('oneTeaser', prose.length <= 1 && (prose[0] === undefined || wordCount(prose[0].block.text) <= 150) ? 1 : 0);
  // Cut: the last paragraph of running text stops mid-sentence with only a word or two under it
  // ("Top", "×") or a list's links, or a short line under it is cut straight after a word.
  const last = prose[prose.length - 1];
  const tail = last ? kept.slice(kept.indexOf(last) + 1) : [];
  // A person may stop a copy on a bare word too: that counts only for the one paragraph of a page
  // showing a list's links or counter, where the site cut its teaser to a length.
  const endsOpen = (t: string) => CUT_OR_COMMA.test(t) || (links && prose.length === 1 && /[\p{L}\p{N}]$/u.test(t));
  // Or two teasers or more, each cut by the site with an ellipsis: a release's text stops so once at most.
  const cutTeasers = prose.filter((it) => CUT_AFTER_WORD.test(textOf(it))).length;
  const lastClosed = last !== undefined && tail.every((it) => wordCount(it.block.text) <= 3 || furnitureLine(textOf(it)));
  const cut = last !== undefined && ((lastClosed && endsOpen(textOf(last))) || tail.some((it) => wordCount(it.block.text) <= 12 && CUT_AFTER_WORD.test(textOf(it))) || cutTeasers >= 2);
  // "Displaying 26 - 50 of 70" over the page's only paragraph, which stops on a bare word with
  // nothing but furniture under it: the site cut its list's item to a length, and the item's
  // dateline and its card's label ("| Press release") are the item's, not a release page's. A
  // release shown under such a counter closes its text or names a contact (case 93).
  const counted = own.some((l) => COUNTER.test(l.replace(ARABIC_MARKS, '').trim()) || pageNumberRow(l.replace(ARABIC_MARKS, '').trim()));
  const cutItem = counted && prose.length === 1 && lastClosed && /[\p{L}\p{N}]$/u.test(textOf(last!));
  mark('cut', cut ? 1 : 0);
  const teasers = titledTeasers(kept);
  mark('teasers', teasers >= 5 ? 2 : teasers >= 3 ? 1 : 0);
  mark('titles', titlesUnder(kept, prose) >= 3 ? 1 : 0);
  const leads = datelinedLeads(kept);
  mark('leads', leads >= 2 ? LIST_POINTS : 0);
  // Links and a collection's heading are a site's furniture, which a release's page may carry too,
  // and a release may be one short paragraph: at least one mark must show items or a teaser's cut.
  const shaped = marks.some((m) => m === 'dated' || m === 'cut' || m === 'teasers' || m === 'titles' || m === 'leads');
  // A label beside the date of one item of a dated list ("Comunicado de prensa" over "19 enero
  // 2026", its title and "Leer más"; "Statement by …" as an item's title under its date) names
  // that item's kind, not the page's. Only where the list dates two items or more, and only
  // beside a date line other than the page's first: a release's own label stands by its date at
  // the top, whatever stories are listed under it.
  const dateAt = items.flatMap((it, k) => (dateLine(it) ? [k] : []));
  const inItem = (k: number) => dateAt.slice(1).some((d) => Math.abs(d - k) <= 2);
  const itemLabels = dated >= 2 ? labels.filter((at) => at.length > 0 && at.every(inItem)).length : 0;
  // The dateline the reading found is one of the leads': no mark of a single release then.
  // Three dates or more, each over one teaser, the page's first date among them: the page opens on
  // the list's first item, so a dateline opening that teaser and a label over its date ("News
  // release") are the item's. A release dated over its paragraphs is not counted so (case 427).
  const firstDate = kept.findIndex(dateLine);
  const firstIsItem = teaserDates.length >= 3 && teaserDates[0] === firstDate;
  const single = (leads >= 2 && placed ? ownMarks - 1 : ownMarks) - (cutItem || firstIsItem ? (placed ? 1 : 0) + labels.filter((at) => at.length > 0).length : itemLabels);
  return { marks, points, heading, dated, leads, refuse: single === 0 && shaped && points >= LIST_POINTS, itemOwn: (cutItem || firstIsItem) && (placed || labels.some((at) => at.length > 0)) };
}

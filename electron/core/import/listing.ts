import type { Block } from './blocks';
import type { Classified } from './classify';
import { isProse } from './classify';
import { wordCount } from './normalise';
import { pageNumberRow } from './pager';

/**
 * A page with no single release in it: a news index, a search result page or a home page lists
 * several items, each a title with a line or two of teaser under it, or several teasers each
 * opening with its own dateline. A release has one dateline and runs of paragraphs.
 */

/**
 * How many items the page lists, the heading of a tag or search page ("Tag: cholera") that told
 * it, how many "Read more" links stood under its teasers, or how many excerpts cut with "[…]" it holds.
 */
export type Listing =
  | { items: number }
  | { heading: string }
  | { moreLinks: number }
  | { excerpts: number; mark: string }
  | { pager: string }
  | { open: number; of: number };

/**
 * "Tag: cholera", "Etiqueta: Migrantes", "Résultats de recherche pour : inondations": the heading
 * a site sets over the stories it files under one word or finds for a search. Publishing systems
 * print it the same way on thousands of sites. Only the singular label over one term counts:
 * "Tags: Ebola, Liberia" lists a single article's own tags. "Category:" is left out, as some
 * sites set an article's section that way above its title; "Category Archives:" is a list's.
 */
const ARCHIVE_HEADING =
  /^(?:tag|tagged|posts?\s+tagged|tag\s+archives?|archives?\s+(?:for\s+)?tag|etiqueta|archivo\s+de\s+(?:la\s+)?etiqueta|entradas\s+etiquetadas\s+(?:con|como)|étiquette|mot[-\s]clé|archives?\s+(?:de\s+l['’]étiquette|du\s+mot[-\s]clé)|الوسم|وسم|أرشيف\s+الوسم|category\s+archives?|archives?\s+(?:for\s+)?(?:the\s+)?category|archives?\s+de\s+(?:la\s+)?catégorie|archivo\s+de\s+(?:la\s+)?categoría|أرشيف\s+(?:التصنيف|الفئة|القسم)|search\s+results?\s+for|results\s+for|résultats?\s+(?:de\s+(?:la\s+)?recherche\s+)?pour|resultados?\s+(?:de\s+(?:la\s+)?búsqueda\s+)?(?:para|de)|نتائج\s+البحث\s+عن)\s*[:：]\s*(\S[^,،;]{0,60})$/iu;

/**
 * "Showing posts with label floods. Show all posts", "Mostrando entradas con la etiqueta
 * migrantes. Mostrar todas las entradas": the line a blogging platform sets over the posts it
 * lists for a label, a month or a search, in every blog that runs on it. It names posts in the
 * plural, so a post shown under it in full, dated, is still one of a list.
 */
const POSTS_HEADING =
  /^((?:showing\s+posts\s+(?:with\s+label|from|matching(?:\s+the\s+search)?\s+for|sorted\s+by\s+relevance\s+for\s+query)|mostrando\s+(?:las\s+)?entradas\s+(?:con\s+la\s+etiqueta|de|que\s+coinciden\s+con\s+la\s+búsqueda\s+de)|affichage\s+des\s+articles\s+(?:dont\s+le\s+libellé\s+est|du|correspondant\s+à\s+la\s+requête)|عرض\s+(?:الرسائل|المشاركات)\s+(?:ذات\s+التسميات|من|التي\s+تطابق))\s+\S[^.]{0,60}?)\.?\s*(?:(?:show\s+all\s+posts|mostrar\s+todas\s+las\s+entradas|afficher\s+tous\s+les\s+articles|(?:إظهار|عرض)\s+(?:كافة|كل)\s+(?:الرسائل|المشاركات))\.?)?$/iu;

/**
 * The heading of a tag or search page, standing above the page's first paragraph of running text
 * (a release may close on its tags; only a heading over the stories tells what the page is).
 * Some sites show the one story filed under a tag in full, date and contacts and all, under the
 * same heading: a page that dates its text or gives a media contact under it is read as a release.
 */
function archiveHeading(items: Classified[]): string | null {
  // A cookie banner or a sidebar is no running text, however long.
  const at = items.slice(0, 40).findIndex((it) => (isProse(it.block.text) && it.kind !== 'junk' && !it.block.aside) || ARCHIVE_HEADING.test(it.block.text.trim()) || POSTS_HEADING.test(it.block.text.trim()));
  const posts = at < 0 ? null : POSTS_HEADING.exec(items[at]!.block.text.trim());
  if (posts) return posts[1]!;
  const m = at < 0 ? null : ARCHIVE_HEADING.exec(items[at]!.block.text.trim());
  if (!m || wordCount(m[1]!) > 6) return null;
  const below = items.slice(at + 1);
  const dated = below.some((it) => it.kind === 'dateline' || it.kind === 'datelineOnly' || (it.kind === 'date' && it.dateIso) || (it.kind === 'label' && it.dateIso));
  const contacts = below.some((it) => it.kind === 'contact' || it.kind === 'contactHead');
  return dated || contacts ? null : items[at]!.block.text.trim();
}

/**
 * "Latest news with #floods", "أحدث الأخبار مع #الهلال_الأحمر": a heading that names the hashtag
 * a page gathers stories under, two words or more closed by the tag.
 */
const HASHTAG_HEADING = /^(?:[\p{L}\p{M}'’-]+\s+){2,8}#[\p{L}\p{M}\p{N}_]{3,60}$/u;

/**
 * What stands above the page's first paragraph of running text and tells that the page is one of
 * a list: its row of page numbers ("1 2 3"), which a release's own page never sets over its text,
 * or a heading naming a hashtag over another line that titles the story shown under it (a
 * release's campaign tag stands alone or closes its title, never over a title). A page that
 * names a media contact under it is left to be read.
 */
function listMarkAbove(items: Classified[]): { pager: string } | { heading: string } | null {
  const first = items.slice(0, 40).findIndex((it) => isProse(it.block.text) && it.kind !== 'junk' && !it.block.aside);
  if (first < 0 || items.some((it) => it.kind === 'contact' || it.kind === 'contactHead')) return null;
  const above = items.slice(0, first);
  // Only the row of numbers: "Displaying 1 - 20 of 48" stands over a release on some sites' pages,
  // and "Page 1 of 3" is read as a Word or PDF copy's page number and taken out before this.
  const pager = above.find((it) => pageNumberRow(it.block.text.trim()));
  if (pager) return { pager: pager.block.text.trim() };
  const tagAt = above.findIndex((it) => HASHTAG_HEADING.test(it.block.text.trim()));
  if (tagAt < 0) return null;
  const titled = above.slice(tagAt + 1).some((it) => it.kind !== 'junk' && wordCount(it.block.text) >= 4 && !it.block.text.includes('#'));
  return titled ? { heading: above[tagAt]!.block.text.trim() } : null;
}

const isTitle = (text: string) => {
  const words = wordCount(text);
  return words >= 7 && words <= 20;
};
const isTeaser = (text: string) => wordCount(text) > 20 && isProse(text);
/**
 * A line shaped like a headline: long enough to say something, not a sentence of running text.
 * A news ticker's item ends in a dash where its time or source was cut off: not an item of the page.
 */
const isHeadlineShaped = (text: string) =>
  isTitle(text) && !isProse(text) && !/[.!?؟:]["”»’)]*$/u.test(text.trim()) && !/\s[-–—|]$/u.test(text.trim()) && !/@|\d{3}/u.test(text);

const READ_LINK = /^(?:read\s+(?:more|news|the\s+(?:full\s+)?(?:story|article|release))|lire\s+(?:la\s+suite|l['’]article)|leer\s+(?:más|la\s+noticia)|ver\s+(?:más|noticia)|[اإ]قر[أؤ]و?ا?\s+(?:المزيد|الخبر))\s*[-–—:|»›>]\s*\S/iu;
/** "Read more", "Leer más", "Lire la suite", "المزيد" alone on its line: the link under a teaser. */
/** A "Read more" link alone on its line (listing's and the headline's test). */
export const isMoreLink = (text: string): boolean => MORE_LINK.test(text.trim());
/**
 * The words of a "Read more" link: "Read more", "Lire la suite", "Leer más", "اقرأ المزيد", and the
 * Persian "ادامه مطلب" that Arabic sites built on Persian themes show. One list for every reader of
 * links (the list-page marks in pagekind.ts take a title after the words too).
 */
export const MORE_WORDS = String.raw`read\s+more|more|continue\s+reading|read\s+(?:the\s+)?(?:full\s+)?(?:story|article|release)|leer\s+más|ver\s+más|seguir\s+leyendo|sigue\s+leyendo|leer\s+(?:la\s+)?noticia|lire\s+la\s+suite|en\s+savoir\s+plus|lire\s+plus|afficher\s+plus|lire\s+l['’]article|المزيد|ادامه\s+مطلب|[اإ]قر[أؤ]و?ا?\s+المزيد|قراءة\s+المزيد|التفاصيل|[اإ]قر[أؤ]و?ا?\s+الخبر`;
const MORE_LINK = new RegExp(`^(?:${MORE_WORDS})\\s*[.…»›>→]*$`, 'iu');

/** "Displaying 26 - 40 of 40", "Página 2 de 5": the pager of a list of results. */
const PAGER = /^(?:(?:displaying|showing|mostrando|affichage|عرض)\s+(?:\d+\s*[-–]\s*\d+|\d+)\s+(?:of|de|sur|من)\s+\d+|(?:page|página|pagina|صفحة)\s+\d+\s+(?:of|de|sur|من)\s+\d+)\b/iu;

/**
 * "… La Secretaria […]", "… ودارفور وكردفان…", "… de réfugiés ... Lire la suite": the mark a
 * publishing system sets where it cut a story to its teaser, straight after a word (the sentence
 * never closed), with or without the "Read more" link run on after it.
 */
const CUT_MARK = /(?:\[(?:…|\.\.\.)\]|(?<=[\p{L}\p{N},;:’'”»)\]-]\s?)(?:…|\.{3}))\s*(?:(?:read\s+more|continue\s+reading|leer\s+más|seguir\s+leyendo|ver\s+más|lire\s+la\s+suite|lire\s+plus|en\s+savoir\s+plus|[اإ]قر[أؤ]و?ا?\s+المزيد|قراءة\s+المزيد|المزيد)\s*[.…»›>→]*)?$/iu;

/**
 * A page whose every paragraph of running text is cut so, with no dateline and no contact, holds
 * teasers of stories and none in full: a category, tag or archive page, or a list of results,
 * however few items the copy shows (a site's list often shows one teaser above the fold). A
 * release's own paragraphs close their sentences, so a release that quotes one teaser is read.
 * Returns how many cut paragraphs there are and the mark seen on the first.
 */
function excerptsOnly(items: Classified[]): { count: number; mark: string } | null {
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  if (kept.some((it) => it.kind === 'dateline' || it.kind === 'contact' || it.kind === 'contactHead')) return null;
  const prose = kept.filter((it) => isProse(it.block.text));
  if (prose.length === 0 || !prose.every((it) => CUT_MARK.test(it.block.text.trim()))) return null;
  const mark = /\[(?:…|\.\.\.)\]/u.exec(prose[0]!.block.text)?.[0] ?? (/\.{3}/u.test(CUT_MARK.exec(prose[0]!.block.text.trim())![0]) ? '...' : '…');
  return { count: prose.length, mark };
}

/**
 * Three paragraphs of running text or more, two thirds of them or more stopping in the middle of
 * a sentence (cut with "…" or "[…]", or on a bare word), with no dateline and no contact: a list's
 * teasers, some cut with a mark and some without, where a story shown in full may close its own
 * (and a list whose every teaser stops so).
 * A release closes its paragraphs; a copy cut short leaves its last one open, and the releases of
 * the working sets leave at most half of them open. Bullet points are left out: a release's key
 * facts need not close a sentence.
 */
function mostlyOpen(items: Classified[]): { open: number; of: number } | null {
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  if (kept.some((it) => it.kind === 'dateline' || it.kind === 'datelineOnly' || it.kind === 'contact' || it.kind === 'contactHead')) return null;
  const prose = kept.filter((it) => it.block.hint !== 'li' && isProse(it.block.text)).map((it) => it.block.text.trim());
  const isOpen = (t: string) => CUT_MARK.test(t) || /[\p{L}\p{N}]$/u.test(t);
  const open = prose.filter(isOpen).length;
  // The last paragraph left open by itself may be where a person's copy stopped: it is counted
  // only with a site's cut mark, so a release whose summary closes no sentence, copied short,
  // is not two thirds open.
  const last = prose[prose.length - 1];
  const counted = last !== undefined && isOpen(last) && !CUT_MARK.test(last) ? open - 1 : open;
  return prose.length >= 3 && counted * 3 >= prose.length * 2 ? { open, of: prose.length } : null;
}

/**
 * Two or more "Read more" links, each under a teaser (or one under a pager), with no two
 * paragraphs of running text together before the first: every story on the page is cut to a teaser, so none is the page's.
 * A release may close on a box of other stories with such links, but its own paragraphs come first.
 */
function moreLinks(items: Classified[]): number {
  const at = items.map((it, i) => (isMoreLink(it.block.text) ? i : -1)).filter((i) => i >= 0);
  const underTeaser = at.filter((i) => {
    const above = items.slice(Math.max(0, i - 2), i).filter((it) => it.kind !== 'junk');
    return above.some((it) => isProse(it.block.text));
  }).length;
  // A pager above the first story is the other sign of a list: one such link then suffices.
  const pager = at.length > 0 && items.slice(0, at[0]).some((it) => PAGER.test(it.block.text.trim()));
  if (underTeaser < (pager ? 1 : 2)) return 0;
  let run = 0;
  for (const it of items.slice(0, at[0])) {
    if (it.kind === 'junk' || it.block.aside) continue;
    run = isProse(it.block.text) ? run + 1 : 0;
    if (run >= 2) return 0;
  }
  return at.length;
}

/** Four words or more in capitals opening a paragraph, then running text in lower case. */
const CAPITALS_THEN_TEXT = /^(?:[\p{Lu}\d][\p{Lu}\d'’,.:-]*\s+){4,}.*?\p{Ll}{2,}\s+\p{Ll}{2,}/u;

const FAQ_HEADING = /^(?:frequently\s+asked\s+questions|faqs?|questions\s+fréquentes|foire\s+aux\s+questions|preguntas\s+frecuentes|الأسئلة\s+الشائعة|أسئلة\s+متكررة)$/iu;

/** "RefugiadosUn incendio … desplazadosUn incendio declarado …": a card's tag, title and teaser run together when copied. */
const GLUED_WORD = /[\p{L}"”»)]*[\p{Ll}"”»)]\p{Lu}\p{Ll}+/gu;

/**
 * Lines with two or more such joins found nowhere else on the page. A brand written with a
 * capital inside ("ShelterBox") recurs from paragraph to paragraph; a card's joins do not.
 */
function gluedCards(items: Classified[]): number {
  const perLine = items.map((it) => (wordCount(it.block.text) >= 8 ? (it.block.text.match(GLUED_WORD) ?? []) : []));
  const seen = new Map<string, number>();
  for (const joins of perLine) for (const j of joins) seen.set(j, (seen.get(j) ?? 0) + 1);
  return perLine.filter((joins) => joins.filter((j) => seen.get(j) === 1).length >= 2).length;
}

/**
 * Where the page's own text ends and its links to other stories begin: a "See also" heading under
 * two paragraphs or more of running text. What follows it (titles, teasers, their datelines) is
 * never the page's index nor its release. The length of the page when there is none.
 */
export function relatedCut(items: Classified[]): number {
  const related = items.findIndex((it) => it.kind === 'related');
  return related > 0 && items.slice(0, related).filter((it) => isProse(it.block.text)).length >= 2 ? related : items.length;
}

export function findListing(all: Classified[]): Listing | null {
  const items = all.slice(0, relatedCut(all));
  const heading = archiveHeading(items);
  if (heading !== null) return { heading };
  const mark = listMarkAbove(items);
  if (mark !== null) return mark;
  // Three or more lines each gluing a tag, a title and a teaser together: the cards of an index.
  const glued = gluedCards(items);
  if (glued >= 3) return { items: glued };
  // "Read news - <title>" under each teaser: the links of an index page.
  const readLinks = items.filter((it) => READ_LINK.test(it.block.text.trim())).length;
  if (readLinks >= 3) return { items: readLinks };
  const excerpts = excerptsOnly(items);
  if (excerpts) return { excerpts: excerpts.count, mark: excerpts.mark };
  const open = mostlyOpen(items);
  if (open) return open;
  const more = moreLinks(items);
  if (more > 0) return { moreLinks: more };
  // "Frequently asked questions" over questions and their answers.
  const questions = items.filter((it) => wordCount(it.block.text) <= 20 && /[?？؟]$/u.test(it.block.text.trim())).length;
  if (questions >= 2 && items.slice(0, 5).some((it) => FAQ_HEADING.test(it.block.text.trim()))) return { items: questions };
  const kept = items.filter((it) => it.kind !== 'junk' && !it.block.aside);
  const datelined = kept.filter((it) => it.kind === 'dateline').length;
  if (datelined >= 3) return { items: datelined };
  // "WFP ENDS FOOD AID TO ALBANIA … Tirana – The United Nations …": three or more paragraphs each
  // opening with a title in capitals run into its own text, as a list of results copied from an
  // older site reads. A release opens one paragraph so at most (its dateline), and one written
  // all in capitals has no text in lower case after the run.
  const titledInCapitals = kept.filter((it) => isProse(it.block.text) && CAPITALS_THEN_TEXT.test(it.block.text)).length;
  if (titledInCapitals >= 3) return { items: titledInCapitals };
  // Four or more different headline-shaped lines (a page repeating its own title counts it once) with never two paragraphs of running text together: the
  // items of an index page ("COUNTRY - title", a one-line teaser, the next title), even where one
  // title opens with a place the way a dateline does.
  // Contact lines are short too: only running text counts, never a line with an address or number.
  // Bullet points (a release's key facts) are not items of an index.
  // A line over bullet points is a release's section heading over its key facts, not an item.
  const titles = kept.filter((it, k) => (it.kind === 'text' || it.kind === 'dateline') && it.block.hint !== 'li' && kept[k + 1]?.block.hint !== 'li' && isHeadlineShaped(it.block.text));
  const shaped = new Set(titles.map((it) => it.block.text.trim())).size;
  let proseRun = 0;
  let longestProse = 0;
  for (const it of kept) {
    proseRun = isProse(it.block.text) ? proseRun + 1 : 0;
    longestProse = Math.max(longestProse, proseRun);
  }
  const datelinedProse = kept.some((it) => it.kind === 'dateline' && isProse(it.block.text));
  if (shaped >= 4 && longestProse < 2 && !datelinedProse) return { items: shaped };
  // "Jeudi 24 juillet 2014", one teaser, "Mercredi 23 juillet 2014", one teaser…: a dated list.
  const dates = new Set(kept.filter((it) => it.kind === 'date' && it.dateIso).map((it) => it.dateIso));
  if (dates.size >= 3 && longestProse < 2 && datelined === 0) return { items: dates.size };
  // Titles each over a teaser cut short ("… takes a line that coincides with its…"): an index,
  // even when the last teaser opens with its dateline.
  const cutTeasers = kept.filter((it, k) => k > 0 && /(?:…|\.\.\.)\s*$/u.test(it.block.text) && wordCount(it.block.text) >= 12 && isTitle(kept[k - 1]!.block.text)).length;
  if (cutTeasers >= 3) return { items: cutTeasers };
  // A dateline alone on its line (a wire's "ROTTERDAM, Netherlands, Jan. 13, 2021 /PRNewswire/ --")
  // opens one release's text, and a release's label ("Press release", "بيان صحفي") stands over it:
  // its short sections under titles are no list of teasers.
  if (datelined > 0 || kept.some((it) => it.kind === 'datelineOnly' || it.kind === 'label')) return null;
  let longestRun = 0;
  let run = 0;
  let teasers = 0;
  let openTitles = 0;
  for (const [i, it] of kept.entries()) {
    const prose = isTeaser(it.block.text);
    run = prose ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
    const next = kept[i + 1];
    if (next && isTitle(it.block.text) && isTeaser(next.block.text)) {
      teasers++;
      if (!/[.!?؟]["”»’)]*$/u.test(it.block.text.trim())) openTitles++;
    }
  }
  // Most items' titles close no sentence; short sentences between paragraphs are a release's text.
  return teasers >= 3 && openTitles >= 2 && longestRun < 3 ? { items: teasers } : null;
}

/** A story's title in a list of other stories: three to twenty words, closing no sentence. */
export function teaserTitle(text: string): boolean {
  const words = wordCount(text);
  return words >= 3 && words <= 20 && !/[.!?؟:]["”»’)]*$/u.test(text);
}

/**
 * "Title / two-line summary / title / summary / …": a list of other stories, each a short title
 * over a longer summary, three or more in a row, as a page sets above or beside its article. Read
 * from the lines' shapes only, so any site's "latest news" box is known without its words.
 * Returns each run as [start, end) indexes into `lines`.
 */
export function teaserRuns(lines: Block[]): { start: number; end: number }[] {
  const title = (b: Block) => teaserTitle(b.text);
  const summary = (t: Block, s: Block) => wordCount(s.text) >= 12 && wordCount(s.text) >= 1.3 * wordCount(t.text);
  const pairAt = (k: number) => k + 1 < lines.length && title(lines[k]!) && summary(lines[k]!, lines[k + 1]!);
  const runs: { start: number; end: number }[] = [];
  for (let k = 0; k < lines.length; ) {
    let end = k;
    while (pairAt(end)) end += 2;
    if ((end - k) / 2 >= 3) {
      runs.push({ start: k, end });
      k = end;
    } else k++; // a page's name over the first title can pair them one line out of step
  }
  return runs;
}

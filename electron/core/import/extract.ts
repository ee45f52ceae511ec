import type { ImportedRelease } from '../../shared/import-contract';
import type { Block } from './blocks';
import { extractContacts, findEmails, findPhones, hasContactDetail, isContactHeaderRow, leadingName, type ExtractedContact } from './contacts';
import { datelineOnly, matchDateline } from './dateline';
import { firstDate, isDateOnly, isUpdatedDateLine, readEmbargo } from './dates';
import { detectLanguage } from './language';
import {
  ABOUT_RE,
  CONTACT_LABEL_RE,
  NOTES_RE,
  ORG_WORDS,
  ROLE_WORDS,
  endMarkOf,
  isByline,
  isCaption,
  isContactHeading,
  isEditorialNote,
  isEmbargoLine,
  isJunk,
  isMailHeaderRun,
  isMailSeparator,
  isPageNumberLine,
  isWeakContactHeading,
  mailHeaderField,
  isRelatedHeading,
  isLabel,
  isNavBlock,
  leadingLabel,
  withoutPageCounters,
} from './lexicon';
import { extractQuotes } from './quotes';
import { cleanLine, compareKey, wordCount } from './normalise';

/**
 * Reads a release out of blocks: page furniture and labels are dropped, the header gives the
 * headline, subheadline, date and embargo, the dateline opens the body, and the sections after
 * it (notes to editors, "About X", contacts, the end mark) are told apart by their headings.
 */

export interface PageMeta {
  /** The page's own title (HTML <title> or Readability's), a fallback for the headline. */
  title?: string | null;
  /** A publication date the page states in its metadata. */
  publishedIso?: string | null;
}

export interface Extraction {
  release: ImportedRelease;
  contacts: ExtractedContact[];
  warnings: string[];
}

type Kind =
  | 'junk'
  | 'label'
  | 'date'
  | 'embargo'
  | 'end'
  | 'notes'
  | 'about'
  | 'contactHead'
  | 'contact'
  | 'dateline'
  | 'datelineOnly'
  | 'related'
  | 'note'
  | 'text';

interface Classified {
  block: Block;
  kind: Kind;
  /** For 'date' and 'label' with a date. */
  dateIso?: string | null;
}

function isProse(text: string): boolean {
  const words = wordCount(text);
  const sentences = (text.match(/[.!?。؟](?:["”»’)]*)(?:\s|$)/gu) ?? []).length;
  return words >= 30 || (words >= 16 && sentences >= 2) || (words >= 20 && /[.!?؟]["”»’)]*$/u.test(text));
}

function aboutHeading(text: string): { heading: string; rest: string } | null {
  const t = text.trim();
  const inline = t.match(/^((?:about|à\s+propos\s+(?:de|d['’]|du|des)|a\s+propos\s+(?:de|d['’]|du|des)|acerca\s+del?|sobre|نبذة\s+عن|حول)\s*[^:.،]{2,80}?)\s*[:：]\s+(.+)$/iu);
  const named = inline?.[1]!.replace(/^(?:about|à\s+propos|a\s+propos|acerca|sobre|نبذة|حول)\s+(?:del\s+|de\s+|d['’]|du\s+|des\s+)?(?:the\s+|la\s+|le\s+|les\s+|l['’]|el\s+|los\s+|las\s+)?/iu, '');
  if (inline && named && !/^\d/u.test(named) && (/^\p{Lu}/u.test(named) || /[\u0600-\u06FF]/u.test(t))) {
    return { heading: inline[1]!.trim(), rest: inline[2]!.trim() };
  }
  // An organisation's full name can be long ("À propos du Regroupement des banques alimentaires de la Mauricie").
  if (!ABOUT_RE.test(t) || wordCount(t) > 14 || /[.!?؟]$/u.test(t)) return null;
  // "About 40,000 people..." is a sentence; "About Hope Waters" is a heading.
  const after = t.replace(/^(?:about|à\s+propos|a\s+propos|acerca|sobre|نبذة|حول|عن|من)\s+(?:del\s+|de\s+|d['’]|du\s+|des\s+)?(?:the\s+|la\s+|le\s+|les\s+|l['’]|el\s+|los\s+|las\s+)?/iu, '');
  if (/^\d/u.test(after)) return null;
  if (!/[\u0600-\u06FF]/u.test(t) && !/^\p{Lu}/u.test(after) && !/^(?:us|nous)$/iu.test(after) && !/^(?:quiénes|qui)/iu.test(t)) return null;
  if (/^(?:عن|من)\s/u.test(t) && wordCount(t) > 5) return null;
  return { heading: t, rest: '' };
}

function notesHeading(text: string): { rest: string } | null {
  const m = text.match(NOTES_RE);
  if (!m) return null;
  return { rest: text.slice(m[0].length).trim() };
}

/**
 * The part of a contact line before its first separator ("Jane Roe, Officer", "Jane Roe – Officer").
 * A hyphen inside a word is no separator: "Marc-Antoine Roy" is one name.
 */
function firstSegment(text: string): string {
  return text.split(/[,،(|]|\s[–—-]\s|\s[–—]|[–—]\s/u)[0]!.trim();
}

/** A line that is a person's contact details rather than a sentence of the release. */
function isContactLine(text: string): boolean {
  if (!hasContactDetail(text)) return false;
  if (CONTACT_LABEL_RE.test(text)) return true;
  let residue = text;
  for (const f of [...findEmails(text), ...findPhones(text)]) residue = residue.replace(text.slice(f.index, f.index + f.length), ' ');
  const words = wordCount(residue);
  if (words <= 8) return true;
  if (words > 30) return false;
  return findEmails(text).length > 0 || /^(?:tel|tél|phone|mobile|e-?mail|courriel|correo|هاتف|جوال)/iu.test(text) || leadingName(firstSegment(text)) !== null;
}

/** Datelines and standalone dates stand near the top; past this many blocks nobody looks for them. */
const HEAD_BLOCKS = 60;

function classify(block: Block, index: number): Classified {
  const text = block.text;
  const end = endMarkOf(text);
  if (end) return { block, kind: 'end' };
  // Before the menu test: "Contact" is a menu item too, and a heading over the media contacts.
  if (isContactHeading(text)) return { block, kind: 'contactHead' };
  // Before the menu test too: "Related stories" is a menu word, but here it opens a list of links.
  if (isRelatedHeading(text)) return { block, kind: 'related' };
  if (isNavBlock(text)) return { block, kind: 'junk' };
  if (isEmbargoLine(text)) return { block, kind: 'embargo' };
  if (notesHeading(text)) return { block, kind: 'notes' };
  if (isWeakContactHeading(text)) return { block, kind: 'contactHead' };
  if (isContactLine(text)) return { block, kind: 'contact' };
  if (isJunk(text) || isCaption(text)) return { block, kind: 'junk' };
  if (index < HEAD_BLOCKS && isByline(text)) {
    // "Posted on 3 June 2026 by …": the date is the release's, the rest is the page's.
    const d = firstDate(text);
    return d && !isUpdatedDateLine(text) ? { block, kind: 'date', dateIso: d.iso } : { block, kind: 'junk' };
  }
  if (isLabel(text)) return { block, kind: 'label' };
  const labelled = leadingLabel(text);
  if (labelled && (labelled.rest === '' || isDateOnly(labelled.rest))) {
    return { block, kind: 'label', dateIso: labelled.rest ? (firstDate(labelled.rest)?.iso ?? null) : null };
  }
  const short = text.length <= 160;
  if (short && wordCount(text) <= 14 && firstDate(text) && isUpdatedDateLine(text)) return { block, kind: 'junk' };
  if (isDateOnly(text)) return { block, kind: 'date', dateIso: firstDate(text)?.iso ?? null };
  // "3 March 2026 · 342 views": a page's date line with its counter.
  const uncounted = short ? withoutPageCounters(text) : text;
  if (uncounted !== text) {
    if (uncounted === '' || /^[\p{P}\s]*$/u.test(uncounted)) return { block, kind: 'junk' };
    if (isDateOnly(uncounted.replace(/[|·•]/gu, ' '))) return { block, kind: 'date', dateIso: firstDate(uncounted)?.iso ?? null };
  }
  if (index < HEAD_BLOCKS && isEditorialNote(text)) return { block, kind: 'note' };
  if (aboutHeading(text)) return { block, kind: 'about' };
  if (index < HEAD_BLOCKS && short && datelineOnly(text)) return { block, kind: 'datelineOnly' };
  if (index < HEAD_BLOCKS && block.hint !== 'h1' && block.hint !== 'h2' && matchDateline(text)) return { block, kind: 'dateline' };
  return { block, kind: 'text' };
}

/** A short line that could be a name, a role or an organisation above someone's details. */
function isContactCaption(text: string): boolean {
  if (wordCount(text) > 9 || /\d/u.test(text) || /[.!?؟]$/u.test(text)) return false;
  return leadingName(firstSegment(text)) !== null || ROLE_WORDS.test(text) || ORG_WORDS.test(text);
}

/**
 * Everything above the last e-mail header of a forwarded message: the forwarder's note, the
 * headers and the separators. The release starts below them. Only the top of the text is looked
 * at, and never past a dateline: by then the release has begun.
 */
function dropMailEnvelope(blocks: Block[]): Block[] {
  let end = 0;
  for (let i = 0; i < Math.min(blocks.length, HEAD_BLOCKS); i++) {
    const text = blocks[i]!.text;
    if (isMailSeparator(text)) {
      end = i + 1;
      continue;
    }
    const fields: string[] = [];
    let j = i;
    for (; j < blocks.length; j++) {
      const f = mailHeaderField(blocks[j]!.text);
      if (f === null) break;
      fields.push(f);
    }
    if (isMailHeaderRun(fields)) {
      end = j;
      i = j - 1;
      continue;
    }
    if (matchDateline(text)) break;
  }
  return end > 0 && end < blocks.length ? blocks.slice(end) : blocks;
}

const ENDS_PARAGRAPH = /[.!?:;؟"”»’)]$/u;

/**
 * Page numbers and running headers or footers of a document copied from Word or a PDF. A
 * paragraph that the page break cut in two is put back together.
 */
function dropPageFurniture(blocks: Block[]): Block[] {
  const isPageNumber = (b: Block) => b.hint !== 'cell' && b.hint !== 'li' && endMarkOf(b.text) === null && isPageNumberLine(b.text);
  if (!blocks.some(isPageNumber)) return blocks;
  // A line repeated on every page next to the page number ("Harbour Council – Media Release")
  // is the running header or footer.
  const count = new Map<string, number>();
  for (const b of blocks) count.set(compareKey(b.text), (count.get(compareKey(b.text)) ?? 0) + 1);
  const running = new Set<string>();
  blocks.forEach((b, i) => {
    if (!isPageNumber(b)) return;
    for (const n of [blocks[i - 1], blocks[i + 1]]) {
      if (n && n.text.length < 100 && !isPageNumber(n) && (count.get(compareKey(n.text)) ?? 0) >= 2) running.add(compareKey(n.text));
    }
  });
  const out: Block[] = [];
  let cut = false;
  for (const b of blocks) {
    if (isPageNumber(b) || running.has(compareKey(b.text))) {
      cut = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (cut && prev && !ENDS_PARAGRAPH.test(prev.text) && /^\p{Ll}/u.test(b.text) && isProse(`${prev.text} ${b.text}`)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
    } else out.push(b);
    cut = false;
  }
  return out;
}

const NOTE_NUMBER = /^\s*(?:\(?[0-9\u0660-\u0669]{1,2}[.)\-–]|[-*•▪◦‣])\s+/u;

/** 'links' is a list of other articles' titles under a "Related stories" heading. */
type State = 'header' | 'body' | 'notes' | 'about' | 'tail' | 'links';

/** Every word of four letters or more starts with a capital: a headline set in Title Case. */
function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) && /\p{Ll}/u.test(text);
}

function continuesHeadline(first: string, second: string): boolean {
  return !/[.!?؟:;,–—-]$/u.test(first) && wordCount(second) <= 6 && isTitleCase(first) && isTitleCase(second) && !/[.!?؟]$/u.test(second);
}

export function extractRelease(input: Block[], meta: PageMeta = {}): Extraction {
  const blocks = dropPageFurniture(dropMailEnvelope(input.map((b) => ({ ...b, text: cleanLine(b.text) })).filter((b) => b.text !== '')));
  const items = blocks.map((b, i) => classify(b, i));
  const warnings: string[] = [];

  const header: Block[] = [];
  const body: string[] = [];
  const notes: string[] = [];
  const about: string[] = [];
  const contactGroups: string[][] = [];
  // Lines after the end mark that may name the person whose details follow.
  const tailLines: string[] = [];
  let place: string | null = null;
  let datelineDate: string | null = null;
  let headerDate: string | null = null;
  let embargoLine: string | null = null;
  let endMark: ImportedRelease['endMark'] = null;
  let state: State = 'header';
  // Header blocks before this index stood above a "Press release" label: a site or
  // organisation name, not the headline.
  let labelCut = 0;
  let stateBeforeLinks = 'tail' as State;
  // Where each kept block went, so a contact region can take back the name lines above it.
  const placed: { index: number; into: string[] | Block[]; at: number }[] = [];

  const keep = (index: number, into: string[], text: string) => {
    placed.push({ index, into, at: into.length });
    into.push(text);
  };
  const keepHeader = (index: number, block: Block) => {
    placed.push({ index, into: header, at: header.length });
    header.push(block);
  };

  // "Key facts" and its bullets between the headline and the dateline: a list is never a
  // headline, so it opens the body (the dateline paragraph then follows it).
  const bulletsToBody = () => {
    let from = header.length;
    while (from > 0 && header[from - 1]!.hint === 'li') from--;
    if (from === header.length) return;
    const title = header[from - 1];
    if (title && from - 1 > 0 && wordCount(title.text) <= 6 && !/[.!?؟]$/u.test(title.text)) from--;
    if (from === 0) return;
    const moved = placed.filter((p) => p.into === header && p.at >= from);
    for (const p of moved) placed.splice(placed.indexOf(p), 1);
    const blocksMoved = header.splice(from);
    blocksMoved.forEach((b, k) => keep(moved[k]?.index ?? -1, body, b.text.replace(/[:：]$/u, '')));
  };

  const takeContactRegion = (start: number): number => {
    const region: Block[] = [];
    // Lines just above that name the person ("Jane Roe", "Regional Director").
    for (let k = placed.length - 1; k >= 0 && region.length < 3; k--) {
      const p = placed[k]!;
      const b = blocks[p.index]!;
      if (p.index < start - 3 - region.length || p.at !== p.into.length - 1) break;
      if (!isContactCaption(b.text) || (b.group !== blocks[start]!.group && p.index !== start - 1 - region.length)) break;
      p.into.pop();
      placed.splice(k, 1);
      region.unshift(b);
    }
    let j = start;
    for (; j < items.length; j++) {
      const it = items[j]!;
      if (j === start || it.kind === 'contact' || it.kind === 'contactHead') {
        region.push(it.block);
        continue;
      }
      const nextContact = [items[j + 1], items[j + 2]].some((n) => n && n.kind === 'contact');
      if (it.kind === 'text' && isContactHeaderRow(it.block.text)) {
        region.push(it.block);
        continue;
      }
      if (it.kind === 'text' && isContactCaption(it.block.text) && nextContact) {
        region.push(it.block);
        continue;
      }
      break;
    }
    let group: number | null = null;
    for (const b of region) {
      if (b.group !== group || contactGroups.length === 0) {
        contactGroups.push([]);
        group = b.group;
      }
      contactGroups[contactGroups.length - 1]!.push(b.text);
    }
    return j - 1;
  };

  for (let i = 0; i < items.length; i++) {
    const { block, kind, dateIso } = items[i]!;
    const text = block.text;
    if (kind === 'junk') continue;
    if (kind === 'related') {
      if (state !== 'header' && state !== 'links') {
        stateBeforeLinks = state;
        state = 'links';
      }
      continue;
    }
    if (block.aside && kind !== 'contact' && kind !== 'contactHead') continue;
    if (kind === 'end') {
      endMark ??= endMarkOf(text);
      if (state === 'body' || state === 'header') state = 'tail';
      continue;
    }
    if (kind === 'embargo') {
      embargoLine ??= text;
      continue;
    }
    if (kind === 'note' && state === 'header') {
      warnings.push('A note on an update or correction stood above the release; it was left out of the fields.');
      continue;
    }
    // "Information:" heads the contacts only when contact details follow it.
    if (kind === 'contactHead' && isWeakContactHeading(text) && !items.slice(i + 1, i + 6).some((n) => n.kind === 'contact')) {
      if (state === 'body') keep(i, body, text);
      continue;
    }
    if (kind === 'contactHead' || kind === 'contact') {
      i = takeContactRegion(i);
      // The boilerplate ends at the contacts too: what follows them is the page or letterhead
      // footer (address, registration numbers), not more about the organisation.
      if ((state === 'body' && body.length > 0) || state === 'about' || state === 'links') state = 'tail';
      continue;
    }
    if (kind === 'notes') {
      state = 'notes';
      const rest = notesHeading(text)!.rest;
      if (rest) keep(i, notes, rest);
      continue;
    }
    if (kind === 'about' && state !== 'header') {
      const h = aboutHeading(text)!;
      state = 'about';
      keep(i, about, h.heading);
      if (h.rest) keep(i, about, h.rest);
      continue;
    }
    if (kind === 'label') {
      if (state === 'header') {
        if (dateIso) headerDate ??= dateIso;
        labelCut = header.length;
      }
      continue;
    }
    if (kind === 'date') {
      if (state === 'header' && dateIso && !isUpdatedDateLine(text)) headerDate ??= dateIso;
      continue;
    }
    if (state === 'header') {
      if (kind === 'datelineOnly') {
        const d = datelineOnly(text)!;
        place = d.place;
        datelineDate = d.dateIso;
        bulletsToBody();
        state = 'body';
        continue;
      }
      if (kind === 'dateline') {
        const d = matchDateline(text)!;
        place = d.place;
        datelineDate = d.dateIso;
        const rest = text.slice(d.length).replace(/^[\s–—-]+/u, '');
        bulletsToBody();
        state = 'body';
        if (rest) keep(i, body, rest);
        continue;
      }
      if (block.hint !== 'h1' && block.hint !== 'h2' && isProse(text) && !(header.length === 0 && kind === 'about')) {
        state = 'body';
        keep(i, body, text);
        continue;
      }
      keepHeader(i, block);
      continue;
    }
    if (state === 'body') {
      if (kind === 'about') {
        const h = aboutHeading(text)!;
        state = 'about';
        keep(i, about, h.heading);
        if (h.rest) keep(i, about, h.rest);
        continue;
      }
      if (kind === 'datelineOnly') continue;
      keep(i, body, text);
      continue;
    }
    if (state === 'links') {
      // A real paragraph after the links: the list was a box inside the article.
      if (isProse(text)) {
        state = stateBeforeLinks;
        if (state === 'body') keep(i, body, text);
        else if (state === 'notes') keep(i, notes, text);
      }
      continue;
    }
    if (state === 'notes') {
      // A Word file or a page keeps the numbers typed before each note ("1. ", "2) ", "١."); the
      // notes field holds one note a paragraph without them.
      keep(i, notes, text.replace(NOTE_NUMBER, ''));
      continue;
    }
    if (state === 'about') {
      // Boilerplate is prose; an address line or a slogan after it is the page footer.
      if (isProse(text) || /[.!?؟]$/u.test(text)) keep(i, about, text);
      continue;
    }
    // After the end mark or the contacts: an unlabelled "X is a ..." paragraph is the boilerplate.
    if (state === 'tail' && about.length === 0 && isProse(text) && /\b(?:is|are|est|sont|es|son)\s+(?:a|an|the|une?|la|el|las|los|one)\b|هي|هو/iu.test(text)) {
      state = 'about';
      keep(i, about, text);
      continue;
    }
    // A name or a job title after the end mark: the contact details under it take it back.
    if (state === 'tail' && isContactCaption(text)) keep(i, tailLines, text);
  }

  // Headline and subheadline from what stood before the body.
  let headline: string | null = null;
  let subheadline: string | null = null;
  const afterLabel = header.slice(labelCut);
  const candidates = (afterLabel.some((b) => wordCount(b.text) >= 3) ? afterLabel : header)
    .map((b) => ({ ...b, text: (leadingLabel(b.text)?.rest || b.text).trim() }))
    .filter((b) => b.text !== '' && !isLabel(b.text) && !isDateOnly(b.text) && wordCount(b.text) <= 80);
  const h1 = candidates.findIndex((b) => b.hint === 'h1');
  // A marked-up headline wins; otherwise the last two lines before the body are headline and
  // subheadline (what stands above them is a site name or a section title).
  const picked = h1 >= 0 ? candidates.slice(h1, h1 + 2) : candidates.length >= 3 ? candidates.slice(-2) : candidates;
  if (picked[0]) headline = picked[0].text;
  if (picked[1] && wordCount(picked[1].text) <= 70) subheadline = picked[1].text;
  // A PDF copy breaks a long Title Case headline over two lines: a short second line in the
  // same case, straight under a first line that ends no sentence, continues the headline.
  if (headline !== null && subheadline !== null && picked[0]!.group === picked[1]!.group && continuesHeadline(headline, subheadline)) {
    headline = `${headline} ${subheadline}`;
    subheadline = null;
  }
  if (headline === null && meta.title && body.length > 0 && !isLabel(meta.title) && !isNavBlock(meta.title)) {
    headline = meta.title;
  }
  // Headlines written in capitals: keep them as written; the person can change the case.
  const headKey = headline ? compareKey(headline) : null;
  const subKey = subheadline ? compareKey(subheadline) : null;
  const bodyClean = body.filter((p) => {
    const k = compareKey(p);
    return k !== headKey && k !== subKey && !isNavBlock(p);
  });

  let embargo: ImportedRelease['embargo'] = null;
  let embargoDate: string | null = null;
  if (embargoLine) {
    const e = readEmbargo(embargoLine);
    embargoDate = e.dateIso;
    embargo = { at: e.at, timeZone: e.at ? e.timeZone : null, text: embargoLine };
    if (!e.at) warnings.push('The embargo line has no date Dateline could read; set the embargo by hand.');
  }

  // With no dateline and no date line, an embargoed release comes out on the embargo's day.
  const releaseDate = datelineDate ?? headerDate ?? meta.publishedIso ?? embargoDate ?? null;
  const contacts = extractContacts(contactGroups);
  const quotes = extractQuotes(bodyClean);
  const language = detectLanguage([headline ?? '', ...bodyClean].join('\n'));
  if (headline === null) warnings.push('No headline was found; write one before storing.');
  if (bodyClean.length === 0) warnings.push('No body text was found.');

  return {
    release: {
      headline,
      subheadline,
      datelinePlace: place,
      releaseDate,
      embargo,
      language,
      body: bodyClean,
      quotes,
      notesToEditors: notes.length ? notes.join('\n\n') : null,
      boilerplate: about.length ? about.join('\n\n') : null,
      endMark,
    },
    contacts,
    warnings,
  };
}

import type { Block } from './blocks';
import { findEmails, findPhones, hasContactDetail, leadingName } from './contacts';
import { datelineOnly, matchDateline, type Dateline } from './dateline';
import { firstDate, isDateOnly, isUpdatedDateLine } from './dates';
import {
  ABOUT_RE,
  CONTACT_LABEL_RE,
  NOTES_RE,
  ORG_WORDS,
  ROLE_WORDS,
  editorsNote,
  endMarkOf,
  isByline,
  isCaption,
  isContactHeading,
  isEditorialNote,
  isEmbargoLine,
  isJunk,
  isLabel,
  isNavBlock,
  isRelatedHeading,
  isWeakContactHeading,
  leadingLabel,
  withoutPageCounters,
} from './lexicon';
import { wordCount } from './normalise';

/**
 * What each block of a release is on its own (page furniture, a label, a date, the embargo,
 * the end mark, a section heading, a contact line, the dateline, or text), before the reader
 * in extract.ts decides from their order where each goes.
 */

export type Kind =
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

export interface Classified {
  block: Block;
  kind: Kind;
  /** For 'date' and 'label' with a date. */
  dateIso?: string | null;
  /** For 'dateline' and 'datelineOnly'. */
  dateline?: Dateline;
}

export function isProse(text: string): boolean {
  const words = wordCount(text);
  const sentences = (text.match(/[.!?。؟](?:["”»’)]*)(?:\s|$)/gu) ?? []).length;
  // A title never ends on a semicolon: twenty words closed by one ("…؛") are a sentence the text goes on from.
  return words >= 30 || (words >= 16 && sentences >= 2) || (words >= 20 && /[.!?؟;؛]["”»’)]*$/u.test(text));
}

/**
 * "About the organisation", "À propos de l'association", "Acerca de la organización": the kind
 * of body a release's issuer is, written in lower case where its name would stand.
 */
const ISSUER_KIND = /^(?:organi[sz]ation|association|agency|charity|foundation|company|network|ngo|organisme|agence|fondation|société|réseau|ong|organización|asociación|agencia|fundación|empresa|red)$/iu;

export function aboutHeading(text: string): { heading: string; rest: string } | null {
  const t = text.trim();
  const inline = t.match(/^((?:about|à\s+propos\s+(?:de|d['’]|du|des)|a\s+propos\s+(?:de|d['’]|du|des)|acerca\s+del?|sobre|نبذة\s+عن|حول)\s*[^:.،]{2,80}?)\s*[:：]\s+(.+)$/iu);
  const named = inline?.[1]!.replace(/^(?:about|à\s+propos|a\s+propos|acerca|sobre|نبذة|حول)\s+(?:del\s+|de\s+|d['’]|du\s+|des\s+)?(?:the\s+|la\s+|le\s+|les\s+|l['’]|el\s+|los\s+|las\s+)?/iu, '');
  if (inline && named && !/^\d/u.test(named) && (/^\p{Lu}/u.test(named) || ISSUER_KIND.test(named) || /[\u0600-\u06FF]/u.test(t))) {
    return { heading: inline[1]!.trim(), rest: inline[2]!.trim() };
  }
  // An organisation's full name can be long ("À propos du Regroupement des banques alimentaires de la Mauricie").
  if (!ABOUT_RE.test(t) || wordCount(t) > 14 || /[.!?؟]$/u.test(t)) return null;
  // "About 40,000 people..." is a sentence; "About Hope Waters" is a heading.
  const after = t.replace(/^(?:about|à\s+propos|a\s+propos|acerca|sobre|نبذة|حول|عن|من)\s+(?:del\s+|de\s+|d['’]|du\s+|des\s+)?(?:the\s+|la\s+|le\s+|les\s+|l['’]|el\s+|los\s+|las\s+)?/iu, '');
  if (/^\d/u.test(after)) return null;
  if (!/[\u0600-\u06FF]/u.test(t) && !/^\p{Lu}/u.test(after) && !ISSUER_KIND.test(after) && !/^(?:us|nous)$/iu.test(after) && !/^(?:quiénes|qui)/iu.test(t)) return null;
  if (/^(?:عن|من)\s/u.test(t) && wordCount(t) > 5) return null;
  return { heading: t, rest: '' };
}

export function notesHeading(text: string): { rest: string } | null {
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
  const emails = findEmails(text);
  let residue = text;
  for (const f of [...emails, ...findPhones(text)]) residue = residue.replace(text.slice(f.index, f.index + f.length), ' ');
  const words = wordCount(residue);
  if (words <= 8) return true;
  if (words > 30) return false;
  return emails.length > 0 || /^(?:tel|tél|phone|mobile|e-?mail|courriel|correo|هاتف|جوال)/iu.test(text) || leadingName(firstSegment(text)) !== null;
}

const RELEASE_NUMBER =
  /^(?:nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa)?|bolet[ií]n(?:\s+de\s+prensa)?|press\s+release|news\s+release|communiqué(?:\s+de\s+presse)?|بيان\s+صحفي)\s*(?:n[oº°]\.?|n[úu]m(?:ero|éro|ber)?\.?|no\.|#)\s*[\d][\d/-]*$/iu;

const ISSUED_ON =
  /^(?:the|this|le|ce|el|este)?\s*(?:press\s+release|news\s+release|statement|communiqué(?:\s+de\s+presse)?|comunicado(?:\s+de\s+prensa)?)\s+(?:was\s+)?(?:issued|published|released|publié|diffusé|emitido|publicado|difundido)\b/iu;

/** Datelines and standalone dates stand near the top; past this many blocks nobody looks for them. */
export const HEAD_BLOCKS = 60;

export function classify(block: Block, index: number): Classified {
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
  // "Editor's note:" wherever it stands: the reader tells above the text from under it.
  if (editorsNote(text)) return { block, kind: 'note' };
  if (isWeakContactHeading(text)) return { block, kind: 'contactHead' };
  // "Nota de Prensa No. 108-2025": the release's number, not a phone.
  if (RELEASE_NUMBER.test(text.trim())) return { block, kind: 'label' };
  if (isContactLine(text)) return { block, kind: 'contact' };
  if (isJunk(text) || isCaption(text)) return { block, kind: 'junk' };
  if (index < HEAD_BLOCKS && isByline(text)) {
    // "Posted on 3 June 2026 by …": the date is the release's, the rest is the page's.
    const d = firstDate(text);
    return d && !isUpdatedDateLine(text) ? { block, kind: 'date', dateIso: d.iso } : { block, kind: 'junk' };
  }
  // "The press release issued by the Foreign Office on 6 May 2024.": a line that dates the release.
  if (index < HEAD_BLOCKS && wordCount(text) <= 20 && ISSUED_ON.test(text)) {
    const d = firstDate(text);
    if (d) return { block, kind: 'date', dateIso: d.iso };
  }
  if (isLabel(text)) return { block, kind: 'label' };
  const labelled = leadingLabel(text);
  if (labelled && (labelled.rest === '' || isDateOnly(labelled.rest))) {
    return { block, kind: 'label', dateIso: labelled.rest ? (firstDate(labelled.rest)?.iso ?? null) : null };
  }
  const short = text.length <= 160;
  if (short && wordCount(text) <= 14 && firstDate(text) && isUpdatedDateLine(text)) return { block, kind: 'junk' };
  if (isDateOnly(text)) {
    // "Berne, le 30 mai 2001", "طرابلس - 17 مارس 2022": one word beside the date, but a place
    // before a comma or a dash makes it a dateline.
    const placed = index < HEAD_BLOCKS && short && /^[^\d\s,،]+\s*(?:[,،]|[-–—]\s)/u.test(text.trim()) ? datelineOnly(text) : null;
    if (placed?.place) return { block, kind: 'datelineOnly', dateline: placed };
    return { block, kind: 'date', dateIso: firstDate(text)?.iso ?? null };
  }
  // "3 March 2026 · 342 views": a page's date line with its counter.
  const uncounted = short ? withoutPageCounters(text) : text;
  if (uncounted !== text) {
    if (uncounted === '' || /^[\p{P}\s]*$/u.test(uncounted)) return { block, kind: 'junk' };
    if (isDateOnly(uncounted.replace(/[|·•]/gu, ' '))) return { block, kind: 'date', dateIso: firstDate(uncounted)?.iso ?? null };
  }
  // "IOM - News - Fri, 03/17/2017 - 10:33": a site's line of source, section, date and time.
  const stamped = short ? sourceSectionDate(text) : null;
  if (stamped) return { block, kind: 'date', dateIso: stamped };
  if (index < HEAD_BLOCKS && isEditorialNote(text)) return { block, kind: 'note' };
  if (aboutHeading(text)) return { block, kind: 'about' };
  const only = index < HEAD_BLOCKS && short ? datelineOnly(text) : null;
  if (only) return { block, kind: 'datelineOnly', dateline: only };
  const dateline = index < HEAD_BLOCKS && block.hint !== 'h1' && block.hint !== 'h2' ? matchDateline(text) : null;
  if (dateline) return { block, kind: 'dateline', dateline };
  const card = short ? cardDate(text) : null;
  if (card) return { block, kind: 'date', dateIso: card };
  return { block, kind: 'text' };
}

/**
 * "IOM - News - Fri, 03/17/2017 - 10:33": a site's line of source, section, date and time, three or
 * four parts split by dashes or bars. Two named parts at least: a place and a date ("GENEVA - 3
 * May 2024 - 10:00") have one, and stay a dateline.
 */
function sourceSectionDate(text: string): string | null {
  const parts = text.trim().split(/\s+[-–—|·•]\s+/u);
  return parts.length >= 3 && parts.length <= 4 ? stampedDate(parts, 2) : null;
}

/**
 * "21/03/2023 | Emergency", "News · 3 May 2024": a date beside a section's name, split by a bar or
 * a dot, as a site sets over each story it lists and over its own page's title.
 */
function cardDate(text: string): string | null {
  const parts = text.trim().split(/\s+[|·•]\s+/u);
  return parts.length === 2 ? stampedDate(parts, 1) : null;
}

/**
 * The day of a line's one date when its other parts are a time or names of three words at most
 * with no figures, at least `named` of them; null otherwise.
 */
function stampedDate(parts: string[], named: number): string | null {
  let date: string | null = null;
  let names = 0;
  for (const part of parts) {
    if (/^\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?$/iu.test(part)) continue;
    const d = firstDate(part);
    if (d && isDateOnly(part)) {
      if (date !== null) return null;
      date = d.iso;
      continue;
    }
    if (wordCount(part) > 3 || /\d/u.test(part)) return null;
    names++;
  }
  return date !== null && names >= named ? date : null;
}

/** A short line that could be a name, a role or an organisation above someone's details. */
export function isContactCaption(text: string): boolean {
  if (wordCount(text) > 9 || /\d/u.test(text) || /[.!?؟]$/u.test(text)) return false;
  // "Contact: Jane Roe" over her office, phone and e-mail: the label on the name's own line heads
  // the block, and the name under it is a caption still.
  const label = text.match(CONTACT_LABEL_RE);
  const named = label && /^\s*[:：]\s*\S/u.test(text.slice(label[0].length)) ? text.slice(label[0].length).replace(/^\s*[:：]\s*/u, '') : text;
  return leadingName(firstSegment(named)) !== null || ROLE_WORDS.test(named) || ORG_WORDS.test(named);
}

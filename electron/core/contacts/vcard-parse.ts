import { CONTACT_PHOTO_MAX_BYTES } from '../../shared/contacts/bulk-contract';

/**
 * A streaming vCard reader (2.1, 3.0, 4.0): text goes in chunk by chunk, whole cards come out.
 * It unfolds continuation lines (a line starting with a space or tab), joins quoted-printable
 * soft line breaks (a line ending in "="), and also the ones phones break without the "=" (a
 * line inside a quoted-printable value that does not look like a property). A card that is
 * broken is handed over with its problem, so one bad card does not spoil the others. A value
 * larger than a photo may be (a 50 MB PHOTO) is dropped as it streams, keeping memory flat.
 */

export interface VcardProperty {
  group: string | null;
  name: string;
  params: Record<string, string[]>;
  value: string;
}

export interface Vcard {
  properties: VcardProperty[];
  /** Why the card cannot be read, if it cannot. */
  problem: string | null;
  /** Properties whose value was too large and was dropped (by name). */
  dropped: string[];
}

const MAX_VALUE_CHARS = Math.ceil((CONTACT_PHOTO_MAX_BYTES * 4) / 3) + 1024;
const MAX_PROPERTIES = 2000;
const PROPERTY_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+(?:;[^:]*)?:/;

export class VcardReader {
  private partial = '';
  /** The logical line being built (after unfolding). */
  private line: string | null = null;
  private lineTooLong = false;
  /** Inside one enormous physical line whose start was read: the rest of it, up to its newline, is dropped. */
  private skipping = false;
  private card: Vcard | null = null;
  private count = 0;

  constructor(private readonly onCard: (card: Vcard, n: number) => void) {}

  push(text: string): void {
    const all = this.partial + text;
    let start = 0;
    for (;;) {
      const nl = all.indexOf('\n', start);
      if (nl < 0) break;
      if (this.skipping) this.skipping = false;
      else this.physical(all.slice(start, nl).replace(/\r$/, ''));
      start = nl + 1;
    }
    this.partial = this.skipping ? '' : all.slice(start);
    if (this.partial.length > MAX_VALUE_CHARS) {
      // One enormous physical line (a photo never folded): read as any line, it starts a property of its own or
      // continues one, which is marked too long; the rest of it is dropped as it comes, not read as lines.
      this.physical(this.partial);
      this.partial = '';
      this.skipping = true;
    }
  }

  end(): void {
    if (this.partial !== '') this.physical(this.partial.replace(/\r$/, ''));
    this.partial = '';
    this.skipping = false;
    this.logical();
    if (this.card) {
      this.card.problem ??= 'the card has no END:VCARD (the file is cut short)';
      this.emit();
    }
  }

  private physical(text: string): void {
    if (this.line !== null && (text.startsWith(' ') || text.startsWith('\t'))) {
      this.appendToLine(text.slice(1));
      return;
    }
    if (this.line !== null && isQuotedPrintable(this.line) && (this.line.endsWith('=') || (text !== '' && !PROPERTY_START.test(text)))) {
      // A quoted-printable soft line break, or one a phone wrote without its "=".
      const base = this.line.endsWith('=') ? this.line.slice(0, -1) : this.line;
      this.line = base;
      this.appendToLine(text);
      return;
    }
    this.logical();
    if (text.trim() === '') return;
    this.line = '';
    this.lineTooLong = false;
    this.appendToLine(text);
  }

  private appendToLine(text: string): void {
    if (this.line === null) {
      this.line = '';
      this.lineTooLong = false;
    }
    if (this.lineTooLong) return;
    if (this.line.length + text.length > MAX_VALUE_CHARS) {
      this.lineTooLong = true;
      this.line = (this.line + text).slice(0, 200);
      return;
    }
    this.line += text;
  }

  private logical(): void {
    const line = this.line;
    const tooLong = this.lineTooLong;
    this.line = null;
    this.lineTooLong = false;
    if (line === null) return;
    const prop = parseProperty(line);
    const upper = prop?.name.toUpperCase();
    if (upper === 'BEGIN' && prop!.value.trim().toUpperCase() === 'VCARD') {
      if (this.card) {
        this.card.problem ??= 'a card starts inside another one (END:VCARD is missing)';
        this.emit();
      }
      this.card = { properties: [], problem: null, dropped: [] };
      return;
    }
    if (!this.card) return; // text between cards is not part of any
    if (upper === 'END' && prop!.value.trim().toUpperCase() === 'VCARD') {
      this.emit();
      return;
    }
    if (!prop) {
      this.card.problem ??= `the line "${line.slice(0, 60)}" is not a vCard property`;
      return;
    }
    if (tooLong) {
      this.card.dropped.push(prop.name.toUpperCase());
      return;
    }
    if (this.card.properties.length >= MAX_PROPERTIES) {
      this.card.problem ??= `the card has more than ${MAX_PROPERTIES} properties`;
      return;
    }
    this.card.properties.push(prop);
  }

  private emit(): void {
    const card = this.card!;
    this.card = null;
    this.onCard(card, ++this.count);
  }
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  const head = colon < 0 ? line : line.slice(0, colon);
  return /;(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(head);
}

/** Splits on `sep` where it stands outside double quotes: a quoted parameter value ("Mastodon; fr") is one. */
function splitOutsideQuotes(text: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A parameter value: its quotes taken off, and RFC 6868's escapes undone (^n a line break, ^' a double quote, ^^ a caret). */
function paramValue(raw: string): string {
  const v = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw.replace(/^"|"$/g, '');
  if (!v.includes('^')) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const n = v[i + 1];
    if (c === '^' && (n === 'n' || n === 'N' || n === "'" || n === '^')) {
      out += n === "'" ? '"' : n === '^' ? '^' : '\n';
      i++;
    } else out += c;
  }
  return out;
}

/** NAME;PARAM=a,b;TYPE=work:value, with an optional "group." prefix and 2.1's bare parameters. */
export function parseProperty(line: string): VcardProperty | null {
  // The first colon outside a quoted parameter value ends the name and parameters.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const parts = splitOutsideQuotes(line.slice(0, colon), ';');
  const nameWithGroup = parts[0]!;
  const dot = nameWithGroup.lastIndexOf('.');
  const name = dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return null;
  const params: Record<string, string[]> = {};
  for (const p of parts.slice(1)) {
    if (p === '') continue;
    const eq = p.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
    const raw = eq < 0 ? p : p.slice(eq + 1);
    const values = splitOutsideQuotes(raw, ',').map(paramValue);
    (params[key] ??= []).push(...values);
  }
  // 2.1 writes "ENCODING" values bare too: ";QUOTED-PRINTABLE", ";BASE64".
  for (const bare of ['QUOTED-PRINTABLE', 'BASE64', 'B']) {
    const types = params.TYPE;
    if (types?.some((t) => t.toUpperCase() === bare)) {
      params.TYPE = types.filter((t) => t.toUpperCase() !== bare);
      (params.ENCODING ??= []).push(bare);
    }
  }
  return { group: dot >= 0 ? nameWithGroup.slice(0, dot) : null, name, params, value: line.slice(colon + 1) };
}

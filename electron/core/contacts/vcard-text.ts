/** Writing vCard text: escapes and line folding, shared by contact exports and a kit's contacts.vcf. */

/** A contact's tag lists, which vCard has no property for, and the X-DATELINE- property each travels in (export and import). */
export const TAG_PROPERTIES = [
  ['tags', 'X-DATELINE-TAGS'],
  ['regions', 'X-DATELINE-REGIONS'],
  ['lists', 'X-DATELINE-LISTS'],
] as const;

/** The parameter of an EMAIL or TEL property saying who may see it, when not anyone: `press-only` or `internal`. */
export const VISIBILITY_PARAM = 'X-DATELINE-VISIBILITY';

/**
 * A vCard text value: every line break (CRLF, and a lone LF or CR alike, since importers split
 * lines on any of them) becomes the escaped "\\n", so a name can never start a property.
 */
export function vEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** Lines of at most 75 octets (RFC 6350 §3.2), never cutting a UTF-8 character in two. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A parameter value (RFC 6350 §5, RFC 6868): as it is when it holds nothing a parameter
 * cannot, else quoted, with "^" written "^^", a double quote "^'" and a line break "^n".
 */
export function vParam(s: string): string {
  let plain = true;
  for (const ch of s) {
    if (ch === '"' || ch === ';' || ch === ':' || ch === ',' || ch === '^' || ch < ' ' || ch === '\u007f') {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  let out = '';
  for (const ch of s.replace(/\r\n/g, '\n')) {
    if (ch === '^') out += '^^';
    else if (ch === '"') out += "^'";
    else if (ch === '\n' || ch === '\r') out += '^n';
    else if (ch < ' ' || ch === '\u007f') out += ' ';
    else out += ch;
  }
  return `"${out}"`;
}

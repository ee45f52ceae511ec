/** Writing vCard text: escapes and line folding, shared by contact exports and a kit's contacts.vcf. */

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

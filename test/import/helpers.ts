import yazl from 'yazl';

/** Raw zip and Word building for the importer's tests (a core for them comes from ../core-harness). */

/**
 * A real release written as a round-up, each point a title over one paragraph: the shape of a
 * news index, which the importer refuses as no single release unless the person says it is one.
 */
export const ROUNDUP = [
  'What the winter appeal paid for in the valley',
  'Boats now carry the health teams to the lower districts',
  'Where the road was washed away in March, two boats now carry the health teams and their cold boxes to the villages the floods cut off, and no dose of vaccine has been lost on the way.',
  'Three clinics closed by the landslides open their doors again',
  'The three clinics in the hills that the landslides closed have reopened this month, each with a nurse, a clinical officer and medicines for the next three months.',
  'Every family in eleven districts receives water tablets',
  'Each family in the eleven districts of the valley has received water tablets for the next three months, with buckets and soap for the households that had lost theirs.',
  'A village health worker is trained in every village',
  'One person in each village has been trained to watch for fever and diarrhoea and to call the nearest clinic, so that a sick child is seen within a day rather than a week.',
].join('\n');

/** A zip archive from name → content, stored or deflated. */
export function zip(entries: Record<string, string | Buffer>, compress = true): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    z.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { compress });
  }
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}</w:body></w:document>`;
}

export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/**
 * Rewrites the size an entry of a zip declares (local header and central directory) without
 * touching its data: a part that claims to be small and is not.
 */
export function declareSize(archive: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(archive);
  const wanted = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    const local = sig === 0x04034b50;
    const central = sig === 0x02014b50;
    if (!local && !central) continue;
    const nameAt = i + (local ? 30 : 46);
    const nameLength = out.readUInt16LE(i + (local ? 26 : 28));
    if (nameLength !== wanted.length || !out.subarray(nameAt, nameAt + nameLength).equals(wanted)) continue;
    out.writeUInt32LE(size, i + (local ? 22 : 24));
    patched++;
  }
  if (patched !== 2) throw new Error(`${name}: found ${patched} headers, expected 2`);
  return out;
}

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectDocx, relationshipTargets } from '../../electron/core/import/docx';
import { core, fail } from '../core-harness';
import { CONTENT_TYPES, declareSize, documentXml, para, ROOT_RELS, W_NS, zip } from './helpers';

/**
 * Mammoth reads whatever the relationships name, not only the usual parts: every part it could
 * be led to is measured for real, whatever its header declares, and refused before parsing.
 */

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const rels = (...targets: Array<[type: string, target: string]>) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
    .map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
/** 16 MB of zeros: about 16 KB deflated. */
const zeros = () => Buffer.alloc(16 * 1024 * 1024);

describe('parts a Word file leads mammoth to', () => {
  it('refuses a main document named only by _rels/.rels that declares 900 bytes and inflates to 16 MB', async () => {
    const c = await core();
    const honest = await zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': rels(['officeDocument', 'content/body.part']), 'word/document.xml': documentXml(para('decoy')), 'content/body.part': zeros() });
    const bomb = declareSize(honest, 'content/body.part', 900);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const e = await fail(c, 'import.preview', { name: 'brief.docx', data: b64(bomb) });
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toBe('"brief.docx" has a part ("content/body.part") that declares 900 bytes but expands to more (a "zip bomb"); it was not opened.');
  });

  it('refuses a disguised bomb under any name, reachable or not', async () => {
    const honest = await zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': documentXml(para('hello')), 'customXml/item1.xml': zeros() });
    await expect(inspectDocx('quiet.docx', declareSize(honest, 'customXml/item1.xml', 2000))).rejects.toThrow(/"quiet\.docx" has a part \("customXml\/item1\.xml"\) that declares 2000 bytes/);
  });

  it('checks styles and notes that word/_rels/document.xml.rels places outside word/', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles ${W_NS}/>`;
    const dtd = await zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': ROOT_RELS,
      'word/document.xml': documentXml(para('hello')),
      'word/_rels/document.xml.rels': rels(['styles', '../look/s.xml']),
      'look/s.xml': xxe,
    });
    await expect(inspectDocx('styled.docx', dtd)).rejects.toThrow('"styled.docx" contains a document type declaration in "look/s.xml"');

    const depth = 300;
    const notes = `<w:footnotes ${W_NS}><w:footnote w:id="1">${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${para('deep')}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}</w:footnote></w:footnotes>`;
    const deep = await zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': rels(['officeDocument', '/main/doc.xml']),
      'main/doc.xml': documentXml(para('hello')),
      'main/_rels/doc.xml.rels': rels(['footnotes', 'n%6Fte.xml']),
      'main/note.xml': notes,
    });
    await expect(inspectDocx('notes.docx', deep)).rejects.toThrow(/"notes\.docx" has tables nested 300 deep/);
  });

  it('follows relationships as mammoth does, and leaves external links and pictures alone', () => {
    const xml = `<Relationships><Relationship Id="a" Type="x/relationships/styles" Target="../s.xml"/><r:Relationship Id="b" Type="x/relationships/footnotes" Target='./f&#46;xml'/><Relationship Id="c" Type="x/relationships/hyperlink" Target="https://example.org" TargetMode="External"/><Relationship Id="d" Type="x/relationships/image" Target="media/p.png"/></Relationships>`;
    expect(relationshipTargets('word/_rels/document.xml.rels', xml)).toEqual(['word/../s.xml', 's.xml', 'word/./f.xml', 'word/f.xml']);
    expect(relationshipTargets('_rels/.rels', '<Relationships><Relationship Type="t" Target="/word/document.xml"/></Relationships>')).toEqual(['word/document.xml']);
  });

  it('still reads an ordinary document whose parts sit where the relationships say', async () => {
    const docx = await zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': rels(['officeDocument', 'main/doc.xml']),
      'main/doc.xml': documentXml(para('GENEVA – The relief convoy reached the valley on Tuesday after three days on the road.')),
      'main/_rels/doc.xml.rels': rels(['styles', 'look.xml'], ['image', 'media/photo.png']),
      'main/look.xml': `<w:styles ${W_NS}/>`,
      'main/media/photo.png': randomBytes(3 * 1024 * 1024),
    });
    await expect(inspectDocx('ordinary.docx', docx)).resolves.toBeUndefined();
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import type { Core } from '../../electron/core/index';
import { closeImportWorkers, parseInWorker, IMPORT_LIMITS } from '../../electron/core/import/run';
import type { ImportPreview } from '../../electron/shared/import/contract';
import { call, core, fail } from '../core-harness';
import { CONTENT_TYPES, documentXml, para, ROOT_RELS, zip } from './helpers';

/**
 * Hostile inputs: each gets a clear error naming the file and the problem, or a sanitised
 * result; nothing is stored by a preview; and nothing in any input makes a network request.
 */

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

async function counts(c: Core): Promise<Record<string, number>> {
  return (await call<{ counts: Record<string, number> }>(c, 'library.info', {})).counts;
}

describe('Word files that are not what they claim', () => {
  it('refuses a zip bomb before inflating it', async () => {
    const c = await core();
    const bomb = await zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': ROOT_RELS,
      'word/document.xml': documentXml(para('hello')),
      'word/media/filler.bin': Buffer.alloc(60 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await fail(c, 'import.preview', { name: 'bomb.docx', data: b64(bomb) });
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('bomb.docx');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('refuses a document of thousands of nested tables', async () => {
    const c = await core();
    const depth = 3000;
    const nested = '<w:tbl><w:tr><w:tc>'.repeat(depth) + para('deep') + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const docx = await zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': documentXml(nested) });
    const e = await fail(c, 'import.preview', { name: 'tables.docx', data: b64(docx) });
    expect(e.message).toContain('tables.docx');
    expect(e.message).toMatch(/nested 3000 deep/);
  });

  it('refuses a DTD (XXE) inside the document', async () => {
    const c = await core();
    const xxe = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    const docx = await zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': xxe });
    const e = await fail(c, 'import.preview', { name: 'xxe.docx', data: b64(docx) });
    expect(e.message).toMatch(/document type declaration/);
  });

  it("refuses a document whose text is broken XML in words, not in the XML parser's", async () => {
    const c = await core();
    const broken = documentXml(para('Water reaches Kasese')).replace('</w:body>', '<w:p><w:r><w:t>cut off here');
    const docx = await zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': broken });
    const e = await fail(c, 'import.preview', { name: 'cut.docx', data: b64(docx) });
    expect(e).toMatchObject({
      code: 'FILE_UNREADABLE',
      message: '"cut.docx" is damaged: part of its XML is broken (cut short or badly edited), so it cannot be read. Open it in Word and save it again, or paste its text.',
    });
  });

  it('tells an old .doc, a password-protected file and a renamed picture apart', async () => {
    const c = await core();
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]);
    const doc = await fail(c, 'import.preview', { name: 'old.doc', data: b64(ole) });
    expect(doc.message).toMatch(/old Word format.*save it as \.docx/);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]);
    const enc = await fail(c, 'import.preview', { name: 'locked.docx', data: b64(encrypted) });
    expect(enc.message).toMatch(/locked\.docx.*password/);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const pic = await fail(c, 'import.preview', { name: 'photo.docx', data: b64(png) });
    expect(pic.message).toMatch(/photo\.docx.*PNG image, not a Word document/);
    const zipNotWord = await zip({ 'notes.txt': 'hello' });
    const other = await fail(c, 'import.preview', { name: 'archive.docx', data: b64(zipNotWord) });
    expect(other.message).toMatch(/not a Word document/);
    expect(await counts(c)).toMatchObject({ release: 0, contact: 0, attachment: 0 });
  });

  it('gives up on a parse past its deadline, and on one past its memory', async () => {
    const big = `<html><body>${'<p>Geneva – The organisation today said many things about water and sanitation.</p>'.repeat(60_000)}</body></html>`;
    await expect(parseInWorker({ name: 'slow.html', html: big }, { ...IMPORT_LIMITS, timeoutMs: 50 })).rejects.toThrow(/slow\.html.*longer than 0\.05 s/);
    await expect(
      parseInWorker({ name: 'hungry.html', html: big }, { ...IMPORT_LIMITS, maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 }),
    ).rejects.toThrow(/hungry\.html.*(memory|could not be read|stopped)/);
  });
});

const HOSTILE = (base: string) => `<!doctype html><html><head>
<base href="${base}/base/">
<meta http-equiv="refresh" content="0; url=${base}/refresh">
<link rel="stylesheet" href="${base}/style.css"><link rel="preload" href="${base}/preload.js" as="script">
<link rel="icon" href="${base}/favicon.ico"><link rel="dns-prefetch" href="${base}/dns">
<style>@import url("${base}/import.css"); body { background: url(${base}/bg.png) }</style>
<script src="${base}/script.js"></script><script>fetch("${base}/inline-fetch")</script>
</head><body onload="fetch('${base}/onload')" background="${base}/body-bg.png">
<h1 onclick="alert(1)">Safe water for 12,000 people in Gaza City</h1>
<p style="background-image:url('${base}/style-attr.png')">GAZA – Desalination units installed by Hope Waters now supply 12,000 people with drinking water every day, the organisation said today in a statement on its work.</p>
<p>Read <a href="javascript:alert(document.cookie)">the report</a> or <a href="${base}/report" onmouseover="steal()">online</a>.</p>
<img src="${base}/img.png" srcset="${base}/img-2x.png 2x" onerror="fetch('${base}/onerror')">
<img src="relative.png"><picture><source srcset="${base}/pic.webp"></picture>
<iframe src="${base}/frame"></iframe><object data="${base}/object"></object><embed src="${base}/embed">
<video poster="${base}/poster.jpg" src="${base}/video.mp4"></video><audio src="${base}/audio.mp3"></audio>
<svg><image href="${base}/svg-image.png"/><script>fetch("${base}/svg-script")</script></svg>
<form action="${base}/form"><input type="image" src="${base}/input.png"></form>
<p>For further information: Rami Saleh, rsaleh@hopewaters.example, +970 59 000 1111</p>
</body></html>`;

describe('web pages with scripts and remote references', () => {
  let server: Server;
  let hits: string[] = [];
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('returns sanitised text and HTML: no script, handler, javascript: link or remote reference', async () => {
    const c = await core();
    const p = await call<ImportPreview>(c, 'import.preview', { name: 'hostile.html', data: b64(HOSTILE(base)) });
    expect(p.release.headline).toBe('Safe water for 12,000 people in Gaza City');
    expect(p.release.datelinePlace).toBe('Gaza');
    expect(p.contacts).toEqual([{ name: 'Rami Saleh', role: null, organisation: null, email: 'rsaleh@hopewaters.example', phone: '+970 59 000 1111', match: null }]);
    const everything = JSON.stringify(p);
    for (const bad of ['<script', 'javascript:', 'onerror', 'onload', 'onclick', 'onmouseover', '127.0.0.1', 'url(', '@import', '<base', '<img', '<iframe', '<link', '<style', '<object', '<embed', '<svg', 'fetch(', 'alert(']) {
      expect(everything, bad).not.toContain(bad);
    }
    expect(p.source.html).toMatch(/^<h1>Safe water/);
    expect(p.source.html.match(/<(\w+)/g)!.every((t) => ['<h1', '<h2', '<h3', '<p', '<ul', '<li', '<blockquote'].includes(t))).toBe(true);
  });

  it('makes no network request for any kind of input, and stores nothing before confirm', async () => {
    hits = [];
    const c = await core();
    const html = HOSTILE(base);
    await call(c, 'import.preview', { name: 'page.html', data: b64(html) });
    await call(c, 'import.preview', { html });
    await call(c, 'import.preview', { text: html });
    const md = `# Title\n\n![tracking](${base}/md-image.png)\n\n<img src="${base}/md-html.png">\n\nGENEVA – ${'Text of the release. '.repeat(10)}`;
    await call(c, 'import.preview', { name: 'release.md', data: b64(md) });
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('GENEVA – The organisation today published a report on water in the Sahel and its findings.')] }),
              new Paragraph({ children: [new ExternalHyperlink({ link: `${base}/docx-link`, children: [new TextRun('report')] })] }),
            ],
          },
        ],
      }),
    );
    await call(c, 'import.preview', { name: 'linked.docx', data: b64(docx) });
    expect(await counts(c)).toMatchObject({ release: 0, contact: 0, attachment: 0 });
    // Nothing can leave the parsers any more once their workers are gone; a request one of them
    // had already sent reaches the server before ours, which is the last thing it sees.
    await closeImportWorkers();
    await fetch(`${base}/sentinel`).then((r) => r.text());
    expect(hits).toEqual(['/sentinel']);
  });

  it('refuses a page nested thousands of elements deep, and reads one nested a hundred deep', async () => {
    const c = await core();
    const page = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>NAIROBI – ${'The organisation today opened clinics. '.repeat(5)}</p>${'</div>'.repeat(n)}</body></html>`;
    const e = await fail(c, 'import.preview', { name: 'deep.html', data: b64(page(20_000)) });
    expect(e.message).toMatch(/more than 256 levels deep/);
    const p = await call<ImportPreview>(c, 'import.preview', { name: 'nested.html', data: b64(page(100)) });
    expect(p.release.datelinePlace).toBe('Nairobi');
  });
});

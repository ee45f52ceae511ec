import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter, KIT_PAGE_URL } from '../../electron/core/kits/pdf';
import { tempDir } from '../helpers';

/**
 * The CLI's PDF path (the system Chromium) on a page carrying what pasted text could smuggle
 * in: a script, event handlers and remote references, all aimed at a server on 127.0.0.1 that
 * counts what reaches it. Nothing runs and nothing is fetched; the kit's own image still is.
 */

const printer = new ChromiumPrinter();
let server: Server;
const requests: string[] = [];
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await printer.close();
  await new Promise((r) => server.close(r));
});

describe('printing a hostile page to PDF', () => {
  it('runs no script and fetches nothing outside the kit', async () => {
    const dir = tempDir();
    const logo = join(dir, 'logo.svg');
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const own = new URL('logo.svg', KIT_PAGE_URL).href;
    const html = `<!doctype html><html><head>
<link rel="stylesheet" href="${base}/style.css">
<style>@import url("${base}/import.css"); body { background: url(${base}/bg.png) }</style>
<script>document.body && document.body.insertAdjacentText('beforeend', 'SCRIPT RAN'); fetch('${base}/fetch');</script>
</head><body onload="document.body.insertAdjacentText('beforeend', 'ONLOAD RAN')">
<h1>Kasese water points</h1>
<img src="${base}/pixel.png" onerror="document.body.insertAdjacentText('beforeend', 'HANDLER RAN')">
<img src="x" onerror="new Image().src='${base}/handler'">
<iframe src="${base}/frame"></iframe>
<img src="${own}" alt="logo">
<script>new Image().src = '${base}/script-image';</script>
<p>End of release.</p>
</body></html>`;
    const pdf = await printer.print(html, { pageSize: 'A4', files: new Map([[own, logo]]) });
    const out = join(dir, 'kit.pdf');
    writeFileSync(out, pdf);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Kasese water points');
    expect(text).toContain('End of release.');
    expect(text).not.toMatch(/SCRIPT RAN|ONLOAD RAN|HANDLER RAN/);
    expect(requests).toEqual([]);
  }, 120_000);
});

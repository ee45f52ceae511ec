import { performance } from 'node:perf_hooks';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { parseSource } from '../../electron/core/import/parse';
import { parseInWorker } from '../../electron/core/import/run';

/**
 * Import times for the two heavy cases the issue names: a 30-page Word file and a 200 KB web
 * page, each read end to end in the worker (what a person waits for), against a peer doing
 * only the bare parse (mammoth alone; linkedom alone), so the cost of Dateline's own reading
 * (inspection, cleaning, extraction, the worker) shows as the ratio.
 */

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: module loading is not what is measured
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const SENTENCES = [
  'The organisation today completed twelve boreholes in the district, bringing safe water to thousands of families.',
  '"Water is the first thing families ask for when they come back," said Jane Doe, the Regional Director.',
  'Hygiene kits were given to 6,500 households, and committees elected in each village will maintain the pumps.',
  'Nearly a third of the health centres were damaged by the floods, and four of them will be repaired before the rains.',
];

/** About 30 A4 pages: a headline, a dateline, 330 paragraphs of body, contacts. */
async function thirtyPageDocx(): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: 'Clean water reaches 40,000 people in Kasese as floods recede', heading: HeadingLevel.TITLE }),
    new Paragraph('GENEVA, 3 March 2026 – The organisation today completed its flood response in Kasese district.'),
  ];
  for (let i = 0; i < 330; i++) children.push(new Paragraph({ children: [new TextRun(`${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]}`)] }));
  children.push(new Paragraph('For further information please contact John Smith, jsmith@example.org, +254 20 000 0000'));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A 200 KB saved page: menus, scripts, a cookie banner, the release, a long footer of links. */
function page200k(): string {
  const nav = `<nav><ul>${['Who we are', 'Our work', 'Take action', 'Donate', 'News'].map((x) => `<li><a href="/${x}">${x}</a></li>`).join('')}</ul></nav>`;
  let body = '<h1>Clean water reaches 40,000 people in Kasese as floods recede</h1><p>GENEVA, 3 March 2026 – The organisation today completed its flood response.</p>';
  let i = 0;
  while (body.length < 150_000) body += `<p>${SENTENCES[i++ % 4]} ${SENTENCES[i % 4]}</p>`;
  let footer = '';
  while (footer.length < 40_000) footer += `<li><a href="/country/${footer.length}">Country page ${footer.length}</a></li>`;
  return `<!doctype html><html><head><title>Press release</title><script>${'var x=1;'.repeat(500)}</script></head><body>${nav}<div class="cookie-banner">We use cookies.</div><main><article>${body}<p>For further information please contact John Smith, jsmith@example.org, +254 20 000 0000</p></article></main><footer><ul>${footer}</ul></footer></body></html>`;
}

/** A release as people paste it from a web page: menus, the release, contacts, a footer. */
function pastedRelease(i: number): string {
  const menu = ['Who we are', 'Who we are', 'Our work', 'Our work', 'Take action', 'Partnerships', 'Partnerships', '- Where we work', '- Data and research'];
  const body = Array.from({ length: 8 }, (_, k) => `${SENTENCES[(i + k) % 4]} ${SENTENCES[(i + k + 1) % 4]}`);
  return [
    ...menu,
    `Clean water reaches ${40 + (i % 50)},000 people in Kasese as floods recede`,
    `Switzerland - ${body[0]}`,
    ...body.slice(1),
    `For further information please contact Jane Doe at the Geneva office, Email jdoe${i}@example.org.`,
    'Privacy policy | Terms of use | Contact us',
  ].join('\n');
}

/** Median time for a pasted release to reach the review: the worker's read, warm, as a second paste pays it. */
async function pasteToReview(): Promise<{ worker: number; inProcess: number }> {
  const worker = await time(() => parseInWorker({ name: 'Pasted text', text: pastedRelease(1) }));
  const inProcess = await time(() => parseSource({ name: 'Pasted text', text: pastedRelease(1) }));
  return { worker, inProcess };
}

/** A folder of 200 files (text, HTML and Markdown), read one after another as the folder import does. */
async function folderOf200(): Promise<{ worker: number; inProcess: number }> {
  const files = Array.from({ length: 200 }, (_, i) => {
    const text = pastedRelease(i);
    if (i % 3 === 1) return { name: `release-${i}.html`, bytes: new TextEncoder().encode(`<html><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`) };
    if (i % 3 === 2) return { name: `release-${i}.md`, bytes: new TextEncoder().encode(text.split('\n').join('\n\n')) };
    return { name: `release-${i}.txt`, bytes: new TextEncoder().encode(text) };
  });
  await parseInWorker(files[0]!); // the first worker's start is not the folder's
  let t = performance.now();
  for (const f of files) await parseInWorker(f);
  const worker = performance.now() - t;
  t = performance.now();
  for (const f of files) await parseSource(f);
  return { worker, inProcess: performance.now() - t };
}

export async function benchImport(): Promise<{ measure: string; value: string; peer?: string; ratio?: string; goal?: string; pass?: boolean }[]> {
  const docx = await thirtyPageDocx();
  const html = page200k();
  const docxBytes = new Uint8Array(docx);

  const docxWorker = await time(() => parseInWorker({ name: 'bench.docx', bytes: docxBytes }));
  const docxInProcess = await time(() => parseSource({ name: 'bench.docx', bytes: docxBytes }));
  const docxPeer = await time(() => mammoth.convertToHtml({ buffer: docx }));
  const htmlWorker = await time(() => parseInWorker({ name: 'bench.html', html }));
  const htmlInProcess = await time(() => parseSource({ name: 'bench.html', html }));
  const htmlPeer = await time(async () => parseHTML(html).document.body?.textContent);

  const paste = await pasteToReview();
  const folder = await folderOf200();
  const perSecond = (ms: number) => 200 / (ms / 1000);

  const ms = (x: number) => `${Math.round(x)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  return [
    {
      measure: `import 30-page .docx (${Math.round(docx.length / 1024)} KB), in the worker`,
      value: ms(docxWorker),
      peer: `mammoth alone ${ms(docxPeer)}`,
      ratio: ratio(docxWorker, docxPeer),
      goal: '< 3000 ms',
      pass: docxWorker < 3000,
    },
    { measure: 'import 30-page .docx, reading only (no worker start)', value: ms(docxInProcess), peer: `mammoth alone ${ms(docxPeer)}`, ratio: ratio(docxInProcess, docxPeer) },
    {
      measure: `import ${Math.round(html.length / 1024)} KB HTML page, in the worker`,
      value: ms(htmlWorker),
      peer: `linkedom parse alone ${ms(htmlPeer)}`,
      ratio: ratio(htmlWorker, htmlPeer),
      goal: '< 3000 ms',
      pass: htmlWorker < 3000,
    },
    { measure: 'import HTML page, reading only (no worker start)', value: ms(htmlInProcess), peer: `linkedom parse alone ${ms(htmlPeer)}`, ratio: ratio(htmlInProcess, htmlPeer) },
    {
      measure: 'paste a release -> review (median, warm worker)',
      value: ms(paste.worker),
      peer: `same read in-process ${ms(paste.inProcess)}`,
      ratio: ratio(paste.worker, paste.inProcess),
      goal: '<= 250 ms',
      pass: paste.worker <= 250,
    },
    {
      measure: 'folder of 200 files (.txt, .html, .md), one after another',
      value: `${perSecond(folder.worker).toFixed(1)} files/s`,
      peer: `same reads in-process ${perSecond(folder.inProcess).toFixed(1)} files/s`,
      ratio: ratio(folder.worker, folder.inProcess),
      goal: '>= 10 files/s',
      pass: perSecond(folder.worker) >= 10,
    },
  ];
}

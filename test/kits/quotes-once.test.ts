import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { quotesOutsideBody } from '../../electron/core/kits/model';
import { closePdfPrinter } from '../../electron/core/kits/pdf';
import type { KitExportResult } from '../../electron/shared/kits/contract';
import { tempDirKept } from '../helpers';
import { body, call, dispose, job, openLibrary } from './fixtures';
import { readZip } from './zipread';

/** A quote the body already prints (an imported release keeps it as a quote too) is printed once. */

describe('quotes in a kit', () => {
  it('leaves out a quote the body already prints, whatever its quotation marks, and keeps one it does not', () => {
    const text = body(['“Mayors have a crucial role in welcoming migrants,” said Marcelo Pisani.', 'The summit closes today.']);
    const quotes = [
      { speaker: 'Marcelo Pisani', role: 'Regional Director', text: 'Mayors have a crucial role in welcoming migrants,' },
      { speaker: 'Jane Roe', role: null, text: 'Cities are where people arrive first.' },
    ];
    expect(quotesOutsideBody(text, quotes)).toEqual([quotes[1]]);
  });

  it('knows the quote that ends its sentence where the body goes on with a comma, in every language', () => {
    const text = body([
      '“Families told us they had been burning furniture to keep warm,” said Lina Haddad.',
      '« Sans semences, une famille perd une année entière », a déclaré Aïssata Maïga.',
      '«Volver no debe significar volver a cero», afirmó Carla Mejía.',
      '«قالت لنا العائلات إنها كانت تحرق الأثاث لتتدفأ»، قالت لينا حداد.',
    ]);
    const quotes = [
      { speaker: 'Lina Haddad', role: null, text: 'Families told us they had been burning furniture to keep warm.' },
      { speaker: 'Aïssata Maïga', role: null, text: 'Sans semences, une famille perd une année entière.' },
      { speaker: 'Carla Mejía', role: null, text: 'Volver no debe significar volver a cero.' },
      { speaker: 'لينا حداد', role: null, text: 'قالت لنا العائلات إنها كانت تحرق الأثاث لتتدفأ.' },
    ];
    expect(quotesOutsideBody(text, quotes)).toEqual([]);
  });

  it('keeps a quote whose words are only part of a longer word in the body', () => {
    const text = body(['The camp reopens its watering points today.']);
    const quote = { speaker: 'A', role: null, text: 'ring points today.' };
    expect(quotesOutsideBody(text, [quote])).toEqual([quote]);
  });
});

describe('a release whose body quotes its spokesperson, exported', () => {
  let core: Core;
  let docx: string;
  let pdf: string;

  beforeAll(async () => {
    core = await openLibrary();
    const work = tempDirKept('dateline-kit-quotes-once-');
    const r = await call<{ id: string }>(core, 'release.create', {
      headline: 'Aid convoy reaches the northern border villages',
      language: 'en',
      datelinePlace: 'Amman',
      releaseDate: '2026-03-12',
      status: 'approved',
      body: body(['A convoy of 24 trucks reached the villages today.', '“Families told us they had been burning furniture to keep warm,” said Lina Haddad, who travelled with the convoy.']),
      quotes: [
        { speaker: 'Lina Haddad', role: 'Communications Officer', text: 'Families told us they had been burning furniture to keep warm.' },
        { speaker: 'Omar Nasser', role: 'Head of Office', text: 'Winter does not wait for permits.' },
      ],
    });
    const kit = await call<{ id: string }>(core, 'kit.create', { title: 'Convoy kit', language: 'en', items: [{ kind: 'release', id: r.id }] });
    const out = await job<KitExportResult>(core, 'kit.export', { id: kit.id, formats: ['docx', 'pdf'], outDir: work });
    docx = out.files.find((f) => f.format === 'docx')!.path;
    pdf = out.files.find((f) => f.format === 'pdf')!.path;
  }, 120_000);

  afterAll(async () => {
    await closePdfPrinter();
    dispose(core);
  });

  it('prints the quote once, in the body, and the quote the body does not have as a pull quote', async () => {
    const xml = (await readZip(docx)).get('word/document.xml')!.toString('utf8');
    expect(xml.match(/burning furniture/g)).toHaveLength(1);
    expect(xml).toContain('Winter does not wait for permits.');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text.match(/burning furniture/g)).toHaveLength(1);
    expect(text).toContain('Winter does not wait for permits.');
  });
});

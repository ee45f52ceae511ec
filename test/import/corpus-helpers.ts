import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { ImportedContact, ImportedRelease } from '../../electron/shared/import/contract';

/** The corpus: each case is an input file and `<case>.expected.json` beside it. */

export const CORPUS_DIR = join(import.meta.dirname, 'corpus');

export interface Expected {
  release: ImportedRelease;
  contacts: ImportedContact[];
}

export interface CorpusCase {
  id: string;
  /** The file name the importer sees. */
  name: string;
  load(): Promise<Uint8Array>;
  expected: Expected;
}

/** A Word file described in JSON, built here rather than committed as a binary. */
interface DocxSpec {
  paragraphs: (
    | {
        text: string;
        style?: 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Quote';
        bold?: boolean;
        italic?: boolean;
        rtl?: boolean;
        /** Runs with their own weight ("Bruxelles, le 12 février 2026 – " in bold, then the text); replace `text`. */
        runs?: { text: string; bold?: boolean }[];
      }
    | { table: string[][] }
  )[];
}

const HEADINGS = {
  Title: HeadingLevel.TITLE,
  Heading1: HeadingLevel.HEADING_1,
  Heading2: HeadingLevel.HEADING_2,
} as const;

export async function buildDocx(spec: DocxSpec): Promise<Uint8Array<ArrayBuffer>> {
  const children = spec.paragraphs.map((p) => {
    if ('table' in p) {
      return new Table({
        rows: p.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
      });
    }
    const runs = (p.runs ?? [{ text: p.text, bold: p.bold }]).map(
      (r) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: p.italic ?? false, rightToLeft: p.rtl ?? false }),
    );
    const style = p.style === 'Subtitle' ? { style: 'Subtitle' } : p.style === 'Quote' ? { style: 'Quote' } : {};
    return new Paragraph({
      children: runs,
      ...(p.style && p.style in HEADINGS ? { heading: HEADINGS[p.style as keyof typeof HEADINGS] } : {}),
      ...style,
      ...(p.rtl ? { bidirectional: true, alignment: AlignmentType.RIGHT } : {}),
    });
  });
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { italics: true } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A page with no release in it, which the importer must refuse: its expectation is `{ "refused": true }`. */
export type RefusedCase = Omit<CorpusCase, 'expected'>;

function readCorpus(dir: string): (RefusedCase & { expected: Expected | { refused: true } })[] {
  const files = readdirSync(dir).sort();
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const id = f.replace(/\.expected\.json$/, '');
      const input = files.find((x) => x.startsWith(`${id}.`) && !x.endsWith('.expected.json'));
      if (!input) throw new Error(`corpus case ${id} has no input file`);
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected | { refused: true };
      const path = join(dir, input);
      if (input.endsWith('.docx.json')) {
        return { id, name: `${id}.docx`, expected, load: () => buildDocx(JSON.parse(readFileSync(path, 'utf8')) as DocxSpec) };
      }
      return { id, name: input, expected, load: async () => new Uint8Array(readFileSync(path)) };
    });
}

const isRefused = (e: Expected | { refused: true }): e is { refused: true } => 'refused' in e && e.refused;

/** The releases of the corpus, each with what a careful person would extract. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusCase[] {
  return readCorpus(dir).flatMap(({ expected, ...c }) => (isRefused(expected) ? [] : [{ ...c, expected }]));
}

/** The pages of the corpus with no release in them. */
export function loadRefusedCorpus(dir: string = CORPUS_DIR): RefusedCase[] {
  return readCorpus(dir).flatMap(({ expected, ...c }) => (isRefused(expected) ? [c] : []));
}

// ---- Scoring --------------------------------------------------------------------------------

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const quoteNorm = (s: string) => norm(s).replace(/[\s,.;:!?]+$/u, '');
const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

export const FIELDS = [
  'headline',
  'subheadline',
  'datelinePlace',
  'releaseDate',
  'embargo',
  'language',
  'body',
  'quotes',
  'notesToEditors',
  'boilerplate',
  'endMark',
  'contacts',
] as const;
export type Field = (typeof FIELDS)[number];

function contactKey(c: ImportedContact): string {
  return JSON.stringify([norm(c.name), norm(c.role), norm(c.organisation), (c.email ?? '').toLowerCase(), digits(c.phone)]);
}

/** Whether one field of an extraction matches the expectation (whitespace and trailing commas aside). */
export function fieldMatches(field: Field, got: Expected, want: Expected): boolean {
  const g = got.release;
  const w = want.release;
  switch (field) {
    case 'body':
      return norm(g.body.join(' ')) === norm(w.body.join(' '));
    case 'quotes':
      return (
        g.quotes.length === w.quotes.length &&
        g.quotes.every((q, i) => norm(q.speaker) === norm(w.quotes[i]!.speaker) && quoteNorm(q.text) === quoteNorm(w.quotes[i]!.text))
      );
    case 'embargo':
      return JSON.stringify(g.embargo ? [g.embargo.at, g.embargo.timeZone] : null) === JSON.stringify(w.embargo ? [w.embargo.at, w.embargo.timeZone] : null);
    case 'contacts': {
      const a = got.contacts.map(contactKey).sort();
      const b = want.contacts.map(contactKey).sort();
      return JSON.stringify(a) === JSON.stringify(b);
    }
    default:
      return norm(g[field]) === norm(w[field]);
  }
}

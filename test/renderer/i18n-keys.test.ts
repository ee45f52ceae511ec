import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API } from '../../electron/shared/contract';
import { fieldLabelKey } from '../../renderer/conflicts/fieldLabels';
import { UI_RESOURCES } from '../../renderer/i18n';

const RENDERER = join(import.meta.dirname, '..', '..', 'renderer');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The keys a language must have: English's, with each plural key in every form the language uses. */
function expectedKeys(english: Map<string, string>, lng: string): Set<string> {
  const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const out = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const f of forms) out.add(key.replace(PLURAL, `_${f}`));
    else out.add(key);
  }
  return out;
}

const params = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(UI_RESOURCES.en.translation as Tree);

describe('every language has every key', () => {
  for (const lng of Object.keys(UI_RESOURCES) as (keyof typeof UI_RESOURCES)[]) {
    it(`${lng}: no key missing, none extra, the same parameters, no empty string`, () => {
      const have = flatten(UI_RESOURCES[lng].translation as Tree);
      const want = expectedKeys(english, lng);
      expect([...want].filter((k) => !have.has(k)), 'missing').toEqual([]);
      expect([...have.keys()].filter((k) => !want.has(k)), 'not in en.json').toEqual([]);
      const wrongParams: string[] = [];
      for (const [key, text] of have) {
        if (text.trim() === '') wrongParams.push(`${key}: empty`);
        const base = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
        if (base === undefined) continue;
        // An Arabic zero/one/two form may spell the number out instead of using {{count}}.
        const own = params(text).filter((p) => p !== 'count');
        const theirs = params(base).filter((p) => p !== 'count');
        if (own.join() !== theirs.join()) wrongParams.push(`${key}: ${own.join()} ≠ ${theirs.join()}`);
      }
      expect(wrongParams).toEqual([]);
    });
  }
});

describe('the job tray names every job', () => {
  it('has words for each job method, not its code (attachment.fetch)', () => {
    const jobs = Object.entries(API).flatMap(([name, def]) => (def.job ? [name] : []));
    expect(jobs).toContain('attachment.fetch');
    expect(jobs.filter((name) => !english.has(`jobs.method.${name}`))).toEqual([]);
  });
});

/** Keys the renderer names literally, and the prefixes it completes at run time (`status.${s}`). */
function usage(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sources(RENDERER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"]/g)) literal.add(m[1]!);
    for (const m of text.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.add(m[1]!);
  }
  return { literal, prefixes };
}

describe('the renderer and en.json agree', () => {
  it('has no key in en.json that no screen uses', () => {
    const { literal, prefixes } = usage();
    const unused = [...english.keys()]
      .map((k) => k.replace(PLURAL, ''))
      .filter((k) => !literal.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
    expect([...new Set(unused)]).toEqual([]);
  });
});

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'hint']);
/** Elements whose text is code or a command to type, the same in every language. */
const VERBATIM = new Set(['code', 'kbd', 'pre']);
/** The product's name is written the same in every language. */
const PRODUCT_NAME = 'Dateline';

/** An <option> that shows its own value (an end mark such as -30-) shows content, not interface. */
function showsItsValue(el: ts.JsxElement, text: string): boolean {
  if (el.openingElement.tagName.getText() !== 'option') return false;
  return el.openingElement.attributes.properties.some(
    (a) => ts.isJsxAttribute(a) && a.name.getText() === 'value' && a.initializer !== undefined && ts.isStringLiteral(a.initializer) && a.initializer.text === text,
  );
}

/** Words written in a component instead of through t(): JSX text and visible attributes with letters. */
function literalStrings(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => `${relative(RENDERER, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    const text = ts.isJsxText(n) ? n.text.trim() : '';
    if (/\p{L}/u.test(text) && text !== PRODUCT_NAME) {
      const parent = n.parent;
      const verbatim = ts.isJsxElement(parent) && (VERBATIM.has(parent.openingElement.tagName.getText()) || showsItsValue(parent, text));
      if (!verbatim) found.push(`${where(n)} “${text}”`);
    }
    if (ts.isJsxAttribute(n) && VISIBLE_ATTRIBUTES.has(n.name.getText()) && n.initializer) {
      const init = n.initializer;
      const value = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : '';
      if (/\p{L}/u.test(value)) found.push(`${where(n)} ${n.name.getText()}="${value}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('components speak through t()', () => {
  it('has no user-visible literal text in a component', () => {
    const found = sources(RENDERER)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap(literalStrings);
    expect(found).toEqual([]);
  });

  it('catches a literal in JSX text and in an aria-label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
    const file = join(dir, 'Bad.tsx');
    writeFileSync(file, `export const A = () => <button aria-label="Close it">Save now <code>npm start</code><option value="-30-">-30-</option><option value="x">Other</option></button>;`);
    expect(literalStrings(file).map((s) => s.replace(/^.*:\d+ /, ''))).toEqual(['aria-label="Close it"', '“Save now”', '“Other”']);
  });
});

describe('the words of each language', () => {
  it('sends the person to Settings by the name the menu gives it', () => {
    const wrong: string[] = [];
    for (const lng of Object.keys(UI_RESOURCES) as (keyof typeof UI_RESOURCES)[]) {
      const texts = flatten(UI_RESOURCES[lng].translation as Tree);
      const settings = texts.get('nav.settings')!;
      // A way through the screens is written "Settings → Library" (arrows reversed in Arabic).
      for (const [key, text] of texts) {
        for (const m of text.matchAll(/([\p{L}]+)\s[→←]/gu)) if (m[1] !== settings) wrong.push(`${lng} ${key}: “${m[1]}”`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes the French apostrophe the one way, as the typographic ’', () => {
    const straight = [...flatten(UI_RESOURCES.fr.translation as Tree)].filter(([, text]) => text.includes("'")).map(([key]) => key);
    expect(straight).toEqual([]);
  });

  it('names a release’s fields alike in the editor, the import review and a conflict', () => {
    const differ: string[] = [];
    for (const lng of Object.keys(UI_RESOURCES) as (keyof typeof UI_RESOURCES)[]) {
      const texts = flatten(UI_RESOURCES[lng].translation as Tree);
      for (const field of ['datelinePlace', 'releaseDate', 'notesToEditors', 'endMark']) {
        const names = new Set([`releases.${field}`, `import.field.${field}`, fieldLabelKey('release', field)!].map((k) => texts.get(k)));
        if (names.size > 1) differ.push(`${lng} ${field}: ${[...names].join(' / ')}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('leaves no English and no false friend in the release editor and the kit builder', () => {
    const SCREENS = ['releases.', 'embargo.', 'editor.', 'history.', 'versions.', 'lifecycle.', 'kits.', 'kitBuilder.', 'attachments.'];
    // Words a translator may carry over from English: "dateline" is English press jargon, "e-mail" and "l’export" anglicisms;
    // Spanish "dossier" is written "dosier", and "Sin embargo" means "However".
    const BORROWED: Record<string, string[]> = { fr: ['dateline', 'e-mail', 'l’export '], es: ['dateline', 'dossier', 'Sin embargo', 'sin embargo'], ar: [] };
    // In Arabic, a Latin word stands only as a name: a format, a web scheme, a zone's code, or a name given in brackets.
    const NAMES = new Set(['PDF', 'Word', 'DOCX', 'ZIP', 'A4', 'https', 'mailto', 'Europe', 'Zurich', 'Dateline']);
    const found: string[] = [];
    for (const lng of ['fr', 'es', 'ar'] as const) {
      for (const [key, text] of flatten(UI_RESOURCES[lng].translation as Tree)) {
        if (!SCREENS.some((p) => key.startsWith(p))) continue;
        // Case kept: the product's name, Dateline, is no borrowing.
        const words = text.replace(/\{\{[^}]*\}\}/g, '');
        for (const w of BORROWED[lng]!) if (words.includes(w)) found.push(`${lng} ${key}: “${w}”`);
        if (lng === 'ar') {
          const outsideBrackets = text.replace(/\{\{[^}]*\}\}/g, '').replace(/\([^)]*\)/g, '');
          for (const m of outsideBrackets.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) if (!NAMES.has(m[0])) found.push(`ar ${key}: “${m[0]}”`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('calls the dateline place by the French press’s own term', () => {
    expect(flatten(UI_RESOURCES.fr.translation as Tree).get('releases.datelinePlace')).toBe('Lieu d’émission');
  });
});

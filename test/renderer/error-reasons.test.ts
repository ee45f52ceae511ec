import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, type ApiError, type ErrorCode, type ReasonCode } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { openCore } from '../../electron/core/index';
import { call, closedAfterTest, core, fail, jobFails, release } from '../core-harness';
import { tempDir } from '../helpers';

/**
 * The general codes (CONFLICT, NOT_FOUND, the file errors, FORBIDDEN, OFFLINE) said by their
 * reason in the person's language: every reason the core gives one is listed in ERROR_REASONS,
 * and each has words in every language, none of them the core's English message.
 */

const ROOT = process.cwd();
const CODES = Object.keys(ERROR_REASONS) as ReasonCode[];
const ENGLISH = 'ENGLISH DETAIL FROM THE CORE';
const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Site {
  where: string;
  code: ErrorCode;
  /** The reasons written as strings at the site; null when it gives none. */
  reasons: string[] | null;
}

/** The string literals an expression can take (a literal, or a conditional of literals); [] when it is computed (then typed ErrorReason). */
function literals(e: ts.Expression): string[] {
  if (ts.isStringLiteral(e)) return [e.text];
  if (ts.isConditionalExpression(e)) return [...literals(e.whenTrue), ...literals(e.whenFalse)];
  if (ts.isParenthesizedExpression(e)) return literals(e.expression);
  return [];
}

/** Every `reason` property inside `node`: its literals, or [] when computed; null when there is none. */
function reasonsIn(node: ts.Node): string[] | null {
  let found: string[] | null = null;
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && n.name.getText() === 'reason') found = [...(found ?? []), ...literals(n.initializer)];
    else if (ts.isShorthandPropertyAssignment(n) && n.name.text === 'reason') found = found ?? [];
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Where the core raises a general code: `new DatelineError('CODE', …)`, `failure('CODE', …)`, or `{ code: 'CODE', message, params }`. */
function sites(): Site[] {
  const out: Site[] = [];
  for (const f of [...sources(join(ROOT, 'electron/core')), ...sources(join(ROOT, 'electron/shared')), ...sources(join(ROOT, 'electron/main'))]) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${relative(ROOT, f)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node) => {
      let code: string | null = null;
      if ((ts.isNewExpression(n) && n.expression.getText(sf) === 'DatelineError') || (ts.isCallExpression(n) && n.expression.getText(sf) === 'failure')) {
        const first = n.arguments?.[0];
        if (first) code = literals(first).find((c) => CODES.includes(c as ReasonCode)) ?? null;
      } else if (ts.isObjectLiteralExpression(n)) {
        const c = n.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'code');
        const m = n.properties.some((p) => p.name?.getText(sf) === 'message');
        if (c && m && ts.isStringLiteral(c.initializer) && CODES.includes(c.initializer.text as ReasonCode)) code = c.initializer.text;
      }
      if (code !== null) out.push({ where: at(n), code: code as ErrorCode, reasons: reasonsIn(n) });
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** Values for every word a reason's text may use. */
const PARAMS: NonNullable<ApiError['params']> = {
  name: 'fact-sheet.pdf',
  path: '/home/amina/fact-sheet.pdf',
  folder: '/media/usb',
  size: 30 * 1024 * 1024,
  chars: 450_000,
  limit: 25 * 1024 * 1024,
  seconds: 20,
  mb: 256,
  megapixels: 120,
  item: 3,
  headline: 'Boreholes in Kasese',
  language: 'sw',
  contacts: 2,
  system: 'EBUSY',
  id: 'x1',
  type: 'pressEvent',
  database: 'dateline-goma',
  limitMb: 500,
  movedTo: '/home/amina/Dateline/damaged/2026-12-03T13-00-00',
  file: '/home/amina/Dateline',
  parent: 'Radio Kasese',
};

function said(lng: string, error: ApiError): string {
  return errorText(setUpI18n(lng).t, error);
}

describe('the general errors in the person’s language', () => {
  const all = sites();

  it('finds the core’s sites, and each reason given there is listed for its code', () => {
    expect(all.length).toBeGreaterThan(60);
    const unlisted = all.flatMap((s) => (s.reasons ?? []).filter((r) => !(ERROR_REASONS[s.code as ReasonCode] as readonly string[]).includes(r)).map((r) => `${s.where} ${s.code} ${r}`));
    expect(unlisted).toEqual([]);
  });

  it('gives a reason wherever a person meets the error: a file attached, imported or exported, a save, an item gone, sync', () => {
    const met = ['core/attachments/', 'core/import/', 'core/kits/', 'core/store/', 'core/releases/', 'core/sync/', 'core/library/restore', 'core/library/backup', 'core/contacts/organise', 'core/dispatcher', 'core/jobs', 'core/http/', 'electron/main/'];
    const without = all.filter((s) => s.reasons === null && met.some((m) => s.where.includes(m))).map((s) => `${s.where} ${s.code}`);
    expect(without).toEqual([]);
  });

  for (const code of CODES) {
    for (const reason of ERROR_REASONS[code]) {
      for (const type of reason === 'gone' || reason === 'kitItemGone' ? [undefined, 'release', 'contact', 'attachment', 'kit', 'office', 'outlet'] : [undefined]) {
        it(`says ${code} ${reason}${type ? ` (${type})` : ''} in every language, never the core’s English`, () => {
          const error: ApiError = { code, message: ENGLISH, params: { ...PARAMS, reason, ...(type ? { type } : {}) } };
          const en = said('en', error);
          for (const lng of LANGUAGES) {
            const text = said(lng, error);
            expect(text, lng).not.toContain(ENGLISH);
            expect(text, lng).not.toContain('{{');
            expect(text, lng).not.toContain('errors.');
            if (lng !== 'en') expect(text, lng).not.toBe(en);
          }
        });
      }
    }
  }

  it('says sync’s failures without the server’s name in French, Spanish and Arabic, never the core’s English', () => {
    for (const [code, failure] of [['SERVER_ERROR', 'protocol'], ['SERVER_ERROR', 'damaged'], ['SERVER_ERROR', 'server'], ['SERVER_AUTH', 'auth'], ['SERVER_AUTH', 'forbidden'], ['FILE_TOO_LARGE', 'too-large'], ['NOT_FOUND', 'not-found']] as const) {
      const error: ApiError = { code, message: ENGLISH, params: { failure, status: 502, ...(failure === 'not-found' ? { url: 'https://sync.example.org/goma' } : {}) } };
      // English may keep the core's sentence where it names the server's address (a database not found).
      const en = said('en', error);
      for (const lng of ['fr', 'es', 'ar']) {
        const text = said(lng, error);
        expect(text, `${lng} ${failure}`).not.toContain(ENGLISH);
        expect(text, `${lng} ${failure}`).not.toBe(en);
      }
    }
  });

  it('shows the core’s English only for a reason this window does not know, said to be English outside the English interface', () => {
    const error: ApiError = { code: 'CONFLICT', message: ENGLISH, params: { reason: 'fromANewerDateline' } };
    expect(said('en', error)).toContain(ENGLISH);
    expect(said('fr', error)).toContain(`(détail en anglais : ${ENGLISH})`);
    expect(said('es', error)).toContain(`(detalle en inglés: ${ENGLISH})`);
    // Arabic isolates the English detail (FSI…PDI), so it keeps its own direction.
    expect(said('ar', error)).toContain('(التفاصيل بالإنجليزية: ');
    expect(said('ar', error)).toContain(ENGLISH);
  });
});

/** The errors a person meets most, raised by a real core, in French, Spanish and Arabic: no English in them. */
describe('the errors a person meets, from the core', () => {
  const unEnglish = async (error: ApiError) => {
    for (const lng of ['fr', 'es', 'ar']) {
      const text = said(lng, error);
      expect(text, lng).not.toContain(error.message);
      expect(text, lng).not.toContain('library');
    }
    return said('fr', error);
  };

  it('a save over someone else’s change, an item deleted meanwhile, a file that is not there, one too large', async () => {
    const c = await core();
    const r = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Boreholes in Kasese' }));
    await call(c, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Boreholes in Kasese district' } });
    const conflict = await fail(c, 'release.update', { id: r.id, rev: r.rev, fields: { headline: 'Twelve boreholes' } });
    expect(conflict.code).toBe('CONFLICT');
    expect(await unEnglish(conflict)).toContain('Rechargez pour voir sa version');

    const k = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Kasese kit', language: 'en', items: [] });
    await call(c, 'doc.delete', { id: k.id, rev: k.rev });
    const gone = await fail(c, 'kit.get', { id: k.id });
    expect(gone.code).toBe('NOT_FOUND');
    expect(await unEnglish(gone)).toBe('Ce dossier de presse n’est plus dans la bibliothèque : il a peut-être été supprimé, ici ou sur un autre ordinateur par la synchronisation.');

    const missing = await jobFails(c, 'sync.import', { from: '/nowhere/goma.dateline-sync' });
    expect(missing).toMatchObject({ code: 'FILE_UNREADABLE', params: { reason: 'missing' } });
    expect(await unEnglish(missing)).toContain('n’existe pas');

    const small = closedAfterTest(await openCore(tempDir(), { author: 'amina', attachmentLimit: 1024 * 1024 }));
    const big = await fail(small, 'attachment.add', { name: 'video.mp4', data: Buffer.alloc(2 * 1024 * 1024, 1).toString('base64'), fields: {} });
    expect(big.code).toBe('FILE_TOO_LARGE');
    expect(await unEnglish(big)).toBe('« video.mp4 » fait 2 Mo ; la bibliothèque accepte des fichiers de 1 Mo au plus. Rien n’a été enregistré : réduisez-le (ou découpez-le) et réessayez.');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/shared/errors';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { tempDir } from '../helpers';
import { core, fail, jobFails } from './helpers';

/**
 * A contacts file refused as a whole, and a contact refused for one of its fields, in the
 * person's language: no "{{field}}" left for want of a field, no field path, no method name.
 */

const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const words = (lng: (typeof LANGUAGES)[number], e: ApiError) => {
  const i18n = setUpI18n(lng);
  return errorText(i18n.t.bind(i18n), e);
};

describe('a contacts file refused as a whole', () => {
  it('is said by what is wrong with it, in each language, with its row or line', async () => {
    const c = await core();
    const dir = tempDir();
    const write = (name: string, data: string | Uint8Array) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return { path: p, commit: true };
    };
    const refusals = {
      notText: await jobFails(c, 'contact.importFile', write('sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 1, 2, 3, 0, 0, 0]))),
      tooManyColumns: await jobFails(c, 'contact.importFile', write('wide.csv', `Name,Notes\nOrla Brisk,x\n${'y,'.repeat(1500)}y\n`)),
      unclosedQuote: await jobFails(c, 'contact.importFile', write('open.csv', 'Name,Notes\nTeodor Vance,"left open\nMira Lund,x\n')),
      mixedEncodings: await jobFails(
        c,
        'contact.importFile',
        write('mixed.csv', Buffer.concat([Buffer.from('Name,Notes\nZoë Marr,ok\n', 'utf8'), Buffer.from([0x52, 0xe9, 0x2c, 0x78, 0x0a])])),
      ),
    };
    const where: Record<keyof typeof refusals, string> = { notText: '', tooManyColumns: '3', unclosedQuote: '2', mixedEncodings: '3' };
    for (const [reason, error] of Object.entries(refusals) as [keyof typeof refusals, ApiError][]) {
      expect(error.params?.reason, reason).toBe(reason);
      for (const lng of LANGUAGES) {
        const text = words(lng, error);
        expect(text, `${lng} ${reason}`).not.toMatch(/\{\{|field|champ|campo|الحقل/);
        expect(text, `${lng} ${reason}`).toContain(where[reason]);
        // Said in the language, not by the core's English sentence.
        if (lng !== 'en') expect(text, `${lng} ${reason}`).not.toContain(error.message);
      }
    }
    expect(words('en', refusals.tooManyColumns)).toBe('Row 3 has more than 1,000 columns, so this does not look like a contacts file; nothing was stored.');
  });

  it('never shows the field placeholder for a refusal that names no field', () => {
    const e: ApiError = { code: 'INVALID_INPUT', message: 'The mapping names none of the file’s columns (it has: "Nom").' };
    expect(words('en', e)).toBe(e.message);
    for (const lng of LANGUAGES) {
      expect(words(lng, e), lng).not.toContain('{{');
      expect(words(lng, e), lng).toContain(e.message);
    }
  });
});

describe('a contact refused for one of its fields', () => {
  it('names the field by its label on the form, and a length by its limit', async () => {
    const c = await core();
    const phone = await fail(c, 'contact.create', { name: 'Ines Caldera', phones: [{ number: 'call me' }] });
    const said = words('en', phone);
    expect(said).toMatch(/^Check the field “Phone 1”: /);
    expect(said).not.toMatch(/phones\.0|contact\.create/);
    for (const lng of LANGUAGES) expect(words(lng, phone), lng).not.toMatch(/phones\.0|contact\.create|\{\{/);

    const long = await fail(c, 'contact.create', { name: 'N'.repeat(301) });
    expect(words('en', long)).toBe('Check the field “Name”: it can hold at most 300 characters.');
    expect(words('fr', long)).toBe('Vérifiez le champ « Nom » : il peut contenir au plus 300 caractères.');
  });
});

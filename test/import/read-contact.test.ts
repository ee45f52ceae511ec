import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { ImportContactRead } from '../../electron/shared/import/contract';
import { call, core, fail } from '../core-harness';

/**
 * The review screen's "Media contact" on one line of the source: the line is read by the
 * importer's own contact reader, and each person is matched against the library as the
 * preview does.
 */

const read = (c: Core, text: string) => call<ImportContactRead[]>(c, 'import.readContact', { text });

describe('reading a media contact from one line', () => {
  it('reads the person out of a sentence, not the sentence as a name, and says when the library has them', async () => {
    const c = await core();
    const line = 'For further information please contact Ioana Popp at IOM Geneva, Email ipopp@iom.int';
    expect(await read(c, line)).toEqual([{ name: 'Ioana Popp', role: null, organisation: 'IOM Geneva', email: 'ipopp@iom.int', phone: null, match: null }]);
    const made = await call<{ id: string }>(c, 'contact.create', { kind: 'spokesperson', name: 'Ioana Popp', emails: [{ address: 'IPopp@iom.int' }] });
    expect((await read(c, line))[0]!.match).toEqual({ id: made.id, name: 'Ioana Popp', organisation: null });
  });

  it('reads a label, a role and both details in French and Arabic', async () => {
    const c = await core();
    expect(await read(c, 'Contact presse : Marc Lefèvre, chargé de communication, +227 90 00 00 00, mlefevre@exemple.org')).toMatchObject([
      { name: 'Marc Lefèvre', email: 'mlefevre@exemple.org', phone: '+227 90 00 00 00' },
    ]);
    expect(await read(c, 'للمزيد من المعلومات يرجى التواصل مع: سامر خليل، مسؤول الإعلام، هاتف: +962 6 000 0000، البريد الإلكتروني: skhalil@example.org')).toMatchObject([
      { name: 'سامر خليل', email: 'skhalil@example.org', phone: '+962 6 000 0000' },
    ]);
  });

  it('takes a name alone when the line gives no details, and nobody from a line with no one in it', async () => {
    const c = await core();
    expect(await read(c, 'Jane Roe, Press Officer')).toMatchObject([{ name: 'Jane Roe', email: null, phone: null }]);
    expect(await read(c, 'Share this page')).toEqual([]);
  });

  it('refuses more than a line', async () => {
    const c = await core();
    expect((await fail(c, 'import.readContact', { text: 'x'.repeat(5000) })).code).toBe('INVALID_INPUT');
  });
});

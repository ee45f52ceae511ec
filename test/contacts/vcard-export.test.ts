import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, csvCell } from '../../electron/shared/csv-cell';
import { tempDir } from '../helpers';
import { allContacts, call, core, fixture, importFile } from './helpers';

describe('importing vCards', () => {
  it('reads 2.1 quoted-printable (a soft break without its "="), folded 3.0 lines, 4.0 tel: URIs, keeps a photo as an attachment, never fetches a linked one, and one bad card spoils nothing', async () => {
    const c = await core();
    const r = await importFile(c, fixture('phone.vcf'), { commit: true });
    expect(r).toMatchObject({ format: 'vcard', encoding: 'utf-8', rows: 5, created: 4, refused: 1 });
    expect(r.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', name: 'Broken Card', reason: 'card 4 (Broken Card): "not-an-address" is not an e-mail address' });
    expect(r.outcomes.find((o) => o.row === 3)!.warnings).toEqual(['the photo is a link; it was not fetched (an import never reaches the network)']);
    const people = await allContacts(c);
    const benoit = people.find((p) => p.name === 'Benoît Touré')!;
    expect(benoit.organisation).toBe('L\u2019Observateur Paalga');
    expect(benoit.notes).toBe('Préfère les appels le matin, pas après 18 h. Couvre la région du Nord.');
    expect(benoit.phones).toMatchObject([
      { type: 'mobile', number: '+22670998877' },
      { type: 'work', number: '+226 25 33 44 55' },
    ]);
    const abena = people.find((p) => p.name === 'Abena Mensah')!;
    expect(abena).toMatchObject({ role: 'Senior reporter, health and humanitarian affairs', organisation: 'Joy FM, Newsroom', beats: ['Health', 'Refugees'] });
    const photo = await call<{ mediaType: string; size: number; originalName: string }>(c, 'attachment.get', { id: abena.photo });
    expect(photo).toMatchObject({ mediaType: 'image/png', originalName: 'Abena Mensah.png' });
    const nour = people.find((p) => p.name === 'Nour El-Sayed')!;
    expect(nour).toMatchObject({ languages: ['ar', 'en'], phones: [{ type: 'mobile', number: '+20-100-555-1234' }] });
    expect(nour.photo).toBeUndefined();
  });

  it('drops a 50 MB photo as it streams, keeping the card', async () => {
    const c = await core();
    const path = join(tempDir(), 'big.vcf');
    // 50 MB of base64 (about 37 MB of photo), folded as phones write it.
    const folded = `${'QUFB'.repeat(19)}\r\n `.repeat(Math.ceil((50 * 1024 * 1024) / 76));
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}QUFB\r\nEMAIL:big@photo.example\r\nEND:VCARD\r\n`);
    const r = await importFile(c, path, { commit: true });
    expect(r).toMatchObject({ created: 1, refused: 0 });
    expect(r.outcomes[0]!.warnings).toEqual(['the photo is larger than 2 MB; left out']);
  });
  it('drops a photo written on one unfolded line, keeping the card and the property before it', async () => {
    const c = await core();
    const path = join(tempDir(), 'one-line.vcf');
    // 4 MB of base64 on a single line (some exporters never fold), after the e-mail.
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Long Line\r\nEMAIL:long@line.example\r\nPHOTO:data:image/jpeg;base64,${'QUFB'.repeat(1024 * 1024)}\r\nTEL:+41 22 917 12 34\r\nEND:VCARD\r\n`);
    const r = await importFile(c, path, { commit: true });
    expect(r).toMatchObject({ created: 1, refused: 0 });
    expect(r.outcomes[0]!.warnings).toEqual(['the photo is larger than 2 MB; left out']);
    const [person] = await allContacts(c);
    expect(person).toMatchObject({ name: 'Long Line', emails: [{ address: 'long@line.example' }], phones: [{ number: '+41 22 917 12 34' }] });
  });
  it('says a photo whose data is not base64 was left out, as it says of one that is not an image', async () => {
    const c = await core();
    const path = join(tempDir(), 'garbled.vcf');
    writeFileSync(path, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Garbled Photo\r\nEMAIL:garbled@photo.example\r\nPHOTO;ENCODING=b;TYPE=JPEG:!!!***\r\nEND:VCARD\r\n');
    const r = await importFile(c, path, { commit: true });
    expect(r).toMatchObject({ created: 1, refused: 0 });
    expect(r.outcomes[0]!.warnings).toEqual(['the photo is not an image Dateline reads (JPEG, PNG, GIF or WebP); left out']);
  });
});

describe('exporting contacts', () => {
  it('neutralises formulas, also after spaces and in full-width forms, and leaves phone numbers readable', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3;cmd', '@SUM(1)', '\t=x', '\r=x', '  =HYPERLINK("x")', '\uFF1DSUM(1)', '\u3000+cmd|x', '-cmd|\' /C calc\'!A0']) {
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    }
    for (const fine of ['+41 22 917 12 34', '+1 (555) 010-0000', '-', 'Grace', 'a=b', '022 917 12 34']) expect(neutraliseFormula(fine)).toBe(fine === '-' ? "'-" : fine);
    // A contact's phones of one kind share a cell, "; " between them: still only numbers.
    expect(neutraliseFormula('+256 476 420 100; +256 476 420 101')).toBe('+256 476 420 100; +256 476 420 101');
    for (const bad of ['+256 476 420 100; =cmd|x', '+1;SUM(A1)', '+1; ']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
  });

  it('round trip: everything exported as CSV or vCard, social handles, tags, regions, lists and who may see each channel included, reads back the same into an empty library', async () => {
    const a = await core();
    const outlet = await call<{ id: string }>(a, 'outlet.create', { name: 'Radio Omega' });
    await call(a, 'contact.create', {
      name: 'Amélie Kaboré',
      kind: 'journalist',
      role: 'Rédactrice en chef',
      organisation: '=HYPERLINK("http://evil.example")',
      outlet: outlet.id,
      beats: ['Santé', 'Nutrition'],
      languages: ['fr', 'mos'],
      countries: ['BF'],
      // Who may see each channel: a number kept from the press must not come back public.
      emails: [{ type: 'work', address: 'amelie@omega.example' }, { type: 'personal', address: 'amelie@mail.example', visibility: 'internal' }],
      phones: [{ type: 'mobile', number: '+226 70 11 22 33', visibility: 'press-only' }, { type: 'fax', number: '+226 25 30 00 00' }],
      notes: 'Appeler le matin.\nParle mooré; "urgent" seulement',
      tags: ['radio', 'Sahel, Mali'],
      regions: ['Centre-Nord'],
      lists: ['Health desk', 'Journalistes Ouaga'],
      // A handle, a profile's link, a network named with a formula: each comes back as typed.
      socialHandles: [
        { network: 'X', handle: '@amelie_k' },
        { network: 'LinkedIn', handle: 'https://www.linkedin.com/in/amelie-kabore' },
        { network: 'Mastodon; fr', handle: '@amelie@mastodon.social' },
        { network: '=HYPERLINK("x")', handle: 'a;b' },
      ],
      // What a data-protection officer checks: it must come back whole from either file.
      dataProtection: { legalBasis: 'legitimate-interest', purpose: 'Press releases on health; "urgent" only', consentDate: '2026-03-14', consentSource: 'Form at the Ouagadougou briefing', doNotContact: false, lastVerified: '2026-11-02' },
    });
    // She asked not to be contacted: the mark must come back, or the next mailing would reach her.
    await call(a, 'contact.create', { name: 'ليلى حداد', kind: 'spokesperson', emails: [{ type: 'other', address: 'layla@annahar.example' }], dataProtection: { legalBasis: 'consent', consentDate: '2025-09-30', doNotContact: true } });
    const strip = (people: Awaited<ReturnType<typeof allContacts>>) =>
      people.map(({ id: _i, outlet: _o, ...rest }) => {
        const r = rest as Record<string, unknown>;
        for (const k of ['rev', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'conflicted']) delete r[k];
        return r;
      });
    const before = strip(await allContacts(a));
    for (const format of ['csv', 'vcf'] as const) {
      const out = join(tempDir(), `all.${format}`);
      await call(a, 'contact.exportFile', { format, out });
      if (format === 'csv') {
        expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
        expect(readFileSync(out, 'utf8')).toContain('"Press only: +226 70 11 22 33; Staff only: amelie@mail.example"');
        // The Social cell is neutralised like any other: its first network here is a formula.
        expect(readFileSync(out, 'utf8')).toContain(`"X: @amelie_k\nLinkedIn: https://www.linkedin.com/in/amelie-kabore\nMastodon; fr: @amelie@mastodon.social\n=HYPERLINK(""x""): a;b"`);
      }
      const b = await core();
      const r = await importFile(b, out, { commit: true });
      expect(r).toMatchObject({ created: 2, refused: 0 });
      const after = await allContacts(b);
      expect(strip(after)).toEqual(before);
      const outlets = await call<{ items: { name: string }[] }>(b, 'outlet.list', {});
      expect(outlets.items.map((o) => o.name)).toEqual(['Radio Omega']);
      // The same file again finds every person already there.
      expect(await importFile(b, out, { commit: true })).toMatchObject({ created: 0, merged: 0, unchanged: 2 });
    }
  });

  it('refuses a row whose Visibility cell names a channel it does not hold, or no visibility, naming its row and column', async () => {
    const c = await core();
    const sheet = join(tempDir(), 'desk.csv');
    writeFileSync(
      sheet,
      'Name,E-mail (work),Phone (mobile),Visibility\r\n' +
        'Aida Bello,aida@example.org,+234 803 555 0101,Staff only: +2348035550101; press only: AIDA@example.org\r\n' +
        'Joy Eze,joy@example.org,,Staff only: joy@other.example\r\n' +
        'Sani Musa,sani@example.org,,Secret: sani@example.org\r\n',
    );
    const r = await importFile(c, sheet, { commit: true });
    expect(r).toMatchObject({ headerSet: 'dateline', created: 1, refused: 2 });
    expect(r.outcomes.find((o) => o.row === 3)).toMatchObject({ action: 'refuse', column: 'Visibility', why: { code: 'BAD_VISIBILITY', params: { column: 'Visibility', value: 'joy@other.example' } } });
    expect(r.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', column: 'Visibility', why: { code: 'BAD_VISIBILITY', params: { value: 'Secret: sani@example.org' } } });
    const [aida] = await allContacts(c);
    expect(aida).toMatchObject({ emails: [{ address: 'aida@example.org', visibility: 'press-only' }], phones: [{ visibility: 'internal' }] });
  });

  it('reads "Do not contact" from a sheet, also into a contact already in the library, and refuses a value that is neither yes nor no', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Omar Said', emails: [{ type: 'work', address: 'omar.said@example.org' }], dataProtection: { legalBasis: 'consent' } });
    const sheet = join(tempDir(), 'desk.csv');
    writeFileSync(sheet, 'Name,E-mail (work),Do not contact\r\nOmar Said,omar.said@example.org,yes\r\nAida Bello,aida@example.org,\r\nJoy Eze,joy@example.org,maybe\r\n');
    const r = await importFile(c, sheet, { commit: true });
    expect(r).toMatchObject({ headerSet: 'dateline', created: 1, merged: 1, refused: 1 });
    expect(r.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', column: 'Do not contact', why: { code: 'BAD_DO_NOT_CONTACT' } });
    const people = await allContacts(c);
    expect(people.find((p) => p.name === 'Omar Said')!.dataProtection).toMatchObject({ legalBasis: 'consent', doNotContact: true });
    expect(people.find((p) => p.name === 'Aida Bello')!.dataProtection).toBeUndefined();
  });

  it('refuses a row or card whose legal basis or date cannot be kept, naming its row and column, and stores the rest', async () => {
    const c = await core();
    const sheet = join(tempDir(), 'desk.csv');
    writeFileSync(
      sheet,
      'Name,E-mail (work),Legal basis,Purpose,Consent date,Consent source,Last verified\r\n' +
        'Aida Bello,aida@example.org,Public task,Briefings,2026-01-05,Phone call,2026-10-01\r\n' +
        'Joy Eze,joy@example.org,because,,,,\r\n' +
        'Sani Musa,sani@example.org,consent,,05/01/2026,,\r\n' +
        'Ada Obi,ada@example.org,,,,,2026-02-30\r\n',
    );
    const r = await importFile(c, sheet, { commit: true });
    expect(r).toMatchObject({ headerSet: 'dateline', created: 1, refused: 3 });
    expect(r.outcomes.find((o) => o.row === 3)).toMatchObject({ action: 'refuse', column: 'Legal basis', why: { code: 'BAD_LEGAL_BASIS', params: { column: 'Legal basis', value: 'because' } } });
    expect(r.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', column: 'Consent date', why: { code: 'BAD_DATE', params: { column: 'Consent date', value: '05/01/2026' } } });
    expect(r.outcomes.find((o) => o.row === 5)).toMatchObject({ action: 'refuse', column: 'Last verified', why: { code: 'BAD_DATE' } });
    const [aida] = await allContacts(c);
    expect(aida!.dataProtection).toEqual({ legalBasis: 'public-task', purpose: 'Briefings', consentDate: '2026-01-05', consentSource: 'Phone call', doNotContact: false, lastVerified: '2026-10-01' });

    const cards = join(tempDir(), 'phone.vcf');
    writeFileSync(cards, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Joy Eze\r\nX-DATELINE-LEGAL-BASIS:because\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sani Musa\r\nX-DATELINE-CONSENT-DATE:yesterday\r\nEND:VCARD\r\n');
    const v = await importFile(c, cards, { commit: true });
    expect(v).toMatchObject({ created: 0, refused: 2 });
    expect(v.outcomes.map((o) => [o.column, o.why?.code])).toEqual([
      ['X-DATELINE-LEGAL-BASIS', 'BAD_LEGAL_BASIS'],
      ['X-DATELINE-CONSENT-DATE', 'BAD_DATE'],
    ]);
  });

  it('gives a contact already in the library the record a sheet brings only when it has none of its own', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Omar Said', emails: [{ type: 'work', address: 'omar.said@example.org' }], dataProtection: { legalBasis: 'consent', consentDate: '2024-05-01' } });
    await call(c, 'contact.create', { name: 'Aida Bello', emails: [{ type: 'work', address: 'aida@example.org' }] });
    const sheet = join(tempDir(), 'desk.csv');
    writeFileSync(sheet, 'Name,E-mail (work),Legal basis,Consent date\r\nOmar Said,omar.said@example.org,contract,2026-01-01\r\nAida Bello,aida@example.org,legitimate interest,2026-02-02\r\n');
    expect(await importFile(c, sheet, { commit: true })).toMatchObject({ merged: 1, unchanged: 1, refused: 0 });
    const people = await allContacts(c);
    expect(people.find((p) => p.name === 'Omar Said')!.dataProtection).toMatchObject({ legalBasis: 'consent', consentDate: '2024-05-01' });
    expect(people.find((p) => p.name === 'Aida Bello')!.dataProtection).toMatchObject({ legalBasis: 'legitimate-interest', consentDate: '2026-02-02' });
  });

  it('round trip: a photo from a phone goes out in the vCard and comes back the same bytes', async () => {
    const a = await core();
    await importFile(a, fixture('phone.vcf'), { commit: true });
    const sha = async (c: Awaited<ReturnType<typeof core>>) => {
      const abena = (await allContacts(c)).find((p) => p.name === 'Abena Mensah')!;
      return (await call<{ sha256: string; mediaType: string }>(c, 'attachment.get', { id: abena.photo })).sha256;
    };
    const out = join(tempDir(), 'phone-again.vcf');
    await call(a, 'contact.exportFile', { format: 'vcf', out, query: 'Abena' });
    expect(readFileSync(out, 'utf8')).toMatch(/^PHOTO:data:image\/png;base64,/m);
    const b = await core();
    expect(await importFile(b, out, { commit: true })).toMatchObject({ created: 1, refused: 0 });
    expect(await sha(b)).toBe(await sha(a));
  });
});

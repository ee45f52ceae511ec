import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { allContacts, call, core, fixture, importFile, job, jobFails } from './helpers';

describe('importing contacts from CSV', () => {
  it('reads an Outlook export in French from Windows-1252: accents, a note over two lines, a bad address refused by row and column, a duplicate merged', async () => {
    const c = await core();
    const preview = await importFile(c, fixture('outlook-fr-1252.csv'));
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ',', headerSet: 'outlook-fr', needsMapping: false, committed: false });
    expect(preview).toMatchObject({ rows: 4, created: 2, merged: 1, refused: 1 });
    // The refused row still says whose it is, so the person knows whom to look up.
    expect(preview.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', column: 'Adresse de messagerie', name: 'Hélène Dubois' });
    expect(preview.outcomes.find((o) => o.row === 4)!.reason).toContain('row 4, column "Adresse de messagerie": "helene.dubois@" is not an e-mail address');
    expect(preview.outcomes.find((o) => o.row === 4)!.why).toEqual({ code: 'BAD_EMAIL', params: { column: 'Adresse de messagerie', value: 'helene.dubois@' } });
    expect(preview.outcomes.find((o) => o.row === 5)).toMatchObject({ action: 'merge', into: { row: 2, name: 'Amélie Kaboré' } });
    // The preview stored nothing.
    expect(await allContacts(c)).toEqual([]);

    const done = await importFile(c, fixture('outlook-fr-1252.csv'), { commit: true, expectSha256: preview.sha256 });
    expect(done).toMatchObject({ committed: true, created: 2, merged: 1, refused: 1 });
    const people = await allContacts(c);
    expect(people.map((p) => p.name)).toEqual(['Amélie Kaboré', 'François Ndiaye']);
    const amelie = people[0]!;
    expect(amelie).toMatchObject({ organisation: 'Radio Omega', role: 'Rédactrice en chef', beats: ['Santé', 'Nutrition'] });
    expect(amelie.notes).toBe('Préfère être appelée le matin.\r\nParle mooré.\n\nDeuxième fiche');
    expect(amelie.emails).toMatchObject([{ type: 'work', address: 'amelie.kabore@radio-omega.example' }]);
    expect(amelie.phones).toMatchObject([
      { type: 'work', number: '+226 25 30 12 34' },
      { type: 'mobile', number: '+226 70 11 22 33' },
    ]);
    expect(people[1]!.emails.map((e) => e.type)).toEqual(['work', 'other']);
    expect(people[1]!.phones).toMatchObject([
      { type: 'mobile', number: '+221 77 555 12 12' },
      { type: 'fax', number: '+221 33 889 00 00' },
    ]);
  });

  it('reads a Google export: values split on ":::", labels typing e-mails and phones, Google\'s own labels dropped', async () => {
    const c = await core();
    const r = await importFile(c, fixture('google.csv'), { commit: true });
    expect(r).toMatchObject({ encoding: 'utf-8', headerSet: 'google', created: 2, refused: 1 });
    expect(r.outcomes.find((o) => o.row === 4)!.reason).toBe('row 4, column "Phone 1 - Value": "call me" is not a phone number: it has no digits');
    const [grace, jose] = await allContacts(c);
    expect(grace).toMatchObject({ name: 'Grace Akello', organisation: 'Daily Monitor', role: 'Health correspondent', beats: ['Health', 'Water'] });
    expect(grace!.phones).toMatchObject([
      { type: 'mobile', number: '+256 772 123456' },
      { type: 'work', number: '+256 414 000111' },
    ]);
    expect(jose!.name).toBe('José Ramírez');
    expect(jose!.emails).toMatchObject([
      { type: 'personal', address: 'jose.ramirez@mail.example' },
      { type: 'personal', address: 'jramirez@el-tiempo.example' },
    ]);
  });

  it('refuses headers it does not know without a mapping, listing them; with the mapping it reads Arabic names from Windows-1256', async () => {
    const c = await core();
    const preview = await importFile(c, fixture('excel-ar-1256.csv'), { commit: true });
    expect(preview).toMatchObject({ needsMapping: true, committed: false, encoding: 'windows-1256', rows: 0 });
    expect(preview.headers).toEqual(['الاسم', 'المؤسسة', 'البريد الإلكتروني', 'الهاتف', 'ملاحظات']);
    expect(preview.sample[0]).toEqual(['ليلى حداد', 'جريدة النهار', 'layla.haddad@annahar.example', '+961 1 234 567', 'مراسلة الشؤون الإنسانية']);
    expect(await allContacts(c)).toEqual([]);

    const mapping = JSON.parse(readFileSync(fixture('excel-ar-mapping.json'), 'utf8')) as Record<string, string>;
    const r = await importFile(c, fixture('excel-ar-1256.csv'), { mapping, commit: true });
    expect(r).toMatchObject({ committed: true, created: 2, merged: 1 });
    const people = await allContacts(c);
    expect(people.map((p) => p.name).sort()).toEqual(['عمر الخطيب', 'ليلى حداد']);
    const layla = people.find((p) => p.name === 'ليلى حداد')!;
    expect(layla.notes).toBe('مراسلة الشؤون الإنسانية\n\nنسخة ثانية');
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 with tabs) and a ";"-separated UTF-8 file with a BOM', async () => {
    const c = await core();
    const u = await importFile(c, fixture('excel-unicode-text.txt'), { commit: true });
    expect(u).toMatchObject({ encoding: 'utf-16le', separator: '\t', headerSet: 'outlook-en', created: 2 });
    const s = await importFile(c, fixture('excel-es-semicolon.csv'), { commit: true });
    expect(s).toMatchObject({ encoding: 'utf-8', separator: ';', headerSet: 'outlook-es', created: 2 });
    const people = await allContacts(c);
    expect(people.find((p) => p.name === 'Ahmed Yusuf')!.notes).toBe('"Quoted" word\nand a second line');
    expect(people.find((p) => p.name === 'María Fernández')).toMatchObject({ organisation: 'Radio Caracol', notes: 'Cubre Chocó; habla inglés' });
    expect(people.find((p) => p.name === 'Luis Ortega')!.organisation).toBe('=HYPERLINK("http://x.example")');
  });

  it('reads text cut anywhere by the pieces and chunks it is decoded in: characters of two, three and four bytes, in UTF-8 and UTF-16', async () => {
    // 200 rows of about 7 KB: past the first megabyte read, so characters straddle every boundary.
    const note = (i: number) => `ملاحظة ${i} € 日本 🙂 `.repeat(180) + `#${i}`;
    const rows = Array.from({ length: 200 }, (_, i) => [`شخص ${i} Zoë`, `p${i}@press.example`, note(i)]);
    const text = (sep: string) => ['Name', 'E-mail (work)', 'Notes'].join(sep) + '\r\n' + rows.map((r) => r.join(sep)).join('\r\n') + '\r\n';
    const dir = tempDir();
    const files = {
      'utf-8': join(dir, 'long-utf8.csv'),
      'utf-16le': join(dir, 'long-unicode.txt'),
    };
    writeFileSync(files['utf-8'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(','), 'utf8')]));
    writeFileSync(files['utf-16le'], Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('\t'), 'utf16le')]));
    for (const [encoding, path] of Object.entries(files)) {
      expect(readFileSync(path).length).toBeGreaterThan(1024 * 1024);
      const c = await core();
      const r = await importFile(c, path, { commit: true });
      expect(r, encoding).toMatchObject({ encoding, rows: 200, created: 200, refused: 0 });
      const people = await allContacts(c);
      expect(people.length).toBe(200);
      for (const p of people) {
        const i = Number(/^شخص (\d+) Zoë$/.exec(p.name)![1]);
        expect(p.notes, `${encoding}, row ${i + 2}`).toBe(note(i));
        expect(p.emails.map((e) => e.address)).toEqual([`p${i}@press.example`]);
      }
    }
  });

  it('counts the blank rows it passes over, empty lines and rows of empty cells alike, apart from the refused ones', async () => {
    const dir = tempDir();
    // A blank line before the header, one inside, a row of separators as Excel leaves one, a row of spaces and a blank line last.
    const file = join(dir, 'blanks.csv');
    writeFileSync(file, '\r\nName;E-mail (work);Phone (work)\r\nGrace Atim;grace@monitor.example;\r\n\r\n;;\r\n  ; ;\r\nPeter Okoth;;+254 712 345 678\r\n;\r\n');
    const c = await core();
    const r = await importFile(c, file);
    expect(r).toMatchObject({ headerSet: 'dateline', rows: 2, created: 2, refused: 0, skipped: 0, blank: 4 });
    // Rows keep the numbers a spreadsheet shows them under.
    expect(r.outcomes.map((o) => [o.row, o.name])).toEqual([
      [3, 'Grace Atim'],
      [7, 'Peter Okoth'],
    ]);
    expect(r.sample).toHaveLength(2);
    // A vCard has no rows to be blank.
    expect((await importFile(c, fixture('phone.vcf'))).blank).toBe(0);
  });

  it('refuses a row whose only values stand in columns not imported, naming the first, instead of dropping it unsaid', async () => {
    const dir = tempDir();
    const file = join(dir, 'department.csv');
    writeFileSync(file, 'Name;E-mail;Department\r\nGrace Atim;grace@monitor.example;News\r\n;;Sports desk\r\n');
    const c = await core();
    const r = await importFile(c, file, { mapping: { Name: 'name', 'E-mail': 'email:work', Department: 'ignore' } });
    expect(r).toMatchObject({ rows: 2, created: 1, refused: 1, blank: 0 });
    expect(r.outcomes.find((o) => o.row === 3)).toMatchObject({ action: 'refuse', column: 'Department', why: { code: 'ONLY_LEFT_OUT', params: { column: 'Department' } } });
    expect(r.outcomes.find((o) => o.row === 3)!.reason).toMatch(/only values are in columns that are not imported \(first: "Department"\)/u);
  });

  it('lets the person decide per row: skip a row, keep a duplicate as a second contact', async () => {
    const c = await core();
    const r = await importFile(c, fixture('outlook-fr-1252.csv'), { commit: true, decisions: { '3': 'skip', '5': 'create' } });
    expect(r).toMatchObject({ created: 2, skipped: 1, merged: 0, refused: 1 });
    expect((await allContacts(c)).map((p) => p.name)).toEqual(['Amélie Kaboré', 'Amélie Kaboré']);
  });

  it('finds duplicates against the library: same e-mail merged, same name at the same organisation suggested', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Amelie Kabore', organisation: 'Radio Omega', emails: [{ address: 'AMELIE.kabore@radio-omega.example' }] });
    await call(c, 'contact.create', { name: 'Ndiaye François', organisation: 'Le Soleil' });
    const r = await importFile(c, fixture('outlook-fr-1252.csv'));
    expect(r.outcomes.find((o) => o.row === 2)).toMatchObject({ action: 'merge', into: { name: 'Amelie Kabore', row: null } });
    expect(r.outcomes.find((o) => o.row === 3)).toMatchObject({ action: 'create', suggestion: { name: 'Ndiaye François', reason: 'same name at the same organisation or outlet' } });
    const chosen = await importFile(c, fixture('outlook-fr-1252.csv'), { commit: true, decisions: { '3': 'merge' } });
    expect(chosen).toMatchObject({ created: 0, merged: 3 });
    const people = await allContacts(c);
    expect(people).toHaveLength(2);
    expect(people.find((p) => p.name === 'Ndiaye François')!.emails.map((e) => e.address)).toEqual(['f.ndiaye@lesoleil.example', 'francois.ndiaye@mail.example']);
  });

  it('gives a clear error and stores nothing for bad files', async () => {
    const c = await core();
    const dir = tempDir();
    const write = (name: string, data: string | Uint8Array) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    };
    const empty = await jobFails(c, 'contact.importFile', { path: write('empty.csv', '') });
    expect(empty).toMatchObject({ code: 'EMPTY_FILE' });
    const binary = await jobFails(c, 'contact.importFile', { path: write('photo.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 1, 2, 3, 0, 0, 0])) });
    expect(binary.message).toContain('is not a text file');
    // A photo renamed .csv: its high bytes include some that happen to form UTF-8 characters, which is not a mix of encodings.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xc3, 0xa9, 0x08, 0xfe, 0xd2]);
    const photo = await jobFails(c, 'contact.importFile', { path: write('photo2.csv', png), commit: true });
    expect(photo.message).toBe(`${join(dir, 'photo2.csv')} is not a text file (binary content near character 7); export the contacts as CSV or vCard and try again.`);
    const wide = await jobFails(c, 'contact.importFile', { path: write('wide.csv', `Name,E-mail (work)\n${'x,'.repeat(10_000)}x\n`), commit: true });
    expect(wide.message).toBe('Row 2 has more than 1,000 columns; this does not look like a contacts file.');
    const mixed = await jobFails(c, 'contact.importFile', {
      path: write('mixed.csv', Buffer.concat([Buffer.from('Name,Notes\nJosé,ok\n', 'utf8'), Buffer.from('Ren', 'latin1'), Buffer.from([0xe9]), Buffer.from(',x\n')])),
      commit: true,
    });
    expect(mixed.message).toMatch(/^The file mixes encodings: it has UTF-8 text, but line 3 holds bytes that are not UTF-8/);
    // Past the first megabyte, where the encoding was already decided, it is caught as it is read.
    const late = await jobFails(c, 'contact.importFile', {
      path: write('late.csv', Buffer.concat([Buffer.from(`Name,Notes\n${`Zoë,${'é'.repeat(500)}\n`.repeat(1100)}`, 'utf8'), Buffer.from([0x52, 0xe9, 0x2c, 0x78, 0x0a])])),
      commit: true,
    });
    expect(late.message).toMatch(/^The file is not all UTF-8: line 1102 holds bytes that are not/);
    const unclosed = await jobFails(c, 'contact.importFile', { path: write('unclosed.csv', 'Name,Notes\nA,"never closed\nB,x\n'), commit: true });
    expect(unclosed.message).toContain('Row 2: a quoted cell is never closed');
    const missing = await jobFails(c, 'contact.importFile', { path: join(dir, 'nope.csv') });
    expect(missing).toMatchObject({ code: 'FILE_UNREADABLE' });
    // A 2 GB file (sparse: no disk taken) is refused by its size before a byte is read.
    const huge = write('huge.csv', 'Name,E-mail (work)\n');
    truncateSync(huge, 2 * 1024 ** 3);
    const tooBig = await jobFails(c, 'contact.importFile', { path: huge, commit: true });
    expect(tooBig).toMatchObject({ code: 'FILE_TOO_LARGE', params: { size: 2 * 1024 ** 3, limit: 1024 ** 3 } });
    expect(tooBig.message).toMatch(/huge\.csv is 2048(\.0)? MB; the largest file the library accepts is 1024(\.0)? MB/);
    expect(await allContacts(c)).toEqual([]);
  });

  it('takes an upload in web mode and refuses a path there', async () => {
    const c = await core();
    const data = readFileSync(fixture('google.csv')).toString('base64');
    const r = await job<{ created: number }>(c, 'contact.import', { name: 'google.csv', data, commit: true });
    expect(r.created).toBe(2);
    const http = await c.dispatch('contact.importFile', { path: fixture('google.csv') }, { transport: 'http' });
    expect(http.ok).toBe(false);
  });
});

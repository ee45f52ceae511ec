import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseHeaders } from '../../electron/shared/contacts/columns';
import { readSocialCell, socialCell, SOCIAL_LIMITS } from '../../electron/shared/contacts/social';
import { SocialHandleSchema } from '../../electron/shared/documents';
import type { ContactExportText } from '../../electron/shared/contacts/bulk-contract';
import { tempDir } from '../helpers';
import { allContacts, call, core, importFile } from './helpers';

/**
 * A contact's social handles go out in Dateline's CSV (one "Social" cell) and its vCard
 * (RFC 9554's SOCIALPROFILE), and come back in from both, from the profiles a phone's card
 * carries, and from a sheet made by hand with a column per network.
 */

type WithHandles = { name: string; socialHandles?: { network: string; handle: string }[] };
const people = async (c: Awaited<ReturnType<typeof core>>) => (await allContacts(c)) as unknown as WithHandles[];

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('a Social cell', () => {
  it('is "Network: handle" pieces, read back as written, a profile link and a handle with ";" included', () => {
    const handles = [
      { network: 'X', handle: '@amina' },
      { network: 'LinkedIn', handle: 'https://www.linkedin.com/in/amina' },
    ];
    expect(socialCell(handles)).toBe('X: @amina; LinkedIn: https://www.linkedin.com/in/amina');
    expect(readSocialCell(socialCell(handles), null)).toEqual({ handles });
    const odd = [...handles, { network: 'Matrix', handle: '@amina:matrix.org;x' }];
    expect(socialCell(odd)).toBe('X: @amina\nLinkedIn: https://www.linkedin.com/in/amina\nMatrix: @amina:matrix.org;x');
    expect(readSocialCell(socialCell(odd), null)).toEqual({ handles: odd });
    // Under a column named after its network, a bare handle or link is that network's.
    expect(readSocialCell('@amina; https://x.com/amina', 'X')).toEqual({ handles: [{ network: 'X', handle: '@amina' }, { network: 'X', handle: 'https://x.com/amina' }] });
    expect(readSocialCell('@amina', null)).toEqual({ problem: 'noNetwork', value: '@amina' });
    expect(readSocialCell('https://x.com/amina', null)).toEqual({ problem: 'noNetwork', value: 'https://x.com/amina' });
    expect(readSocialCell('X:', null)).toEqual({ problem: 'noNetwork', value: 'X:' });
  });

  it('holds the contact schema’s own limits', () => {
    const ok = { network: 'n'.repeat(SOCIAL_LIMITS.network), handle: 'h'.repeat(SOCIAL_LIMITS.handle) };
    expect(SocialHandleSchema.safeParse(ok).success).toBe(true);
    expect(SocialHandleSchema.safeParse({ ...ok, network: `${ok.network}n` }).success).toBe(false);
    expect(SocialHandleSchema.safeParse({ ...ok, handle: `${ok.handle}h` }).success).toBe(false);
    expect(readSocialCell(`X: ${'h'.repeat(SOCIAL_LIMITS.handle + 1)}`, null)).toMatchObject({ problem: 'tooLong', limit: SOCIAL_LIMITS.handle });
  });
});

describe('social handles in contacts files', () => {
  it('writes them in the CSV’s Social column and the vCard’s SOCIALPROFILE, with tags, regions and lists as X-DATELINE- properties', async () => {
    const c = await core();
    await call(c, 'contact.create', {
      name: 'Amina Yusuf',
      tags: ['radio', 'Sahel, Mali'],
      regions: ['Centre-Nord'],
      lists: ['Health desk'],
      socialHandles: [
        { network: 'X', handle: '@amina_y' },
        { network: 'LinkedIn', handle: 'https://www.linkedin.com/in/amina' },
        { network: 'Mastodon; fr', handle: '@amina@mastodon.social' },
      ],
    });
    const csv = (await call<ContactExportText>(c, 'contact.export', { format: 'csv' })).text.split('\r\n');
    expect(csv[0]).toContain('"Phone (other)","Visibility","Social","Notes"');
    expect(csv[1]).toContain('"X: @amina_y\nLinkedIn: https://www.linkedin.com/in/amina\nMastodon; fr: @amina@mastodon.social"');
    const vcf = (await call<ContactExportText>(c, 'contact.export', { format: 'vcf' })).text;
    expect(vcf).toContain('\r\nX-DATELINE-TAGS:radio,Sahel\\, Mali\r\nX-DATELINE-REGIONS:Centre-Nord\r\nX-DATELINE-LISTS:Health desk\r\n');
    expect(vcf).toContain('\r\nSOCIALPROFILE;SERVICE-TYPE=X;VALUE=text:@amina_y\r\n');
    expect(vcf).toContain('\r\nSOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/amina\r\n');
    expect(vcf).toContain('\r\nSOCIALPROFILE;SERVICE-TYPE="Mastodon; fr";VALUE=text:@amina@mastodon.social\r\n');
  });

  it('refuses a row whose Social cell names no network or holds a handle too long, with its row and column, and stores the others', async () => {
    const c = await core();
    const sheet = file('desk.csv', `Name,E-mail (work),Social\r\nAida Bello,aida@example.org,X: @aida; LinkedIn: in/aida\r\nJoy Eze,joy@example.org,@joy_eze\r\nSani Musa,sani@example.org,X: ${'s'.repeat(201)}\r\n`);
    const r = await importFile(c, sheet, { commit: true });
    expect(r).toMatchObject({ headerSet: 'dateline', created: 1, refused: 2 });
    expect(r.outcomes.find((o) => o.row === 4)).toMatchObject({ action: 'refuse', column: 'Social', why: { code: 'TOO_LONG', params: { column: 'Social', length: 201, limit: 200 } } });
    expect(r.outcomes.find((o) => o.row === 3)).toMatchObject({
      action: 'refuse',
      column: 'Social',
      why: { code: 'BAD_SOCIAL', params: { column: 'Social', value: '@joy_eze' } },
    });
    expect((await people(c))[0]!.socialHandles).toEqual([
      { network: 'X', handle: '@aida' },
      { network: 'LinkedIn', handle: 'in/aida' },
    ]);
  });

  it('reads a sheet made by hand whose Twitter and LinkedIn columns hold bare handles', async () => {
    const headers = ['Nom complet', 'Courriel', 'Twitter', 'Compte LinkedIn', 'Réseaux sociaux', 'Social media'];
    const { set, mapping } = recogniseHeaders(headers);
    expect(set).toBeNull();
    expect(mapping).toEqual({ 'Nom complet': 'name', 'Courriel': 'email:work', 'Twitter': 'social', 'Compte LinkedIn': 'social', 'Réseaux sociaux': 'social', 'Social media': 'social' });
    expect(recogniseHeaders(['Name', 'X', 'Email']).mapping.X).toBe('social');
    const c = await core();
    const sheet = file('main.csv', `${headers.join(',')}\r\nAmani Bisimwa,amani@radio.example,@amani_b,https://www.linkedin.com/in/amani,Bluesky: @amani.bsky.social,\r\n`);
    expect(await importFile(c, sheet, { commit: true, mapping })).toMatchObject({ created: 1, refused: 0 });
    expect((await people(c))[0]!.socialHandles).toEqual([
      { network: 'X', handle: '@amani_b' },
      { network: 'LinkedIn', handle: 'https://www.linkedin.com/in/amani' },
      { network: 'Bluesky', handle: '@amani.bsky.social' },
    ]);
  });

  it('reads the profiles of a phone’s card: Apple’s X-SOCIALPROFILE, X-TWITTER and X-LINKEDIN, RFC 9554’s SOCIALPROFILE', async () => {
    const c = await core();
    const cards = file(
      'phone.vcf',
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Nour El-Sayed',
        'EMAIL;type=INTERNET:nour@ahram.example',
        'item1.X-SOCIALPROFILE;type=twitter;x-user=nour_es:http://twitter.com/nour_es',
        'item2.X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/nour-elsayed',
        'X-SOCIALPROFILE;type=facebook;x-user=nour.elsayed:x-apple:nour.elsayed',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:Peter Okoth',
        'TEL;CELL:+254 700 123 456',
        'X-TWITTER:@pokoth',
        'X-LINKEDIN:in/peter-okoth',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Grace Nakato',
        'EMAIL:grace@monitor.example',
        'SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://mastodon.social/@grace',
        'SOCIALPROFILE:https://www.instagram.com/grace.n',
        'SOCIALPROFILE;VALUE=text:grace_n',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const r = await importFile(c, cards, { commit: true });
    expect(r).toMatchObject({ created: 3, refused: 0 });
    // A profile naming no network cannot be told apart from any other text: left out, and the person told.
    expect(r.outcomes.find((o) => o.name === 'Grace Nakato')).toMatchObject({ notes: [{ code: 'SOCIAL_LEFT_OUT', params: { column: 'SOCIALPROFILE', value: 'grace_n' } }] });
    const all = await people(c);
    const handles = (name: string) => all.find((p) => p.name === name)!.socialHandles;
    expect(handles('Nour El-Sayed')).toEqual([
      { network: 'X', handle: 'nour_es' },
      { network: 'LinkedIn', handle: 'http://www.linkedin.com/in/nour-elsayed' },
      { network: 'Facebook', handle: 'nour.elsayed' },
    ]);
    expect(handles('Peter Okoth')).toEqual([
      { network: 'X', handle: '@pokoth' },
      { network: 'LinkedIn', handle: 'in/peter-okoth' },
    ]);
    expect(handles('Grace Nakato')).toEqual([
      { network: 'Mastodon', handle: 'https://mastodon.social/@grace' },
      { network: 'Instagram', handle: 'https://www.instagram.com/grace.n' },
    ]);
  });

  it('adds the handles a file brings to a contact already in the library, keeping its own', async () => {
    const c = await core();
    await call(c, 'contact.create', { name: 'Aida Bello', emails: [{ type: 'work', address: 'aida@example.org' }], socialHandles: [{ network: 'X', handle: '@aida' }] });
    const sheet = file('desk.csv', 'Name,E-mail (work),Social\r\nAida Bello,aida@example.org,x: @Aida; LinkedIn: in/aida\r\n');
    expect(await importFile(c, sheet, { commit: true })).toMatchObject({ merged: 1 });
    expect((await people(c))[0]!.socialHandles).toEqual([
      { network: 'X', handle: '@aida' },
      { network: 'LinkedIn', handle: 'in/aida' },
    ]);
    expect(await importFile(c, sheet, { commit: true })).toMatchObject({ unchanged: 1 });
  });
});

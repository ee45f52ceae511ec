// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { ConflictsScreen } from '../../renderer/conflicts/ConflictsScreen';
import { dateFormats } from '../../renderer/i18n/dates';
import { call, core, release } from '../core-harness';
import { coreClient, renderWithClient, renderWithCore } from './with-core';

/**
 * The Conflicts screen against a real core says each field and value as a person reads them:
 * a label in words, documents by their names, e-mail addresses with their kind and who may see
 * them, codes and dates in the interface's language; never an id, a field's code name, "true"
 * or an ISO time.
 */

afterEach(cleanup);

/** A conflict on `id`, a document of `type`: this library's session saves `ours` while the document changes to `theirs` meanwhile. */
async function conflictOn(c: Core, type: 'contact' | 'kit' | 'release', id: string, rev: string, ours: Record<string, unknown>, theirs: Record<string, unknown>): Promise<void> {
  await call(c, 'draft.save', { id, baseRev: rev, session: 'laptop', fields: ours });
  await call(c, `${type}.update`, { id, rev: null, fields: theirs });
  await call(c, 'draft.commit', { id });
}

/** The row of field `label` in the case's table, and the value shown in each version's cell (beside its radio's hidden name). */
async function row(label: string): Promise<{ row: HTMLElement; ours: HTMLElement; theirs: HTMLElement }> {
  const table = await screen.findByRole('table', {}, { timeout: 15_000 });
  const r = within(table).getByRole('row', { name: new RegExp(`^${label}`) });
  const [ours, theirs] = within(r)
    .getAllByRole('cell')
    .map((cell) => cell.querySelector<HTMLElement>('[id$="-value"]')!) as [HTMLElement, HTMLElement];
  return { row: r, ours, theirs };
}

describe('the Conflicts screen, a contact changed in two places', () => {
  it('names the outlet, the e-mail addresses with their kind and audience, the languages and the data protection in words', async () => {
    const c = await core();
    const outlet = async (name: string) => (await call<{ id: string }>(c, 'outlet.create', { name, kind: 'newspaper' })).id;
    const [monde, nation, jeune] = [await outlet('Le Monde'), await outlet('Daily Nation'), await outlet('Jeune Afrique')];
    const contact = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Amina Diallo', outlet: monde, languages: ['fr'] });
    await conflictOn(
      c,
      'contact',
      contact.id,
      contact.rev,
      {
        outlet: nation,
        languages: ['fr', 'ar'],
        emails: [{ type: 'work', address: 'amina@nation.example', visibility: 'press-only' }],
        dataProtection: { legalBasis: 'consent', purpose: null, consentDate: '2026-03-02', consentSource: null, doNotContact: true, lastVerified: null },
      },
      {
        outlet: jeune,
        languages: ['en'],
        emails: [{ type: 'personal', address: 'amina.d@example.org', visibility: 'internal' }],
        dataProtection: { legalBasis: 'legitimate-interest', purpose: null, consentDate: null, consentSource: null, doNotContact: false, lastVerified: null },
      },
    );
    renderWithCore(c, <ConflictsScreen />, 'test');

    const outletRow = await row('Outlet');
    expect(outletRow.ours.textContent).toBe('Daily Nation');
    expect(outletRow.theirs.textContent).toBe('Jeune Afrique');
    expect(within(outletRow.row).getByRole('rowheader').textContent).toBe('OutletBefore both changes: Le Monde');

    const emails = await row('E-mail addresses');
    expect(emails.ours.textContent).toBe('amina@nation.example (Work, The press only)');
    expect(emails.theirs.textContent).toBe('amina.d@example.org (Personal, Our staff only)');
    // The address keeps its own direction inside an Arabic sentence.
    expect(emails.ours.querySelector('bdi')?.textContent).toBe('amina@nation.example');

    const languages = await row('Languages');
    expect(languages.ours.textContent).toBe('French, Arabic');
    expect(languages.theirs.textContent).toBe('English');

    const dp = await row('Data protection');
    const consentDay = dateFormats('en', 'system').date('2026-03-02');
    expect(dp.ours.textContent).toBe(`Legal basis: ConsentDate of consent: ${consentDay}Do not contact: Yes`);
    expect(dp.theirs.textContent).toBe('Legal basis: Legitimate interestDo not contact: No');
    expect(within(dp.ours).getByText(`Date of consent: ${consentDay}`)).toBeTruthy();

    expect(screen.getByRole('radio', { name: 'Outlet: keep the version shown now Daily Nation' })).toBeTruthy();
    for (const raw of [monde, nation, jeune, 'dataProtection', 'true', 'press-only', 'legitimate-interest']) expect(document.body.textContent).not.toContain(raw);
  });
});

describe('the Conflicts screen in Arabic', () => {
  it('isolates each address and name in its own direction (<bdi>) inside the Arabic words around it', async () => {
    const c = await core();
    const contact = await call<{ id: string; rev: string }>(c, 'contact.create', { name: 'Amina Diallo' });
    await conflictOn(
      c,
      'contact',
      contact.id,
      contact.rev,
      { emails: [{ type: 'work', address: 'amina@nation.example', visibility: 'press-only' }] },
      { emails: [{ type: 'personal', address: 'amina.d@example.org', visibility: 'internal' }] },
    );
    // The app's own i18n set-up, which isolates each value it interpolates in a right-to-left interface.
    renderWithClient(coreClient(c), <ConflictsScreen />, 'ar');
    const emails = await row('عناوين البريد الإلكتروني');
    const bdi = emails.ours.querySelector('bdi')!;
    expect(bdi.textContent).toBe('amina@nation.example');
    expect(bdi.closest('.conflict-line')!.textContent).toBe('amina@nation.example (\u2068العمل، الصحافة فقط\u2069)');
    expect(emails.theirs.querySelector('bdi')!.textContent).toBe('amina.d@example.org');
  });
});

describe('the Conflicts screen, a kit changed in two places', () => {
  it('lists the kit’s items by the names of their releases, contacts and sections, and its audience in words', async () => {
    const c = await core();
    const rel = async (headline: string) => (await call<{ id: string }>(c, 'release.create', release({ headline }))).id;
    const [floods, clinic] = [await rel('Floods in Uvira: first assessment'), await rel('Clinic opens in Azraq camp')];
    const spokesperson = (await call<{ id: string }>(c, 'contact.create', { name: 'Omar Haddad', kind: 'spokesperson' })).id;
    const kit = await call<{ id: string; rev: string }>(c, 'kit.create', { title: 'Uvira floods', items: [{ kind: 'release', id: floods }] });
    const section = { kind: 'section', sectionKind: 'factSheet', title: 'Key figures', body: { type: 'doc', content: [] } };
    await conflictOn(
      c,
      'kit',
      kit.id,
      kit.rev,
      { items: [{ kind: 'release', id: floods, languages: ['en', 'fr'] }, { kind: 'contact', id: spokesperson }], audience: 'press' },
      { items: [{ kind: 'release', id: clinic }, section], audience: 'internal' },
    );
    renderWithCore(c, <ConflictsScreen />, 'test');

    const items = await row('In this kit');
    const lines = (cell: HTMLElement) => [...cell.querySelectorAll('.conflict-line')].map((l) => l.textContent);
    expect(lines(items.ours)).toEqual(['Release: Floods in Uvira: first assessment (English, French)', 'Contact: Omar Haddad']);
    expect(lines(items.theirs)).toEqual(['Release: Clinic opens in Azraq camp', 'Fact sheet: Key figures']);
    expect(within(items.row).getByRole('rowheader').textContent).toBe('In this kitBefore both changes: Release: Floods in Uvira: first assessment');

    const audience = await row('Audience');
    expect(audience.ours.textContent).toBe('The press');
    expect(audience.theirs.textContent).toBe('Our staff');
    for (const raw of [floods, clinic, spokesperson, 'kind:', 'factSheet', 'items']) expect(document.body.textContent).not.toContain(raw);
  });
});

describe('the Conflicts screen, a release’s embargo changed in two places', () => {
  it('says each embargo as the release editor does, at the embargo’s own zone, not as an ISO time', async () => {
    const c = await core();
    const r = await call<{ id: string; rev: string }>(c, 'release.create', release({ headline: 'Cash assistance resumes in Mafraq' }));
    await conflictOn(c, 'release', r.id, r.rev, { embargo: { at: '2030-12-03T12:00:00Z', timeZone: 'Asia/Amman' } }, { embargo: { at: '2030-12-03T13:00:00Z', timeZone: 'Europe/Zurich' } });
    renderWithCore(c, <ConflictsScreen />, 'test');

    const embargo = await row('Embargo');
    const day = dateFormats('en', 'system').date('2030-12-03');
    expect(embargo.ours.textContent).toBe(`Embargoed until 15:00 Amman time, ${day}`);
    expect(embargo.theirs.textContent).toBe(`Embargoed until 14:00 Geneva time, ${day}`);
    expect(within(embargo.row).getByRole('rowheader').textContent).toBe('EmbargoBefore both changes: (empty)');
  });
});

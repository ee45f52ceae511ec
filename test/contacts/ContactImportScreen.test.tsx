// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { CallResult, InputOf, MethodName } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import { ClientProvider } from '../../renderer/client/context';
import type { DatelineClient } from '../../renderer/client/types';
import { JobTray } from '../../renderer/app/JobTray';
import { ContactImportScreen } from '../../renderer/contacts/ContactImportScreen';
import appAr from '../../renderer/i18n/ar.json';
import appEn from '../../renderer/i18n/en.json';
import appEs from '../../renderer/i18n/es.json';
import appFr from '../../renderer/i18n/fr.json';
import { jobHeadWords } from '../../renderer/i18n/jobs';
import { allContacts, call, core, fixture } from './helpers';

/** The import screen against a real core: pick a file, map its columns, review, import. */

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function clientOf(c: Core): DatelineClient {
  return {
    call: <M extends MethodName>(method: M, input: InputOf<M>) => c.dispatch(method, input, { transport: 'http' }) as Promise<Result<CallResult<M>>>,
    on: (listener) => {
      const off = c.jobs.on(listener);
      return () => void off();
    },
    onUnauthorized: () => () => undefined,
  };
}

function mount(c: Core) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { en: { translation: appEn } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={clientOf(c)}>
        <ContactImportScreen />
        <JobTray />
      </ClientProvider>
    </I18nextProvider>,
  );
}

const pick = (name: string) => fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([readFileSync(fixture(name))], name)] } });
const wait = { timeout: 15_000 };

describe('the contact import screen', () => {
  it('maps the columns of an Arabic Excel sheet, shows what each row will do, imports it in one go, and remembers the mapping for the next file', async () => {
    const c = await core();
    const view = mount(c);
    pick('excel-ar-1256.csv');
    await screen.findByText(/These columns are not from an Outlook or Google export/, {}, wait);
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('windows-1256');
    // Guessed from the words in the headers; the person confirms or changes each.
    expect((screen.getByLabelText('Where “البريد الإلكتروني” goes') as HTMLSelectElement).value).toBe('email:work');
    fireEvent.change(screen.getByLabelText('Where “الاسم” goes'), { target: { value: 'name' } });
    fireEvent.change(screen.getByLabelText('Where “المؤسسة” goes'), { target: { value: 'organisation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read the file with this mapping' }));
    await screen.findByText('3 read: 2 to create, 1 to merge, 0 refused, 0 skipped. Nothing is stored until you press “Import”.', {}, wait);
    expect(await allContacts(c)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 2 created, 1 merged, 0 refused, 0 skipped.', {}, wait);
    expect((await allContacts(c)).map((p) => [p.name, p.organisation]).sort()).toEqual([
      ['عمر الخطيب', 'إذاعة صوت الشعب'],
      ['ليلى حداد', 'جريدة النهار'],
    ]);
    view.unmount();

    // The same columns again: read with the remembered mapping, no question asked.
    const c2 = await core();
    mount(c2);
    pick('excel-ar-1256.csv');
    await screen.findByText(/^3 read: 2 to create, 1 to merge/, {}, wait);
  });

  it('remembers the encoding chosen over the one found for the same headers, and reads the next such file in it at once', async () => {
    // French with Arabic in Windows-1256, from an office in Tunis: the French accents make it look Western (1252).
    const c = await core();
    const view = mount(c);
    pick('tunis-fr-ar-1256.csv');
    await screen.findByText(/These columns are not from an Outlook or Google export/, {}, wait);
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('windows-1252');
    expect(screen.queryByText('ليلى بن علي')).toBeNull();
    // Read again in the encoding chosen, with the columns as they were guessed.
    fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'windows-1256' } });
    await screen.findByText(/^4 read: 4 to create/, {}, wait);
    expect(screen.getByText('ليلى بن علي')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported in one go: 4 created/, {}, wait);
    view.unmount();

    // The next month's file, found in 1252 again: read in 1256 with its mapping, no question asked.
    const c2 = await core();
    const again = mount(c2);
    pick('tunis-fr-ar-1256.csv');
    await screen.findByText(/^4 read: 4 to create/, {}, wait);
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('windows-1256');
    expect(screen.getByText('ليلى بن علي')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported in one go: 4 created/, {}, wait);
    expect((await allContacts(c2)).map((p) => p.name)).toContain('ليلى بن علي');
    again.unmount();

    // The same columns saved as UTF-8 are still read as UTF-8.
    mount(await core());
    const utf8 = new TextDecoder('windows-1256').decode(readFileSync(fixture('tunis-fr-ar-1256.csv')));
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([Buffer.from(utf8, 'utf8')], 'tunis.csv')] } });
    await screen.findByText(/^4 read: 4 to create/, {}, wait);
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('utf-8');
    expect(screen.getByText('ليلى بن علي')).toBeTruthy();
  });

  it('lets the person skip a row before importing an Outlook export, and says why a row is refused', async () => {
    const c = await core();
    mount(c);
    pick('outlook-fr-1252.csv');
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    // Worded by the interface from the core's code and parameters, not the core's English.
    expect(screen.getByText('Column “Adresse de messagerie”: “helene.dubois@” is not an e-mail address.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What happens to row 3'), { target: { value: 'skip' } });
    // The summary follows the choice: it says what Import will now do.
    expect(screen.getByText(/^4 read: 1 to create, 1 to merge, 1 refused, 1 skipped\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 1 created, 1 merged, 1 refused, 1 skipped.', {}, wait);
    expect((await allContacts(c)).map((p) => p.name)).toEqual(['Amélie Kaboré']);
  });

  it('says that rows of a file imported before are already in the library, unchanged, and offers nothing to import', async () => {
    const c = await core();
    const view = mount(c);
    pick('outlook-fr-1252.csv');
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 2 created, 1 merged, 1 refused, 0 skipped.', {}, wait);
    view.unmount();

    mount(c);
    pick('outlook-fr-1252.csv');
    await screen.findByText('4 read: 0 to create, 0 to merge, 1 refused, 0 skipped. Nothing is stored until you press “Import”. 3 already in the library, unchanged.', {}, wait);
    expect((screen.getByLabelText('What happens to row 2') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Already in the library, unchanged');
    expect(screen.getAllByText('Already in the library as Amélie Kaboré; nothing to add')).toHaveLength(2);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a legal basis that differs from the contact\'s as a choice, and takes the file\'s when the person picks it', async () => {
    const c = await core();
    const omar = await call<{ id: string }>(c, 'contact.create', { name: 'Omar Said', emails: [{ type: 'work', address: 'omar.said@example.org' }], dataProtection: { legalBasis: 'consent' } });
    mount(c);
    const csv = 'Name,E-mail (work),Legal basis\r\nOmar Said,omar.said@example.org,public task\r\n';
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([csv], 'again.csv')] } });
    await screen.findByText(/Legal basis differs: “Consent” on the contact, “Public task” in the file\./, {}, wait);
    const choice = screen.getByLabelText('What happens to row 2') as HTMLSelectElement;
    expect(choice.selectedOptions[0]!.textContent).toBe('Already in the library, unchanged');
    fireEvent.change(choice, { target: { value: 'merge-file' } });
    expect(choice.selectedOptions[0]!.textContent).toBe('Merge, taking the file’s legal basis');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 0 created, 1 merged, 0 refused, 0 skipped.', {}, wait);
    expect((await call<{ dataProtection: { legalBasis: string } }>(c, 'contact.get', { id: omar.id })).dataProtection.legalBasis).toBe('public-task');
  });

  it('the job tray words a preview as a preview, and only the import as an import', async () => {
    const c = await core();
    mount(c);
    pick('outlook-fr-1252.csv');
    await screen.findByText('Columns recognised: Outlook (French).', {}, wait);
    const tray = await screen.findByRole('region', { name: 'Tasks' }, wait);
    await within(tray).findByText('Preview ready', {}, wait);
    expect(within(tray).getByText('Contacts file read')).toBeTruthy();
    expect(within(tray).queryByText('Importing contacts')).toBeNull();
    expect(within(tray).queryByText('Done')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 2 created, 1 merged, 1 refused, 0 skipped.', {}, wait);
    await within(tray).findByText('Importing contacts', {}, wait);
    expect(within(tray).getByText('Done')).toBeTruthy();
  });

  it('keeps the refused rows on the result, and saves them as a CSV to correct and import again', async () => {
    const c = await core();
    mount(c);
    const csv = 'Name,E-mail Address,Notes\r\nInès Morel,ines@lemoniteur.example,\r\nTomás Ruiz,tomas(at)diario.example,=HYPERLINK("x")\r\n';
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([csv], 'press.csv')] } });
    fireEvent.change(await screen.findByLabelText('Where “Name” goes', {}, wait), { target: { value: 'name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read the file with this mapping' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }, wait));
    await screen.findByText('Imported in one go: 1 created, 0 merged, 1 refused, 0 skipped.', {}, wait);
    const refused = within(screen.getByRole('region', { name: 'Rows refused' }));
    expect(refused.getAllByRole('row').map((r) => Array.from(r.children, (cell) => cell.textContent))).toEqual([
      ['Row', 'Column', 'Why'],
      ['3', 'E-mail Address', 'Column “E-mail Address”: “tomas(at)diario.example” is not an e-mail address.'],
    ]);
    const saved: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (saved.push(b), 'blob:refused'), revokeObjectURL: () => undefined });
    fireEvent.click(refused.getByRole('button', { name: 'Save refused rows as CSV' }));
    // The file's columns as read and the reason; a cell a spreadsheet would run is written as text.
    expect(new Uint8Array(await saved[0]!.arrayBuffer()).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect((await saved[0]!.text()).replace(/^\uFEFF/, '')).toBe(
      '"Name","E-mail Address","Notes","Reason"\r\n"Tomás Ruiz","tomas(at)diario.example","\'=HYPERLINK(""x"")","Column “E-mail Address”: “tomas(at)diario.example” is not an e-mail address."\r\n',
    );
  });

  it('lists the columns left out and the countries not recognised in the preview', async () => {
    const c = await core();
    mount(c);
    const csv = 'First Name,Last Name,E-mail Address,Company,Department,Business Country/Region\r\nSipho,Dlamini,sipho@mail.example,Daily Maverick,News,Wakanda\r\n';
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([csv], 'outlook.csv')] } });
    await screen.findByText('Columns recognised: Outlook (English).', {}, wait);
    expect(screen.getByText('Not imported: Department.')).toBeTruthy();
    expect(screen.getByText('Column “Business Country/Region”: country “Wakanda” not recognised; left out.')).toBeTruthy();
  });

  it('offers the columns of a French sheet made by hand where they go, and says how many blank rows it passed over', async () => {
    const c = await core();
    mount(c);
    const csv = 'Nom complet;Courriel;Téléphone;Média;Fonction;Pays\r\nAmélie Kaboré;amelie@savane.example;+226 70 00 00 01;Savane FM;Journaliste;Burkina Faso\r\n;;;;;\r\nJean Mukendi;jean@okapi.example;;Radio Okapi;Rédacteur en chef;Congo\r\n';
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([csv], 'journalistes.csv')] } });
    await screen.findByText(/These columns are not from an Outlook or Google export/, {}, wait);
    const goesTo = (column: string) => (screen.getByLabelText(`Where “${column}” goes`) as HTMLSelectElement).value;
    expect(['Nom complet', 'Courriel', 'Téléphone', 'Média', 'Fonction', 'Pays'].map(goesTo)).toEqual(['name', 'email:work', 'phone:work', 'outlet', 'role', 'countries']);
    fireEvent.click(screen.getByRole('button', { name: 'Read the file with this mapping' }));
    await screen.findByText('2 read: 2 to create, 0 to merge, 0 refused, 0 skipped. Nothing is stored until you press “Import”. 1 blank row skipped.', {}, wait);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported in one go: 2 created, 0 merged, 0 refused, 0 skipped. 1 blank row skipped.', {}, wait);
  });

  it('words the preview in every language of the interface, apart from the import', () => {
    const words: Record<string, string[]> = {};
    for (const [lng, translation] of Object.entries({ en: appEn, fr: appFr, es: appEs, ar: appAr })) {
      const i18n = i18next.createInstance();
      void i18n.init({ resources: { [lng]: { translation } }, lng, initAsync: false });
      const step = (preview: boolean) => ({ code: 'CONTACTS_READING' as const, params: { count: 4, preview } });
      const preview = jobHeadWords(i18n.t, { method: 'contact.import', state: 'done', step: step(true) });
      const imported = jobHeadWords(i18n.t, { method: 'contact.import', state: 'done', step: step(false) });
      expect(preview.label).not.toBe(imported.label);
      expect(preview.state).not.toBe(imported.state);
      expect(preview.label).not.toMatch(/^jobs\./);
      words[lng] = [preview.label, preview.state];
    }
    expect(words.en).toEqual(['Contacts file read', 'Preview ready']);
    expect(words.fr).toEqual(['Fichier de contacts lu', 'Aperçu prêt']);
    expect(new Set(Object.values(words).map((w) => w.join()))).toHaveProperty('size', 4);
  });

  it('keeps the Encoding chooser under a refusal for mixed encodings, and reads the file again in the encoding chosen', async () => {
    const c = await core();
    mount(c);
    const bytes = Buffer.concat([Buffer.from('Name,E-mail (work)\nZoë Marr,zoe@wire.example\n', 'utf8'), Buffer.from('Ren\xe9 Dubois,rene@wire.example\n', 'latin1')]);
    fireEvent.change(screen.getByLabelText('CSV or vCard file'), { target: { files: [new File([bytes], 'mixed.csv')] } });
    const refusal = await screen.findByRole('alert', {}, wait);
    expect(refusal.textContent).toMatch(/^The file mixes encodings: it has UTF-8 text, but line 3 is in another encoding/);
    // Said once: the job tray keeps the job's name and state, not the screen's words again.
    const tray = await screen.findByRole('region', { name: 'Tasks' }, wait);
    await within(tray).findByText('Failed', {}, wait);
    expect(tray.textContent).not.toMatch(/mixes encodings/);
    expect(screen.getAllByText(/The file mixes encodings/)).toHaveLength(1);
    const chooser = (await screen.findByLabelText('Encoding', {}, wait)) as HTMLSelectElement;
    expect(chooser.value).toBe('utf-8');
    fireEvent.change(chooser, { target: { value: 'windows-1252' } });
    await screen.findByText(/^2 read: 2 to create, 0 to merge, 0 refused, 0 skipped\./, {}, wait);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('windows-1252');
  });
});

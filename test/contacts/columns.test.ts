import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseHeaders } from '../../electron/shared/contacts/columns';
import { tempDir } from '../helpers';
import { allContacts, core, importFile } from './helpers';

/**
 * The header rows Outlook and Google Contacts really write: every column of the export, not only
 * the ones Dateline keeps. A person brings the file as it came out, so it must read without a
 * mapping; and a sheet made by hand gets guesses that do not send a label or a type to a field.
 */

/** Outlook's "Export to a file > Comma Separated Values" header row, in English, whole. */
const OUTLOOK_EN = [
  'Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title',
  'Business Street', 'Business Street 2', 'Business Street 3', 'Business City', 'Business State', 'Business Postal Code', 'Business Country/Region',
  'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code', 'Home Country/Region',
  'Other Street', 'Other Street 2', 'Other Street 3', 'Other City', 'Other State', 'Other Postal Code', 'Other Country/Region',
  "Assistant's Phone", 'Business Fax', 'Business Phone', 'Business Phone 2', 'Callback', 'Car Phone', 'Company Main Phone', 'Home Fax',
  'Home Phone', 'Home Phone 2', 'ISDN', 'Mobile Phone', 'Other Fax', 'Other Phone', 'Pager', 'Primary Phone', 'Radio Phone', 'TTY/TDD Phone', 'Telex',
  'Account', 'Anniversary', "Assistant's Name", 'Billing Information', 'Birthday', 'Business Address PO Box', 'Categories', 'Children', 'Directory Server',
  'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address', 'E-mail 2 Type', 'E-mail 2 Display Name', 'E-mail 3 Address', 'E-mail 3 Type', 'E-mail 3 Display Name',
  'Gender', 'Government ID Number', 'Hobby', 'Home Address PO Box', 'Initials', 'Internet Free Busy', 'Keywords', 'Language', 'Location', "Manager's Name",
  'Mileage', 'Notes', 'Office Location', 'Organizational ID Number', 'Other Address PO Box', 'Priority', 'Private', 'Profession', 'Referred By',
  'Sensitivity', 'Spouse', 'User 1', 'User 2', 'User 3', 'User 4', 'Web Page',
];

/** The same export from a French Outlook, whole: its mobile is "Tél. mobile", its other phone "Téléphone (autre)". */
const OUTLOOK_FR = [
  'Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Société', 'Service', 'Fonction',
  'Rue (bureau)', 'Rue (bureau) 2', 'Rue (bureau) 3', 'Ville (bureau)', 'Dép/Région (bureau)', 'Code postal (bureau)', 'Pays/Région (bureau)',
  'Rue (domicile)', 'Rue (domicile) 2', 'Rue (domicile) 3', 'Ville (domicile)', 'Dép/Région (domicile)', 'Code postal (domicile)', 'Pays/Région (domicile)',
  'Rue (autre)', 'Rue (autre) 2', 'Rue (autre) 3', 'Ville (autre)', 'Dép/Région (autre)', 'Code postal (autre)', 'Pays/Région (autre)',
  "Téléphone de l'assistant(e)", 'Télécopie (bureau)', 'Téléphone (bureau)', 'Téléphone 2 (bureau)', 'Rappel', 'Téléphone (voiture)', 'Téléphone société',
  'Télécopie (domicile)', 'Téléphone (domicile)', 'Téléphone 2 (domicile)', 'RNIS', 'Tél. mobile', 'Télécopie (autre)', 'Téléphone (autre)',
  'Récepteur de radiomessagerie', 'Téléphone principal', 'Radio téléphone', 'Téléphone TDD/TTY', 'Télex',
  'Compte', 'Anniversaire de mariage ou fête', "Nom de l'assistant(e)", 'Informations facturation', 'Anniversaire', 'Boîte postale du bureau',
  'Catégories', 'Enfants', "Serveur d'annuaire", 'Adresse de messagerie', 'Type de messagerie', "Nom complet de l'adresse de messagerie",
  'Adresse de messagerie 2', 'Type de messagerie 2', "Nom complet de l'adresse de messagerie 2",
  'Adresse de messagerie 3', 'Type de messagerie 3', "Nom complet de l'adresse de messagerie 3",
  'Sexe', 'Code gouvernement', 'Passe-temps', 'Boîte postale du domicile', 'Initiales', 'Disponibilité Internet', 'Mots clés', 'Langue',
  'Emplacement', 'Nom du manager', 'Kilométrage', 'Notes', 'Bureau', "Numéro d'identification de l'organisation", 'Autre boîte postale',
  'Priorité', 'Privé', 'Profession', 'Recommandé par', 'Critère de diffusion', 'Conjoint(e)',
  'Utilisateur 1', 'Utilisateur 2', 'Utilisateur 3', 'Utilisateur 4', 'Page Web',
];

/** Google Contacts' "Google CSV" as it is exported now. */
const GOOGLE_NOW = [
  'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name', 'Name Prefix', 'Name Suffix',
  'Nickname', 'File As', 'Organization Name', 'Organization Title', 'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels',
  'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value',
  'Address 1 - Label', 'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - PO Box', 'Address 1 - Region',
  'Address 1 - Postal Code', 'Address 1 - Country', 'Address 1 - Extended Address', 'Website 1 - Label', 'Website 1 - Value',
  'Relation 1 - Label', 'Relation 1 - Value', 'Event 1 - Label', 'Event 1 - Value', 'Custom Field 1 - Label', 'Custom Field 1 - Value',
  'IM 1 - Label', 'IM 1 - Service', 'IM 1 - Value',
];

/** Google Contacts' older "Google CSV", still in many offices' archives. */
const GOOGLE_BEFORE = [
  'Name', 'Given Name', 'Additional Name', 'Family Name', 'Yomi Name', 'Given Name Yomi', 'Additional Name Yomi', 'Family Name Yomi',
  'Name Prefix', 'Name Suffix', 'Initials', 'Nickname', 'Short Name', 'Maiden Name', 'Birthday', 'Gender', 'Location', 'Billing Information',
  'Directory Server', 'Mileage', 'Occupation', 'Hobby', 'Sensitivity', 'Priority', 'Subject', 'Notes', 'Language', 'Photo', 'Group Membership',
  'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value',
  'Address 1 - Type', 'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - PO Box', 'Address 1 - Region',
  'Address 1 - Postal Code', 'Address 1 - Country', 'Address 1 - Extended Address',
  'Organization 1 - Type', 'Organization 1 - Name', 'Organization 1 - Yomi Name', 'Organization 1 - Title', 'Organization 1 - Department',
  'Organization 1 - Symbol', 'Organization 1 - Location', 'Organization 1 - Job Description', 'Website 1 - Type', 'Website 1 - Value',
];

describe('recognising the header row of a contacts export', () => {
  it('reads a whole Outlook export without a mapping, leaving out the type and display name of its e-mails', () => {
    const r = recogniseHeaders(OUTLOOK_EN);
    expect(r.set).toBe('outlook-en');
    expect(r.mapping).toMatchObject({
      'First Name': 'givenName',
      'Last Name': 'familyName',
      'Company': 'organisation',
      'Job Title': 'role',
      'E-mail Address': 'email:work',
      'E-mail Type': 'ignore',
      'E-mail Display Name': 'ignore',
      'E-mail 2 Display Name': 'ignore',
      'Mobile Phone': 'phone:mobile',
      'Business Phone': 'phone:work',
      'Organizational ID Number': 'ignore',
      'Telex': 'ignore',
    });
  });

  it('reads both of Google’s exports, now and before, without a mapping', () => {
    for (const headers of [GOOGLE_NOW, GOOGLE_BEFORE]) {
      const r = recogniseHeaders(headers);
      expect(r.set).toBe('google');
      expect(r.mapping['Phonetic First Name'] ?? 'ignore').toBe('ignore');
      expect(r.mapping['Website 1 - Value']).toBe('ignore');
      expect(r.mapping['Phone 1 - Value']).toBe('phone:work');
      expect(r.mapping['E-mail 1 - Value']).toBe('email:work');
    }
    expect(recogniseHeaders(GOOGLE_BEFORE).mapping).toMatchObject({ 'Name': 'name', 'Organization 1 - Name': 'organisation', 'Organization 1 - Title': 'role' });
  });

  it('reads an Outlook export in French by its many known columns, leaving out the ones Dateline has no name for', () => {
    const known = ['Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Société', 'Service', 'Fonction', 'Téléphone (bureau)', 'Téléphone mobile', 'Adresse de messagerie', 'Notes', 'Catégories'];
    const others = ['Rue (bureau)', 'Ville (bureau)', 'Code postal (bureau)', 'Téléphone (voiture)', 'Type de messagerie', 'Nom complet de l’adresse de messagerie', 'Anniversaire'];
    const r = recogniseHeaders([...known, ...others]);
    expect(r.set).toBe('outlook-fr');
    expect(r.mapping).toMatchObject({ 'Prénom': 'givenName', 'Nom': 'familyName', 'Adresse de messagerie': 'email:work', 'Téléphone mobile': 'phone:mobile' });
    for (const h of others) expect(r.mapping[h]).toBe('ignore');
    // A sheet made by hand with a few of Outlook's names and its own still goes to the mapping step.
    expect(recogniseHeaders(['Prénom', 'Nom', 'Société', 'Adresse de messagerie', 'Rédaction']).set).toBeNull();
  });

  it('keeps the phones of a whole French Outlook export, whose mobile column is "Tél. mobile"', () => {
    const r = recogniseHeaders(OUTLOOK_FR);
    expect(r.set).toBe('outlook-fr');
    expect(r.mapping).toMatchObject({
      'Prénom': 'givenName',
      'Nom': 'familyName',
      'Société': 'organisation',
      'Fonction': 'role',
      'Adresse de messagerie': 'email:work',
      'Tél. mobile': 'phone:mobile',
      'Téléphone (bureau)': 'phone:work',
      'Téléphone 2 (bureau)': 'phone:work',
      'Téléphone (domicile)': 'phone:other',
      'Téléphone 2 (domicile)': 'phone:other',
      'Téléphone (autre)': 'phone:other',
      'Télécopie (bureau)': 'phone:fax',
      'Télécopie (domicile)': 'phone:fax',
      'Type de messagerie': 'ignore',
      "Nom complet de l'adresse de messagerie": 'ignore',
      'Rue (bureau)': 'ignore',
    });
  });

  it('guesses a hand-made sheet’s columns without taking a label, a type or a phonetic name for an address or a number', () => {
    const r = recogniseHeaders(['Name', 'Email', 'Email type', 'Phonetic name', 'Phone', 'Telex', 'Organisation', 'Organisational unit', 'Position']);
    expect(r.set).toBeNull();
    expect(r.mapping).toEqual({
      'Name': 'name',
      'Email': 'email:work',
      'Email type': 'ignore',
      'Phonetic name': 'ignore',
      'Phone': 'phone:work',
      'Telex': 'ignore',
      'Organisation': 'organisation',
      'Organisational unit': 'ignore',
      'Position': 'role',
    });
  });

  it('guesses an Arabic sheet’s organisation column, whose hamza the comparison folds away', () => {
    expect(recogniseHeaders(['الاسم', 'المؤسسة', 'البريد الإلكتروني', 'الهاتف']).mapping).toEqual({
      'الاسم': 'name',
      'المؤسسة': 'organisation',
      'البريد الإلكتروني': 'email:work',
      'الهاتف': 'phone:work',
    });
  });

  it('imports a whole Outlook export as it came out, with "SMTP" in its e-mail type column', async () => {
    const row = (cells: Record<string, string>) => OUTLOOK_EN.map((h) => `"${cells[h] ?? ''}"`).join(',');
    const file = join(tempDir(), 'outlook.csv');
    writeFileSync(
      file,
      [
        OUTLOOK_EN.map((h) => `"${h}"`).join(','),
        row({ 'First Name': 'John', 'Last Name': 'Mwangi', 'Company': 'Daily Nation', 'Job Title': 'Health reporter', 'E-mail Address': 'jmwangi@nation.example', 'E-mail Type': 'SMTP', 'E-mail Display Name': 'John Mwangi (jmwangi@nation.example)', 'Mobile Phone': '+254 722 111222', 'Gender': 'Unspecified', 'Priority': 'Normal', 'Private': 'False', 'Sensitivity': 'Normal' }),
      ].join('\r\n') + '\r\n',
    );
    const c = await core();
    const r = await importFile(c, file, { commit: true });
    expect(r).toMatchObject({ headerSet: 'outlook-en', needsMapping: false, created: 1, refused: 0 });
    const [john] = await allContacts(c);
    expect(john).toMatchObject({ name: 'John Mwangi', organisation: 'Daily Nation', role: 'Health reporter' });
    expect(john!.emails.map((e) => e.address)).toEqual(['jmwangi@nation.example']);
    expect(john!.phones).toMatchObject([{ type: 'mobile', number: '+254 722 111222' }]);
  });
});

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

/**
 * The columns of a Spanish Outlook export, as Microsoft's own importer of Outlook files names them
 * (Exchange's table of Outlook's CSV headers per language): Spanish Outlook leaves many of them in
 * English, its first e-mail ("E-mail Address") and its mobile ("Mobile Phone") among them, and
 * writes the third e-mail "Dirección del correo electrónico 3".
 */
const OUTLOOK_ES = [
  'Title', 'Nombre', 'Segundo nombre', 'Apellidos', 'Suffix', 'Organización', 'Department', 'Puesto',
  'Calle del trabajo', 'Calle del trabajo 2', 'Calle del trabajo 3', 'Ciudad de trabajo', 'Provincia o estado de trabajo', 'Código postal del trabajo', 'País o región del trabajo',
  'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code', 'País o región del domicilio',
  'Otra calle', 'Otra calle 2', 'Otra calle 3', 'Otra ciudad', 'Otra provincia o estado', 'Otro código postal', 'Otro país o región',
  "Assistant's Phone", 'Business Fax', 'Teléfono del trabajo', 'Business Phone 2', 'Devolución de llamada', 'Car Phone', 'Número de centralita de la organización', 'Home Fax',
  'Particular', 'Home Phone 2', 'ISDN', 'Mobile Phone', 'Otro fax', 'Otro teléfono', 'Pager', 'Teléfono principal', 'Radioteléfono', 'Número de teletipo', 'Télex',
  'Account', 'Anniversary', "Assistant's Name", 'Facturación', 'Birthday', 'Apartado postal de la dirección del trabajo', 'Categorías', 'Hijos',
  'E-mail Address', 'E-mail Type', 'Nombre de pantalla de correo electrónico', 'Dirección de correo electrónico 2', 'Tipo de correo electrónico 2', 'Nombre de pantalla de correo electrónico 2',
  'Dirección del correo electrónico 3', 'Tipo de correo electrónico 3', 'Nombre de pantalla de correo electrónico 3',
  'Género', 'Government ID Number', 'Aficiones', 'Apartado postal de la dirección personal', 'Initials', 'Internet Free Busy', 'Location', 'Nombre del director',
  'Kilometraje', 'Notes', 'Office Location', 'Otro apartado postal', 'Prioridad', 'Profesión', 'Confidencialidad', 'Spouse',
  'Usuario 1', 'Usuario 2', 'Usuario 3', 'Usuario 4', 'Página web', 'Yomi especificada', 'Apellido Yomi', 'Compañía Yomi',
];

/** The same from an Arabic Outlook, from the same table: its job title is "اللقب المهني", its mobile "الهاتف الجوال". */
const OUTLOOK_AR = [
  'اللقب', 'الاسم الأول', 'الاسم الأوسط', 'اسم العائلة', 'لاحقة', 'الشركة', 'القسم', 'اللقب المهني',
  'شارع العمل', 'شارع 2 للعمل', 'شارع 3 للعمل', 'مدينة العمل', 'ولاية العمل', 'الرمز البريدي للعمل', 'بلد العمل/المنطقة',
  'شارع المنزل', 'شارع المنزل 2', 'شارع المنزل 3', 'مدينة المنزل', 'ولاية المنزل', 'الرمز البريدي للمنزل', 'البلد/المنطقة',
  'شارع آخر', 'شارع 2 آخر', 'شارع 3 آخر', 'مدينة أخرى', 'ولاية أخرى', 'رمز بريدي آخر', 'بلد آخر/المنطقة',
  'هاتف المساعد', 'فاكس العمل', 'هاتف العمل', 'هاتف العمل 2', 'رد الاتصال', 'هاتف السيارة', 'الهاتف الرئيسي للشركة', 'فاكس المنزل',
  'هاتف المنزل', 'هاتف المنزل 2', 'ISDN', 'الهاتف الجوال', 'فاكس آخر', 'هاتف آخر', 'النداء', 'الهاتف الأساسي', 'الهاتف الراديوي', 'هاتف TTY/TDD', 'التلكس',
  'الحساب', 'الذكرى السنوية', 'اسم المساعد', 'معلومات الفوترة', 'تاريخ الميلاد', 'صندوق بريد عنوان العمل', 'الفئات',
  'الأولاد', 'عنوان البريد الإلكتروني', 'نوع البريد الإلكتروني', 'اسم العرض للبريد الإلكتروني', 'عنوان البريد الإلكتروني 2', 'نوع البريد الإلكتروني 2', 'اسم العرض للبريد الإلكتروني 2',
  'عنوان البريد الإلكتروني 3', 'نوع البريد الإلكتروني 3', 'اسم العرض للبريد الإلكتروني 3',
  'الجنس', 'رقم معرّف الحكومة', 'الهواية', 'صندوق بريد عنوان المنزل', 'الأحرف الأولى', 'إنترنت متوفر/مشغول', 'الموقع', 'اسم المدير',
  'عدد الأميال', 'ملاحظات', 'موقع المكتب', 'صندوق بريد عنوان آخر', 'الأولوية', 'المهنة', 'الحساسية', 'الزوجة',
  'المستخدم 1', 'المستخدم 2', 'المستخدم 3', 'المستخدم 4', 'صفحة ويب', 'الاسم المعطى "يومي"', 'اللقب "يومي"', 'الشركة "يومي"',
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

/** A CSV file as Outlook writes one: every cell quoted, CRLF line ends, the header row then one row of `cells` by header. */
function outlookFile(headers: readonly string[], cells: Record<string, string>): string {
  const file = join(tempDir(), 'outlook.csv');
  const line = (values: readonly string[]) => values.map((v) => `"${v.replaceAll('"', '""')}"`).join(',');
  writeFileSync(file, [line(headers), line(headers.map((h) => cells[h] ?? ''))].join('\r\n') + '\r\n');
  return file;
}

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

  it('guesses the name, e-mail, phone, outlet, role and country columns of a hand-made sheet in French, Spanish, Arabic and English', () => {
    expect(recogniseHeaders(['Nom complet', 'Courriel', 'Téléphone', 'Portable', 'Média', 'Fonction', 'Pays', 'Langue']).mapping).toEqual({
      'Nom complet': 'name',
      'Courriel': 'email:work',
      'Téléphone': 'phone:work',
      'Portable': 'phone:mobile',
      'Média': 'outlet',
      'Fonction': 'role',
      'Pays': 'countries',
      'Langue': 'languages',
    });
    expect(recogniseHeaders(['Nombre completo', 'Correo electrónico', 'Teléfono', 'Móvil', 'Medio', 'Cargo', 'País', 'Empresa']).mapping).toEqual({
      'Nombre completo': 'name',
      'Correo electrónico': 'email:work',
      'Teléfono': 'phone:work',
      'Móvil': 'phone:mobile',
      'Medio': 'outlet',
      'Cargo': 'role',
      'País': 'countries',
      'Empresa': 'organisation',
    });
    expect(recogniseHeaders(['الاسم الكامل', 'البريد الإلكتروني', 'الهاتف', 'الجوال', 'وسيلة الإعلام', 'المنصب', 'البلد', 'المنظمة']).mapping).toEqual({
      'الاسم الكامل': 'name',
      'البريد الإلكتروني': 'email:work',
      'الهاتف': 'phone:work',
      'الجوال': 'phone:mobile',
      'وسيلة الإعلام': 'outlet',
      'المنصب': 'role',
      'البلد': 'countries',
      'المنظمة': 'organisation',
    });
    expect(recogniseHeaders(['Full name', 'Email', 'Phone', 'Outlet', 'Role', 'Country']).mapping).toEqual({
      'Full name': 'name',
      'Email': 'email:work',
      'Phone': 'phone:work',
      'Outlet': 'outlet',
      'Role': 'role',
      'Country': 'countries',
    });
    // The whole name written other ways, and the columns that name something else than the person.
    expect(recogniseHeaders(['Nom et prénom', 'Nom du média', 'Nom de famille', 'Prénom', 'Nombre y apellidos', 'Apellido', 'المؤسسة الإعلامية', 'الدولة', 'البلدية']).mapping).toEqual({
      'Nom et prénom': 'name',
      'Nom du média': 'outlet',
      'Nom de famille': 'familyName',
      'Prénom': 'givenName',
      'Nombre y apellidos': 'name',
      'Apellido': 'familyName',
      'المؤسسة الإعلامية': 'outlet',
      'الدولة': 'countries',
      'البلدية': 'ignore',
    });
  });

  it('still reads each Outlook and Google export whole, whatever the hand-made words it guesses', () => {
    expect([OUTLOOK_EN, OUTLOOK_FR, OUTLOOK_ES, OUTLOOK_AR, GOOGLE_NOW, GOOGLE_BEFORE].map((h) => recogniseHeaders(h).set)).toEqual(['outlook-en', 'outlook-fr', 'outlook-es', 'outlook-ar', 'google', 'google']);
    // Outlook's "Nom complet de l'adresse de messagerie" is the display name of an e-mail, not the person's name.
    expect(recogniseHeaders(OUTLOOK_FR).mapping["Nom complet de l'adresse de messagerie"]).toBe('ignore');
  });

  it('suggests the data-protection columns of a hand-made sheet in English, French, Spanish and Arabic', () => {
    expect(recogniseHeaders(['Name', 'Legal basis', 'Purpose', 'Consent date', 'Consent source', 'Last verified']).mapping).toMatchObject({ 'Legal basis': 'legalBasis', 'Purpose': 'purpose', 'Consent date': 'consentDate', 'Consent source': 'consentSource', 'Last verified': 'lastVerified' });
    expect(recogniseHeaders(['Nom', 'Base légale', 'Finalité', 'Date du consentement', 'Source du consentement', 'Dernière vérification']).mapping).toMatchObject({ 'Base légale': 'legalBasis', 'Finalité': 'purpose', 'Date du consentement': 'consentDate', 'Source du consentement': 'consentSource', 'Dernière vérification': 'lastVerified' });
    expect(recogniseHeaders(['Nombre', 'Base jurídica', 'Finalidad', 'Fecha del consentimiento', 'Origen del consentimiento', 'Última verificación']).mapping).toMatchObject({ 'Base jurídica': 'legalBasis', 'Finalidad': 'purpose', 'Fecha del consentimiento': 'consentDate', 'Origen del consentimiento': 'consentSource', 'Última verificación': 'lastVerified' });
    expect(recogniseHeaders(['الاسم', 'الأساس القانوني', 'الغرض', 'تاريخ الموافقة', 'مصدر الموافقة', 'آخر تحقق']).mapping).toMatchObject({ 'الأساس القانوني': 'legalBasis', 'الغرض': 'purpose', 'تاريخ الموافقة': 'consentDate', 'مصدر الموافقة': 'consentSource', 'آخر تحقق': 'lastVerified' });
  });

  it('imports a whole Outlook export as it came out, with "SMTP" in its e-mail type column', async () => {
    const file = outlookFile(OUTLOOK_EN, { 'First Name': 'John', 'Last Name': 'Mwangi', 'Company': 'Daily Nation', 'Job Title': 'Health reporter', 'E-mail Address': 'jmwangi@nation.example', 'E-mail Type': 'SMTP', 'E-mail Display Name': 'John Mwangi (jmwangi@nation.example)', 'Mobile Phone': '+254 722 111222', 'Gender': 'Unspecified', 'Priority': 'Normal', 'Private': 'False', 'Sensitivity': 'Normal' });
    const c = await core();
    const r = await importFile(c, file, { commit: true });
    expect(r).toMatchObject({ headerSet: 'outlook-en', needsMapping: false, created: 1, refused: 0 });
    const [john] = await allContacts(c);
    expect(john).toMatchObject({ name: 'John Mwangi', organisation: 'Daily Nation', role: 'Health reporter' });
    expect(john!.emails.map((e) => e.address)).toEqual(['jmwangi@nation.example']);
    expect(john!.phones).toMatchObject([{ type: 'mobile', number: '+254 722 111222' }]);
  });
  it('reads a whole Spanish Outlook export, half of whose columns Outlook leaves in English', () => {
    const r = recogniseHeaders(OUTLOOK_ES);
    expect(r.set).toBe('outlook-es');
    expect(r.mapping).toMatchObject({
      'Nombre': 'givenName',
      'Segundo nombre': 'middleName',
      'Apellidos': 'familyName',
      'Organización': 'organisation',
      'Puesto': 'role',
      'E-mail Address': 'email:work',
      'Dirección de correo electrónico 2': 'email:other',
      'Dirección del correo electrónico 3': 'email:other',
      'Teléfono del trabajo': 'phone:work',
      'Business Phone 2': 'phone:work',
      'Particular': 'phone:other',
      'Mobile Phone': 'phone:mobile',
      'Otro teléfono': 'phone:other',
      'Business Fax': 'phone:fax',
      'Notes': 'notes',
      'Categorías': 'beats',
      'Nombre de pantalla de correo electrónico': 'ignore',
      'Calle del trabajo': 'ignore',
      'Title': 'ignore',
    });
  });

  it('reads a whole Arabic Outlook export, whose job title is "اللقب المهني" and mobile "الهاتف الجوال"', () => {
    const r = recogniseHeaders(OUTLOOK_AR);
    expect(r.set).toBe('outlook-ar');
    expect(r.mapping).toMatchObject({
      'الاسم الأول': 'givenName',
      'الاسم الأوسط': 'middleName',
      'اسم العائلة': 'familyName',
      'الشركة': 'organisation',
      'اللقب المهني': 'role',
      'اللقب': 'ignore',
      'عنوان البريد الإلكتروني': 'email:work',
      'عنوان البريد الإلكتروني 2': 'email:other',
      'هاتف العمل': 'phone:work',
      'هاتف المنزل': 'phone:other',
      'الهاتف الجوال': 'phone:mobile',
      'فاكس العمل': 'phone:fax',
      'ملاحظات': 'notes',
      'الفئات': 'beats',
      'اسم العرض للبريد الإلكتروني': 'ignore',
      'الشركة "يومي"': 'ignore',
    });
  });

  it('imports a Spanish and an Arabic Outlook export as they came out, without a mapping', async () => {
    const c = await core();
    const es = outlookFile(OUTLOOK_ES, { 'Nombre': 'Lucía', 'Apellidos': 'Ortega Ruiz', 'Organización': 'El Diario del Sur', 'Puesto': 'Redactora de sociedad', 'E-mail Address': 'lortega@diariodelsur.example', 'E-mail Type': 'SMTP', 'Mobile Phone': '+57 310 555 0142', 'Notes': 'Cubre migración' });
    expect(await importFile(c, es, { commit: true })).toMatchObject({ headerSet: 'outlook-es', needsMapping: false, created: 1, refused: 0 });
    const ar = outlookFile(OUTLOOK_AR, { 'الاسم الأول': 'سلمى', 'اسم العائلة': 'الخطيب', 'الشركة': 'صحيفة الصباح', 'اللقب المهني': 'مراسلة', 'عنوان البريد الإلكتروني': 'salma@sabah.example', 'الهاتف الجوال': '+962 79 555 0199' });
    expect(await importFile(c, ar, { commit: true })).toMatchObject({ headerSet: 'outlook-ar', needsMapping: false, created: 1, refused: 0 });
    const byName = Object.fromEntries((await allContacts(c)).map((x) => [x.name, x]));
    expect(byName['Lucía Ortega Ruiz']).toMatchObject({ organisation: 'El Diario del Sur', role: 'Redactora de sociedad', notes: 'Cubre migración', emails: [{ address: 'lortega@diariodelsur.example' }], phones: [{ type: 'mobile', number: '+57 310 555 0142' }] });
    expect(byName['سلمى الخطيب']).toMatchObject({ organisation: 'صحيفة الصباح', role: 'مراسلة', emails: [{ address: 'salma@sabah.example' }], phones: [{ type: 'mobile', number: '+962 79 555 0199' }] });
  });
});

import { z } from 'zod';
import { foldText } from '../search/text';

/**
 * Where a column of a contacts spreadsheet goes: the contact field names, with e-mails and
 * phones typed. Pure, shared by the core (import, export) and the mapping step in the UI.
 */
export const COLUMN_TARGETS = [
  'name',
  'givenName',
  'middleName',
  'familyName',
  'kind',
  'role',
  'organisation',
  'outlet',
  'beats',
  'languages',
  'countries',
  'tags',
  'regions',
  'lists',
  'email:work',
  'email:personal',
  'email:other',
  'phone:work',
  'phone:mobile',
  'phone:fax',
  'phone:other',
  // Who may see the row's e-mails and phones that are not public: "Staff only: +226 70 11 22 33; Press only: a@b.example".
  'visibility',
  // Social handles: "X: @name; LinkedIn: in/name", or bare handles in a column named after their network ("Twitter").
  'social',
  'notes',
  'doNotContact',
  'legalBasis',
  'purpose',
  'consentDate',
  'consentSource',
  'lastVerified',
  'ignore',
] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];
export const ColumnTargetSchema = z.enum(COLUMN_TARGETS);

/** A mapping: the header as written in the file, to where its cells go. */
export const ColumnMappingSchema = z.record(z.string().max(500), ColumnTargetSchema).refine((m) => Object.keys(m).length <= 1000, 'a mapping has at most 1,000 columns');
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** The header sets Dateline reads without a mapping: the exports people actually bring. */
export type HeaderSet = 'outlook-en' | 'outlook-fr' | 'outlook-es' | 'outlook-ar' | 'google' | 'dateline';

/** Dateline's own CSV columns, in export order (the import reads them back). */
export const DATELINE_COLUMNS: readonly (readonly [string, Exclude<ColumnTarget, 'givenName' | 'middleName' | 'familyName' | 'ignore'>])[] = [
  ['Name', 'name'],
  ['Kind', 'kind'],
  ['Role', 'role'],
  ['Organisation', 'organisation'],
  ['Outlet', 'outlet'],
  ['Beats', 'beats'],
  ['Languages', 'languages'],
  ['Countries', 'countries'],
  ['Tags', 'tags'],
  ['Regions', 'regions'],
  ['Lists', 'lists'],
  ['E-mail (work)', 'email:work'],
  ['E-mail (personal)', 'email:personal'],
  ['E-mail (other)', 'email:other'],
  ['Phone (work)', 'phone:work'],
  ['Phone (mobile)', 'phone:mobile'],
  ['Phone (fax)', 'phone:fax'],
  ['Phone (other)', 'phone:other'],
  // The e-mails and phones that are not public, and who may see them (shared/contacts/visibility-cell.ts).
  ['Visibility', 'visibility'],
  // "X: @name; LinkedIn: in/name" (shared/contacts/social.ts).
  ['Social', 'social'],
  ['Notes', 'notes'],
  // "yes" for a person who asked not to be contacted: the mark survives a way out and back in.
  ['Do not contact', 'doNotContact'],
  // The rest of the data-protection record, so that it comes back whole from a file.
  ['Legal basis', 'legalBasis'],
  ['Purpose', 'purpose'],
  ['Consent date', 'consentDate'],
  ['Consent source', 'consentSource'],
  ['Last verified', 'lastVerified'],
];

type Dictionary = Record<string, ColumnTarget>;

/** Columns an export always writes that a media list has no use for. */
function ignored(headers: readonly string[]): Dictionary {
  return Object.fromEntries(headers.map((h) => [h, 'ignore' as const]));
}

/** Outlook's "Export to a file > Comma Separated Values" headers, in each interface language. */
const OUTLOOK: Record<'outlook-en' | 'outlook-fr' | 'outlook-es' | 'outlook-ar', Dictionary> = {
  'outlook-en': {
    'First Name': 'givenName',
    'Middle Name': 'middleName',
    'Last Name': 'familyName',
    'Title': 'ignore',
    'Suffix': 'ignore',
    'Nickname': 'ignore',
    'Company': 'organisation',
    'Department': 'ignore',
    'Job Title': 'role',
    'E-mail Address': 'email:work',
    'E-mail 2 Address': 'email:other',
    'E-mail 3 Address': 'email:other',
    'E-mail Display Name': 'ignore',
    'Business Phone': 'phone:work',
    'Business Phone 2': 'phone:work',
    'Home Phone': 'phone:other',
    'Home Phone 2': 'phone:other',
    'Mobile Phone': 'phone:mobile',
    'Other Phone': 'phone:other',
    'Primary Phone': 'phone:work',
    'Business Fax': 'phone:fax',
    'Home Fax': 'phone:fax',
    'Notes': 'notes',
    'Categories': 'beats',
    'Web Page': 'ignore',
    'Business Street': 'ignore',
    'Business City': 'ignore',
    'Business Postal Code': 'ignore',
    // A person's country, a name or a code (an import reads both): where a media list is split by country.
    'Business Country/Region': 'countries',
    'Home Country/Region': 'countries',
    'Other Country/Region': 'countries',
    'Language': 'languages',
    // The rest of the columns Outlook writes: nothing a media list keeps, but part of every export.
    ...ignored([
      'Business Street 2', 'Business Street 3', 'Business State',
      'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code',
      'Other Street', 'Other Street 2', 'Other Street 3', 'Other City', 'Other State', 'Other Postal Code',
      "Assistant's Phone", 'Callback', 'Car Phone', 'Company Main Phone', 'ISDN', 'Other Fax', 'Pager', 'Radio Phone', 'TTY/TDD Phone', 'Telex',
      'Account', 'Anniversary', "Assistant's Name", 'Billing Information', 'Birthday', 'Business Address PO Box', 'Children', 'Directory Server',
      'E-mail Type', 'E-mail 2 Type', 'E-mail 2 Display Name', 'E-mail 3 Type', 'E-mail 3 Display Name',
      'Gender', 'Government ID Number', 'Hobby', 'Home Address PO Box', 'Initials', 'Internet Free Busy', 'Keywords', 'Location', "Manager's Name",
      'Mileage', 'Office Location', 'Organizational ID Number', 'Other Address PO Box', 'Priority', 'Private', 'Profession', 'Referred By',
      'Sensitivity', 'Spouse', 'User 1', 'User 2', 'User 3', 'User 4',
    ]),
  },
  'outlook-fr': {
    'Prénom': 'givenName',
    'Deuxième prénom': 'middleName',
    'Nom': 'familyName',
    'Titre': 'ignore',
    'Suffixe': 'ignore',
    'Surnom': 'ignore',
    'Société': 'organisation',
    'Service': 'ignore',
    'Fonction': 'role',
    'Adresse de messagerie': 'email:work',
    'Adresse de messagerie 2': 'email:other',
    'Adresse de messagerie 3': 'email:other',
    'Téléphone (bureau)': 'phone:work',
    'Téléphone 2 (bureau)': 'phone:work',
    'Téléphone (domicile)': 'phone:other',
    'Téléphone 2 (domicile)': 'phone:other',
    // Outlook's French export writes "Tél. mobile" and "Téléphone (autre)"; the longer names
    // Dateline read before are kept, so a sheet written with them still reads.
    'Tél. mobile': 'phone:mobile',
    'Téléphone mobile': 'phone:mobile',
    'Téléphone (autre)': 'phone:other',
    'Autre téléphone': 'phone:other',
    'Téléphone principal': 'phone:work',
    'Télécopie (bureau)': 'phone:fax',
    'Télécopie (domicile)': 'phone:fax',
    'Notes': 'notes',
    'Catégories': 'beats',
    'Page Web': 'ignore',
    'Langue': 'languages',
    'Pays/Région (bureau)': 'countries',
    'Pays/Région (domicile)': 'countries',
    'Pays/Région (autre)': 'countries',
  },
  // Spanish and Arabic: the headers as Microsoft's own importer of Outlook files lists them for
  // each language (Exchange's table of Outlook's CSV headers). A Spanish Outlook leaves about
  // half of its columns in English, its first e-mail and its mobile among them.
  'outlook-es': {
    'Nombre': 'givenName',
    'Segundo nombre': 'middleName',
    'Apellidos': 'familyName',
    'Organización': 'organisation',
    'Puesto': 'role',
    'E-mail Address': 'email:work',
    'Dirección de correo electrónico 2': 'email:other',
    // Outlook writes "del" in the third one only.
    'Dirección del correo electrónico 3': 'email:other',
    'Teléfono del trabajo': 'phone:work',
    'Business Phone 2': 'phone:work',
    'Teléfono principal': 'phone:work',
    'Particular': 'phone:other',
    'Home Phone 2': 'phone:other',
    'Otro teléfono': 'phone:other',
    'Mobile Phone': 'phone:mobile',
    'Business Fax': 'phone:fax',
    'Home Fax': 'phone:fax',
    'Notes': 'notes',
    'Categorías': 'beats',
    // Names Dateline read before, which are not Outlook's: kept, so a sheet written with them still reads.
    'Compañía': 'organisation',
    'Dirección de correo electrónico': 'email:work',
    'Dirección de correo electrónico 3': 'email:other',
    'Teléfono móvil': 'phone:mobile',
    'Teléfono particular': 'phone:other',
    'Teléfono del trabajo 2': 'phone:work',
    'Fax del trabajo': 'phone:fax',
    'Notas': 'notes',
    'Idioma': 'languages',
    'País o región del trabajo': 'countries',
    'País o región del domicilio': 'countries',
    'Otro país o región': 'countries',
    ...ignored([
      'Title', 'Suffix', 'Department', 'Página web', 'Tratamiento', 'Sufijo', 'Sobrenombre', 'Departamento',
      'Calle del trabajo', 'Calle del trabajo 2', 'Calle del trabajo 3', 'Ciudad de trabajo', 'Provincia o estado de trabajo', 'Código postal del trabajo',
      'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code',
      'Otra calle', 'Otra calle 2', 'Otra calle 3', 'Otra ciudad', 'Otra provincia o estado', 'Otro código postal',
      "Assistant's Phone", 'Devolución de llamada', 'Car Phone', 'Número de centralita de la organización', 'ISDN', 'Otro fax', 'Pager', 'Radioteléfono', 'Número de teletipo', 'Télex',
      'Account', 'Anniversary', "Assistant's Name", 'Facturación', 'Birthday', 'Apartado postal de la dirección del trabajo', 'Hijos',
      'E-mail Type', 'Nombre de pantalla de correo electrónico', 'Tipo de correo electrónico 2', 'Nombre de pantalla de correo electrónico 2',
      'Tipo de correo electrónico 3', 'Nombre de pantalla de correo electrónico 3',
      'Género', 'Government ID Number', 'Aficiones', 'Apartado postal de la dirección personal', 'Initials', 'Internet Free Busy', 'Location', 'Nombre del director',
      'Kilometraje', 'Office Location', 'Otro apartado postal', 'Prioridad', 'Profesión', 'Confidencialidad', 'Spouse',
      'Usuario 1', 'Usuario 2', 'Usuario 3', 'Usuario 4', 'Yomi especificada', 'Apellido Yomi', 'Compañía Yomi',
    ]),
  },
  'outlook-ar': {
    'الاسم الأول': 'givenName',
    'الاسم الأوسط': 'middleName',
    'اسم العائلة': 'familyName',
    'الشركة': 'organisation',
    // "اللقب" alone is the courtesy title (Mr, Dr); the job title is "the professional title".
    'اللقب المهني': 'role',
    'عنوان البريد الإلكتروني': 'email:work',
    'عنوان البريد الإلكتروني 2': 'email:other',
    'عنوان البريد الإلكتروني 3': 'email:other',
    'هاتف العمل': 'phone:work',
    'هاتف العمل 2': 'phone:work',
    'الهاتف الأساسي': 'phone:work',
    'هاتف المنزل': 'phone:other',
    'هاتف المنزل 2': 'phone:other',
    'هاتف آخر': 'phone:other',
    'الهاتف الجوال': 'phone:mobile',
    'فاكس العمل': 'phone:fax',
    'فاكس المنزل': 'phone:fax',
    'ملاحظات': 'notes',
    'الفئات': 'beats',
    // Names Dateline read before, which are not Outlook's: kept, so a sheet written with them still reads.
    'المسمى الوظيفي': 'role',
    'الهاتف المحمول': 'phone:mobile',
    'بلد العمل/المنطقة': 'countries',
    'البلد/المنطقة': 'countries',
    'بلد آخر/المنطقة': 'countries',
    ...ignored([
      'اللقب', 'لاحقة', 'القسم', 'صفحة ويب',
      'شارع العمل', 'شارع 2 للعمل', 'شارع 3 للعمل', 'مدينة العمل', 'ولاية العمل', 'الرمز البريدي للعمل',
      'شارع المنزل', 'شارع المنزل 2', 'شارع المنزل 3', 'مدينة المنزل', 'ولاية المنزل', 'الرمز البريدي للمنزل',
      'شارع آخر', 'شارع 2 آخر', 'شارع 3 آخر', 'مدينة أخرى', 'ولاية أخرى', 'رمز بريدي آخر',
      'هاتف المساعد', 'رد الاتصال', 'هاتف السيارة', 'الهاتف الرئيسي للشركة', 'ISDN', 'فاكس آخر', 'النداء', 'الهاتف الراديوي', 'هاتف TTY/TDD', 'التلكس',
      'الحساب', 'الذكرى السنوية', 'اسم المساعد', 'معلومات الفوترة', 'تاريخ الميلاد', 'صندوق بريد عنوان العمل', 'الأولاد',
      'نوع البريد الإلكتروني', 'اسم العرض للبريد الإلكتروني', 'نوع البريد الإلكتروني 2', 'اسم العرض للبريد الإلكتروني 2',
      'نوع البريد الإلكتروني 3', 'اسم العرض للبريد الإلكتروني 3',
      'الجنس', 'رقم معرّف الحكومة', 'الهواية', 'صندوق بريد عنوان المنزل', 'الأحرف الأولى', 'إنترنت متوفر/مشغول', 'الموقع', 'اسم المدير',
      'عدد الأميال', 'موقع المكتب', 'صندوق بريد عنوان آخر', 'الأولوية', 'المهنة', 'الحساسية', 'الزوجة',
      'المستخدم 1', 'المستخدم 2', 'المستخدم 3', 'المستخدم 4', 'الاسم المعطى "يومي"', 'اللقب "يومي"', 'الشركة "يومي"',
    ]),
  },
};

/** Google Contacts' CSV ("Google CSV"), current and older column names; Google writes them in English. */
const GOOGLE: Dictionary = {
  'Name': 'name',
  'First Name': 'givenName',
  'Given Name': 'givenName',
  'Middle Name': 'middleName',
  'Additional Name': 'middleName',
  'Last Name': 'familyName',
  'Family Name': 'familyName',
  'Nickname': 'ignore',
  'File As': 'ignore',
  'Name Prefix': 'ignore',
  'Name Suffix': 'ignore',
  'Birthday': 'ignore',
  'Notes': 'notes',
  'Labels': 'beats',
  'Group Membership': 'beats',
  'Organization Name': 'organisation',
  'Organization Title': 'role',
  'Organization Department': 'ignore',
  'Organization 1 - Name': 'organisation',
  'Organization 1 - Title': 'role',
  'Organization 1 - Type': 'ignore',
  'Organization 1 - Department': 'ignore',
  ...ignored([
    'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name', 'Yomi Name', 'Given Name Yomi', 'Additional Name Yomi', 'Family Name Yomi',
    'Initials', 'Short Name', 'Maiden Name', 'Gender', 'Location', 'Billing Information', 'Directory Server', 'Mileage', 'Occupation', 'Hobby',
    'Sensitivity', 'Priority', 'Subject', 'Language', 'Photo',
    'Organization 1 - Yomi Name', 'Organization 1 - Symbol', 'Organization 1 - Location', 'Organization 1 - Job Description',
  ]),
};
// Google numbers the repeated groups of a contact; a person has a few of each.
for (let i = 1; i <= 9; i++) {
  GOOGLE[`E-mail ${i} - Value`] = 'email:work';
  GOOGLE[`Phone ${i} - Value`] = 'phone:work';
  for (const part of ['Label', 'Type']) {
    for (const group of ['E-mail', 'Phone', 'Address', 'Website', 'Relation', 'Event', 'Custom Field', 'IM', 'External ID']) GOOGLE[`${group} ${i} - ${part}`] = 'ignore';
  }
  for (const field of ['Value', 'Service']) {
    for (const group of ['Website', 'Relation', 'Event', 'Custom Field', 'IM', 'External ID']) GOOGLE[`${group} ${i} - ${field}`] = 'ignore';
  }
  for (const field of ['Formatted', 'Street', 'City', 'PO Box', 'Region', 'Postal Code', 'Extended Address']) GOOGLE[`Address ${i} - ${field}`] = 'ignore';
  GOOGLE[`Address ${i} - Country`] = 'countries';
}

const DATELINE: Dictionary = Object.fromEntries(DATELINE_COLUMNS);

const SETS: [HeaderSet, Dictionary][] = [['dateline', DATELINE], ['google', GOOGLE], ...(Object.entries(OUTLOOK) as [HeaderSet, Dictionary][])];

/** A header as compared: folded case and accents, any run of spaces and punctuation as one space. */
export function headerKey(header: string): string {
  return foldText(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FOLDED: [HeaderSet, Map<string, ColumnTarget>][] = SETS.map(([name, dict]) => [name, new Map(Object.entries(dict).map(([h, t]) => [headerKey(h), t]))]);

/**
 * Words that give a column away in a sheet someone made by hand, in the office's languages, as
 * headerKey leaves them (so the Arabic is written folded: المؤسسة compares as موسسه, الدولة as
 * الدوله). Latin words are whole words: "Phonetic name", "Telex" or "Organisational unit" are not
 * a phone or an organisation; Arabic ones are whole words where a shorter word hides in longer
 * ones (البلد in البلدية, لغة in المبلغ). A column describing another (a type, a label, a display
 * name) is left out first; an outlet comes before an organisation ("Media organisation",
 * "المؤسسة الإعلامية" name the outlet), and a name comes last ("Nom du média" is the outlet's).
 */
const GUESSES: [RegExp, ColumnTarget][] = [
  [/\b(type|label|display|phonetic|yomi)\b/, 'ignore'],
  [/\b(e ?mail|mail|courriel|mel|correo)\b|بريد|ايميل/, 'email:work'],
  [/\b(mobile|portable|movil|celular|cell|whatsapp)\b|جوال|محمول|موبايل/, 'phone:mobile'],
  [/\b(fax|telecopie)\b/, 'phone:fax'],
  [/\b(phone|telephone|tel|telefono)\b|هاتف/, 'phone:work'],
  // Before the outlet: "Social media" is not a medium. A column named after one network ("Twitter", "X") holds its handles.
  [/\b(social|sociales?|sociaux|twitter|x|linkedin|facebook|instagram|bluesky|mastodon|tiktok|youtube|telegram)\b|تواصل|تويتر|لينكد/, 'social'],
  [/\b(outlet|media|medio|medium|newspaper|journal|periodico|redaction|organe)\b|جريد|وسيل|صحيف|اعلاميه/, 'outlet'],
  [/\b(organi[sz]ation|company|societe|empresa|organizacion|organisme|entreprise|employer|employeur|institution|institucion|entidad)\b|موسس|شرك|منظم/, 'organisation'],
  [/\b(title|role|fonction|funcion|poste|position|job|puesto|cargo)\b|وظيف|منصب|(^| )(ال)?صفه( |$)/, 'role'],
  [/\b(country|countries|pays|pais|paises)\b|(^| )(ال)?(بلد|دوله)( |$)/, 'countries'],
  [/\b(languages?|langues?|idiomas?|lenguas?)\b|(^| )(ال)?(لغه|لغات)( |$)/, 'languages'],
  [/\b(notes?|remarques?|notas?)\b|ملاحظ/, 'notes'],
  [/\b(do not contact|ne pas contacter|no contactar)\b/, 'doNotContact'],
  [/\b(legal basis|base legale|base juridique|base (legal|juridica))\b|قانوني/, 'legalBasis'],
  [/\b(consent date|date (du|de) consentement|fecha (del|de) consentimiento)\b|تاريخ.*موافق/, 'consentDate'],
  [/\b(consent source|source (du|de) consentement|origen (del|de) consentimiento|fuente (del|de) consentimiento)\b|مصدر.*موافق/, 'consentSource'],
  [/\b(last verified|derniere verification|verifie le|ultima verificacion|verificado el)\b|اخر تحقق/, 'lastVerified'],
  [/^(purpose|finalite|finalidad)$|غرض/, 'purpose'],
  [/^((first|given) ?name|prenoms?|nombre de pila)$/, 'givenName'],
  [/^((last|family) ?name|surname|nom de famille|apellidos?)$/, 'familyName'],
  // "Nom complet", "Nom et prénom", "Nombre y apellidos", "الاسم الكامل": the whole name in one column.
  [/^((full|contact|complete) )?name$|^nom\b|^prenom (et )?nom$|^nombre\b|^apellidos? (y )?nombres?$|اسم/, 'name'],
];

/**
 * The column a file of refused rows adds (refused-csv.ts), in the interface's four languages:
 * left out when such a file, corrected, is imported again, without costing it its header set.
 */
export const REFUSED_REASON_HEADERS = ['Reason', 'Motif du refus', 'Motivo del rechazo', 'سبب الرفض'] as const;
const REASON_KEYS = new Set(REFUSED_REASON_HEADERS.map(headerKey));

/** How many of one Outlook language's columns make a header row that export (a sheet made by hand has a handful). */
const OUTLOOK_KNOWN_ENOUGH = 10;

export interface Recognised {
  /** The header set every column was found in, or null when the headers need a mapping. */
  set: HeaderSet | null;
  /** A mapping of every header: from the set when recognised, else the best guess to confirm. */
  mapping: ColumnMapping;
}

/**
 * Recognises a header row. A file is read without a mapping only when every non-empty header
 * belongs to one known set and the set gives a name or an e-mail; anything else gets a
 * suggested mapping (known headers from any set, the rest ignored) for the person to confirm.
 */
export function recogniseHeaders(headers: readonly string[]): Recognised {
  const keys = headers.map(headerKey);
  const inSet = (dict: ReadonlyMap<string, ColumnTarget>) => {
    const targets = keys.map((k) => dict.get(k) ?? 'ignore');
    const usable = targets.some((t) => t === 'name' || t === 'givenName' || t === 'familyName') || targets.some((t) => t.startsWith('email:'));
    return { targets, usable, known: keys.filter((k) => k !== '' && (dict.has(k) || REASON_KEYS.has(k))).length };
  };
  const named = keys.filter((k) => k !== '').length;
  for (const [set, dict] of FOLDED) {
    const { targets, usable, known } = inSet(dict);
    if (named > 0 && known === named && usable) return { set, mapping: Object.fromEntries(headers.map((h, i) => [h, targets[i]!])) };
  }
  // Outlook writes some ninety columns, named in the language of its interface, and the French
  // set above holds only some of them. A row with many of one Outlook language's columns
  // is that export: its other columns (addresses, pagers, the assistant's phone) are left out.
  // The language with the most known columns wins: a Spanish export's English columns alone
  // would pass for an English export and lose its Spanish name and phone columns.
  let best: { set: HeaderSet; targets: ColumnTarget[]; known: number } | null = null;
  for (const [set, dict] of FOLDED) {
    if (!set.startsWith('outlook-')) continue;
    const { targets, usable, known } = inSet(dict);
    if (known >= OUTLOOK_KNOWN_ENOUGH && usable && known > (best?.known ?? 0)) best = { set, targets, known };
  }
  if (best) return { set: best.set, mapping: Object.fromEntries(headers.map((h, i) => [h, best.targets[i]!])) };
  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    let target: ColumnTarget = GUESSES.find(([re]) => re.test(keys[i]!))?.[1] ?? 'ignore';
    for (const [, dict] of FOLDED) {
      const t = dict.get(keys[i]!);
      if (t) {
        target = t;
        break;
      }
    }
    mapping[h] = target;
  });
  return { set: null, mapping };
}

import { ARABIC_MARKS, compareKey, ub } from './normalise';

/**
 * The words releases and web pages use for their parts, in English, French, Spanish and
 * Arabic. Each test is on a whole block (a line or paragraph) so a word in running text does
 * not trip it.
 */

const keys = (list: string[]) => new Set(list.map(compareKey));

/** Menu items, page furniture and share rows of organisation websites. */
export const NAV_PHRASES = keys([
  'home', 'who we are', 'about us', 'about', 'our work', 'what we do', 'where we work', 'take action', 'get involved',
  'donate', 'donate now', 'give', 'give now', 'news', 'newsroom', 'news and media', 'news & media', 'media', 'media centre', 'media center',
  'press room', 'press centre', 'press center', 'press releases', 'news releases', 'stories', 'publications', 'resources', 'contact', 'contact us',
  'careers', 'jobs', 'search', 'menu', 'main menu', 'skip to main content', 'skip to content', 'close', 'back to top',
  'share', 'share this', 'share this page', 'share this article', 'print', 'print this page', 'tweet', 'facebook', 'twitter', 'x', 'linkedin',
  'whatsapp', 'email', 'e-mail', 'copy link', 'instagram', 'youtube', 'subscribe', 'sign up', 'login', 'log in', 'language',
  'english', 'français', 'francais', 'español', 'espanol', 'العربية', 'read more', 'related', 'related news', 'related content',
  'related stories', 'see also', 'you may also like', 'tags', 'topics', 'emergencies', 'countries', 'regions', 'about us',
  'accueil', 'qui sommes-nous', 'qui sommes nous', 'qui nous sommes', 'notre travail', 'nos actions', 'ce que nous faisons', 'agir',
  'passer à l’action', "passer à l'action", 'faire un don', 'donner', 'je donne', 'actualités', 'actualites', 'salle de presse', 'espace presse',
  'communiqués de presse', 'communiques de presse', 'nous contacter', 'contactez-nous', 'rechercher', 'recherche', 'partager', 'imprimer',
  "s'abonner", 's’abonner', 'lire la suite', 'à lire aussi', 'voir aussi', 'carrières', 'emplois', 'urgences', 'pays',
  'inicio', 'quiénes somos', 'quienes somos', 'nuestro trabajo', 'qué hacemos', 'que hacemos', 'actúa', 'actua', 'actuar', 'participa',
  'dona', 'donar', 'dona ahora', 'haz una donación', 'noticias', 'sala de prensa', 'comunicados de prensa', 'contacto', 'contáctanos',
  'contactenos', 'buscar', 'compartir', 'imprimir', 'suscríbete', 'suscribete', 'leer más', 'leer mas', 'empleo', 'emergencias', 'países',
  'الرئيسية', 'الصفحة الرئيسية', 'من نحن', 'عملنا', 'ماذا نفعل', 'أين نعمل', 'شارك', 'تبرع', 'تبرّع', 'تبرع الآن', 'الأخبار',
  'أخبار', 'المركز الإعلامي', 'غرفة الأخبار', 'بيانات صحفية', 'البيانات الصحفية', 'اتصل بنا', 'بحث', 'القائمة', 'طباعة', 'مشاركة',
  'اشترك', 'اقرأ المزيد', 'وظائف', 'حالات الطوارئ', 'انضم إلينا', 'أخبارنا', 'بياناتنا', 'مواقفنا',
  'communiqués', 'communiques', 'comunicados', 'releases', 'statements', 'déclarations', 'declaraciones', 'blog',
  'return to listing', 'back to listing', 'back to list', 'back to news', 'back to press releases', 'retour à la liste',
  'retour aux actualités', 'volver al listado', 'volver a noticias', 'العودة إلى القائمة', 'flash infos', 'flash info',
  'breaking news', 'dernière minute', 'última hora', 'عاجل', 'أخبار عاجلة', 'regresar a la nota', 'regresar', 'volver',
  'volver atrás', 'retour', 'back', 'últimas noticias', 'ultimas noticias', 'media center', 'media centre',
]);

/** Breadcrumbs and menus joined by these marks ("Accueil > Actualités > Communiqués"). */
const CRUMB_MARKS = /\s[|>»›•·]\s|\s\/\s/gu;

/**
 * The sections of an Arabic news site ("أخبار - محليات", "منوعات", "عربي ودولي") and the words a
 * byline opens with ("كتب", "بقلم"): a line of them joined by a dash names where a story is
 * filed or who wrote it, never the place it comes from.
 */
const ARABIC_SECTIONS = keys([
  'أخبار', 'الأخبار', 'اخبار', 'الاخبار', 'خبر', 'محليات', 'محلي', 'محلية', 'اقتصاد', 'الاقتصاد', 'منوعات', 'تقارير', 'تقرير',
  'سياسة', 'السياسة', 'دولي', 'دولية', 'دوليات', 'عربي', 'عربية', 'عربي ودولي', 'عالمي', 'العالم', 'الأخبار العالمية',
  'الأخبار المحلية', 'أخبار عربية', 'أخبار دولية', 'رياضة', 'الرياضة', 'صحة', 'الصحة', 'ثقافة', 'الثقافة', 'فن', 'فنون',
  'تكنولوجيا', 'علوم', 'مقالات', 'مقال', 'آراء', 'رأي', 'فيديو', 'صور', 'حوادث', 'مجتمع', 'تعليم', 'بيئة', 'مال وأعمال',
  'كتب', 'بقلم', 'إعداد', 'متابعة', 'حوار', 'ترجمة', 'تحرير',
]);

export function isArabicSection(text: string): boolean {
  return ARABIC_SECTIONS.has(compareKey(text));
}

/** The words a byline or a desk's credit opens with: after a place and a dash ("غزة – متابعة"), who filed the story. */
const ARABIC_BYLINE_WORDS = keys(['كتب', 'بقلم', 'إعداد', 'متابعة', 'تحرير', 'ترجمة']);

export function isArabicBylineWord(text: string): boolean {
  return ARABIC_BYLINE_WORDS.has(compareKey(text));
}

const NAV_SEPARATORS = /\s*(?:[|•·»›>/]|\s{2,}|\t)\s*/u;

/** Whole-block labels that announce a release but are not its headline. */
const LABELS = keys([
  'press release', 'news release', 'media release', 'press statement', 'statement', 'media advisory', 'joint press release',
  'joint statement', 'joint media release', 'joint news release', 'media statement', 'news statement',
  'déclaration conjointe', 'communiqué de presse conjoint', 'declaración conjunta', 'comunicado de prensa conjunto',
  'for immediate release', 'immediate release', 'for release', 'news', 'press', 'release',
  'communiqué de presse', 'communique de presse', 'communiqué', 'communique', 'communiqué conjoint', 'déclaration', 'pour diffusion immédiate',
  'compte rendu de séance', 'meeting summary', 'meetings coverage', 'resumen de la sesión', 'nota informativa',
  'pour publication immédiate', 'avis aux médias', 'comunicado de prensa', 'comunicado', 'nota de prensa', 'comunicado conjunto',
  'para difusión inmediata', 'para publicación inmediata', 'declaración', 'aviso a los medios',
  'بيان صحفي', 'بيان صحافي', 'بيان', 'بيان مشترك', 'للنشر الفوري', 'للنشر فورا', 'للنشر فوراً', 'خبر صحفي', 'تنويه إعلامي',
]);

function splitNav(text: string): string[] {
  return text.split(NAV_SEPARATORS).map((p) => p.trim()).filter(Boolean);
}

/** True for a block made only of menu items ("Home | News | Donate", "Who we are"). */
export function isNavBlock(text: string): boolean {
  if (text.length > 300) return false;
  const parts = splitNav(text);
  if (parts.length === 0) return true;
  if (parts.every((p) => NAV_PHRASES.has(compareKey(p)))) return true;
  // A breadcrumb or menu row: three or more short items joined by menu marks, most of them
  // menu words; a sentence or headline never looks like that.
  const marks = text.match(CRUMB_MARKS)?.length ?? 0;
  if (marks < 2 || parts.length < 3 || parts.some((p) => p.split(/\s+/u).length > 4)) return false;
  const known = parts.filter((p) => NAV_PHRASES.has(compareKey(p)) || LABELS.has(compareKey(p))).length;
  return known * 2 >= parts.length;
}

/**
 * Removes menu items from the start of a line pasted from a web page, where they run on
 * with single spaces ("Who we are Our Work Take Action Donate Clean water ..."). Returns
 * the rest, or the line unchanged when it does not start with a menu item.
 */
export function stripLeadingNav(text: string): string {
  let rest = text;
  const phrases = [...NAV_PHRASES].filter((p) => p.length > 2).sort((a, b) => b.length - a.length);
  for (let guard = 0; guard < 40; guard++) {
    const key = compareKey(rest.slice(0, 60));
    const hit = phrases.find((p) => key === p || key.startsWith(`${p} `));
    if (!hit) break;
    // Consume words of the original until they spell the phrase ("Qui sommes-nous" is two words, three in the key).
    let consumed = '';
    let length = 0;
    for (const w of rest.split(/(\s+)/u)) {
      length += w.length;
      consumed += w;
      if (compareKey(consumed) === hit) break;
    }
    const separator = rest.slice(length).match(/^\s*[|•·»›>/]?\s*/u)?.[0] ?? '';
    rest = rest.slice(length + separator.length);
  }
  return rest;
}

export function isLabel(text: string): boolean {
  return text.length < 60 && LABELS.has(compareKey(text));
}

/** A label with something after it on the same line ("PRESS RELEASE | 3 March 2026"), or null. */
export function leadingLabel(text: string): { label: string; rest: string } | null {
  // "PAM: Communiqué de Presse", "IFRC | Press release": the issuer's short name first.
  const issuer = /^\p{Lu}[\p{L}&.-]{1,15}\s*[:|–—-]\s*(.+)$/u.exec(text);
  if (issuer && issuer[1] !== undefined) {
    const inner = leadingLabel(issuer[1]);
    if (inner && (inner.rest === '' || /^\d/u.test(inner.rest))) return inner;
  }
  const m = text.match(
    /^(press release|news release|media release|press statement|for immediate release|communiqu[ée] de presse|pour diffusion imm[ée]diate|comunicado de prensa|nota de prensa|para difusi[óo]n inmediata|بيان صحفي|بيان صحافي|للنشر الفوري)(?!\p{L})\s*[:|–—\-,.،]?\s*/iu,
  );
  if (!m) return null;
  return { label: m[1]!, rest: text.slice(m[0].length) };
}

export const EMBARGO_RE =
  ub(/^\s*(?:\*+\s*)?(?:embargo(?:ed)?|embargad[oa]|under embargo|strictly embargoed|not for (?:publication|release|broadcast)|hold for release|sous embargo|embargo jusqu|embargo hasta|bajo embargo|con embargo|محظور\s+النشر|حظر\s+النشر|يحظر\s+النشر|لا\s+يُ?نشر|تحت\s+الحظر|ممنوع\s+من\s+النشر)/iu);


export function isEmbargoLine(text: string): boolean {
  return EMBARGO_RE.test(text.replace(ARABIC_MARKS, '')) && text.length < 300;
}

const END_MARKS: [RegExp, '###' | '-30-' | '-ENDS-'][] = [
  [/^[#\s]*#\s*#\s*#[#\s]*$/u, '###'],
  // "*   ***   *": the United Nations' end of text, read as the same mark.
  [/^(?:\*\s*)?\*{3}\s*\*$/u, '###'],
  [/^[-–—\s]*30[-–—\s]*$/u, '-30-'],
  [/^[-–—*\s]*(ends?|fin|fin du communiqué|end of release|end of press release|fin del comunicado|انتهى|-?انتهى-?|نهاية البيان)[-–—*.\s]*$/iu, '-ENDS-'],
  // "(FIN) AFP/ ASH", "(END) EFE": a wire's end of story in brackets, with its name and its editors' initials.
  [/^\((?:[Ff][Ii][Nn]|[Ee][Nn][Dd])\)(?:\s+\p{Lu}{2,8}(?:\s*\/\s*\p{Lu}{2,8}){0,3})?\s*$/u, '-ENDS-'],
];

/** The end mark a block stands for, if it is one. */
export function endMarkOf(text: string): '###' | '-30-' | '-ENDS-' | null {
  const t = text.trim();
  if (t.length > 40) return null;
  for (const [re, mark] of END_MARKS) if (re.test(t)) return mark;
  return null;
}

/** "Notes to editors" and its translations, as a heading (alone) or a lead-in ("Notes to editors: ..."). */
export const NOTES_RE =
  ub(/^\s*(?:\*+\s*)?(notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors?['’]?\s*notes?|note\s+for\s+editors|for\s+(?:the\s+)?editors(?=\s*[:：])|notes?\s+(?:aux|à\s+la|pour\s+les|à\s+l['’](?:attention|intention)\s+des)\s+(?:rédactions?|rédacteurs|rédactrices|éditeurs|journalistes)|notes?\s+à\s+la\s+rédaction|informations?\s+aux\s+rédactions|notas?\s+(?:para|a)\s+(?:los\s+|las\s+|la\s+)?(?:editores|editoras|redactores|redacciones|redacción|periodistas)|notas?\s+al\s+editor|nota\s+para\s+la\s+prensa|ملاحظات?\s+(?:للمحررين|إلى\s+المحررين|الى\s+المحررين|للمحرر|للصحفيين|للإعلاميين|لوسائل\s+الإعلام)|ملاحظة\s+للمحررين)\s*[:：.–—-]?\s*/iu);

/** "About Hope Waters" and its translations: the start of the boilerplate. */
export const ABOUT_RE =
  ub(/^\s*(?:\*+\s*)?(about\s+(?:the\s+)?\S.*|à\s+propos\s+(?:de\s+|d['’]|du\s+|des\s+)?\S.*|a\s+propos\s+(?:de\s+|d['’]|du\s+|des\s+)?\S.*|acerca\s+del?\s+\S.*|sobre\s+(?:el\s+|la\s+|los\s+|las\s+)?\p{Lu}.*|quiénes\s+somos|qui\s+sommes-nous\s*\??|نبذة\s+عن\s+\S.*|حول\s+\S.*|عن\s+\S.*|من\s+نحن)$/iu);

/** Phrases that open a media-contact section or sentence. */
export const CONTACT_LABEL_RE =
  ub(/^\s*(?:\*+\s*)?(?:(?:for\s+(?:further|more|additional)\s+(?:information|details|info)|for\s+(?:media\s+)?(?:enquiries|inquiries|interviews|interview\s+requests)|to\s+arrange\s+(?:an\s+)?interviews?|media\s+(?:contacts?|enquiries|inquiries|relations)|press\s+(?:contacts?|enquiries|inquiries|office)|contacts?\s+(?:for\s+(?:the\s+)?media|for\s+journalists)|pour\s+(?:plus|de\s+plus\s+amples)\s+(?:d['’]\s*)?(?:informations|renseignements)|pour\s+tout(?:e)?\s+(?:information|renseignement|demande)|contacts?\s+(?:presse|médias?|medias?)|relations?\s+(?:presse|médias)|personnes?\s+de\s+contact|para\s+(?:más|mayor|obtener\s+más)\s+información|más\s+información|contactos?\s+(?:de\s+prensa|para\s+(?:los\s+)?medios|con\s+los\s+medios)|prensa\s*:|للمزيد\s+من\s+المعلومات|لمزيد\s+من\s+المعلومات|لمزيد\s+من\s+التفاصيل|للاستفسارات(?:\s+الإعلامية)?|للتواصل(?:\s+الإعلامي|\s+مع\s+(?:وسائل\s+الإعلام|الإعلام|الصحافة|الصحفيين))?|للاتصال|جه(?:ة|ات)\s+الاتصال(?:\s+الإعلامية)?|جه(?:ة|ات)\s+التواصل|contacts?|contactos?)(?![\p{L}]))/iu);

/** A section heading that is only a contact label ("Media contacts:", "Contacts presse"). */
export function isContactHeading(text: string): boolean {
  const m = text.match(CONTACT_LABEL_RE);
  if (!m) return false;
  const rest = text.slice(m[0].length).replace(/^[\s:：,.،-]+|[\s:：.]+$/gu, '');
  return (
    rest.length === 0 ||
    /^(?:(?:please|kindly)\s+)?(?:contact|call)$|^(?:veuillez\s+)?contacter$|^(?:por\s+favor\s+)?(?:contactar|contacte)(?:\s+(?:a|con))?$|^(?:يرجى|الرجاء)\s+(?:الاتصال|التواصل)(?:\s+(?:مع|بـ|ب))?$/iu.test(rest.replace(/[\s:：]+$/u, ''))
  );
}

/**
 * The wires that carry press releases, with their names as they set them beside the dateline:
 * "/PRNewswire/", "(GLOBE NEWSWIRE)", "/EINPresswire.com/", "PRLog", "--(BUSINESS WIRE)--".
 * Distinct enough to stand without brackets or slashes, unlike an agency's two letters.
 */
export const RELEASE_WIRES = String.raw`pr\s?newswire(?:-\p{L}+)?|prn(?:\s+(?:africa|asia|europe|latam|mena))?|business\s?wire|globe\s?newswire|ein\s?presswire(?:\.com)?|pr\s?log|pr\s?web|accesswire|newsfile|marketwire|webwire|cision|cnw(?:\s+telbec)?`;

/** Page furniture that is never part of a release: cookie banners, share rows, footers, captions. */
const JUNK_RE: RegExp[] = ([
  /\bcookies?\b|ملفات\s+تعريف\s+الارتباط|\btraceurs\b/iu,
  /^(share|share this|share on|partager|partager sur|compartir|compartir en)\b.{0,80}$/iu,
  // "مشاركة" is "share" and also "participation": a title opens with it ("مشاركة الوزارة في …",
  // the ministry's participation in …), so only the prompt alone, before a colon, or before where
  // or what is shared ("شارك على …", "مشاركة هذا الخبر") is the button's.
  /^(?:شارك|مشاركة)(?:\s*[:：].{0,80}|\s+(?:على|عبر|هذا|هذه|الخبر|المقال|الصفحة)\b.{0,80})?$/u,
  /©|\ball rights reserved\b|\btous droits réservés\b|\btodos los derechos reservados\b|جميع الحقوق محفوظة|حقوق\s+النشر/iu,
  /^(privacy( policy| notice)?|terms( of use| and conditions)?|accessibility|sitemap|site map|legal notice|mentions légales|politique de confidentialit[ée]|aviso legal|pol[ií]tica de privacidad|سياسة الخصوصية|شروط الاستخدام)\b/iu,
  /^(follow us|suivez-nous|síguenos|siguenos|تابعونا|تابعنا)\b/iu,
  // "Follow the latest news on Google News", "تابع أحدث الأخبار عبر تطبيق google news".
  /\bgoogle\s+news\b.{0,40}$|^تابع\s.{0,40}\s(?:عبر|على)\s.{0,40}$/iu,
  // Comment boxes under a post, and the labels of their form: "Your email address will not be
  // published.", "Required fields are marked *", "Save my name, email … for the next time I comment."
  /^(?:no comments|post a comment|leave a (?:reply|comment)|\d+\s+comments?|comments powered by|load \d+ more|view style|laisser une réponse|\d+\s+commentaires?|aucun commentaire|deja un comentario|\d+\s+comentarios?|اترك\s+تعليق|لن\s+يتم\s+نشر\s+عنوان\s+بريدك)\b.{0,80}$/iu,
  /^(?:your\s+e-?mail(?:\s+address)?\s+will\s+not\s+be\s+(?:published|shared|displayed)|(?:all\s+)?required\s+fields\s+are\s+(?:marked|indicated)|fields\s+marked\s+(?:with\s+)?(?:an\s+)?(?:\*|asterisk)|(?:save|remember)\s+my\s+name\b.{0,20}\be-?mail|you\s+must\s+be\s+(?:logged|signed)\s+in\s+to\s+(?:post|leave|add)\s+a\s+comment|(?:post|submit)\s+(?:a\s+)?comment$|cancel\s+reply$|this\s+site\s+uses\s+akismet|laisser\s+un\s+commentaire|votre\s+adresse\s+(?:e-?mail|électronique|courriel|de\s+messagerie)\s+ne\s+sera\s+pas\s+(?:publiée|affichée)|(?:les\s+)?champs\s+(?:obligatoires\s+sont\s+(?:indiqués|marqués|signalés)|marqués\s+d['’]une?\s+(?:\*|astérisque))|enregistrer\s+mon\s+nom\b.{0,20}\b(?:e-?mail|courriel)|vous\s+devez\s+(?:être\s+connectée?|vous\s+connecter)\s+pour\s+(?:publier|poster|laisser|ajouter)\s+un\s+commentaire|deja\s+una\s+respuesta|dejar\s+un\s+comentario|(?:tu|su)\s+(?:dirección\s+de\s+)?correo(?:\s+electrónico)?\s+no\s+será\s+publicad[oa]|(?:los\s+)?campos\s+(?:obligatorios\s+(?:están|se\s+han)\s+(?:marcados|señalados)|marcados\s+con\s+(?:un\s+)?(?:\*|asterisco))|guardar?\s+mi\s+nombre\b.{0,20}\bcorreo|debes\s+(?:estar\s+registrado|iniciar\s+sesión|haber\s+iniciado\s+sesión)\s+para\s+(?:publicar|dejar|escribir)\s+un\s+comentario|اترك\s+(?:رد|ردا|رداً|تعليقا|تعليقاً)|(?:ال)?حقول\s+(?:ال)?(?:إلزامية|الزامية|مطلوبة)\s+(?:مشار|معلمة|موضحة)|احفظ\s+اسمي|يجب\s+(?:أن\s+تكون|عليك)\s+.{0,12}(?:مسجل|تسجيل)\s+(?:ال)?دخول)/iu,
  // "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply."
  // A notice is one short line; a paragraph of a release about such a service runs longer.
  /^(?=.{0,240}$).*\b(?:re|h)captcha\b/iu,
  // "Inicio Secretarias 19 Secretaría … CNPC exhorta a la población … a estar...": the trail to the page, its title cut short.
  /^(?:inicio|home|accueil|portada|الرئيسية)\s.{10,300}(?:\.\.\.|…)$/iu,
  // "Zur Hauptnavigation springen Zur Suche springen …", "Skip to main navigation Skip to search …": skip links in a row.
  /^(?:(?:skip\s+to|jump\s+to|aller\s+au|passer\s+au|ir\s+al|saltar\s+al|zur|zum)\s+\S+(?:\s+springen)?\s*){2,}$/iu,
  // An embedded post: its text with the network's short links, and "— Agency (@handle) March 19, 2025".
  /\bpic\.twitter\.com\/|https?:\/\/t\.co\/|^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\S.{0,30}\d{4}$/iu,
  // A blog's furniture under the post: "No hay comentarios:", "Publicar un comentario", "Entrada más reciente".
  /^(?:no\s+hay\s+comentarios|publicar\s+(?:un\s+)?comentarios?|entradas?\s+(?:más\s+recientes?|antiguas?)|página\s+principal|suscribirse\s+a\s*:|publier\s+(?:un\s+)?commentaire|newer\s+post|older\s+post|subscribe\s+to\s*:\s*post\s+comments)\b.{0,60}$/iu,
  // "Comments (0)", "التعليقات (0)", "لا توجد تعليقات حتى الآن": the comment box's counter.
  /^(?:comments?|commentaires?|comentarios?|التعليقات|تعليقات)\s*\(\s*[\d\u0660-\u0669]+\s*\)\s*$|^(?:لا\s+توجد\s+تعليقات|أضف\s+تعليق|اكتب\s+تعليق|add\s+a\s+comment|be\s+the\s+first\s+to\s+comment|ajouter\s+un\s+commentaire|escribe\s+un\s+comentario|añadir\s+comentario)/iu,
  /^(?:مشاركة|شارك|share|partager|compartir)\s*[:：]?\s*$/iu,
  // A wire's page under the release it carries: "You just read:" over the title, the channels it
  // went out on, who distributed it for whom, and the wire speaking of itself ("EIN Presswire's
  // priority is …", "Standard Newswire is a …").
  /^(?:you\s+just\s+read\s*:?|distribution\s+channels?\s*:.{0,200})$/iu,
  /^(?:distributed|issued|disseminated|diffusé|distribué|distribuido|difundido)\s+(?:by|par|por)\s+.{2,60}\s+(?:on\s+behalf\s+of|pour\s+le\s+compte\s+(?:de|d['’]|du|des)|en\s+nombre\s+de|por\s+cuenta\s+de)\s*.{2,150}$/iu,
  new RegExp(String.raw`^(?:${RELEASE_WIRES}|(?:\p{L}+\s+){1,2}(?:newswire|presswire))(?:™)?(?:['’]s\s|\s+is\s+(?:a|an|the)\s)`, 'iu'),
  // "المصدر: صدى البلد", "Fuente: EFE": where a reposted story came from.
  /^(?:المصدر|source|fuente)\s*[:：]\s*\S.{0,50}$/iu,
  /^(subscribe|sign up)\b.{0,60}(newsletter|updates|news)|^(abonnez-vous|inscrivez-vous)\b|^(suscríbete|suscribete|suscríbase|suscribase)\b|^اشترك\s+في/iu,
  // A sign-up's promise under its heading: "Get our stories in your inbox every week", "Recevez
  // l'essentiel dans votre boîte mail", "… en tu bandeja de entrada", "… إلى بريدك الإلكتروني". Only
  // a page speaks to its reader's inbox; a release tells of a newsletter in the third person.
  /^(?=.{0,200}$)(?:(?:get|receive)\s+our\s+(?:newsletter|latest|news|stories|updates)|(?:recevez|recevoir)\s+(?:notre|nos|la)\s+(?:newsletter|lettre|infolettre|actualités)|(?:recibe|reciba|recibir)\s+(?:nuestro|nuestras|el)\s+(?:bolet[íi]n|noticias|newsletter)|.{0,160}\b(?:(?:in|to|into)\s+your\s+inbox|dans\s+votre\s+bo[îi]te\s+(?:mail|e-?mail|aux\s+lettres|de\s+réception)|en\s+(?:tu|su)\s+(?:bandeja\s+de\s+entrada|correo(?:\s+electrónico)?))\b|.{0,160}(?:إلى|الى|في|على)\s+بريدك)/iu,
  // "Pour tout savoir sur l'actualité, inscrivez-vous à notre newsletter et …", "سجل بريدك الإلكتروني
  // لتلقى أهم الأخبار": the site's invitation to its newsletter, wherever the verb stands in the line.
  // In Arabic only the imperative with its object: "سجل" alone is also "recorded" ("سجل المركز … في النشرة").
  /^(?=.{0,220}$)(?:.{0,80}\b(?:subscribe|sign\s+up|register|inscrivez-vous|abonnez-vous|suscr[íi]bete|reg[íi]strate)\b.{0,40}\b(?:newsletter|lettre\s+d['’]information|infolettre|bolet[íi]n)\b|.{0,80}(?:اشترك|اشتركوا|سجل|سجّل)\s+(?:الآن\s+)?(?:في\s+)?(?:بريدك\s+الإلكتروني|النشرة\s+(?:البريدية|الإخبارية)|القائمة\s+البريدية|نشرتنا))/iu,
  // "Lire aussi : Plus de 240 000 réfugiés …": a link to another story set between the paragraphs.
  /^(read more|lire la suite|leer más|[اإ]قر[أؤ]و?ا? المزيد|related (news|stories|content|articles)|see also|voir aussi|ver también|also on|à lire aussi|you may also (like|be interested))\b|^(?:read\s+also|also\s+read|lire\s+aussi|lea\s+también|lee\s+también|[اإ]قرأ\s+أيضاً?)\s*[:：]\s*\S/iu,
  /^(photo|photos|crédit photo|credit|credits|foto|fotografía|صورة|الصورة)\s*[:©(]/iu,
  // "Caption: Brothers in solidarity …", "Légende : …", "Pie de foto: …": a picture's caption under its label.
  /^(?:(?:photo\s+)?captions?|légendes?|pie\s+de\s+foto|leyenda|تعليق\s+الصورة)\s*[:：]/iu,
  // The skip link a page's first line often is: "Skip to main content", and the words sites in the
  // other three languages give it ("Pasar al contenido principal", "Aller directement au contenu",
  // "الانتقال إلى المحتوى الرئيسي").
  /^(?:skip\s+to|jump\s+to\s+(?:main\s+)?content|aller\s+(?:directement\s+)?au\s+contenu|passer\s+au\s+contenu|(?:ir|pasar|saltar)\s+(?:directamente\s+)?al\s+contenido|(?:انتقل|الانتقال|انتقال|تخطى|تخطي|تجاوز)\s+(?:إلى|الى)\s+(?:ال)?محتوى)/iu,
  // A republishing site's disclaimer under the text: "… all views, positions, and conclusions
  // expressed herein are solely those of the author(s)", "Les opinions exprimées n'engagent que
  // leurs auteurs", "Las opiniones expresadas son responsabilidad exclusiva de sus autores",
  // "الآراء الواردة تعبر عن رأي كاتبها".
  /^(?=.{0,400}$)(?:\/?public\s+release\.|.{0,250}\b(?:views?|opinions?|conclusions?)\b.{0,80}\bexpressed\b.{0,40}\b(?:are|is)\s+(?:solely\s+|entirely\s+)?(?:those|that)\s+of\s+the\s+authors?\b|.{0,200}\bopinions\s+exprimées\b.{0,80}\bn['’]engagent\s+que\b|.{0,200}\bopiniones\s+expresadas\b.{0,80}\bresponsabilidad\s+(?:exclusiva\s+)?de\s+(?:sus|los)\s+autor|.{0,200}الآراء\s+(?:الواردة|المنشورة|المعبر\s+عنها).{0,80}(?:تعبر|تعكس)\s+عن\s+(?:رأي|آراء)\s+(?:كاتبها|كتابها|أصحابها|الكاتب))/iu,
  /^(you are here|vous êtes ici|usted está aquí|أنت هنا)\b/iu,
  // A blog's comment form: "This site uses Akismet to reduce spam. Learn how your comment data is processed."
  /^(?=.{0,200}$)(?:this\s+site\s+uses\s+akismet|ce\s+site\s+utilise\s+akismet|este\s+sitio\s+usa\s+akismet|يستخدم\s+هذا\s+الموقع\s+Akismet)\b/iu,
  // A government's note under a translated text: "This translation is provided as a courtesy and
  // only the original English source should be considered authoritative", and its translations.
  /^(?=.{0,300}$).{0,80}(?:translation\s+is\s+provided\s+as\s+a\s+courtesy|traduction\s+(?:est\s+)?(?:fournie|offerte)\s+à\s+titre\s+(?:de\s+courtoisie|gracieux)|traducción\s+(?:se\s+)?(?:proporciona|ofrece)\s+como\s+(?:cortesía|un\s+servicio\s+gratuito)|الترجمة\s+(?:هي\s+)?خدمة\s+مجانية)/iu,
  // "De izquierda a derecha: …", "From left to right: …": a picture's caption naming who stands in it.
  /^(?:\(?\s*)?(?:from\s+left\s+to\s+right|from\s+left|left\s+to\s+right|de\s+gauche\s+à\s+droite|de\s+izquierda\s+a\s+derecha|من\s+اليمين\s+(?:إلى|الى)\s+اليسار|من\s+اليسار\s+(?:إلى|الى)\s+اليمين)\s*[:：,)]/iu,
  /^(tags|topics|subjects|keywords|filed\s+under|mots-clés|thèmes|sujets|classé\s+dans|etiquetas|temas|palabras clave|archivado\s+en|الوسوم|الكلمات المفتاحية|المواضيع)\s*:/iu,
  // The page's text-size buttons: "Restaurer la taille du texte", "Increase text size".
  /(?:taille\s+du\s+texte|text\s+size|font\s+size|tamaño\s+de(?:l|\s+la)\s+(?:texto|letra|fuente)|حجم\s+الخط)\S*\s*$/iu,
  // A site's own error and status boxes left on the page ("Error message", "User warning: …").
  /^(?:error\s+message|status\s+message|warning\s+message|user\s+(?:warning|notice|error)\s*:|deprecated\s+function\s*:|strict\s+warning\s*:|notice\s*:\s+undefined)/iu,
  /^(last updated|updated|mis à jour|actualizado|آخر تحديث)\b.{0,60}$/iu,
  /^(switchboard|standard|centralita|main line|reception|البدالة)\b.{0,80}$/iu,
  /^(download|télécharger|descargar|تحميل)\s+(the\s+|le\s+|el\s+)?(pdf|document|release|communiqué|comunicado)\b.{0,60}$/iu,
  // The site's search box and browser warnings: "Aucun résultat correspondant…", "Your browser is out of date".
  // An empty box's placeholder: "No content found", "Aucun contenu trouvé", "لا يوجد محتوى".
  /^(?:no\s+results?\s+(?:found|match)|nothing\s+found|no\s+(?:content|items?|posts?|articles?)\s+(?:found|available)|aucun\s+r[ée]sultat|aucun\s+(?:contenu|article|élément)\s+(?:trouvé|disponible)|sin\s+resultados|no\s+se\s+encontraron\s+resultados|no\s+(?:hay|se\s+encontr[óo])\s+(?:contenidos?|art[íi]culos?|elementos?)|لا\s+توجد\s+نتائج|لا\s+(?:يوجد|توجد)\s+(?:محتوى|مقالات|عناصر))\b.{0,120}$/iu,
  // "Transcripción del contenido de la página" over "Si su navegador no muestra la página correctamente, …":
  // an embedded document viewer's heading and its notice, over the document flattened to text.
  /^(?:(?:page\s+content\s+)?transcript(?:\s+of\s+the\s+page(?:['’]s)?\s+content)?|transcription\s+du\s+contenu\s+de\s+la\s+page|transcripci[óo]n\s+del\s+contenido\s+de\s+la\s+p[áa]gina|نص\s+محتوى\s+الصفحة)\s*[:：]?$|^(?:if\s+your\s+browser\s+(?:does\s+not|doesn['’]t|cannot)\s+(?:display|show)|si\s+votre\s+navigateur\s+n['’](?:affiche|montre)\s+pas|si\s+su\s+navegador\s+no\s+(?:muestra|visualiza)|إذا\s+لم\s+يعرض\s+متصفحك)\b.{0,160}$/iu,
  /^(?:your\s+(?:web\s+)?browser\s+is\s+(?:out\s+of\s+date|not\s+supported)|votre\s+navigateur(?:\s+internet)?\s+n['’]est\s+pas\s+à\s+jour|su\s+navegador\s+(?:no\s+está\s+actualizado|está\s+desactualizado))\b.{0,120}$/iu,
  // The United Nations' mark under its press material: "For information media. Not an official record."
  /^(?:for\s+information\s+media|à\s+l['’]intention\s+des\s+organes\s+d['’]information|para\s+informaci[óo]n\s+de\s+los\s+medios)\b.{0,30}(?:not\s+an\s+official\s+record|document\s+non\s+officiel|no\s+es\s+un\s+documento\s+oficial)\.?$/iu,
  // An Arabic aggregator's note under a story it copied: "ملحوظة: مضمون هذا الخبر تم كتابته بواسطة …".
  /^(?:ملحوظة|ملاحظة|تنويه)\s*[:：]\s*(?:مضمون|محتوى)\s+هذا\s+الخبر/u,
  // An archived page's banner and its explanation; a site's notice that it is being rebuilt.
  /^(?:archived\s+page\s*[:：]|this\s+(?:web\s+)?page\s+has\s+been\s+archived|information\s+identified\s+as\s+archived|cette\s+page\s+(?:web\s+)?a\s+été\s+archivée|l['’]information\s+dont\s+il\s+est\s+indiqué\s+qu['’]elle\s+est\s+archivée|esta\s+página\s+(?:web\s+)?(?:ha\s+sido|fue)\s+archivada|(?:تمت|تم)\s+أرشفة\s+هذه\s+الصفحة)/iu,
  // "This is historical material … The website is no longer updated": a site's banner over an
  // archive it keeps as it was, in whatever words it chooses before saying so.
  /^(?=.{0,300}$).{0,160}(?:\b(?:(?:web\s*)?site|page|website)\s+(?:is\s+)?no\s+longer\s+(?:being\s+)?(?:updated|maintained)|\bsite\s+n['’]est\s+plus\s+(?:mis\s+à\s+jour|actualisé)|\bsitio(?:\s+web)?\s+ya\s+no\s+se\s+actualiza|الموقع\s+لم\s+يعد\s+(?:يتم\s+)?(?:تحديثه|يحدث|يُحدَّث))/iu,
  // A newswire's pitch to its customers above the release it carries: it gets "your press
  // release" or "their news" to journalists. A release speaks of its own news, not of the reader's.
  /^(?=.{0,400}$).{0,300}(?:\b(?:your|their)\s+(?:press\s+releases?|news(?:\s+releases?)?|announcements?)\b.{0,80}\b(?:journalists|reporters|newsrooms|editors|news\s+producers|the\s+media)\b|\b(?:vos|votre|leurs?)\s+(?:communiqués?(?:\s+de\s+presse)?|actualités)\b.{0,80}\b(?:journalistes|rédactions|médias)\b|\b(?:sus?|tus?)\s+(?:comunicados?(?:\s+de\s+prensa)?|notas?\s+de\s+prensa|noticias)\b.{0,80}\b(?:periodistas|redacciones|medios\s+de\s+comunicación)\b|(?:بيانك|بياناتك|بيانكم|بياناتكم|أخبارك|أخباركم)(?:\s+الصحفية)?\s.{0,80}(?:الصحفيين|الصحفيون|الإعلاميين|وسائل\s+الإعلام))/iu,
  /^(?:we\s+are\s+(?:currently\s+)?(?:updating|renewing|redesigning|rebuilding)\s+(?:our|the|this)\s+(?:web\s*)?site|nous\s+(?:sommes\s+en\s+train\s+de\s+)?(?:renouveler|refondre|mettre\s+à\s+jour|renouvelons|refondons|mettons\s+à\s+jour)\s+(?:notre|le|ce)\s+site|estamos\s+(?:actualizando|renovando|rediseñando)\s+(?:nuestro|el|este)\s+sitio|نحن\s+بصدد\s+تجديد\s+الموقع|الموقع\s+(?:هو\s+)?في\s+مرحلة\s+انتقالية)/iu,
] as RegExp[]).map(ub);

/**
 * The heading over a list of links to other pages ("Related stories", "À lire aussi",
 * "Noticias relacionadas"), or over a blog's comment form ("Leave a reply", "Deja una respuesta"):
 * what follows it is titles of other articles or the readers' comments, not this release.
 */
const RELATED_HEADING_RE = ub(
  /^(?:related(?:\s+(?:news|stories|content|articles|posts|links|reading))?|more\s+(?:news|stories)(?:\s+like\s+this)?|see\s+also|read\s+also|also\s+read|you\s+may\s+also\s+(?:like|be\s+interested(?:\s+in)?)|(?:à|a)\s+lire\s+aussi|voir\s+aussi|lire\s+aussi|sur\s+le\s+même\s+(?:sujet|thème)|(?:articles|actualités|contenus)\s+(?:liés|associés|similaires)|noticias\s+relacionadas|(?:artículos|contenidos|historias)\s+relacionad[oa]s|ver\s+también|lee\s+también|te\s+puede\s+interesar|también\s+te\s+puede\s+interesar|[اإ]قرأ\s+أيضا|[اإ]قرأ\s+أيضاً|أخبار\s+ذات\s+صلة|مواضيع\s+ذات\s+صلة|مواضيع\s+متعلقة|مقالات\s+ذات\s+صلة|أخبار\s+متعلقة|recent\s+(?:posts|news|stories|articles)|check\s+also|latest\s+(?:news|posts|stories|articles|updates)|other\s+(?:news|stories)|more\s+(?:from|on)\s+\S.{0,40}|most\s+(?:read|popular|viewed)|popular\s+(?:posts|stories|articles)|trending(?:\s+now)?|you\s+might\s+also\s+(?:like|be\s+interested(?:\s+in)?)|articles\s+récents|dernières\s+(?:actualités|nouvelles|publications|infos)|(?:les\s+)?derniers\s+articles|(?:los\s+)?últimos\s+artículos|(?:أحدث|آخر)\s+المقالات|leave\s+a\s+(?:reply|comment)|laisser\s+un\s+(?:commentaire|avis)|laisser\s+une\s+réponse|deja\s+(?:una\s+respuesta|un\s+comentario)|اترك\s+(?:تعليقاً?|رداً?)|autres\s+actualités|plus\s+d['’]actualités|les\s+plus\s+(?:lus|populaires|consultés)|vous\s+(?:aimerez|pourriez)\s+aussi(?:\s+aimer)?|dans\s+la\s+même\s+rubrique|últimas\s+noticias|más\s+noticias|otras\s+noticias|noticias\s+recientes|entradas\s+recientes|lo\s+más\s+(?:leído|visto)|(?:también\s+)?(?:le|te)\s+(?:puede|podría)\s+interesar|te\s+recomendamos|شاهد\s+أيضاً?|آخر\s+الأخبار|أحدث\s+الأخبار|المزيد\s+من\s+الأخبار|أخبار\s+أخرى|الأكثر\s+(?:قراءة|مشاهدة)|(?:أخبار|مواضيع|مقالات)\s+مشابهة|قد\s+(?:يهمك|يعجبك)(?:\s+أيضاً?)?|search\s+this\s+blog|blog\s+archive|rechercher\s+dans\s+ce\s+blog|archives\s+du\s+blog|buscar\s+en\s+este\s+blog|buscar\s+este\s+blog|archivo\s+del\s+blog|entradas\s+populares|البحث\s+في\s+هذه\s+المدونة|أرشيف\s+المدونة|المشاركات\s+الشائعة)\s*[:：]?$/iu,
);

export function isRelatedHeading(text: string): boolean {
  return text.length < 60 && RELATED_HEADING_RE.test(text.trim());
}

/**
 * A blog or news page's byline: "Posted on 3 June 2026 by …", "Publicado el … · Por …",
 * "By Jane Doe, Communications Officer", "بقلم …". Never release text; it may carry the date.
 */
const POSTED_RE = ub(/^(?:posted|published|first\s+published|publié|publiée|mis\s+en\s+ligne|publicado|publicada|نُشر|نشر|تاريخ\s+النشر)\b/iu);
const BY_RE = /^(?:[Bb]y|[Ww]ritten\s+by|[Pp]ar|[Pp]or|بقلم|كتب(?:ت)?)\s+(?:\p{Lu}|[\u0600-\u06FF])/u;

/** "Posted on 22/11/2012 @ 8 h 45 min, In News.": a date straight after "posted on", whatever closes the line. */
const POSTED_ON_DATE = ub(/^(?:posted|published|publié|publiée|publicado|publicada)\s+(?:on|le|el)\s+\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/iu);

export function isByline(text: string): boolean {
  if (text.length <= 200 && POSTED_ON_DATE.test(text)) return true;
  if (text.length > 200 || /[.!?؟]$/u.test(text.replace(/\b[A-Z]\.$/u, ''))) return false;
  if (POSTED_RE.test(text)) return true;
  return BY_RE.test(text) && text.split(/\s+/u).length <= 14;
}

/**
 * "Published under the 2010 to 2015 Conservative and Liberal Democrat coalition government", "تم نشره
 * بموجب …": a government site's record of the administration a page was published under.
 */
const PUBLISHED_UNDER = /^(?:published\s+under\s+the|تم\s+نشره\s+بموجب|نُشر\s+بموجب)\s.{2,120}$/iu;

export function isPublishedUnder(text: string): boolean {
  return PUBLISHED_UNDER.test(text.trim());
}

/** "Questions and answers: …", "Q&A on …", "Preguntas y respuestas", "أسئلة وأجوبة": a page set as questions, each heading its answer. */
const QUESTIONS_AND_ANSWERS = ub(/\b(?:questions?\s+(?:and|&)\s+answers?|q\s*&\s*a|questions?\s+et\s+réponses?|questions?-réponses?|preguntas\s+y\s+respuestas)\b|أسئلة\s+و(?:أجوبة|إجابات|اجابات)/iu);

export function isQuestionsAndAnswers(text: string): boolean {
  return QUESTIONS_AND_ANSWERS.test(text);
}

/** A photo caption ending in its credit ("A midwife at work in Kakuma. Photo: Jane Roe/Agency"). */
const CREDIT_AT_END = ub(/(?:^|[.!?)]\s+|\s[-–—|]\s)(?:photo|photos|photograph|image|crédits?\s+photo|crédit|credit|foto|fotografía|fotos|صورة|الصورة|تصوير)\s*(?:[:©]|by|de|par|por)\s*(?:[^.!?]|(?<=\b\p{Lu})\.){2,70}$/iu);

export function isCaption(text: string): boolean {
  return text.length < 300 && CREDIT_AT_END.test(text);
}

export function isJunk(text: string): boolean {
  // A long paragraph that merely mentions cookies or a copyright is not furniture.
  return text.length < 400 && JUNK_RE.some((re) => re.test(text));
}

/** Job titles: they tell a role from a name in a contact block and in quote attributions. */
export const ROLE_WORDS =
  ub(/\b(officer|director|directrice|directeur|directora|head|chief|chef|cheffe|jefe|jefa|manager|spokesperson|spokesman|spokeswoman|porte-parole|portavoz|coordinator|coordinatrice|coordinateur|coordinador|coordinadora|adviser|advisor|conseill[eè]re?|asesor|asesora|specialist|spécialiste|especialista|representative|représentante?|representante|president|présidente?|presidenta?|secretary|secrétaire|secretari[oa]|minister|ministre|ministr[oa]|chargée?|encargad[oa]|responsable|associate|assistant|assistante?|asistente|lead|leader|analyst|analyste|consultant|consultante?|press|presse|prensa|communications?|communication|comunicaci[oó]n|media|médias|medios|relations|relaciones|delegate|délégu[ée]e?|delegad[oa]|founder|fondat(?:eur|rice)|fundador[a]?|ceo|cfo|coo|executive|exécutif|ejecutiv[oa]|deputy|adjointe?|adjunt[oa]|regional|régionale?|national|nationale|country|pays|field|terrain|senior|principal|junior|intern|stagiaire|becari[oa]|attachée?|agregad[oa]|focal point|point focal|punto focal)\b|مدير|مديرة|المدير|المديرة|المتحدث|المتحدثة|الناطق|الناطقة|متحدث|متحدثة|مسؤول|مسؤولة|منسق|منسقة|رئيس|رئيسة|مستشار|مستشارة|ممثل|ممثلة|وزير|وزيرة|أخصائي|أخصائية|موظف|موظفة|الأمين|الأمينة|نائب|نائبة|سفير|سفيرة|السفير|السفيرة|المفوض|المفوضة|مفوض|مفوضة|المبعوث|المبعوثة|مبعوث|مبعوثة/iu);

/** Words that mark an organisation's name. */
export const ORG_WORDS =
  ub(/\b(organi[sz]ation|organisation|foundation|fondation|fundaci[oó]n|fund|fonds|fondo|council|conseil|consejo|society|société|sociedad|alliance|alianza|network|réseau|agency|agence|agencia|committee|comité|programme|program|programa|initiative|iniciativa|trust|relief|aid|international|internacional|association|asociaci[oó]n|federation|fédération|federaci[oó]n|ministry|ministère|ministerio|office|bureau|oficina|institute|institut|instituto|union|unión|coalition|coalición|ngo|group|groupe|grupo|centre|center|centro|secretariat|secrétariat|secretaría|mission|misión|commission|comisi[oó]n|university|université|universidad|hospital|hôpital|clinic|red cross|croix-rouge|cruz roja|crescent|croissant|ltd|inc|gmbh|s\.a\.)\b|منظمة|المنظمة|مؤسسة|جمعية|الجمعية|هيئة|الهيئة|صندوق|الصندوق|المفوضية|مفوضية|اتحاد|الاتحاد|شبكة|وزارة|مكتب|المكتب|برنامج|البرنامج|مركز|المركز|الهلال|الصليب|لجنة|اللجنة|تحالف/iu);

/**
 * The header lines of an e-mail ("From:", "Sent:", "Subject:", "De :", "Objet :", "Asunto:",
 * "من:", "الموضوع:") and the separators mail programs put above a forwarded message. A release
 * pasted from a forward keeps them above its own text.
 */
const MAIL_HEADER_RE = ub(/^(from|sent|date|to|cc|bcc|subject|reply-to|de|envoyé|à|a|objet|enviado|fecha|para|asunto|من|إلى|الى|أرسل|أرسلت|بتاريخ|التاريخ|الموضوع|نسخة)\s*[:：]\s*\S/iu);
const MAIL_FROM = /^(?:from|de|من)$/iu;
const MAIL_SUBJECT_OR_TO = /^(?:subject|objet|asunto|الموضوع|to|à|a|para|إلى|الى)$/iu;
const MAIL_SEPARATOR_RE = ub(/^[\s\-_=*>]*(?:original\s+message|forwarded\s+message|begin\s+forwarded\s+message|message\s+d['’]origine|message\s+transféré|mensaje\s+original|mensaje\s+reenviado|الرسالة\s+الأصلية|رسالة\s+معاد\s+توجيهها)[\s\-_=*:]*$/iu);

/** The header field a line of an e-mail's header gives ("from", "subject"), or null. */
export function mailHeaderField(text: string): string | null {
  return text.length < 400 ? (text.match(MAIL_HEADER_RE)?.[1]?.toLowerCase() ?? null) : null;
}

export function isMailSeparator(text: string): boolean {
  return text.length < 80 && MAIL_SEPARATOR_RE.test(text);
}

/** A run of header fields that is an e-mail's header: a sender, and a subject or a recipient. */
export function isMailHeaderRun(fields: string[]): boolean {
  return fields.length >= 2 && fields.some((f) => MAIL_FROM.test(f)) && fields.some((f) => MAIL_SUBJECT_OR_TO.test(f));
}

/**
 * A page number left in text copied from a Word or PDF file ("Page 1 of 2", "Página 2 de 3",
 * "- 2 -"), alone or at the end of a running header or footer line.
 */
const PAGE_NUMBER_RE = ub(/(?:^|\s)(?:page|pg\.?|p\.|página|pág\.?|صفحة|الصفحة)\s*\d{1,3}\s*(?:(?:of|de|sur|\/|من)\s*\d{1,3})?\s*$|^(?:page|página|pág\.?|صفحة|الصفحة)\s*\d{1,3}\s*(?:of|de|sur|\/|من)\s*\d{1,3}\b|^[\s\-–—]*\d{1,3}\s*(?:(?:of|de|sur|\/|من)\s*\d{1,3})?[\s\-–—]*$/iu);

export function isPageNumberLine(text: string): boolean {
  return text.length < 150 && !/[.!?؟]["”»’)]?$/u.test(text) && PAGE_NUMBER_RE.test(text);
}

/**
 * A note on the release itself standing above it: "Update, 15 May 2026: …", "Correction: …",
 * "Mise à jour : …", "Actualización: …", "تحديث: …". It is about a version of the release, not
 * its headline or dateline.
 */
/** "Editor's note", "Nota del editor", "Note de la rédaction", "ملاحظة المحرر": the editor's own note. */
const EDITORS_NOTE = String.raw`editor['’]?s\s+note|note\s+from\s+the\s+editors?|nota\s+(?:del\s+editor|del\s+redactor|de\s+la\s+redacci[óo]n)|note\s+de\s+la\s+r[ée]daction|ملاحظة\s+(?:من\s+)?(?:المحرر|التحرير)`;
const EDITORIAL_NOTE_RE = ub(new RegExp(String.raw`^\s*[*[(]*\s*(?:update[ds]?|updated\s+on|correction|corrected|clarification|${EDITORS_NOTE}|note\s+to\s+readers|mise\s+à\s+jour|mis\s+à\s+jour\s+le|rectificatif|correctif|erratum|actualizaci[óo]n|actualizado|correcci[óo]n|fe\s+de\s+erratas|تحديث|تصحيح|توضيح)\b[^:：]{0,60}?[:：]\s*\S`, 'iu'));

export function isEditorialNote(text: string): boolean {
  return EDITORIAL_NOTE_RE.test(text);
}

const EDITORS_NOTE_RE = ub(new RegExp(String.raw`^\s*[*[(]*\s*(?:${EDITORS_NOTE})\s*(?:[:：.–—-]\s*|$)`, 'iu'));

/**
 * An editor's note, as a heading or a lead-in: above the release it is about a version of it
 * (no field's); under the text it speaks to the journalists as notes to editors do. The rest
 * of the line after the label, or null.
 */
export function editorsNote(text: string): { rest: string } | null {
  const m = EDITORS_NOTE_RE.exec(text);
  if (!m || text.length > 2000) return null;
  const rest = text.slice(m[0].length);
  // "[Editor's note: …]": the brackets close with the note.
  return { rest: (/^\s*[[(]/u.test(text) ? rest.replace(/[\])]\s*$/u, '') : rest).trim() };
}

/**
 * A heading that names contact details without saying "media" or "press" ("Information:",
 * "Renseignements :", "Información:"). Alone it could head anything, so the reader only takes it
 * as the contacts' heading when details follow.
 */
const WEAK_CONTACT_HEADING_RE = ub(/^(?:(?:(?:media|press|contact)\s+)?information|(?:further|more|additional)\s+information|informations?(?:\s+compl[ée]mentaires)?|(?:plus\s+d['’]|pour\s+plus\s+d['’])informations?|m[áa]s\s+informaci[óo]n|informaci[óo]n\s+adicional|renseignements|coordonnées|información|informaciones|datos\s+de\s+contacto|información\s+de\s+contacto|للمعلومات|معلومات\s+الاتصال|للتواصل)\s*[:：]$|^(?:contact|media|press)\s+information$|^(?:coordonnées|datos\s+de\s+contacto|معلومات\s+الاتصال)$/iu);

export function isWeakContactHeading(text: string): boolean {
  return text.length < 40 && WEAK_CONTACT_HEADING_RE.test(text.trim());
}

/**
 * A page's view or comment counter ("1,204 views", "Vues : 342", "Visitas: 87", "عدد المشاهدات: ٣٤٢",
 * "Comments (3)", "التعليقات ()"),
 * often on the line with the publication date. Removed, what is left of such a line is its date.
 */
const PAGE_COUNTER_RE = ub(
  /(?:[\d\u0660-\u0669][\d\u0660-\u0669,.\s]*\s*(?:views?|vues?|visites|lectures|visitas|lecturas|vistas|comments?|commentaires?|comentarios?|مشاهدة|مشاهدات|تعليق|تعليقات)\b|(?:views?|vues?|visites|lectures|visitas|lecturas|vistas|comments?|commentaires?|comentarios?|(?:عدد\s+)?(?:المشاهدات|الزيارات|القراءات|التعليقات))\s*[:：]\s*[\d\u0660-\u0669][\d\u0660-\u0669,.\s]*|(?:views?|comments?|commentaires?|comentarios?|المشاهدات|التعليقات|تعليقات)\s*\(\s*[\d\u0660-\u0669]*\s*\))/giu,
);

export function withoutPageCounters(text: string): string {
  return text.replace(PAGE_COUNTER_RE, ' ').replace(/\s{2,}/gu, ' ').trim();
}

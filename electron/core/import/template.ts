/**
 * A press-release template or a model release copied from a guide: its blanks are still open,
 * each a short span in angle brackets, square brackets or parentheses that names the field to
 * fill ("<HEADLINE>", "[Company name]", "(Contact person, phone number and email address)",
 * "(nom de la ville)", "[اسم الشركة]"). Such a page holds no release to store.
 */

/** Words that name a field of a release or of a contact, in the four languages. */
const FIELD_WORD =
  /(?:^|[^\p{L}])(?:name|names|date|day|time|place|city|location|venue|contact|phone|telephone|number|e-?mail|address|title|headline|dateline|subheadline|company|organi[sz]ation|spokesperson|website|url|quote|details|description|product|event|month|year|nom|heure|lieu|ville|t[ée]l[ée]phone|num[ée]ro|courriel|adresse|titre|entreprise|soci[ée]t[ée]|citation|porte-parole|nombre|fecha|hora|lugar|ciudad|contacto|tel[ée]fono|n[úu]mero|correo|direcci[óo]n|t[íi]tulo|empresa|organizaci[óo]n|cita|portavoz|اسم|التاريخ|تاريخ|الوقت|المكان|المدينة|رقم|الهاتف|البريد|العنوان|الشركة|المنظمة|الجهة)(?=$|[^\p{L}])/iu;

/**
 * The field word opens the blank, alone or after a word asking to fill it ("[Insert date]",
 * "(your name)", "[nombre de la asociación]"): an aside naming a place or an hour ("(New York
 * City)", "(Geneva time)") ends with such a word and is no blank.
 */
const FILLER = /^(?:insert|enter|add|type|your|the|a|an|ins[ée]rer|indiquer|ajouter|votre|vos|le|la|les|l'|un|une|insertar|indicar|a[ñn]adir|escribir|su|sus|tu|el|los|las|ادخل|أدخل|أضف)$/iu;

function opensWithField(words: readonly string[]): boolean {
  const first = words.slice(0, 1).join(' ');
  if (FIELD_WORD.test(first)) return true;
  return words.length > 1 && FILLER.test(words[0]!) && FIELD_WORD.test(words[1]!);
}

const SPANS = [/<([^<>\n]{1,80})>/gu, /\[([^[\]\n]{1,80})\]/gu, /\(([^()\n]{1,80})\)/gu];

/**
 * The distinct blanks a text leaves open, in the order met: spans of one to eight words, with no
 * digit and no sentence inside, that name a field. A release may hold one such aside ("(name
 * withheld)"); a template holds many.
 */
export function templateBlanks(lines: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const line of lines) {
    for (const pattern of SPANS) {
      for (const m of line.matchAll(pattern)) {
        const inner = m[1]!.trim();
        // A defined term in quotation marks ('(the "Record Date")') is the text's own word, no blank.
        if (inner === '' || /\d/u.test(inner) || /[.!?؟:;"“”«»]/u.test(inner)) continue;
        const words = inner.split(/\s+/u);
        if (words.length > 8 || !opensWithField(words)) continue;
        const key = inner.toLowerCase().replace(/[’']/gu, "'");
        if (!seen.has(key)) seen.set(key, m[0]);
      }
    }
  }
  return [...seen.values()];
}

/** How many open blanks make a page a template rather than a release with an aside. */
export const TEMPLATE_BLANKS = 3;

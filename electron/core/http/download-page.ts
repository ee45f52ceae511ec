import type { ServerResponse } from 'node:http';
import type { CodeRefusal } from './one-time';
import { failure, send, sendResult } from './respond';

/**
 * What a download link answers when it gives no file: a link used already, one over a minute
 * old, one this server never made, or a file removed meanwhile. The page opens the link itself,
 * so the browser only ever shows this when someone opens the link again (from the downloads
 * list, a copied address): a short page in the browser's language, or JSON to a program.
 */

export type LinkRefusal = CodeRefusal | 'gone';

interface Words {
  title: string;
  why: Record<LinkRefusal, string>;
  next: string;
}

const WORDS: Record<'en' | 'fr' | 'es' | 'ar', Words> = {
  en: {
    title: 'This download link no longer works',
    why: {
      used: 'It was used already: each download link works once.',
      expired: 'It was made more than a minute ago: a download link works for a minute.',
      unknown: 'Dateline did not make this link, or it was restarted since.',
      gone: 'The file it led to was fetched already or removed.',
    },
    next: 'Go back to Dateline and download the file again.',
  },
  fr: {
    title: 'Ce lien de téléchargement ne fonctionne plus',
    why: {
      used: 'Il a déjà servi : chaque lien de téléchargement ne sert qu’une fois.',
      expired: 'Il a été créé il y a plus d’une minute : un lien de téléchargement ne vaut qu’une minute.',
      unknown: 'Dateline n’a pas créé ce lien, ou a redémarré depuis.',
      gone: 'Le fichier auquel il menait a déjà été téléchargé ou a été supprimé.',
    },
    next: 'Revenez dans Dateline et téléchargez à nouveau le fichier.',
  },
  es: {
    title: 'Este enlace de descarga ya no funciona',
    why: {
      used: 'Ya se usó: cada enlace de descarga funciona una sola vez.',
      expired: 'Se creó hace más de un minuto: un enlace de descarga funciona durante un minuto.',
      unknown: 'Dateline no creó este enlace, o se reinició desde entonces.',
      gone: 'El archivo al que llevaba ya se descargó o se eliminó.',
    },
    next: 'Vuelva a Dateline y descargue el archivo de nuevo.',
  },
  ar: {
    title: 'رابط التنزيل هذا لم يعد يعمل',
    why: {
      used: 'استُخدم من قبل: كل رابط تنزيل يعمل مرة واحدة.',
      expired: 'أُنشئ منذ أكثر من دقيقة: رابط التنزيل يعمل لمدة دقيقة.',
      unknown: 'لم ينشئ Dateline هذا الرابط، أو أُعيد تشغيله منذ ذلك الحين.',
      gone: 'الملف الذي كان يؤدي إليه نُزِّل من قبل أو حُذف.',
    },
    next: 'عد إلى Dateline ونزّل الملف مرة أخرى.',
  },
};

/** The first of the browser's languages Dateline speaks, English when none. */
export function pageLanguage(acceptLanguage: string | undefined): keyof typeof WORDS {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const base = part.split(';')[0]!.trim().split('-')[0]!.toLowerCase();
    if (base === 'en' || base === 'fr' || base === 'es' || base === 'ar') return base;
  }
  return 'en';
}

/** Answers a download link that gives no file: 410 for one used or expired, 404 for one unknown or a file gone. */
export function refuseDownloadLink(res: ServerResponse, why: LinkRefusal): void {
  const status = why === 'used' || why === 'expired' ? 410 : 404;
  const req = res.req;
  const lang = pageLanguage(req.headers['accept-language']);
  const w = WORDS[lang];
  if (!(req.headers.accept ?? '').includes('text/html')) {
    sendResult(res, status, failure('NOT_FOUND', `${WORDS.en.title}. ${WORDS.en.why[why]} ${WORDS.en.next}`, { reason: why }));
    return;
  }
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  // Fixed words only: nothing from the request is written into the page.
  const page = `<!doctype html><html lang="${lang}" dir="${dir}"><meta charset="utf-8"><title>${w.title}</title><h1>${w.title}</h1><p>${w.why[why]}</p><p>${w.next}</p></html>\n`;
  send(res, status, 'text/html; charset=utf-8', page);
}

import { describe, expect, it } from 'vitest';
import type { SyncWaiting } from '../../electron/shared/contract';
import { setUpI18n } from '../../renderer/i18n';
import { waitingText } from '../../renderer/sync/statusText';

/**
 * What waits to upload, in words: a deletion (a release put in the trash, a photo removed) is
 * said as a deletion, never counted with the releases or photos still to send.
 */

const none: SyncWaiting = { releases: 0, contacts: 0, photos: 0, files: 0, offices: 0, others: 0, deletions: 0, bytes: 0 };
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const said = (language: string, w: Partial<SyncWaiting>) => {
  const i18n = setUpI18n(language);
  return plain(waitingText(i18n.t, { ...none, ...w }, language));
};

describe('what waits to upload, deletions apart', () => {
  it('says deletions as such in English, French, Spanish and Arabic', () => {
    expect(said('en', { releases: 1, deletions: 2 })).toBe('1 release and 2 deletions waiting to upload');
    expect(said('en', { deletions: 1 })).toBe('1 deletion waiting to upload');
    expect(said('fr', { releases: 1, deletions: 2 })).toBe("1 communiqué et 2 suppressions en attente d’envoi");
    expect(said('fr', { deletions: 1 })).toBe("1 suppression en attente d’envoi");
    expect(said('es', { releases: 1, deletions: 2 })).toBe('Pendiente de envío: 1 comunicado y 2 eliminaciones');
    expect(said('es', { deletions: 1 })).toBe('Pendiente de envío: 1 eliminación');
    expect(said('ar', { deletions: 1 })).toBe('عملية حذف واحدة في انتظار الإرسال');
    expect(said('ar', { deletions: 2 })).toBe('عمليتا حذف في انتظار الإرسال');
    expect(said('ar', { releases: 1, deletions: 5 })).toBe('بيان صحفي واحد و5 عمليات حذف في انتظار الإرسال');
  });
});

describe('an office waiting to upload', () => {
  it('is said as its settings, never as "1 other document", in every language and plural form, with a capital opening the sentence', () => {
    expect(said('en', { releases: 3, offices: 1 })).toBe('3 releases and the settings of 1 office waiting to upload');
    expect(said('en', { offices: 2, others: 1 })).toBe('The settings of 2 offices and 1 other document waiting to upload');
    expect(said('fr', { releases: 3, offices: 1 })).toBe("3 communiqués et les paramètres d’un bureau en attente d’envoi");
    expect(said('fr', { offices: 2 })).toBe("Les paramètres de 2 bureaux en attente d’envoi");
    expect(said('es', { releases: 3, offices: 1 })).toBe('Pendiente de envío: 3 comunicados y la configuración de una oficina');
    expect(said('es', { offices: 2 })).toBe('Pendiente de envío: la configuración de 2 oficinas');
    expect(said('ar', { offices: 1 })).toBe('إعدادات مكتب واحد في انتظار الإرسال');
    expect(said('ar', { offices: 2 })).toBe('إعدادات مكتبين في انتظار الإرسال');
    expect(said('ar', { offices: 3 })).toBe('إعدادات 3 مكاتب في انتظار الإرسال');
    expect(said('ar', { offices: 11 })).toBe('إعدادات 11 مكتبًا في انتظار الإرسال');
    expect(said('ar', { releases: 1, offices: 1 })).toBe('بيان صحفي واحد وإعدادات مكتب واحد في انتظار الإرسال');
  });
});

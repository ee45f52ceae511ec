import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/shared/contract';
import { setUpI18n } from '../../renderer/i18n';
import { stateText } from '../../renderer/sync/statusText';

/**
 * Where sync stands, in one sentence: a password the server refused is said as refused, not as
 * a password that was never given (the person typed one, and would look for a missing field).
 */

const refusedByServer: SyncStatus['error'] = { code: 'SERVER_AUTH', message: 'refused', params: { failure: 'auth', status: 401, host: 'sync.example.org' } };
const said = (language: string, error: SyncStatus['error']) => stateText(setUpI18n(language).t, { state: 'needs-password', online: true, error });

describe('a password the server refused', () => {
  it('is said as refused, in each language', () => {
    expect(said('en', refusedByServer)).toBe('The server refused this account or password: check the account above and enter the password again.');
    expect(said('fr', refusedByServer)).toMatch(/^Le serveur a refusé ce compte ou ce mot de passe/);
    expect(said('es', refusedByServer)).toMatch(/^El servidor rechazó esta cuenta o contraseña/);
    expect(said('ar', refusedByServer)).toMatch(/^رفض الخادم هذا الحساب أو كلمة المرور/);
  });

  it('is still asked for when none was given yet', () => {
    expect(said('en', null)).toBe("The server needs the account's password: enter it above.");
    expect(said('en', { code: 'SERVER_AUTH', message: 'needs it', params: { reason: 'needsPassword' } })).toBe("The server needs the account's password: enter it above.");
  });
});

describe("the last sync's counts", () => {
  const counts = (language: string) => {
    const { t } = setUpI18n(language);
    return [t('sync.lastResult', { sent: 0, received: 1 }), t('sync.filesResult', { uploaded: 1, downloaded: 0, notHere: 1 })].join(' ');
  };

  it('agree with 0 and 1 in French and Spanish (no "1 reçus", no "1 recibidos")', () => {
    expect(counts('fr')).toBe(
      'Dernière synchronisation — envoyés : 0, reçus : 1. Fichiers lors de la dernière synchronisation — envoyés : 1, reçus : 0, laissés sur le serveur : 1.',
    );
    expect(counts('es')).toBe(
      'Última sincronización — enviados: 0, recibidos: 1. Archivos en la última sincronización — enviados: 1, recibidos: 0, dejados en el servidor: 1.',
    );
  });
});

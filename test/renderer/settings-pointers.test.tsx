// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { SettingsScreen } from '../../renderer/settings/SettingsScreen';
import { core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A message that sends the person somewhere in the app sends them to what is there: a file opened
 * as a sync file that is not one said a backup is restored "from Settings → Library", where the
 * Library section offers no restore (backups are restored with `dateline restore`).
 */

afterEach(cleanup);

describe('the way to restore a backup, as messages give it', () => {
  it('points only to a restore the Settings screen really offers', async () => {
    renderWithCore(await core(), <SettingsScreen />, 'test');
    const library = (await screen.findByRole('heading', { name: 'Library', level: 2 }, { timeout: 15_000 })).closest('section')!;
    const restoreHere = within(library).queryAllByRole('button', { name: /restore/i }).length > 0;
    const notSyncFile = { code: 'INVALID_INPUT' as const, message: 'not a sync file', params: { reason: 'notSyncFile', path: 'backup.dateline-backup' } };
    for (const lng of ['en', 'fr', 'es', 'ar']) {
      const text = errorText(setUpI18n(lng).t, notSyncFile);
      expect(text, lng).toContain('dateline restore');
      if (!restoreHere) expect(text, lng).not.toMatch(/Settings|Paramètres|Ajustes|Configuración|الإعدادات/);
    }
  });
});

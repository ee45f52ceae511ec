import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLanguageCode } from '../../electron/shared/ui/languages';
import { useClient } from '../client/context';

/**
 * Tells the desktop shell the interface language at start and on every change, so the native
 * menu speaks it too. Over HTTP the call is refused (web mode has no native menu): nothing to do.
 */
export function useAnnounceLanguage(): void {
  const client = useClient();
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const base = language.split('-')[0] ?? '';
    if (isUiLanguageCode(base)) void client.call('ui.language', { language: base });
  }, [client, language]);
}

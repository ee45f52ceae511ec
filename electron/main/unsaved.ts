import { dialog, type BrowserWindow } from 'electron';
import type { UiLanguageCode } from '../shared/ui/languages';

/** The question's words: the same as the page's own question (renderer/i18n, `leave`). */
export interface UnsavedWords {
  title: string;
  explain: string;
  keep: string;
  discard: string;
}

export const UNSAVED_WORDS: Record<UiLanguageCode, UnsavedWords> = {
  en: { title: 'Discard changes?', explain: 'The changes you made here are not saved.', keep: 'Keep editing', discard: 'Discard changes' },
  fr: {
    title: 'Abandonner les modifications ?',
    explain: 'Les modifications faites ici ne sont pas enregistrées.',
    keep: 'Continuer à modifier',
    discard: 'Abandonner les modifications',
  },
  es: { title: '¿Descartar los cambios?', explain: 'Los cambios hechos aquí no se han guardado.', keep: 'Seguir editando', discard: 'Descartar los cambios' },
  ar: { title: 'تجاهل التغييرات؟', explain: 'التغييرات التي أجريتها هنا غير محفوظة.', keep: 'متابعة التحرير', discard: 'تجاهل التغييرات' },
};

/**
 * Closing or reloading a window whose page holds unsaved changes: the page's beforeunload holds
 * it (renderer/app/leave-guard.ts), which Electron ends silently unless the shell asks. So the
 * shell asks, in the interface's language at that moment; Keep editing is the default and the
 * answer to Escape, and only Discard changes lets the window go.
 */
export function askBeforeDiscarding(win: BrowserWindow, language: () => UiLanguageCode): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const words = UNSAVED_WORDS[language()];
    const answer = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: 'Dateline',
      message: words.title,
      detail: words.explain,
      buttons: [words.keep, words.discard],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (answer === 1) event.preventDefault();
  });
}

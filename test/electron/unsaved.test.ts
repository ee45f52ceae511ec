import { beforeEach, describe, expect, it, vi } from 'vitest';
import ar from '../../renderer/i18n/ar.json';
import en from '../../renderer/i18n/en.json';
import es from '../../renderer/i18n/es.json';
import fr from '../../renderer/i18n/fr.json';
import { FakeBrowserWindow, FakeEvent, dialog } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { askBeforeDiscarding, UNSAVED_WORDS } = await import('../../electron/main/unsaved');

/**
 * Closing or reloading the window while a form holds unsaved changes: the page's beforeunload
 * holds it (Electron then emits will-prevent-unload), and the shell asks the person, in the
 * interface's language, whether to discard them.
 */

beforeEach(() => {
  dialog.showMessageBoxSync.mockClear();
  dialog.buttonAnswers = [];
});

function held(win: FakeBrowserWindow): FakeEvent {
  const event = new FakeEvent();
  win.webContents.emit('will-prevent-unload', event);
  return event;
}

describe('unsaved changes when the window closes', () => {
  it('keeps the window open when the person keeps editing, the safe answer (also Escape)', () => {
    const win = new FakeBrowserWindow({});
    askBeforeDiscarding(win as never, () => 'en');
    const event = held(win);
    expect(event.prevented).toBe(false);
    const [shownOn, options] = dialog.showMessageBoxSync.mock.calls[0]!;
    expect(shownOn).toBe(win);
    expect(options).toMatchObject({ message: 'Discard changes?', buttons: ['Keep editing', 'Discard changes'], defaultId: 0, cancelId: 0 });
  });

  it('lets the window close when the person discards the changes', () => {
    const win = new FakeBrowserWindow({});
    askBeforeDiscarding(win as never, () => 'en');
    dialog.buttonAnswers.push(1);
    expect(held(win).prevented).toBe(true);
  });

  it('asks in the language the person chose, as it is when the window closes', () => {
    const win = new FakeBrowserWindow({});
    let language: 'en' | 'ar' = 'en';
    askBeforeDiscarding(win as never, () => language);
    language = 'ar';
    held(win);
    expect(dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ message: UNSAVED_WORDS.ar.title, buttons: [UNSAVED_WORDS.ar.keep, UNSAVED_WORDS.ar.discard] });
    // The same words as the page's own question.
    expect(UNSAVED_WORDS).toEqual({ en: en.leave, fr: fr.leave, es: es.leave, ar: ar.leave });
  });
});

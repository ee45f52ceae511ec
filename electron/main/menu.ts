import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguageCode } from '../shared/ui/languages';
import { MENU_WORDS, type MenuWords } from './menu-words';

type Role = NonNullable<MenuItemConstructorOptions['role']> & keyof MenuWords;

/**
 * The native menu: standard roles, so shortcuts and behaviour follow each platform, with our
 * own labels in the interface language (Electron's role labels are English on Linux and
 * Windows). It opens nothing remote — Help holds About, not a web page.
 */
export function menuTemplate(platform: NodeJS.Platform, developer: boolean, language: UiLanguageCode = 'en'): MenuItemConstructorOptions[] {
  const w = MENU_WORDS[language];
  const item = (role: Role): MenuItemConstructorOptions => ({ role, label: w[role] });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Dateline',
      submenu: [item('about'), sep, item('services'), sep, item('hide'), item('hideOthers'), item('unhide'), sep, item('quit')],
    });
  }
  template.push(
    { label: w.file, submenu: [mac ? item('close') : item('quit')] },
    {
      label: w.edit,
      submenu: [
        item('undo'),
        item('redo'),
        sep,
        item('cut'),
        item('copy'),
        item('paste'),
        item('pasteAndMatchStyle'),
        item('delete'),
        sep,
        item('selectAll'),
      ],
    },
    {
      label: w.view,
      submenu: [
        item('reload'),
        ...(developer ? [item('forceReload'), item('toggleDevTools')] : []),
        sep,
        item('resetZoom'),
        item('zoomIn'),
        item('zoomOut'),
        sep,
        item('togglefullscreen'),
      ],
    },
    {
      label: w.window,
      submenu: mac ? [item('minimize'), item('zoom'), sep, item('front')] : [item('minimize'), item('close')],
    },
    { role: 'help', label: w.help, submenu: [item('about')] },
  );
  return template;
}

export function installMenu(platform: NodeJS.Platform, developer: boolean, language: UiLanguageCode = 'en'): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, developer, language)));
}

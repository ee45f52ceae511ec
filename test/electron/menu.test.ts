import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { menuTemplate } = await import('../../electron/main/menu');
const { MENU_WORDS } = await import('../../electron/main/menu-words');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function roles(template: MenuItemConstructorOptions[], label: string): string[] {
  const menu = template.find((m) => m.label?.replace('&', '') === label);
  return (Array.isArray(menu?.submenu) ? menu.submenu : []).flatMap((i) => (i.role ? [i.role] : []));
}

describe('the native menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has the usual editing, view and help items on ${platform}, and nothing that opens a web page`, () => {
      const template = menuTemplate(platform, false);
      expect(roles(template, 'Edit')).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
      expect(roles(template, 'View')).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
      expect(roles(template, 'Help')).toEqual(['about']);
      expect(roles(template, 'File').length).toBe(1);
      const all = flatten(template);
      expect(all.filter((i) => i.click !== undefined)).toEqual([]);
      expect(JSON.stringify(template)).not.toMatch(/https?:/);
    });
  }

  it('offers developer tools only to developers', () => {
    expect(roles(menuTemplate('linux', true), 'View')).toContain('toggleDevTools');
    expect(flatten(menuTemplate('linux', false)).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('puts the app menu with Quit first on macOS only', () => {
    expect(menuTemplate('darwin', false)[0]?.label).toBe('Dateline');
    expect(roles(menuTemplate('darwin', false), 'Dateline')).toContain('quit');
    expect(menuTemplate('linux', false)[0]?.label).toBe('&File');
    expect(roles(menuTemplate('linux', false), 'File')).toEqual(['quit']);
  });

  it('labels every item in the interface language, keeping the roles and their shortcuts', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const en = flatten(menuTemplate(platform, true, 'en'));
      for (const lng of ['fr', 'es', 'ar'] as const) {
        const other = flatten(menuTemplate(platform, true, lng));
        expect(other.map((i) => i.role)).toEqual(en.map((i) => i.role));
        const words = new Set(Object.values(MENU_WORDS[lng]));
        const unlabelled = other.filter((i) => i.type !== 'separator' && i.label !== 'Dateline' && !words.has(i.label ?? ''));
        expect(unlabelled).toEqual([]);
      }
    }
    expect(menuTemplate('win32', false, 'ar').map((m) => m.label)).toEqual(['&ملف', '&تحرير', '&عرض', '&نافذة', '&مساعدة']);
    expect(flatten(menuTemplate('linux', false, 'es')).find((i) => i.role === 'paste')?.label).toBe('Pegar');
  });
});

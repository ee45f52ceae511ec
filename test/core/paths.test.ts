import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryDir, userDataDir } from '../../electron/core/paths';

/** One rule for where the library is, whether the desktop app, the CLI or web mode asks. */
describe('the library folder', () => {
  it('takes DATELINE_LIBRARY trimmed and made absolute, and ignores a blank one', () => {
    expect(libraryDir({ DATELINE_LIBRARY: '  field-office/lib  ' }, '/data')).toBe(resolve('field-office/lib'));
    expect(libraryDir({ DATELINE_LIBRARY: '   ' }, '/data/Dateline')).toBe(join('/data/Dateline', 'library'));
    expect(libraryDir({}, '/data/Dateline')).toBe(join('/data/Dateline', 'library'));
  });

  it('finds the same per-user folder as the desktop app on each system', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\amina\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\amina\\AppData\\Roaming', 'Dateline'));
    expect(userDataDir({ XDG_CONFIG_HOME: '/home/amina/.config' }, 'linux')).toBe('/home/amina/.config/Dateline');
    expect(libraryDir({ XDG_CONFIG_HOME: '/home/amina/.config' }, userDataDir({ XDG_CONFIG_HOME: '/home/amina/.config' }, 'linux'))).toBe('/home/amina/.config/Dateline/library');
  });
});

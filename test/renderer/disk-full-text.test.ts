import { describe, expect, it } from 'vitest';
import { diskFullIn, toApiError } from '../../electron/core/jobs';
import { setUpI18n } from '../../renderer/i18n';
import { errorText } from '../../renderer/i18n/errors';
import { tempDir } from '../helpers';

/**
 * A full disk said once, in the person's language, with the space to free: the editor showed the
 * app's sentence and then the core's English one saying the same ("The disk is full; nothing was
 * saved. The disk is full (0 MB free); nothing was saved. Free at least 64 MB and try again.").
 */

const nothingSaved = { en: 'nothing was saved', fr: 'rien n’a été enregistré', es: 'no se guardó nada', ar: 'لم يُحفظ أي شيء' } as const;

describe('a full disk in the app', () => {
  it('is said once, with the free space and the space to free, in each language', () => {
    const dir = tempDir();
    const e = toApiError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), dir);
    expect(e.code).toBe('DISK_FULL');
    const free = Math.ceil(Number(e.params?.freeBytes) / (1024 * 1024));
    const need = Math.ceil(Number(e.params?.neededBytes) / (1024 * 1024));
    // The figures are written as numbers are in the language (77,161 in English).
    expect(errorText(setUpI18n('en').t, e)).toBe(`The disk is full (${free.toLocaleString('en')} MB free); nothing was saved. Free at least ${need} MB and try again.`);
    for (const lng of ['fr', 'es', 'ar'] as const) {
      const text = errorText(setUpI18n(lng).t, e);
      expect(text.split(nothingSaved[lng]).length - 1, `${lng}: ${text}`).toBe(1);
      expect(text, lng).toContain(String(need));
      expect(text, lng).not.toContain('The disk');
    }
  });

  it('names the folder whose disk is full when it is not the library\'s (an export to a USB stick)', () => {
    const stick = tempDir();
    const e = diskFullIn(stick).toApiError();
    const text = errorText(setUpI18n('en').t, e);
    expect(text).toMatch(new RegExp(`^The disk of ${stick.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is full \\([\\d,]+ MB free\\); nothing was saved\\. Free at least \\d+ MB and try again\\.$`));
    for (const lng of ['fr', 'es', 'ar'] as const) expect(errorText(setUpI18n(lng).t, e), lng).toContain(stick);
  });

  it('says to free some space when the free space is not known', () => {
    const e = toApiError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect(errorText(setUpI18n('en').t, e)).toBe('The disk is full; nothing was saved. Free some space and try again.');
  });
});

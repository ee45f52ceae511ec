import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { isAppUrl, isSafeExternalUrl, openExternal } = await import('../../electron/main/urls');

beforeEach(() => shell.openExternal.mockClear());

describe('isSafeExternalUrl', () => {
  it('allows https pages and mailto addresses', () => {
    for (const url of [
      'https://www.unocha.org/',
      'https://reliefweb.int/report/sudan?lang=fr#top',
      'https://xn--mgbh0fb.xn--kgbechtv/',
      'https://example.org:8443/path',
      'mailto:press@example.org',
      'mailto:press@example.org?subject=Embargo%2012%3A00',
      'mailto:a@example.org,b@example.org',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.org/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'file://server/share/report.docx',
      'data:text/html,<script>alert(1)</script>',
      'app://dateline/index.html',
      'ftp://example.org/',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'vbscript:msgbox(1)',
      'blob:https://example.org/1234',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses links with a user name or password in them', () => {
    expect(isSafeExternalUrl('https://user:pass@example.org/')).toBe(false);
    expect(isSafeExternalUrl('https://www.bank.example@evil.example/')).toBe(false);
    expect(isSafeExternalUrl('https://:secret@example.org/')).toBe(false);
  });

  it('refuses malformed, padded, hidden-character and oversized links', () => {
    for (const url of [
      '',
      'https://',
      'https:///path',
      'https:example.org',
      'https:/example.org',
      'https://evil.example\\@good.example/',
      'not a url',
      '//example.org/',
      ' https://example.org/',
      'https://example.org/\n',
      'https://exam\tple.org/',
      'java\nscript:alert(1)',
      'https://example.org/\u202egpj.exe',
      'mailto:',
      'mailto:?subject=hello',
      `https://example.org/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), JSON.stringify(url)).toBe(false);
    }
    for (const value of [null, undefined, 42, { href: 'https://example.org/' }]) {
      expect(isSafeExternalUrl(value)).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only app://dateline pages', () => {
    expect(isAppUrl('app://dateline/index.html')).toBe(true);
    expect(isAppUrl('app://dateline/#/kits')).toBe(true);
    expect(isAppUrl('app://datelinex/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('app://user@dateline/')).toBe(false);
    expect(isAppUrl('https://dateline/')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});

describe('openExternal', () => {
  it('hands a safe link to the system and reports it', async () => {
    await expect(openExternal('https://reliefweb.int/')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://reliefweb.int/');
  });

  it('never passes an unsafe link to the system', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.org/', 'https://a:b@example.org/']) {
      await expect(openExternal(url)).resolves.toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports false when the system has nothing to open the link with', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    await expect(openExternal('mailto:press@example.org')).resolves.toBe(false);
  });
});

// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, unreadableStored } from '../../electron/shared/errors';
import { RELEASE_STATUSES } from '../../electron/shared/documents';
import { setUpI18n } from '../../renderer/i18n';
import en from '../../renderer/i18n/en.json';
import { errorText } from '../../renderer/i18n/errors';
import { DateStyleContext } from '../../renderer/i18n/useDates';
import { EmbargoWords } from '../../renderer/releases/EmbargoField';

const RENDERER = join(import.meta.dirname, '..', '..', 'renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function has(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    const obj = node as Record<string, unknown>;
    node = part in obj ? obj[part] : (obj[`${part}_one`] ?? obj[`${part}_other`]);
  }
  return typeof node === 'string';
}

describe('English strings', () => {
  it('has every key the UI asks for by name', () => {
    const missing: string[] = [];
    for (const file of sources(RENDERER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!has(m[1]!)) missing.push(`${m[1]} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('has words for every error code, status and embargo problem', () => {
    for (const code of ERROR_CODES) expect(has(`errors.${code}`), code).toBe(true);
    for (const s of RELEASE_STATUSES) expect(has(`status.${s}`), s).toBe(true);
    for (const k of ['embargo.invalidZone', 'embargo.invalidTime', 'embargo.inPast', 'embargo.until', 'embargo.untilUtc']) expect(has(k), k).toBe(true);
  });

  it('turns a core error into words by its code and params, and falls back to its message', () => {
    const i18n = setUpI18n('en');
    const t = i18n.t.bind(i18n);
    expect(errorText(t, { code: 'INVALID_INPUT', message: 'release.update: fields.releaseDate: a date is written YYYY-MM-DD', params: { field: 'fields.releaseDate' } })).toBe(
      'Check the field “fields.releaseDate”: release.update: fields.releaseDate: a date is written YYYY-MM-DD',
    );
    expect(errorText(t, { code: 'EMPTY_FILE', message: 'x' })).toBe('The file is empty (0 bytes); nothing was stored.');
    const folderMissing = { code: 'FILE_UNWRITABLE', message: 'The folder /media/usb/backups does not exist; create it or choose another place for the backup.', params: { path: '/media/usb/backups/x.backup', folder: '/media/usb/backups', reason: 'folderMissing' } } as const;
    expect(errorText(t, folderMissing)).toBe('The folder /media/usb/backups does not exist. Create it, or choose another place; nothing was saved.');
    for (const lng of ['fr', 'es', 'ar'] as const) {
      const other = setUpI18n(lng);
      const said = errorText(other.t.bind(other), folderMissing);
      expect(said).toContain('/media/usb/backups');
      expect(said).not.toContain('does not exist');
    }
    expect(errorText(t, { code: 'INTERNAL', message: 'gone', params: { reason: 'unreachable' } })).toMatch(/^Dateline is not answering/);
    expect(errorText(t, { code: 'RELEASE_INCOMPLETE', message: 'x', params: { status: 'approved', missing: 'datelinePlace,body' } })).toBe(
      'To be “Approved”, this release needs: Dateline place, Body.',
    );
    // Arabic lists its words with the Arabic comma.
    const ar = setUpI18n('ar');
    const incomplete = errorText(ar.t.bind(ar), { code: 'RELEASE_INCOMPLETE', message: 'x', params: { status: 'approved', missing: 'datelinePlace,body' } });
    expect(incomplete).toContain('مكان الإصدار، النص');
    expect(incomplete).not.toContain(',');
    expect(errorText(t, { code: 'RELEASE_UNAVAILABLE', message: 'x', params: { headline: 'Floods', reason: 'trashed', id: 'rel-1' } })).toBe(
      '“Floods” is in the trash; restore it first.',
    );
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'archive', heading: 'Tag: floods' } })).toMatch(
      /^This page holds no single release: its heading “Tag: floods” marks .* or copy the article’s own text alone and paste it; nothing was imported\.$/u,
    );
    // A page of teasers is named by what was seen, never by a count of items the core did not give.
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'excerpts', excerpts: 1, mark: '…' } })).toMatch(
      /^This page holds no single release: its running text is only the opening of a story, cut short with “…”, .*nothing was imported\.$/u,
    );
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'teasers', links: 3 } })).toMatch(/^This page holds no single release: its stories are cut short, each over a “Read more” link/u);
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'open', open: 3, paragraphs: 4 } })).toMatch(
      /^This page holds no single release: 3 of its 4 paragraphs of running text stop in the middle of a sentence, .*nothing was imported\.$/u,
    );
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'noText', seen: 'Tag: floods' } })).toMatch(
      /^This page holds no release: it has no paragraph of running text \(only “Tag: floods”\), .*nothing was imported\.$/u,
    );
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'undated', paragraphs: 12 } })).toMatch(
      /^This page holds no release: in its 12 paragraphs nothing dates or places a story, .*nothing was imported\.$/u,
    );
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'pager', pager: '1 2 3' } })).toMatch(
      /^This page holds no single release: the row of page numbers “1 2 3” above its text .*paste it; nothing was imported\.$/u,
    );
    // A template with its blanks open: a few blanks quoted as the page wrote them, and how many in all; in Arabic too.
    const template = { code: 'NOT_A_RELEASE' as const, message: 'x', params: { reason: 'template', examples: '<date>, <HEADLINE>, <contact name>', blanks: 12 } };
    expect(errorText(t, template)).toBe(
      'This page holds no release: it is a template whose blanks are still open (<date>, <HEADLINE>, <contact name>, 12 in all). Fill them in, then import the finished release; nothing was imported.',
    );
    const arTemplate = errorText(ar.t.bind(ar), template);
    expect(arTemplate).toContain('\u2068<date>, <HEADLINE>, <contact name>\u2069');
    expect(arTemplate).toContain('نموذج');
    // A page a site keeps about itself: each mark seen, in the UI's words, the heading as the page set it.
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'standing', marks: 'heading,self', heading: 'Who we are' } })).toMatch(
      /^This page holds no release: .*\(the heading “Who we are”, an organisation describing its own work\)\. Open the release itself .*nothing was imported\.$/u,
    );
    // A page listing other stories: each mark of a list seen, in the UI's words.
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'list', marks: 'heading,oneTeaser', heading: 'Latest news', dated: 0 } })).toMatch(
      /^This page holds no single release: it reads like a page listing other stories \(the heading “Latest news”, one short paragraph of running text at most\), .*nothing was imported\.$/u,
    );
    // A list whose one item carries a dateline or a label: the message does not claim the page places nothing.
    expect(errorText(t, { code: 'NOT_A_RELEASE', message: 'x', params: { reason: 'list', marks: 'dated', heading: '', dated: 5, itemOwn: true } })).toMatch(
      /^This page holds no single release: it reads like a page listing other stories \(several items, each under its own date\); the dateline or label on it belongs to one of those stories, and nothing on it names a media contact\. .*nothing was imported\.$/u,
    );
    const damaged = unreadableStored({ type: 'contact', id: 'con-1' }, 'its text is not JSON').toApiError();
    expect(errorText(t, damaged)).toBe(
      'Data stored in this library cannot be read: it was changed outside Dateline, and nothing was written over it. Restore the library from a backup, or give the details below to whoever looks after Dateline.\nDetails: contact "con-1": its text is not JSON',
    );
    // A sync server without the office's database is not something deleted from the library.
    expect(errorText(t, { code: 'NOT_FOUND', message: 'There is no database at http://sync.example/dateline-off-1. Check the server address in Settings.', params: { failure: 'not-found', status: 404 } })).toBe(
      'There is no database at http://sync.example/dateline-off-1. Check the server address in Settings. If the address is right, ask the server’s administrator to create that database.',
    );
    expect(errorText(t, { code: 'SOMETHING_NEW' as never, message: 'A newer core said this.' })).toBe('A newer core said this.');
  });

  it('sets <html dir> from the UI language, so an Arabic UI is laid out right to left', async () => {
    const i18n = setUpI18n('en');
    expect(document.documentElement.dir).toBe('ltr');
    i18n.addResourceBundle('ar', 'translation', { nav: { releases: 'البيانات الصحفية' } });
    await i18n.changeLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    await i18n.changeLanguage('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('renders the embargo sentence', () => {
    const i18n = setUpI18n('en');
    // The day is written as the person's date format writes dates (here the month in words).
    render(
      <I18nextProvider i18n={i18n}>
        <DateStyleContext.Provider value={{ style: 'dayMonth', choose: () => undefined }}>
          <p>
            <EmbargoWords embargo={{ at: '2099-12-03T13:00:00.000Z', timeZone: 'Europe/Zurich' }} />
          </p>
        </DateStyleContext.Provider>
      </I18nextProvider>,
    );
    expect(screen.getByText('Embargoed until 14:00 Geneva time, 3 Dec 2099')).toBeTruthy();
  });
});

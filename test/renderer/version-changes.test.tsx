// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import { HistoryPanel } from '../../renderer/releases/HistoryPanel';
import { DocHistory } from '../../renderer/ui/DocHistory';
import { call, closedAfterTest, release } from '../core-harness';
import { tempDir } from '../helpers';
import { renderWithCore } from './with-core';

/**
 * Each version in a history says what it changed, by the labels the editor gives its fields, in
 * the person's language; the version opened marks those fields, to the eye and in words.
 */

afterEach(cleanup);

const wait = { timeout: 15_000 };

/** An outlet of three versions: made, its phones and notes changed, then five fields at once. */
async function outletOfThreeVersions(): Promise<{ c: Core; id: string }> {
  let now = Date.parse('2026-12-06T09:00:00.000Z');
  const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', clock: () => new Date(now) }));
  const made = await call<{ id: string }>(c, 'outlet.create', { name: 'Daily Nation', website: 'https://nation.africa', notes: 'Health desk' });
  now += 60_000;
  await call(c, 'outlet.update', { id: made.id, rev: null, fields: { phones: [{ type: 'work', number: '+254 20 3288000' }], notes: 'Health and science desk' } });
  now += 60_000;
  await call(c, 'outlet.update', { id: made.id, rev: null, fields: { name: 'Nation', languages: ['en', 'sw'], countries: ['KE'], website: 'https://nation.co.ke', notes: null } });
  return { c, id: made.id };
}

async function rows(name: string): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name }, wait);
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3), wait);
  return within(list).getAllByRole('listitem');
}

const said = (row: HTMLElement) => row.querySelector('.history-change')?.textContent;

describe('what each version changed', () => {
  it('names the fields in English, shortens a long list, and marks the fields of the version opened', async () => {
    const { c, id } = await outletOfThreeVersions();
    renderWithCore(c, <DocHistory type="outlet" id={id} currentRev={null} onRestored={() => undefined} ask={{ unsaved: false }} />);
    const [latest, phones, created] = await rows('Version history');
    expect(said(latest!)).toBe('Changed: Name, Languages, and 3 more');
    expect(said(phones!)).toBe('Changed: Phone numbers and Notes');
    expect(said(created!)).toBe('Created');

    fireEvent.click(within(phones!).getByRole('button', { name: /^View the version of/ }));
    const version = await screen.findByRole('region', { name: 'Earlier version' }, wait);
    expect(within(version).getByText('Changed: Phone numbers and Notes')).toBeTruthy();
    const marked = await waitFor(() => {
      const terms = within(version).getAllByRole('term');
      expect(terms.length).toBeGreaterThan(0);
      return terms.filter((dt) => dt.closest('.fact-pair')?.classList.contains('changed'));
    }, wait);
    expect(marked.map((dt) => dt.firstChild?.textContent)).toEqual(['Phone numbers', 'Notes']);
    // To a screen reader: "Phone numbers changed in this version"; the badge's short word is only seen.
    for (const dt of marked) expect(within(dt).getByText('changed in this version').className).toBe('visually-hidden');
    expect(within(version).getAllByText('Changed', { selector: '[aria-hidden="true"]' })).toHaveLength(2);
  });

  it('says the same in Arabic, listed as Arabic lists, with its plural for the fields left out', async () => {
    const { c, id } = await outletOfThreeVersions();
    renderWithCore(c, <DocHistory type="outlet" id={id} currentRev={null} onRestored={() => undefined} ask={{ unsaved: false }} />, 'http', 'ar');
    const [latest, phones, created] = await rows('سجل النسخ');
    expect(said(latest!)).toBe('التغييرات: الاسم واللغات و3 حقول أخرى');
    expect(said(phones!)).toBe('التغييرات: أرقام الهاتف وملاحظات');
    expect(said(created!)).toBe('الإنشاء');

    fireEvent.click(within(phones!).getByRole('button', { name: /^عرض نسخة/ }));
    const version = await screen.findByRole('region', { name: 'نسخة سابقة' }, wait);
    await waitFor(() => expect(within(version).getAllByText('تغيّر في هذه النسخة')).toHaveLength(2), wait);
  });

  it('marks the headline a release version changed, and names its fields the view does not show', async () => {
    let now = Date.parse('2026-12-06T09:00:00.000Z');
    const c = closedAfterTest(await openCore(tempDir(), { author: 'amina', clock: () => new Date(now) }));
    const made = await call<{ id: string }>(c, 'release.create', release({ headline: 'Floods' }));
    now += 60_000;
    await call(c, 'release.update', { id: made.id, rev: null, fields: { headline: 'Floods in Beledweyne', tags: ['floods'] } });
    now += 60_000;
    await call(c, 'release.update', { id: made.id, rev: null, fields: { notesToEditors: 'Photos on request.' } });
    renderWithCore(c, <HistoryPanel id={made.id} currentRev={null} beforeRestore={async () => undefined} onRestored={() => undefined} />);
    const [, headline] = await rows('Version history');
    expect(said(headline!)).toBe('Changed: Headline and Tags');
    fireEvent.click(within(headline!).getByRole('button', { name: /^View the version of/ }));
    const version = await screen.findByRole('region', { name: 'Earlier version' }, wait);
    const heading = within(version).getByRole('heading', { level: 3 });
    expect(heading.textContent).toBe('Floods in Beledweyne');
    expect(heading.closest('.changed-part')?.textContent).toContain('changed in this version');
    expect(within(version).getAllByText('changed in this version')).toHaveLength(1);
  });
});

// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsScreen } from '../../renderer/contacts/ContactsScreen';
import { OutletsScreen } from '../../renderer/outlets/OutletsScreen';
import { ReleasesScreen } from '../../renderer/releases/ReleasesScreen';
import { core } from '../core-harness';
import { renderWithCore } from './with-core';

/**
 * A list's search box takes the direction of what is typed in it (dir="auto"), whatever the
 * interface's: an Arabic outlet's name searched from the English interface reads from the right,
 * a Latin one searched from the Arabic interface from the left.
 */

afterEach(cleanup);

describe('the search box of each list', () => {
  const lists: [string, ReactElement, string][] = [
    ['releases', <ReleasesScreen />, 'Search releases'],
    ['contacts', <ContactsScreen />, 'Search contacts'],
    ['outlets', <OutletsScreen />, 'Search outlets'],
  ];
  for (const [name, ui, label] of lists) {
    it(`takes the direction of what is typed: ${name}`, async () => {
      const c = await core();
      renderWithCore(c, ui, 'test');
      const box = await screen.findByRole('searchbox', { name: label }, { timeout: 15_000 });
      expect(box.getAttribute('dir')).toBe('auto');
    });
  }
});

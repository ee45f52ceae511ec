// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { Value } from '../../renderer/conflicts/DocFields';
import { setUpI18n } from '../../renderer/i18n';

// An office's colour on the Conflicts screen (or in its history) is seen, not only read as a code.

afterEach(cleanup);

describe('a colour in a version’s value', () => {
  it('is shown beside a swatch of it, hidden from screen readers, and other text has none', () => {
    const { container } = render(
      <I18nextProvider i18n={setUpI18n('fr')}>
        <Value lines={[['Couleur principale : ', { own: '#1f3a5f', colour: true }], ['Note : ', { own: '#1f3a5f' }]]} />
      </I18nextProvider>,
    );
    const swatches = container.querySelectorAll('.colour-swatch');
    expect(swatches).toHaveLength(1);
    expect((swatches[0] as HTMLElement).style.background).toMatch(/#1f3a5f|rgb\(31, 58, 95\)/);
    expect(swatches[0]!.getAttribute('aria-hidden')).toBe('true');
    expect(container.textContent).toBe('Couleur principale : #1f3a5fNote : #1f3a5f');
  });
});

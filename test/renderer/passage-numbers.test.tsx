// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Passage } from '../../electron/shared/search/contract';
import { PassageLine } from '../../renderer/ui/PassageLine';

/**
 * The passage under a release found by search, in the releases list and the top bar: a phone
 * number in Arabic text is set apart as left to right, so that it is not drawn "678 345 912 249+",
 * the word searched for still marked inside it.
 */

afterEach(cleanup);

const passage = (parts: Passage['parts']): Passage => ({ parts, cutBefore: true, cutAfter: false });

describe('a passage with a number in it', () => {
  it('sets an Arabic passage’s phone number apart as left to right, its marked digits inside', () => {
    const { container } = render(
      <PassageLine
        language="ar"
        passage={passage([
          { text: 'للتواصل: أحمد الطيب، هاتف +249 ', mark: false },
          { text: '912', mark: true },
          { text: ' 345 678 أو ahmed@example.org', mark: false },
        ])}
      />,
    );
    const line = container.querySelector('.row-passage')!;
    expect(line.textContent).toBe('… للتواصل: أحمد الطيب، هاتف +249 912 345 678 أو ahmed@example.org');
    const apart = [...line.querySelectorAll('bdi')];
    expect(apart.map((b) => [b.getAttribute('dir'), b.textContent])).toEqual([['ltr', '+249 912 345 678']]);
    expect([...apart[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['912']);
  });

  it('leaves an English passage as it is', () => {
    const { container } = render(<PassageLine language="en" passage={passage([{ text: 'Call the hotline on ', mark: false }, { text: '+41 22 717 9111', mark: true }])} />);
    expect(container.querySelector('bdi')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('+41 22 717 9111');
  });
});

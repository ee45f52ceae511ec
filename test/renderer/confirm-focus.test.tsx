// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfirmFocus } from '../../renderer/ui/useConfirmFocus';
import { focusAtChange, SlowRender } from './focus-at-commit';

/**
 * One question asked by several buttons that stay on screen (the kit export's formats): focus
 * goes to the safe answer, and back to whichever button asked.
 */

afterEach(cleanup);

function Askers() {
  const [asking, setAsking] = useState<'pdf' | 'docx' | null>(null);
  const focus = useConfirmFocus(asking, () => setAsking(null));
  return (
    <>
      {(['pdf', 'docx'] as const).map((k) => (
        <button key={k} ref={focus.asker(k)} type="button" disabled={asking !== null} onClick={() => setAsking(k)}>
          {k}
        </button>
      ))}
      {asking && (
        <div role="alertdialog" onKeyDown={focus.onKeyDown}>
          <button ref={focus.safe} type="button" onClick={() => setAsking(null)}>
            Not now
          </button>
          {/* An answer that arrives later, as the core's does, rather than in the click. */}
          <button type="button" onClick={() => setTimeout(() => setAsking(null), 10)}>
            Answer later
          </button>
        </div>
      )}
      <SlowRender />
    </>
  );
}

describe('focus for a question asked in place', () => {
  it('gives focus back to the button that asked, of several that stay on screen', () => {
    render(<Askers />);
    const docx = screen.getByRole('button', { name: 'docx' });
    fireEvent.click(docx);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Not now' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(docx);

    const pdf = screen.getByRole('button', { name: 'pdf' });
    fireEvent.click(pdf);
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(document.activeElement).toBe(pdf);
  });

  it('gives focus back in the same change that closes the question, when the question closes on an answer that came later', async () => {
    render(<Askers />);
    const docx = screen.getByRole('button', { name: 'docx' });
    fireEvent.click(docx);
    const focused = focusAtChange(document.body, () => screen.queryByRole('alertdialog') === null);
    fireEvent.click(screen.getByRole('button', { name: 'Answer later' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await focused).toBe(docx);
  });
});

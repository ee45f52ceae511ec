// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfirmFocus } from '../../renderer/ui/useConfirmFocus';

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
        </div>
      )}
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
});

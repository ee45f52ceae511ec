// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { asOneLine, LineField } from '../../renderer/ui/LineField';

/** A headline's box: one line of text that wraps to show all of it, never holding a line break. */

afterEach(cleanup);

describe('asOneLine', () => {
  it('turns line breaks and tabs into single spaces, and leaves other text alone', () => {
    expect(asOneLine('Clean water\nfor Kasese')).toBe('Clean water for Kasese');
    expect(asOneLine('Clean water \r\n\r\n for Kasese')).toBe('Clean water  for Kasese');
    expect(asOneLine('\nClean water\t\tfor Kasese\n')).toBe('Clean water for Kasese');
    expect(asOneLine('مياه نظيفة\u2028لكاسيسي')).toBe('مياه نظيفة لكاسيسي');
    expect(asOneLine('Two  spaces stay')).toBe('Two  spaces stay');
    expect(asOneLine('')).toBe('');
  });
});

function Form({ onValue }: { onValue: (v: string) => void }) {
  const [value, setValue] = useState('Clean water');
  return (
    <form onSubmit={() => onValue('submitted')}>
      <label htmlFor="h">Headline</label>
      <LineField
        id="h"
        value={value}
        onChange={(v) => {
          setValue(v);
          onValue(v);
        }}
      />
    </form>
  );
}

describe('LineField', () => {
  it('is a labelled box of one row whose value never takes a line break', () => {
    const seen: string[] = [];
    render(<Form onValue={(v) => seen.push(v)} />);
    const box = screen.getByLabelText('Headline') as HTMLTextAreaElement;
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.rows).toBe(1);
    // Enter adds nothing: its default is prevented.
    const enter = fireEvent.keyDown(box, { key: 'Enter' });
    expect(enter).toBe(false);
    expect(fireEvent.keyDown(box, { key: 'a' })).toBe(true);
    // A pasted break arrives as a change with the break in it; what is kept has a space.
    fireEvent.change(box, { target: { value: 'Clean water\nfor Kasese' } });
    expect(seen).toEqual(['Clean water for Kasese']);
    expect(box.value).toBe('Clean water for Kasese');
  });
});

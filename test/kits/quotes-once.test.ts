import { describe, expect, it } from 'vitest';
import { quotesOutsideBody } from '../../electron/core/kits/model';
import { body } from './fixtures';

/** A quote the body already prints (an imported release keeps it as a quote too) is printed once. */

describe('quotes in a kit', () => {
  it('leaves out a quote the body already prints, whatever its quotation marks, and keeps one it does not', () => {
    const text = body(['“Mayors have a crucial role in welcoming migrants,” said Marcelo Pisani.', 'The summit closes today.']);
    const quotes = [
      { speaker: 'Marcelo Pisani', role: 'Regional Director', text: 'Mayors have a crucial role in welcoming migrants,' },
      { speaker: 'Jane Roe', role: null, text: 'Cities are where people arrive first.' },
    ];
    expect(quotesOutsideBody(text, quotes)).toEqual([quotes[1]]);
  });
});

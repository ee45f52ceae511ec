// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCombobox, type ComboboxOptions } from '../../renderer/ui/useCombobox';

/**
 * The app's one combobox (the top bar's search, the kit builder's pickers, the country and
 * language pickers): its ARIA wiring and its keys, on a box of four fruits.
 */

afterEach(() => cleanup());

const FRUITS = ['Apple', 'Banana', 'Cherry', 'Date'];
let chosen: string[] = [];
let moves: [number, number][] = [];

function Fruits(props: Pick<ComboboxOptions, 'wrap' | 'escape' | 'openAt'>) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const combo = useCombobox({
    id: 'fruit',
    open,
    setOpen,
    count: FRUITS.length,
    shown: open,
    query,
    clear: () => setQuery(''),
    onChoose: (i) => chosen.push(FRUITS[i]!),
    onMove: (from, by) => moves.push([from, by]),
    ...props,
  });
  return (
    <>
      <div {...combo.rootProps}>
        <input aria-label="Fruit" value={query} onChange={(e) => setQuery(e.target.value)} onFocus={() => setOpen(true)} onKeyDown={combo.onKeyDown} {...combo.inputProps} />
        <div {...combo.listProps} aria-label="Fruits" hidden={!open}>
          {FRUITS.map((f, i) => (
            <div key={f} {...combo.optionProps(i)}>
              {f}
            </div>
          ))}
        </div>
        <button type="button">Inside</button>
      </div>
      <button type="button">Elsewhere</button>
    </>
  );
}

function mount(props: Pick<ComboboxOptions, 'wrap' | 'escape' | 'openAt'> = {}) {
  chosen = [];
  moves = [];
  render(<Fruits {...props} />);
  return screen.getByRole('combobox', { name: 'Fruit' });
}

/** Presses a key in the box: true when the combobox left it to the page (not prevented). */
const press = (box: HTMLElement, key: string, extra: { altKey?: boolean } = {}) => fireEvent.keyDown(box, { key, ...extra });
const active = (box: HTMLElement) => {
  const id = box.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)!.textContent : null;
};
const expanded = (box: HTMLElement) => box.getAttribute('aria-expanded');

describe('the combobox’s ARIA', () => {
  it('names its list, says whether it is open, and points at the active option, the only one selected', () => {
    const box = mount();
    const list = screen.getByRole('listbox', { hidden: true });
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    expect(box.getAttribute('autocomplete')).toBe('off');
    expect(expanded(box)).toBe('false');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    press(box, 'ArrowDown');
    expect(expanded(box)).toBe('true');
    expect(active(box)).toBe('Apple');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.id)).toEqual(['fruit-opt-0', 'fruit-opt-1', 'fruit-opt-2', 'fruit-opt-3']);
    press(box, 'ArrowDown');
    expect(screen.getAllByRole('option', { selected: true }).map((o) => o.textContent)).toEqual(['Banana']);
    expect(box.getAttribute('aria-activedescendant')).toBe('fruit-opt-1');
  });
});

describe('the combobox’s keys', () => {
  it('opens with Down, then moves, stopping at either end; PageDown and PageUp go to the ends of a short list', () => {
    const box = mount();
    expect(press(box, 'ArrowDown')).toBe(false);
    expect(active(box)).toBe('Apple');
    press(box, 'ArrowUp');
    expect(active(box)).toBe('Apple');
    for (let i = 0; i < 5; i++) press(box, 'ArrowDown');
    expect(active(box)).toBe('Date');
    press(box, 'PageUp');
    expect(active(box)).toBe('Apple');
    press(box, 'PageDown');
    expect(active(box)).toBe('Date');
    // Each move is told, from where and by how much: a list read a page at a time reads more there.
    expect(moves.slice(-2)).toEqual([
      [3, -10],
      [0, 10],
    ]);
  });

  it('wraps round where it says so, and opens on the first or the last option from the arrows', () => {
    const box = mount({ wrap: true, openAt: 'ends' });
    press(box, 'ArrowUp');
    expect(active(box)).toBe('Date');
    press(box, 'ArrowDown');
    expect(active(box)).toBe('Apple');
    press(box, 'ArrowUp');
    expect(active(box)).toBe('Date');
  });

  it('opens and closes with Alt+Down and Alt+Up, moving nothing', () => {
    const box = mount();
    press(box, 'ArrowDown', { altKey: true });
    expect(expanded(box)).toBe('true');
    expect(active(box)).toBe('Apple');
    press(box, 'ArrowUp', { altKey: true });
    expect(expanded(box)).toBe('false');
  });

  it('goes to the first and last option with Home and End in an empty box, and leaves them to the text once something is typed', () => {
    const box = mount();
    press(box, 'ArrowDown');
    expect(press(box, 'End')).toBe(false);
    expect(active(box)).toBe('Date');
    press(box, 'Home');
    expect(active(box)).toBe('Apple');
    fireEvent.change(box, { target: { value: 'an' } });
    expect(press(box, 'End')).toBe(true);
    expect(active(box)).toBe('Apple');
  });

  it('chooses the active option with Enter, which never reaches a form', () => {
    const box = mount();
    press(box, 'ArrowDown');
    press(box, 'ArrowDown');
    expect(press(box, 'Enter')).toBe(false);
    expect(chosen).toEqual(['Banana']);
  });

  it('closes with Escape, and a second Escape empties the box where it says so; a third is the page’s', () => {
    const box = mount({ escape: 'clears' });
    fireEvent.change(box, { target: { value: 'ch' } });
    press(box, 'ArrowDown');
    expect(expanded(box)).toBe('true');
    expect(press(box, 'Escape')).toBe(false);
    expect(expanded(box)).toBe('false');
    expect((box as HTMLInputElement).value).toBe('ch');
    expect(press(box, 'Escape')).toBe(false);
    expect((box as HTMLInputElement).value).toBe('');
    expect(press(box, 'Escape')).toBe(true);
  });

  it('only closes with Escape where that is all it does', () => {
    const box = mount();
    fireEvent.change(box, { target: { value: 'ch' } });
    press(box, 'ArrowDown');
    press(box, 'Escape');
    expect(expanded(box)).toBe('false');
    press(box, 'Escape');
    expect((box as HTMLInputElement).value).toBe('ch');
  });
});

describe('the combobox and the pointer', () => {
  it('makes the option under the moving pointer the active one, and chooses it on a click that leaves the focus in the box', () => {
    const box = mount();
    fireEvent.focus(box);
    expect(expanded(box)).toBe('true');
    const cherry = screen.getByRole('option', { name: 'Cherry' });
    fireEvent.mouseMove(cherry, { clientX: 10, clientY: 60 });
    expect(active(box)).toBe('Cherry');
    // The keys go on from there.
    press(box, 'ArrowUp');
    expect(active(box)).toBe('Banana');
    // A list scrolling under a pointer that stays put moves nothing.
    fireEvent.mouseMove(screen.getByRole('option', { name: 'Date' }), { clientX: 10, clientY: 60 });
    expect(active(box)).toBe('Banana');
    expect(fireEvent.mouseDown(cherry)).toBe(false);
    fireEvent.click(cherry);
    expect(chosen).toEqual(['Cherry']);
  });

  it('closes when the focus leaves the box and its list, not when it moves within them', () => {
    const box = mount();
    fireEvent.focus(box);
    expect(expanded(box)).toBe('true');
    fireEvent.blur(box, { relatedTarget: screen.getByRole('button', { name: 'Inside' }) });
    expect(expanded(box)).toBe('true');
    fireEvent.blur(box, { relatedTarget: screen.getByRole('button', { name: 'Elsewhere' }) });
    expect(expanded(box)).toBe('false');
    fireEvent.focus(box);
    fireEvent.blur(box, { relatedTarget: null });
    expect(expanded(box)).toBe('false');
  });
});

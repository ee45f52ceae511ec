import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out, so a VirtualList's scroll box has no height and renders no row. Called
 * at the top of a test file, this gives every element a height of 600 pixels for each test of the
 * file, so the rows in view are rendered, and puts jsdom's own back after each.
 */
export function giveListsAHeight(): void {
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
  beforeEach(() => {
    Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  });
  afterEach(() => {
    Object.defineProperty(Element.prototype, 'clientHeight', height);
  });
}

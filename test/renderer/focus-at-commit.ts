/**
 * Where focus is at the moment the page changes, before any later task runs: the state a person
 * (or a screen reader) meets first. A focus moved in a passive effect after an update that came
 * from an answer (not a click) lands a task later, when the machine is busy: this sees that gap.
 */
export function focusAtChange(root: Node, done: () => boolean): Promise<Element | null> {
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!done()) return;
      watch.disconnect();
      resolve(document.activeElement);
    });
    watch.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

/**
 * Renders slowly (a busy machine): React gives the event loop back between committing a render
 * and running its passive effects once a render takes more than a few milliseconds.
 */
export function SlowRender({ ms = 20 }: { ms?: number }): null {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy on purpose
  }
  return null;
}

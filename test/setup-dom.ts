/**
 * Every test file runs this first. In the files that render into jsdom, Testing Library's waits
 * (findBy…, waitFor) get the same bound as a browser test's step: they wait for a real core
 * (SQLite, worker threads) and React, which on a loaded two-core CI machine take more than the
 * library's default of one second. A wait still ends as soon as what it waits for is there.
 */
export {};

if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
  // jsdom lays nothing out and has no scrollIntoView; a screen that brings something into view
  // does nothing there, as in a browser where it is already in view.
  Element.prototype.scrollIntoView ??= () => undefined;
}

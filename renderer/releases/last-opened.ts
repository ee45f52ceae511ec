/**
 * The release last opened, from the list or from anywhere else (an import's link to the release
 * it stored, a search hit): its row takes the focus when the releases list is shown again, so
 * the person lands on what they were just working on, not on a row opened earlier.
 */
let lastOpened: string | null = null;

export function noteOpened(id: string): void {
  lastOpened = id;
}

export function lastOpenedRelease(): string | null {
  return lastOpened;
}

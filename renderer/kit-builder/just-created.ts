/**
 * The kit just made on the Kits screen: its builder opens with the keyboard on its heading (the
 * form that made it is gone, so the focus would fall to the page). A kit opened any other way
 * leaves the focus where the browser puts it, "Skip to content" first.
 */
let created: string | null = null;

export function noteKitCreated(id: string): void {
  created = id;
}

/** Whether this kit is the one just made; asked once, by its builder. */
export function takeKitCreated(id: string): boolean {
  if (created !== id) return false;
  created = null;
  return true;
}

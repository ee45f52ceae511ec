import { readFile, stat } from 'node:fs/promises';

/** The bytes of a regular file; null when it is missing, unreadable or not a plain file (a directory, say). */
export async function readRegularFile(file: string): Promise<Buffer | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

import { spawn } from 'node:child_process';

/**
 * Opens a URL in the person's default browser with the system's own opener. The URL ends up
 * on a command line every local user can read, so callers pass a one-time launch link only.
 * No opener, or one that fails, is fine: the link is printed in the terminal as well.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => undefined);
    opener.unref();
  } catch {
    // Same: the printed link is enough.
  }
}

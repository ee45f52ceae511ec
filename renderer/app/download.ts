/** Clicks a hidden link: the browser downloads what it points to. */
function follow(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  // With `download`, a link that gives no file fails in the downloads list and never replaces the page.
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Hands text or bytes to the browser's downloads as a file: a Blob behind an object URL and an <a download>. */
export function downloadFile(name: string, mediaType: string, data: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([data], { type: mediaType }));
  follow(url, name);
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Web mode: has the browser download a file the server holds, by its one-time link
 * (DatelineClient.downloadLink): the browser writes it to disk as it arrives, so a backup or a
 * kit of several hundred MB never sits in the page's memory. The server names the file.
 */
export function downloadFromLink(href: string, name: string): void {
  follow(href, name);
}

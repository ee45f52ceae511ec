/**
 * "https://ana:secret@sync.example.org": an account (and a password) written into a server's
 * address. Null when there is none; else the address without it. The one rule behind the
 * settings' refusal (app-contract.ts) and what Settings → Server says as it is typed.
 */
export function addressWithoutAccount(server: string): string | null {
  const m = /^(\s*https?:\/\/)([^\s/?#]*)@/i.exec(server);
  return m ? `${m[1]!.trim()}${server.slice(m[0].length)}`.trim() : null;
}

import { describe, expect, it } from 'vitest';
import { databaseInAddress, serverPart } from '../../renderer/sync/serverAddress';

describe("a database's address typed as the server's", () => {
  it('names the database an office database address ends with', () => {
    expect(databaseInAddress('http://127.0.0.1:5985/dateline-off-2881c1d7', 'dateline')).toBe('dateline-off-2881c1d7');
    expect(databaseInAddress('https://sync.example.org/dateline-off-1/', 'dateline')).toBe('dateline-off-1');
    expect(databaseInAddress('sync.example.org/hq-off-1', 'hq')).toBe('hq-off-1');
  });

  it('leaves a server address alone, including one under a path of its own', () => {
    for (const server of ['http://127.0.0.1:5985', 'http://127.0.0.1:5985/', 'https://example.org/couchdb', '', 'not a url at all']) {
      expect(databaseInAddress(server, 'dateline')).toBeNull();
    }
  });
});

describe("the server's part of such an address", () => {
  it('is the address without the database at its end', () => {
    expect(serverPart('http://127.0.0.1:5985/dateline-off-1', 'dateline-off-1')).toBe('http://127.0.0.1:5985');
    expect(serverPart('https://example.org/couchdb/dateline-off-1/', 'dateline-off-1')).toBe('https://example.org/couchdb');
  });
});

import { describe, expect, it } from 'vitest';
import { parseResultsAnswer, resultBounds } from '../../electron/core/sync/results-answer';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('a _bulk_get answer read result by result', () => {
  it('finds each result, whatever its strings hold, and parses to what JSON.parse gives', () => {
    const results = [
      { id: 'a', docs: [{ ok: { _id: 'a', _rev: '1-x', text: 'brackets } ] { [ and "quotes" inside', nested: { list: [{ deep: [1, 2, { k: 'v' }] }] } } }] },
      { id: 'b', docs: [{ ok: { _id: 'b', _rev: '1-y', text: 'a backslash at the end \\', more: '\\"', arabic: 'بيان صحفي', emoji: '🌍' } }] },
      { id: 'c', docs: [{ missing: '1-z' }] },
    ];
    for (const text of [JSON.stringify({ results }), JSON.stringify({ results }, null, 2), `\n { "results" : [ ${results.map((r) => JSON.stringify(r)).join(' ,\n')} ] } \n`]) {
      const bounds = resultBounds(bytes(text));
      expect(bounds).toHaveLength(6);
      expect(parseResultsAnswer(bytes(text))).toEqual({ results });
    }
    const compact = bytes(JSON.stringify({ results }));
    const bounds = resultBounds(compact)!;
    expect(results.map((_, k) => compact.subarray(bounds[2 * k], bounds[2 * k + 1]).toString('utf8'))).toEqual(results.map((r) => JSON.stringify(r)));
    expect(resultBounds(bytes('{"results":[]}'))).toEqual([]);
    expect(parseResultsAnswer(bytes('{"results":[]}'))).toEqual({ results: [] });
  });

  it('parses an answer of any other frame in one piece, as before', () => {
    for (const text of ['{}', '{"a":1}', '{"results":[{"id":"a","docs":[]}],"more":1}', '{"error":"not_found","reason":"missing"}', '[{"id":"a"}]', '{"results":[1,2]}', '{"results":{"id":"a"}}']) {
      expect(resultBounds(bytes(text))).toBeNull();
      expect(parseResultsAnswer(bytes(text))).toEqual(JSON.parse(text));
    }
  });

  it('throws on what is not JSON, as JSON.parse does', () => {
    for (const text of ['', '{"results":[{"id":"a"]}', '{"results":[{"id":"a\u0001"}]}', '{"results":[{"id":"a"} {"id":"b"}]}', '{"results":[{"id":"a\\"}]}', '{"results":[{"id":"a"}]', '<html>proxy</html>']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(() => parseResultsAnswer(bytes(text))).toThrow();
    }
  });
});

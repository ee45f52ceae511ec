import { describe, expect, it } from 'vitest';
import { BODY_TEXT, type RemoteRevision } from '../../electron/core/store/replication-api';
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

/** The body the store keeps of a pulled document: its members that do not start with `_`. */
const bodyOf = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
const envelope = (id: string) => ({ _id: id, _rev: '2-0123456789abcdef0123456789abcdef', _revisions: { start: 2, ids: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'] } });
/** A `_bulk_get` answer of one result per document text given, each `{"ok": <text>}`. */
const answerOf = (docs: readonly string[]) => bytes(`{"results":[${docs.map((d, k) => `{"id":"d${k}","docs":[{"ok":${d}}]}`).join(',')}]}`);
/** Each document's body text as the answer gave it (undefined where none), checked against what the store would have written. */
function textsOf(answer: Buffer): (string | undefined)[] {
  const parsed = parseResultsAnswer(answer, true) as { results: { docs: { ok?: RemoteRevision }[] }[] };
  return parsed.results.flatMap((r) =>
    r.docs.flatMap((d) => {
      if (!d.ok) return [];
      const text = d.ok[BODY_TEXT];
      if (text === undefined) return [undefined];
      const got = Buffer.from(text).toString('utf8');
      expect(got).toBe(JSON.stringify(bodyOf(d.ok)));
      return [got];
    }),
  );
}

describe("a _bulk_get answer's body texts, stored as they came", () => {
  const body = { type: 'release', headline: 'Floods in "Kasese" \\ {braces} [brackets]', n: 42, neg: -7, zero: 0, ok: true, no: false, none: null, tags: ['a', 'b'], nested: { list: [{ deep: [1, { k: 'v' }] }], empty: {}, none: [] }, arabic: 'بيان صحفي', emoji: '🌍', lines: 'one\ntwo\tthree' };

  it('gives the text JSON.stringify makes of the body, with the envelope cut off wherever it was', () => {
    const e = envelope('rel-1');
    const layouts = [
      { ...body, ...e },
      { ...e, ...body },
      { _id: e._id, _rev: e._rev, ...body, _revisions: e._revisions },
      // Envelope members between body members: the text is put together from its pieces.
      { type: 'release', _id: e._id, headline: 'x', _revisions: e._revisions, n: 1, _rev: e._rev, _deleted: false },
      { ...e },
      { ...e, _deleted: true },
    ];
    const texts = textsOf(answerOf(layouts.map((d) => JSON.stringify(d))));
    expect(texts).toEqual(layouts.map((d) => JSON.stringify(bodyOf(d))));
    // Several documents in one result, and entries that are not documents.
    const many = bytes(`{"results":[{"id":"a","docs":[{"ok":${JSON.stringify({ ...e, a: 1 })}},{"error":{"id":"a","rev":"1-x","error":"not_found"}},{"ok":${JSON.stringify({ b: [2], ...e })}}]},{"id":"b","docs":[{"missing":"1-y"}]}]}`);
    expect(textsOf(many)).toEqual(['{"a":1}', '{"b":[2]}']);
  });

  it('gives none where JSON.stringify would write the body otherwise, and the document is serialised as before', () => {
    const e = JSON.stringify(envelope('rel-1')).slice(1, -1);
    const odd = [
      `{"a": 1,${e}}`,
      `{"a":1 ,${e}}`,
      `{"a":"caf\\u00e9",${e}}`,
      `{"a":"a\\/b",${e}}`,
      `{"a":1.5,${e}}`,
      `{"a":1.0,${e}}`,
      `{"a":1e3,${e}}`,
      `{"a":-0,${e}}`,
      `{"a":1234567890123456,${e}}`,
      `{"b":1,"2":1,${e}}`,
      `{"a":{"x":1,"x":2},${e}}`,
      `{"a":1,"a":2,${e}}`,
      `{"a":[{"k":1,"k":1}],${e}}`,
    ];
    expect(textsOf(answerOf(odd))).toEqual(odd.map(() => undefined));
    // Text JSON.stringify writes the same way as the server did, beside them, still gets one.
    expect(textsOf(answerOf([`{"a":"say \\"hi\\"\\n","n":123456789012345,"m":-1,${e}}`]))).toEqual(['{"a":"say \\"hi\\"\\n","n":123456789012345,"m":-1}']);
  });

  it('gives none in an answer that is not valid UTF-8, or whose results hold docs or ok twice', () => {
    const e = JSON.stringify(envelope('rel-1')).slice(1, -1);
    const invalid = Buffer.concat([bytes(`{"results":[{"id":"a","docs":[{"ok":{"a":"`), Buffer.from([0xc3, 0x28]), bytes(`",${e}}}]}]}`)]);
    expect(textsOf(invalid)).toEqual([undefined]);
    const twiceDocs = bytes(`{"results":[{"id":"a","docs":[{"ok":{"a":1,${e}}}],"docs":[{"ok":{"b":1,${e}}}]}]}`);
    expect(textsOf(twiceDocs)).toEqual([undefined]);
    const twiceOk = bytes(`{"results":[{"id":"a","docs":[{"ok":{"a":1,${e}},"ok":{"b":1,${e}}}]}]}`);
    expect(textsOf(twiceOk)).toEqual([undefined]);
  });

  it('matches JSON.stringify over random documents', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['a', 'é', '"', '\\', '\n', '\u0001', '🌍', '}', ']', ',', ':', ' ', '_', '1', 'ب'];
    const str = () => Array.from({ length: rand(6) }, () => pieces[rand(pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const k = rand(depth > 2 ? 5 : 7);
      if (k === 0) return str();
      if (k === 1) return rand(3) === 0 ? -rand(1000) : rand(100000);
      if (k === 2) return rand(10) / 4;
      if (k === 3) return [true, false, null][rand(3)];
      if (k === 4) return str();
      if (k === 5) return Array.from({ length: rand(4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: rand(4) }, () => [str() || 'k', value(depth + 1)]));
    };
    const docs = Array.from({ length: 300 }, (_, k) => ({ ...(k % 2 ? envelope(`d${k}`) : {}), ...(value(0) as object), type: 'release', ...envelope(`d${k}`) }));
    const texts = textsOf(answerOf(docs.map((d) => JSON.stringify(d))));
    // Most have one (the rest: integer-like keys, fractions), and every one given was checked above.
    expect(texts.filter((t) => t !== undefined).length).toBeGreaterThan(100);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonRecords, streamJsonArray, type JsonRecord } from '../../src/import/json-stream.js';
import { isPostmortemError } from '../../src/model/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pm-json-records-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function records(text: string | Buffer, recordsKey = 'items'): Promise<JsonRecord[]> {
  const file = join(dir, 'data.json');
  await writeFile(file, text);
  const found: JsonRecord[] = [];
  for await (const record of readJsonRecords(file, { recordsKey, displayPath: 'data.json' })) found.push(record);
  return found;
}

async function failure(text: string | Buffer): Promise<string> {
  try {
    await records(text);
  } catch (error) {
    if (isPostmortemError(error)) return error.format();
    throw error;
  }
  throw new Error('read without an error');
}

describe('readJsonRecords', () => {
  it('gives the elements of every array under the records key, at any depth, numbered in file order', async () => {
    const found = await records('{"items":[{"n":1},{"n":2}],"more":true}{"outer":{"items":[{"n":3}]}}\n{"items":[]}');
    expect(found).toEqual([
      { kind: 'record', value: { n: 1 }, index: 1 },
      { kind: 'record', value: { n: 2 }, index: 2 },
      { kind: 'record', value: { n: 3 }, index: 3 },
    ]);
  });

  it('gives top-level values without records whole, numbered among the top-level values', async () => {
    const found = await records('{"items":[{"n":1}]}\n{"other":[1,2]}\n"text"\n[{"a":1},{"items":[{"n":2}]},{"b":2}]');
    expect(found).toEqual([
      { kind: 'record', value: { n: 1 }, index: 1 },
      { kind: 'top', value: { other: [1, 2] }, index: 2 },
      { kind: 'top', value: 'text', index: 3 },
      { kind: 'top', value: { a: 1 }, index: 4 },
      { kind: 'record', value: { n: 2 }, index: 2 },
      { kind: 'top', value: { b: 2 }, index: 6 },
    ]);
  });

  it('does not take a records key inside a record for more records', async () => {
    const found = await records('{"items":[{"n":1,"items":[{"n":2}]}]}');
    expect(found).toEqual([{ kind: 'record', value: { n: 1, items: [{ n: 2 }] }, index: 1 }]);
  });

  it('reads a file that starts with a byte order mark, and text across read blocks', async () => {
    const long = 'ü'.repeat(300_000);
    const found = await records(`\uFEFF{"items":[{"text":"${long}"},{"text":"b"}]}`);
    expect(found.map((record) => (record.value as { text: string }).text.length)).toEqual([300_000, 1]);
  });

  it('places a syntax error at its line and column', async () => {
    expect(await failure('{"items":[\n{"text":"ü"} {"n":2}]}')).toBe('data.json:2:14: not valid JSON: expected \',\'');
  });

  it('refuses a file that ends inside a value', async () => {
    expect(await failure('{"items":[{"n":1},\n{"n":')).toBe('data.json:2:6: the JSON ends early at byte 24 (a truncated file?)');
  });

  it('refuses JSON nested deeper than the parser allows, on one line', async () => {
    const message = await failure('['.repeat(2000));
    expect(message).toMatch(/^data\.json: not readable as JSON: .*depth/);
  });
});

describe('readJsonRecords: a truncated file of characters wider than a byte', () => {
  it('still knows it ends early', async () => {
    const text = '{"items":[{"text":"ünïcödé"},\n{"text":"ü';
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length);
    expect(await failure(text)).toBe(`data.json:2:11: the JSON ends early at byte ${Buffer.byteLength(text)} (a truncated file?)`);
  });
});

describe('readJsonRecords: what the one JSON module fixed in passing', () => {
  it('reads a value the file ends with, with no line break after it', async () => {
    expect(await records('{"items":[{"n":1}]}\n42')).toEqual([
      { kind: 'record', value: { n: 1 }, index: 1 },
      { kind: 'top', value: 42, index: 2 },
    ]);
  });

  it('says what the verifier found unexpected, not "expected unexpected"', async () => {
    expect(await failure('{"items":[1,]}')).toBe("data.json:1:13: not valid JSON: unexpected token ']'");
  });

  it('knows a truncated file that starts with a byte order mark ends early', async () => {
    const text = '\uFEFF{"items":[{"n":1},\n{"n":';
    expect(await failure(text)).toBe(`data.json:2:6: the JSON ends early at byte ${Buffer.byteLength(text)} (a truncated file?)`);
  });
});

describe('streamJsonArray: streamed and parsed whole alike', () => {
  async function arrayLine(text: string, wholeFileBytes: number): Promise<string> {
    const file = join(dir, 'day.json');
    await writeFile(file, text);
    try {
      for await (const entry of streamJsonArray(file, 'day.json', { what: 'a day file', wholeFileBytes })) void entry;
    } catch (error) {
      if (isPostmortemError(error)) return error.format();
      throw error;
    }
    return 'read without an error';
  }

  it.each([
    ['a truncated file of characters wider than a byte', '[{"text":"ünïcödé"},\n{"text":"ü', 'day.json:2:11: not valid JSON: the file ends before its JSON does (truncated?)'],
    ['a top level that is not an array', '{"messages":[]}', 'day.json: not a day file: the file is JSON but not an array'],
    ['a second value after the array', '[{"n":1}]\n[{"n":2}]', "day.json:2:1: not valid JSON: unexpected characters"],
    ['an empty file', '', 'day.json:1:1: not valid JSON: the file ends before its JSON does (truncated?)'],
  ])('%s', async (_what, text, expected) => {
    expect(await arrayLine(text, 0)).toBe(expected);
    expect(await arrayLine(text, Number.POSITIVE_INFINITY)).toBe(expected);
  });

  it('gives a file with a byte order mark the same entries both ways', async () => {
    const file = join(dir, 'day.json');
    await writeFile(file, '\uFEFF[{"n":1},2,"three"]');
    const read = async (wholeFileBytes: number) => {
      const entries = [];
      for await (const entry of streamJsonArray(file, 'day.json', { what: 'a day file', wholeFileBytes })) entries.push(entry);
      return entries;
    };
    const expected = [{ index: 0, value: { n: 1 } }, { index: 1, value: 2 }, { index: 2, value: 'three' }];
    expect(await read(0)).toEqual(expected);
    expect(await read(Number.POSITIVE_INFINITY)).toEqual(expected);
  });
});

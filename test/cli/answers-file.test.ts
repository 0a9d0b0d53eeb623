import { describe, expect, it } from 'vitest';
import { detectAnswersFormat, parseAnswersFile, readAnswersText } from '../../src/cli/answers-file.js';
import { PostmortemError } from '../../src/model/errors.js';

function refusal(text: string, filePath: string, read: (text: string, filePath: string) => unknown = parseAnswersFile): string {
  try {
    read(text, filePath);
  } catch (error) {
    expect(error).toBeInstanceOf(PostmortemError);
    return (error as PostmortemError).format();
  }
  throw new Error('expected the answers file to be refused');
}

describe('detectAnswersFormat', () => {
  it.each([
    ['a.json', 'title: x', 'json'],
    ['a.JSON', 'title: x', 'json'],
    ['a.yaml', '{"title": "x"}', 'yaml'],
    ['a.yml', '{}', 'yaml'],
    ['answers', '  {"title": "x"}', 'json'],
    ['answers.txt', '[1]', 'json'],
    ['answers', 'title: x', 'yaml'],
  ])('reads %s holding %j as %s', (filePath, text, format) => {
    expect(detectAnswersFormat(filePath, text)).toBe(format);
  });
});

describe('parseAnswersFile', () => {
  it('parses JSON', () => {
    expect(parseAnswersFile('{"title": "Outage", "authors": ["A"]}', 'a.json')).toEqual({ title: 'Outage', authors: ['A'] });
  });

  it('parses YAML, keeping dates and times as strings', () => {
    const answers = parseAnswersFile('title: Outage\ndate: 2026-03-14\nsummary:\n  start: 2026-03-14T02:00:00-04:00\n', 'a.yaml');
    expect(answers).toEqual({ title: 'Outage', date: '2026-03-14', summary: { start: '2026-03-14T02:00:00-04:00' } });
  });

  it('never evaluates YAML tags', () => {
    const answers = parseAnswersFile('title: !!js/function "function () { return 1 }"\n', 'a.yaml');
    expect(answers).toEqual({ title: 'function () { return 1 }' });
  });

  it('names the file, line and column of a YAML syntax error', () => {
    expect(refusal('title: ok\nsummary: a: b\n', 'a.yaml')).toBe('a.yaml:2:10: not valid YAML: Nested mappings are not allowed in compact mappings');
  });

  it('refuses duplicate YAML keys', () => {
    expect(refusal('title: a\ntitle: b\n', 'a.yml')).toBe('a.yml:2:1: not valid YAML: Map keys must be unique');
  });

  it('refuses several YAML documents in one file', () => {
    expect(refusal('title: a\n---\ntitle: b\n', 'a.yaml')).toBe('a.yaml:2:1: not valid YAML: contains more than one YAML document');
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, index) => {
      const name = String.fromCharCode(98 + index);
      const previous = String.fromCharCode(97 + index);
      return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
    })].join('\n');
    expect(refusal(bomb, 'bomb.yaml')).toMatch(/^bomb\.yaml: not valid YAML: .*alias/i);
  });

  it('names the file, line and column of a JSON syntax error when V8 gives a position', () => {
    expect(refusal('{\n  "title": "x",\n  "date" 1\n}', 'a.json')).toMatch(/^a\.json:3:10: not valid JSON: /);
  });

  it('names the file of a JSON syntax error without a position', () => {
    expect(refusal('', 'a.json')).toBe('a.json: not valid JSON: Unexpected end of JSON input');
  });

  it.each([
    ['', 'a.yaml', 'nothing'],
    ['- a\n- b\n', 'a.yaml', 'a list'],
    ['just text', 'a.yaml', 'a string'],
    ['42', 'a.json', 'a number'],
  ])('refuses %j whose top level is not a mapping', (text, filePath, found) => {
    expect(refusal(text, filePath)).toBe(
      `${filePath}: must contain a mapping of postmortem fields (title, date, summary, ...), found ${found}`,
    );
  });
});

describe('readAnswersText: a wrong field at its line', () => {
  it.each([
    ['answers.yaml', 'title: Queue backlog\ndate: 2026-13-45\n', 'answers.yaml:2: /date is not a calendar date'],
    ['answers.yaml', 'title: Q\nsummary:\n  impact: slow\n  start: yesterday\n', 'answers.yaml:4: /summary/start must be an ISO 8601 date and time (2026-03-14T02:00:00-04:00)'],
    ['answers.yaml', 'title: Q\ntimeline:\n  - text: a\n  - text: b\n    at: soon\n', 'answers.yaml:5: /timeline/1/at must be an ISO 8601 date and time (2026-03-14T02:00:00-04:00)'],
    ['answers.yml', 'title: Q\nsummry: {}\n', 'answers.yml:2: /summry is not a postmortem field'],
    ['answers.json', '{\n  "title": "Q",\n  "date": "2026-02-30"\n}\n', 'answers.json:3: /date is not a calendar date'],
  ])('%s: %j', (file, text, expected) => {
    expect(refusal(text, file, readAnswersText)).toBe(expected);
  });

  it('gives the model when the answers are right', () => {
    expect(readAnswersText('title: Q\ndate: 2026-02-03\n', 'a.yaml').postmortem).toMatchObject({ title: 'Q', date: '2026-02-03' });
  });
});

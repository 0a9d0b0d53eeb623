import { describe, expect, it } from 'vitest';
import { editFrontMatter, frontMatterKeys, type FrontMatterEdit } from '../../src/edit/front-matter-editor.js';
import { PostmortemError } from '../../src/model/errors.js';
import { splitFrontMatter } from '../../src/parse/front-matter.js';
import { lintText } from '../../src/lint/engine.js';

const set = (key: string, value: string): FrontMatterEdit => ({ op: 'set', key, value });
const append = (key: string, ...items: string[]): FrontMatterEdit => ({ op: 'append', key, items });
const edit = (text: string, ...edits: FrontMatterEdit[]): string => editFrontMatter(text, edits, { filePath: 'pm.md' });

/** The one-line message a refused edit gives, as the CLI prints it. */
function refusal(text: string, ...edits: FrontMatterEdit[]): string {
  try {
    edit(text, ...edits);
  } catch (error) {
    expect(error).toBeInstanceOf(PostmortemError);
    return (error as PostmortemError).format();
  }
  throw new Error('the edit was not refused');
}

const BODY = '# Checkout outage\n\nThe body stays   exactly as it is.\n- [ ] a task\n';

describe('setting a value', () => {
  it.each([
    ['plain', 'status: draft', 'status: final'],
    ["'single'", "status: 'draft'", "status: 'final'"],
    ['"double"', 'status: "draft"', 'status: "final"'],
    ['plain, with a comment', 'status: draft   # set by the team', 'status: final   # set by the team'],
    ["'single', with a comment", "status: 'draft' # keep", "status: 'final' # keep"],
    ['"double" after a wide gap', 'status:      "draft"', 'status:      "final"'],
  ])('keeps a %s value in its style', (_style, line, expected) => {
    const text = `---\ntitle: Checkout outage\n${line}\nseverity: SEV2\n---\n${BODY}`;
    expect(edit(text, set('status', 'final'))).toBe(`---\ntitle: Checkout outage\n${expected}\nseverity: SEV2\n---\n${BODY}`);
  });

  it.each([
    ['a colon and space', 'status: draft', 'a: b', 'status: "a: b"'],
    ['a leading #', 'status: draft', '#1', 'status: "#1"'],
    ['a word YAML reads as true', 'status: draft', 'true', 'status: "true"'],
    ['a number', 'status: draft', '12', 'status: "12"'],
    ['null', 'status: draft', 'null', 'status: "null"'],
    ['a line break, in single quotes', "status: 'draft'", 'two\nlines', 'status: "two\\nlines"'],
  ])('double-quotes a value with %s that its style cannot hold', (_case, line, value, expected) => {
    const text = `---\n${line}\n---\n${BODY}`;
    const result = edit(text, set('status', value));
    expect(result).toBe(`---\n${expected}\n---\n${BODY}`);
    expect(splitFrontMatter(result).data).toEqual({ status: value });
  });

  it("doubles a single quote inside 'single' quotes, and keeps plain text with an apostrophe plain", () => {
    expect(edit("---\nreviewer: 'Ann'\n---\n", set('reviewer', "Dana O'Neil"))).toBe("---\nreviewer: 'Dana O''Neil'\n---\n");
    expect(edit('---\nreviewer: Ann\n---\n', set('reviewer', "Dana O'Neil"))).toBe("---\nreviewer: Dana O'Neil\n---\n");
  });

  it('keeps a plain date plain: the parser reads YAML 1.2, where it stays a string', () => {
    const result = edit('---\nreviewedAt: 2026-01-02\n---\n', set('reviewedAt', '2026-03-14'));
    expect(result).toBe('---\nreviewedAt: 2026-03-14\n---\n');
    expect(splitFrontMatter(result).data).toEqual({ reviewedAt: '2026-03-14' });
  });

  it.each([
    ['empty', 'reviewedAt:', 'reviewedAt: "2026-03-14"'],
    ['empty with a comment', 'reviewedAt: # fill in', 'reviewedAt: "2026-03-14" # fill in'],
    ['null', 'reviewedAt: null', 'reviewedAt: "2026-03-14"'],
    ['~ with a comment', 'reviewedAt: ~   # later', 'reviewedAt: "2026-03-14"   # later'],
  ])('fills in a key that is %s', (_case, line, expected) => {
    expect(edit(`---\n${line}\n---\n`, set('reviewedAt', '2026-03-14'))).toBe(`---\n${expected}\n---\n`);
  });

  it('writes a new value in the style most values of the front matter use', () => {
    expect(edit('---\ntitle: Outage\nseverity: SEV2\nreviewedAt:\n---\n', set('reviewedAt', '2026-03-14'))).toBe('---\ntitle: Outage\nseverity: SEV2\nreviewedAt: 2026-03-14\n---\n');
    expect(edit("---\ntitle: 'Outage'\nseverity: 'SEV2'\n---\n", set('status', 'final'))).toBe("---\ntitle: 'Outage'\nseverity: 'SEV2'\nstatus: 'final'\n---\n");
  });

  it('replaces a value written over several lines, and a block scalar, keeping the next key', () => {
    expect(edit('---\nstatus: in\n  review\nnext: 1\n---\n', set('status', 'final'))).toBe('---\nstatus: final\nnext: 1\n---\n');
    expect(edit('---\nstatus: |\n  draft\nnext: 1\n---\n', set('status', 'final'))).toBe('---\nstatus: "final"\nnext: 1\n---\n');
  });

  it('adds a missing key at the end of the front matter, after its last comment, at the indentation of the keys', () => {
    expect(edit('---\n# Metadata\ntitle: Outage # the title\n\n# end of metadata\n---\nBody\n', set('status', 'final'))).toBe(
      '---\n# Metadata\ntitle: Outage # the title\n\n# end of metadata\nstatus: final\n---\nBody\n',
    );
    expect(edit('---\n  title: Outage\n  severity: SEV1\n---\n', set('status', 'final'))).toBe('---\n  title: Outage\n  severity: SEV1\n  status: final\n---\n');
  });

  it('adds a key to an empty front matter and to one with only comments', () => {
    expect(edit('---\n---\nBody', set('status', 'final'))).toBe('---\nstatus: "final"\n---\nBody');
    expect(edit('---\n# nothing yet\n---\nBody', set('status', 'final'))).toBe('---\n# nothing yet\nstatus: "final"\n---\nBody');
  });

  it('edits a front matter written as one flow mapping', () => {
    expect(edit('---\n{title: Outage, status: draft}\n---\n', set('status', 'final'), set('reviewedAt', '2026-03-14'))).toBe(
      '---\n{title: Outage, status: final, reviewedAt: 2026-03-14}\n---\n',
    );
  });

  it('matches a quoted key', () => {
    expect(edit('---\n"status": draft\n---\n', set('status', 'final'))).toBe('---\n"status": final\n---\n');
  });
});

describe('appending to a list', () => {
  it.each([
    ['a flow list', 'reviewers: [Ann, Bo]', 'reviewers: [Ann, Bo, Cy]'],
    ['a padded flow list with a comment', 'reviewers: [ Ann, Bo ]  # leads', 'reviewers: [ Ann, Bo, Cy ]  # leads'],
    ['a flow list of double-quoted names', 'reviewers: ["Ann", "Bo"]', 'reviewers: ["Ann", "Bo", "Cy"]'],
    ["a flow list of 'single'-quoted names", "reviewers: ['Ann']", "reviewers: ['Ann', 'Cy']"],
    ['a flow list with a trailing comma', 'reviewers: [Ann, Bo,]', 'reviewers: [Ann, Bo, Cy,]'],
    ['an empty flow list', 'reviewers: []', 'reviewers: ["Cy"]'],
    ['an empty key', 'reviewers:', 'reviewers: ["Cy"]'],
  ])('adds ", Cy" to %s', (_case, line, expected) => {
    expect(edit(`---\n${line}\n---\n`, append('reviewers', 'Cy'))).toBe(`---\n${expected}\n---\n`);
  });

  it('adds to a flow list written over several lines, after its last item', () => {
    expect(edit('---\nreviewers: [\n  Ann, # lead\n  Bo\n  ]\n---\n', append('reviewers', 'Cy'))).toBe('---\nreviewers: [\n  Ann, # lead\n  Bo, Cy\n  ]\n---\n');
  });

  it('quotes a name with a comma in a flow list, where plain text would split it', () => {
    const result = edit('---\nreviewers: [Ann]\n---\n', append('reviewers', 'Lee, Dana'));
    expect(result).toBe('---\nreviewers: [Ann, "Lee, Dana"]\n---\n');
    expect(splitFrontMatter(result).data).toEqual({ reviewers: ['Ann', 'Lee, Dana'] });
  });

  it.each([
    ['indented by two', 'reviewers:\n  - Ann\n  - Bo\n', 'reviewers:\n  - Ann\n  - Bo\n  - Cy\n'],
    ['not indented', 'reviewers:\n- Ann\n', 'reviewers:\n- Ann\n- Cy\n'],
    ['with wide spacing after the dash', 'reviewers:\n    -   Ann\n', 'reviewers:\n    -   Ann\n    -   Cy\n'],
    ['with a comment on the last item', 'reviewers:\n  - Ann # lead\n', 'reviewers:\n  - Ann # lead\n  - Cy\n'],
    ['followed by a comment line', 'reviewers:\n  - Ann\n  # more to come\n', 'reviewers:\n  - Ann\n  - Cy\n  # more to come\n'],
    ['of quoted names', 'reviewers:\n  - "Ann"\n', 'reviewers:\n  - "Ann"\n  - "Cy"\n'],
  ])('adds a "- Cy" line to a block list %s', (_case, list, expected) => {
    expect(edit(`---\ntitle: T\n${list}status: draft\n---\n`, append('reviewers', 'Cy'))).toBe(`---\ntitle: T\n${expected}status: draft\n---\n`);
  });

  it('adds several items at once, in order', () => {
    expect(edit('---\nreviewers: [Ann]\ntags:\n  - db\n---\n', append('reviewers', 'Bo', 'Cy'), append('tags', 'config', 'capacity'))).toBe(
      '---\nreviewers: [Ann, Bo, Cy]\ntags:\n  - db\n  - config\n  - capacity\n---\n',
    );
  });

  it('writes a missing list as the other lists of the front matter are written', () => {
    expect(edit('---\ntitle: T\nauthors: [Ann]\n---\n', append('reviewers', 'Cy'))).toBe('---\ntitle: T\nauthors: [Ann]\nreviewers: [Cy]\n---\n');
    expect(edit('---\ntitle: T\nauthors:\n- Ann\n---\n', append('reviewers', 'Cy'))).toBe('---\ntitle: T\nauthors:\n- Ann\nreviewers:\n  - Cy\n---\n');
    expect(edit('---\ntitle: "T"\n---\n', append('reviewers', 'Cy'))).toBe('---\ntitle: "T"\nreviewers: ["Cy"]\n---\n');
  });
});

describe('every other byte', () => {
  const FILE = "---\r\n# Review\r\ntitle: 'Queue stall'   # short\r\nstatus: draft # in progress\r\nreviewers:\r\n  - Ann\r\n---\r\n# Queue stall\r\n\r\nBody\r\n";

  it('keeps CRLF line endings, in edited and added lines', () => {
    expect(edit(FILE, set('status', 'final'), append('reviewers', 'Bo'), set('reviewedAt', '2026-03-14'))).toBe(
      "---\r\n# Review\r\ntitle: 'Queue stall'   # short\r\nstatus: final # in progress\r\nreviewers:\r\n  - Ann\r\n  - Bo\r\nreviewedAt: 2026-03-14\r\n---\r\n# Queue stall\r\n\r\nBody\r\n",
    );
  });

  it('keeps a byte order mark and a file without a final newline', () => {
    expect(edit('\uFEFF---\nstatus: draft\n---\nBody', set('status', 'final'))).toBe('\uFEFF---\nstatus: final\n---\nBody');
    expect(edit('---\nstatus: draft\n---', set('status', 'final'))).toBe('---\nstatus: final\n---');
  });

  it('gives a file without front matter a new block on top, in its line endings, the body untouched', () => {
    expect(edit(BODY, set('status', 'final'))).toBe(`---\nstatus: "final"\n---\n${BODY}`);
    expect(edit('# T\r\n\r\nBody', set('status', 'final'), append('reviewers', 'Ann'))).toBe('---\r\nstatus: "final"\r\nreviewers: ["Ann"]\r\n---\r\n# T\r\n\r\nBody');
    expect(edit('', set('status', 'final'))).toBe('---\nstatus: "final"\n---\n');
  });

  it('returns the text unchanged for no edits', () => {
    expect(edit(FILE)).toBe(FILE);
  });
});

describe('refused edits: one line naming the file and line', () => {
  it.each([
    ['a key written twice', '---\ntitle: T\nstatus: draft\nstatus: final\n---\n', set('status', 'final'), 'pm.md:4: the front matter has the key "status" twice (lines 3 and 4); remove one of them'],
    ['a list as front matter', '---\n- a\n- b\n---\n', set('status', 'final'), 'pm.md:2: front matter must be a YAML mapping of keys to values'],
    ['a string as front matter', '---\njust text\n---\n', set('status', 'final'), 'pm.md:2: front matter must be a YAML mapping of keys to values'],
    ['an unclosed quote', '---\ntitle: "T\nstatus: draft\n---\n', set('status', 'final'), /^pm\.md:\d+: invalid YAML front matter: /],
    ['a tab as indentation', '---\nreviewers:\n\t- Ann\n---\n', append('reviewers', 'Bo'), /^pm\.md:\d+: invalid YAML front matter: /],
    ['an alias', '---\nlead: &who Ann\nreviewers: *who\n---\n', append('reviewers', 'Bo'), 'pm.md:3: invalid YAML front matter: aliases (*name) are not allowed in front matter'],
    ['an anchor on the value', '---\nstatus: &s draft\n---\n', set('status', 'final'), 'pm.md:2: "status" has an anchor (&s); remove it to let postmortem edit the value'],
    ['a tag on the value', '---\nstatus: !!str draft\n---\n', set('status', 'final'), 'pm.md:2: "status" has a tag (!!str); remove it to let postmortem edit the value'],
    ['a tag on a list item', '---\ntitle: T\nreviewers: [Ann, !!str Bo]\n---\n', append('reviewers', 'Cy'), 'pm.md:3: "reviewers" has a tag (!!str); remove it to let postmortem edit the value'],
    ['a list where one value is set', '---\nstatus: [draft]\n---\n', set('status', 'final'), 'pm.md:2: "status" holds a list, not a single value; postmortem will not replace it'],
    ['a single value where a list is added to', '---\nreviewers: Ann\n---\n', append('reviewers', 'Bo'), 'pm.md:2: "reviewers" holds a single value, not a list; postmortem will not change it into one'],
    ['a list of mappings', '---\nreviewers:\n  - name: Ann\n---\n', append('reviewers', 'Bo'), 'pm.md:2: "reviewers" is a list of more than names (it holds lists or mappings); postmortem will not add to it'],
    ['front matter in another language', '---toml\nstatus = "draft"\n---\n', set('status', 'final'), 'pm.md:1: front matter in "toml" is not supported (only YAML is read, and it is never run)'],
    ['no closing line', '---\nstatus: draft\n', set('status', 'final'), 'pm.md:1: front matter starts with --- but has no closing --- line'],
  ])('refuses %s', (_case, text, change, message) => {
    if (typeof message === 'string') expect(refusal(text, change)).toBe(message);
    else expect(refusal(text, change)).toMatch(message);
  });

  it.each([
    ['an unclosed quote', '---\ntitle: "T\nstatus: draft\n---\n# T\n'],
    ['a tab as indentation', '---\nreviewers:\n\t- Ann\n---\n# T\n'],
    ['an unclosed list', '---\nstatus: draft\ntags: [a, b\n---\n# T\n'],
  ])('reports %s at the line and in the words of the front-matter lint rule', (_case, text) => {
    const [problem] = lintText(text, { filePath: 'pm.md' }).messages.filter((message) => message.ruleId === 'front-matter');
    expect(problem).toBeDefined();
    expect(refusal(text, set('status', 'final')).toLowerCase()).toBe(`pm.md:${problem?.line}: ${problem?.message}`.toLowerCase());
  });

  it('refuses an invalid front matter even when the key edited is fine', () => {
    expect(refusal('---\nstatus: draft\ntitle: [unclosed\n---\n', set('status', 'final'))).toMatch(/^pm\.md:\d+: invalid YAML front matter/);
  });

  it('counts lines after a byte order mark as the editor shows them', () => {
    expect(refusal('\uFEFF---\ntitle: T\nstatus: x\nstatus: y\n---\n', set('status', 'final'))).toBe('pm.md:4: the front matter has the key "status" twice (lines 3 and 4); remove one of them');
  });

  it('refuses an edit with no key or nothing to add, as a programming error', () => {
    expect(() => edit('---\n---\n', set('', 'x'))).toThrow(TypeError);
    expect(() => edit('---\n---\n', append('tags'))).toThrow(TypeError);
  });
});

describe('frontMatterKeys', () => {
  it('lists the top-level keys with their lines and kinds', () => {
    expect(frontMatterKeys('\uFEFF---\n# c\ntitle: T\nreviewers:\n  - Ann\nreviewedAt:\nteam: { name: x }\n---\n')).toEqual([
      { key: 'title', line: 3, kind: 'scalar' },
      { key: 'reviewers', line: 4, kind: 'list' },
      { key: 'reviewedAt', line: 6, kind: 'empty' },
      { key: 'team', line: 7, kind: 'mapping' },
    ]);
  });

  it('is empty without front matter, and refuses what the editor refuses', () => {
    expect(frontMatterKeys('# Title\n')).toEqual([]);
    expect(() => frontMatterKeys('---\na: 1\na: 2\n---\n', { filePath: 'pm.md' })).toThrow('the front matter has the key "a" twice');
  });
});

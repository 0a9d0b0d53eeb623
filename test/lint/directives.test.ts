import { describe, expect, it } from 'vitest';
import { readInlineConfig } from '../../src/lint/directives.js';
import { lintText } from '../../src/lint/engine.js';
import { fakeRules } from './fake-rules.js';

/** The lines and rule ids of what is reported for a document made of `lines`. */
function reported(lines: string[], options: { inlineConfig?: boolean } = {}): string[] {
  return lintText(lines.join('\n'), { rules: fakeRules, config: { rules: { 'has-title': 'off' } }, ...options }).messages.map((message) => `${message.line} ${message.ruleId}`);
}

describe('inline directives', () => {
  it('disable ... enable switches the named rule off in between, enable line included back', () => {
    expect(reported(['bad', '<!-- postmortem-disable no-word -->', 'bad', 'bad GMT', '<!-- postmortem-enable no-word --> bad', 'bad'])).toEqual([
      '1 no-word',
      '4 utc-not-gmt',
      '5 no-word',
      '6 no-word',
    ]);
  });

  it('disable without ids switches every rule off until enable without ids', () => {
    expect(reported(['<!-- postmortem-disable -->', 'bad GMT', '<!-- postmortem-enable -->', 'bad GMT'])).toEqual(['4 no-word', '4 utc-not-gmt']);
  });

  it('enable of one rule after disabling all turns only that one back on', () => {
    expect(reported(['<!-- postmortem-disable -->', '<!-- postmortem-enable utc-not-gmt -->', 'bad GMT'])).toEqual(['3 utc-not-gmt']);
  });

  it('disable-next-line covers the next line only, disable-line its own line', () => {
    expect(reported(['<!-- postmortem-disable-next-line no-word -->', 'bad', 'bad', 'bad <!-- postmortem-disable-line no-word -->'])).toEqual(['3 no-word']);
  });

  it('takes several ids separated by spaces or commas, and a -- comment after them', () => {
    expect(reported(['<!-- postmortem-disable-next-line no-word, utc-not-gmt -- quoting the alert verbatim -->', 'bad GMT'])).toEqual([]);
    expect(reported(['<!-- postmortem-disable-next-line no-word utc-not-gmt -->', 'bad GMT'])).toEqual([]);
  });

  it('disable-file switches every rule off for the whole file, or only the rules it names', () => {
    expect(reported(['bad GMT', '<!-- postmortem-disable-file -->', 'bad'])).toEqual([]);
    expect(reported(['bad GMT', '<!-- postmortem-disable-file utc-not-gmt -->', 'bad'])).toEqual(['1 no-word', '3 no-word']);
  });

  it('ignores directives inside fenced code blocks and code spans, which are examples', () => {
    expect(reported(['```markdown', '<!-- postmortem-disable -->', '```', 'bad'])).toEqual(['4 no-word']);
    expect(reported(['~~~~', '<!-- postmortem-disable-file -->', '~~~', 'still inside', '~~~~', 'bad'])).toEqual(['6 no-word']);
    expect(reported(['Write `<!-- postmortem-disable-next-line no-word -->` to do that.', 'bad'])).toEqual(['2 no-word']);
  });

  it('ignores comments in the front matter', () => {
    expect(reported(['---', 'note: "<!-- postmortem-disable -->"', '---', 'bad'])).toEqual(['4 no-word']);
  });

  it('are all ignored with inlineConfig false (--no-inline-config)', () => {
    expect(reported(['<!-- postmortem-disable-file -->', '<!-- postmortem-disable -->', 'bad'], { inlineConfig: false })).toEqual(['3 no-word']);
  });

  it('reports an unknown rule id or directive name with a suggestion, as a warning', () => {
    const result = lintText('<!-- postmortem-disable no-wrd -->\n<!-- postmortem-disabel no-word -->\nbad', { rules: fakeRules, config: { rules: { 'has-title': 'off' } } });
    expect(result.messages.map((message) => [message.line, message.ruleId, message.severity, message.message])).toEqual([
      [1, 'inline-config', 1, 'Unknown rule "no-wrd" in postmortem-disable (did you mean "no-word"?)'],
      [2, 'inline-config', 1, 'Unknown directive "postmortem-disabel" (did you mean "postmortem-disable"?)'],
      [3, 'no-word', 2, 'Found "bad"'],
    ]);
  });
});

describe('readInlineConfig', () => {
  it('records each directive with its kind, ids and position', () => {
    const config = readInlineConfig(['text', '  <!-- postmortem-disable-next-line a b -->', '<!--postmortem-enable-->']);
    expect(config.directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['a', 'b'], line: 2, column: 3 },
      { kind: 'enable', ruleIds: [], line: 3, column: 1 },
    ]);
    expect(config.isDisabled('a', 3)).toBe(true);
    expect(config.isDisabled('a', 4)).toBe(false);
    expect(config.isDisabled('c', 3)).toBe(false);
  });
});

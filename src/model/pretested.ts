/**
 * A large regular expression tried only where a cheap one passes first. V8 compiles a pattern
 * at its first use, about half a millisecond for a large one (one-file lint used to compile some
 * 200 patterns, about 20 ms), so a large pattern that seldom applies is kept from text that
 * cannot match it. `pretest` must pass wherever `pattern` matches (every match of `pattern`
 * holds a match of `pretest`), so that no result changes: each use says why that holds.
 * Neither pattern may be global or sticky (their `lastIndex` would carry over between texts).
 */
export interface PretestedPattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

export function pretested(pretest: RegExp, pattern: RegExp): PretestedPattern {
  return {
    test: (text) => pretest.test(text) && pattern.test(text),
    exec: (text) => (pretest.test(text) ? pattern.exec(text) : null),
  };
}

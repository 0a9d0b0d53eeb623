// Every regular expression in src/ is checked for catastrophic backtracking with recheck,
// which finds polynomial blow-ups (a `\s*` before a `\s*`, a `+` run before `$`) as well as
// the exponential ones safe-regex2 looks for. A pattern that fails is rewritten; one that only
// ever sees a short string (a CLI option, an error message, a single word) is listed in
// ALLOWED with the reason, and the list may not hold an entry that no longer matches src/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface FoundPattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

interface DynamicCall {
  file: string;
  line: number;
  text: string;
}

/** `file` + pattern source -> why it cannot backtrack badly on the input it is given. */
const ALLOWED: Record<string, string> = {
  'src/cli/rule-docs.ts /github\\.com[/:]([^/]+)\\/([^/#]+?)(?:\\.git)?(?:#.*)?$/': "applied to this package's own repository URL in its package.json",
  'src/lint/directives.ts /<!--\\s*postmortem-([a-z][a-z-]*)\\b([\\s\\S]*?)-->/g':
    'only run on a line cut after its last `-->`, so every start finds an end and a match moves past it (readInlineConfig)',
  'src/redact/personal-data.ts /[\\w.%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}\\b/g':
    'bounded repetitions: at most 64 x 253 steps from a start; the fuzzer\'s attack string of 80 KB took 20 ms in V8',
  'src/redact/secrets.ts /\\b[a-z][a-z0-9+.-]{1,30}:\\/\\/[^\\s:/@]{1,100}:([^\\s/@]{1,200})@/gi':
    'bounded repetitions: at most 30 + 100 + 200 characters from a start; the fuzzer\'s attack string of 40 KB took 2 ms in V8',
  'src/redact/secrets.ts /-----BEGIN[^\\n-]*-----\\r?\\n?([\\s\\S]*?)\\r?\\n?-----END/':
    'applied once (not global) to the range secretlint reported as one private key block, which ends with its own -----END',
  'src/io/json-data.ts / in JSON at position \\d+.*$/': 'applied to an error message of JSON.parse (its quoted excerpt is a few dozen characters)',
  'src/export/page-view.ts /\\n\\s*\\n|^\\s*(?:[-*+]|\\d+[.)])\\s|^\\s*\\|/m': 'only tested on text of at most CARD_TEXT_LIMIT (320) characters: the length is checked first',
  'src/model/timeline-milestones.ts /\\b(?:start of (?:the )?(?:outage|impact|incident)|(?:outage|impact|incident|errors?|downtime) (?:begins|began|starts|started)|users? (?:began|started) (?:to )?(?:see|report|experienc)|deploy(?:ed|ment)? (?:of|to) .* (?:caus|trigger))/i':
    "applied to the first TEXT_CUE_WINDOW (90) characters of an entry's text only",
  'src/cli/new/validate-answers.ts /^(?:(?:about|around|approximately|approx\\.?|roughly|circa|ca\\.|est\\.|estimated|~|≈)\\s*)?(\\d{1,3}(?:\\.\\d+|,\\d{1,2})?)\\s*(?:%|percent|per\\s*cent|pct\\.?)?(?:\\s+of\\s+(?:all\\s+|the\\s+|our\\s+)?users)?$/i':
    'only tried on an answer of at most MAX_PERCENT_TEXT (60) characters: the length is checked first',
  'src/cli/new/validate-answers.ts /^\\D*(\\d{1,3}(?:\\.\\d+)?)\\s*%?\\s*(?:-|–|to)\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*%?/i':
    'only tried on an answer of at most MAX_PERCENT_TEXT (60) characters: the length is checked first',
  'src/import/sources/generic.ts /\\s+(?:on|at) line \\d+\\.?$/': 'applied to an error message of the CSV parser (one sentence)',
  'src/import/sources/generic.ts / in JSON at position \\d+.*$/': 'applied to an error message of JSON.parse, spaces already folded to one',
};

/** Patterns built by a RegExp call at module load (from constants), by their source: why they may stay. */
const ALLOWED_BUILT: Record<string, string> = {
  // The count pattern of summary-impact: recheck's fuzzer grows '0 ' + 'M OF\\t0 ' x n into a 2nd degree
  // verdict, but each start reads at most a number, a unit, an of-clause and three words: V8 ran
  // it on 112 KB of that string in 2 ms, and test/stress/backtracking-time.test.ts times it.
  "/(?:^|[^\\w.,])(?:\\d(?:[\\d,.]*\\d)?(?:\\s*(?:k|m|million|thousand|hundred|billion))?|a (?:few )?(?:dozen|hundred|thousand|million)|dozens|hundreds|thousands|tens of thousands|millions|all(?: of)?(?: the| our| its)?|every|each|none of(?: the| our)?|no|half(?: of)?(?: the| our)?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)\\s+(?:(?:of|out of)\\s+\\d[\\d,]*\\s+)?(?:(?!(?:hours?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|h|am|pm)\\b)[\\w'-]+\\s+){0,3}(?:users?|customers?|clients?|visitors?|people|accounts?|members?|subscribers?|merchants?|shoppers?|buyers?|sellers?|tenants?|organi[sz]ations?|teams?|developers?|employees?|staff|students?|players?|patients?|drivers?|riders?|readers?|learners?|requests?|queries|calls?|api calls?|transactions?|payments?|deposits?|assets?|balances?|orders?|purchases?|logins?|sessions?|sign-?ups?|messages?|emails?|notifications?|jobs?|builds?|deployments?|downloads?|uploads?|files?|pages?|page ?views?|sites?|websites?|repositories|repos?|hubs?|projects?|devices?|machines?|servers?|instances?|nodes?|validators?|wallets?|addresses|tokens?|funds?|traffic|searches|bookings?|tickets?|records?|rows?|events?|errors?|failures?|checkouts?|apps?|services?|regions?|countries|cities)\\b/i":
    'summary-impact count (src/lint/rules/summary-impact.ts): bounded work per start, measured linear',
  '/^\\s*(?:\\*\\*|__|\\*|_)*\\s*(?:\\([^)]*\\)\\s*)?(?:\\*\\*|__|\\*|_)*\\s*(?:-|–|—|to|and|until|till|through|thru)\\s*(?:\\*\\*|__|\\*|_)*\\s*(?:[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*(?:\\d{4})?,?|\\d{4}-\\d{2}-\\d{2},?)?\\s*(?:at\\s+)?$/i':
    'RANGE_JOIN (src/parse/summary.ts): only tested on text of at most MAX_RANGE_JOIN (100) characters',
};

/** Call sites that build a pattern from a variable: each says where the pattern comes from. */
const DYNAMIC_CALLS: Record<string, string> = {
  'src/cli/commands/timeline-import.ts new RegExp(options.grep)': "the user's own --grep pattern, applied to their own records",
  'src/redact/personal-data.ts new RegExp(source, \'g\')': "a project's own pattern from its config (no-personal-data options.patterns), refused unless safe-regex2 passes it",
  'src/edit/front-matter-editor.ts new RegExp(UNPRINTABLE.source': 'a copy of a literal of the same file, which the scan checks',
  'src/import/sources/generic.ts new RegExp(`^\\\\s*\\\\{.*"${name}"': 'a built-in field name of the importer (time, timestamp, ...), tried on the first line of a file only',
  'src/lint/rules/blameless-language.ts new RegExp(sources.map(': 'the built-in phrases (literals, checked) joined, plus phrases from the project config, escaped',
  'src/lint/rules/front-matter.ts new RegExp(`^${key}\\\\s*:`)': 'a front matter key name of the schema',
  'src/lint/rules/support/source-text.ts new RegExp(`^ {0,3}${fence[0]': 'a closing fence: backticks or tildes then \\s*$, one start per line',
  'src/lint/rules/summary-impact.ts new RegExp(': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`\\\\b${WEEKDAY}': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`^${CLOCK}`': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`\\\\b${MONTH_START}': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`^(?:${WEEKDAY_START}': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`^\\\\s*(\\\\([^()]{1,60}\\\\)|${ZONE_WORD})`)': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`^${WEEKDAY}': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`\\\\b${DURATION_UNIT_PART}`': 'built at load from constants: checked below',
  'src/parse/clock.ts new RegExp(`^\\\\s*(?:(?:,|and)\\\\s*)?${DURATION_UNIT_PART}`': 'built at load from constants: checked below',
  'src/parse/corrective-actions.ts new RegExp(': 'built at load from constants: checked below',
  'src/parse/root-cause-resolution.ts new RegExp(': 'built at load from constants: checked below',
  'src/parse/sections.ts new RegExp(`^${LEADING_WORDS}`)': 'built at load from constants: checked below',
  'src/parse/summary.ts new RegExp(': 'built at load from constants: checked below',
};

// Not from the CLI harness: importing it would load src/ modules before the RegExp constructor is watched.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src/*.ts'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && !file.endsWith('.test.ts'));
}

/** Regex literals, and RegExp calls with a constant first argument, of every source file; calls with another argument are listed apart. */
function findPatterns(): { patterns: FoundPattern[]; dynamic: DynamicCall[] } {
  const patterns: FoundPattern[] = [];
  const dynamic: DynamicCall[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text;
        const end = literal.lastIndexOf('/');
        patterns.push({ file, line: lineOf(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
          patterns.push({ file, line: lineOf(node), source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
        } else {
          dynamic.push({ file, line: lineOf(node), text: node.getText(source).split('\n')[0] ?? '' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { patterns, dynamic };
}

const { patterns, dynamic } = findPatterns();
const allowedKey = (pattern: { file: string; source: string; flags: string }): string => `${pattern.file} /${pattern.source}/${pattern.flags}`;

/**
 * recheck's options. Its automaton checker proves a pattern safe but builds automata of
 * millions of states for long case-insensitive alternations (6 s for one pattern here), so
 * under `npm test` a pattern whose automaton would pass 2,000 states goes to its fuzz checker
 * instead; `npm run test:stress` (RECHECK_FULL=1) checks every pattern with the automaton.
 */
// Every limit of an attack is a count of steps, none a time: recheck's fuzzer otherwise calls
// a pattern vulnerable when matching its attack string takes over a second, which on a loaded
// machine flagged four linear patterns. An attack is a string that makes the pattern read ten
// million characters (a quadratic pattern does on recheck's few-thousand-character strings; a
// linear one reads a few thousand). With the default seed the verdicts are the same on every
// run; a check that runs past its overall time is a failure that names the pattern.
const STEP_LIMITS_ONLY = { attackTimeout: null, incubationTimeout: null, seedingTimeout: null, attackLimit: 10_000_000 } as const;
const RECHECK_OPTIONS = process.env.RECHECK_FULL === '1' ? { ...STEP_LIMITS_ONLY, timeout: 120_000 } : { ...STEP_LIMITS_ONLY, timeout: 60_000, maxNFASize: 2000 };

/** What recheck says about a pattern: null when it is safe, else the verdict and an attack string's recipe. */
function problemOf(source: string, flags: string): string | null {
  const diagnostics = checkSync(source, flags, RECHECK_OPTIONS);
  if (diagnostics.status === 'safe') return null;
  if (diagnostics.status === 'vulnerable') return `${diagnostics.complexity.summary}: ${diagnostics.attack.pattern}`;
  return `${diagnostics.status}: ${diagnostics.error.kind}`;
}

describe('regular expressions in src/', () => {
  it('are found (the scan works)', () => {
    expect(patterns.length).toBeGreaterThan(300);
    expect(patterns.some((pattern) => pattern.file === 'src/parse/read-file.ts' || pattern.file === 'src/parse/timeline.ts')).toBe(true);
  });

  it('the check finds what it is for: exponential, cubic and quadratic patterns, by automaton and by fuzzing', () => {
    expect(problemOf('(a+)+$', '')).toMatch(/^exponential/);
    expect(problemOf('\\s*\\s*x', '')).toMatch(/^3rd degree polynomial/);
    // The code-span pattern this suite replaced in src/lint (a back-reference: only the fuzzer reads it).
    expect(problemOf('(`+)(?!`)([\\s\\S]*?[^`])\\1(?!`)', '')).toMatch(/polynomial \(fuzz\)/);
  }, 120_000);

  it('none backtracks catastrophically, except those allowed with a reason', () => {
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const pattern of patterns) {
      if (allowedKey(pattern) in ALLOWED) continue;
      // Without a quantifier a pattern cannot backtrack more than its own length; and each pattern once.
      if (!/[*+?{]/.test(pattern.source.replace(/\\./g, '')) || checked.has(`/${pattern.source}/${pattern.flags}`)) continue;
      checked.add(`/${pattern.source}/${pattern.flags}`);
      const problem = problemOf(pattern.source, pattern.flags);
      if (problem !== null) failures.push(`${pattern.file}:${pattern.line} /${pattern.source}/${pattern.flags} is ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('the allow-list names only patterns that are still in src/ and still need allowing', () => {
    const present = new Set(patterns.map(allowedKey));
    expect(Object.keys(ALLOWED).filter((key) => !present.has(key))).toEqual([]);
  });

  it('a pattern built from a variable is one whose source is known', () => {
    const unexplained = dynamic.map((call) => `${call.file} ${call.text}`).filter((key) => !Object.keys(DYNAMIC_CALLS).some((allowed) => key.startsWith(allowed)));
    expect(unexplained).toEqual([]);
  });
});

describe('patterns built when a module loads', () => {
  // Most RegExp calls build a pattern from constants when their module loads: the RegExp
  // constructor is watched while those modules load, and every pattern it builds is checked.
  const built: Array<{ source: string; flags: string }> = [];
  const OriginalRegExp = globalThis.RegExp;
  // Packages build patterns too (markdown-it's HTML patterns): only those a src/ file builds count.
  const sourceDirectory = join(repoRoot, 'src') + '/';
  const calledFromSource = (): boolean => (new Error().stack ?? '').split('\n')[3]?.includes(sourceDirectory) ?? false;
  beforeAll(async () => {
    globalThis.RegExp = new Proxy(OriginalRegExp, {
      construct(target, args: [string | RegExp, string?]) {
        const made = new target(...args);
        if (calledFromSource()) built.push({ source: made.source, flags: made.flags });
        return made;
      },
      apply(target, _this, args: [string | RegExp, string?]) {
        const made = target(...args);
        if (calledFromSource()) built.push({ source: made.source, flags: made.flags });
        return made;
      },
    });
    try {
      for (const file of new Set(dynamic.map((call) => call.file))) await import(join(repoRoot, file));
    } finally {
      globalThis.RegExp = OriginalRegExp;
    }
  });
  afterAll(() => {
    globalThis.RegExp = OriginalRegExp;
  });

  it('none backtracks catastrophically', () => {
    expect(built.length).toBeGreaterThan(5);
    const failures = built
      .filter((pattern) => !(`/${pattern.source}/${pattern.flags}` in ALLOWED_BUILT))
      .map((pattern) => ({ pattern, problem: problemOf(pattern.source, pattern.flags) }))
      .filter((found) => found.problem !== null);
    expect(failures.map(({ pattern, problem }) => `/${pattern.source}/${pattern.flags} is ${problem}`)).toEqual([]);
  }, 600_000);

  it('allows no built pattern that src/ no longer builds', () => {
    const present = new Set(built.map((pattern) => `/${pattern.source}/${pattern.flags}`));
    expect(Object.keys(ALLOWED_BUILT).filter((key) => !present.has(key))).toEqual([]);
  });
});

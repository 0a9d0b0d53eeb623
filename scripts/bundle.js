// Bundles the command line into dist/bundle/ (run by `npm run build`, after tsc).
//
// Why: `postmortem lint one.md` spent most of its ~240 ms resolving and loading some 280 ES
// modules (markdown-it alone is 77 files) and lexing CommonJS packages. esbuild joins them into a
// few files, split at the CLI's lazy `import()`s so `--version` and `--help` still load no parser.
// The library (`dist/index.js`, what `import 'postmortem'` gets) stays tsc's unbundled output.
//
// Layout contract: every entry and chunk is written flat into dist/bundle/, two levels below the
// package root like dist/cli/*.js, so `new URL('../../templates/', import.meta.url)` and friends
// resolve the same, and `new URL('./lint-worker.js', import.meta.url)` finds the worker entry (likewise the site's and the collection's workers).
// dist/bundle/meta.json (esbuild's metafile) says which packages each chunk holds; the start-up
// tests read it to check what a command loads.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const REQUIRE_BANNER = "import { createRequire as __postmortemCreateRequire } from 'node:module'; const require = __postmortemCreateRequire(import.meta.url);";
const outdir = `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'src/cli/run.ts',
    'lint-worker': 'src/lint/lint-worker.ts',
    'site-worker': 'src/export/site-worker.ts',
    'site-search-worker': 'src/export/site-search-worker.ts',
    'collection-worker': 'src/collection/collection-worker.ts',
  },
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
  // playwright-core finds its own files on disk and is only loaded for `--format pdf`.
  external: ['playwright-core'],
  // CommonJS packages inside an ES module bundle still call require() for Node built-ins.
  banner: { js: REQUIRE_BANNER },
  plugins: [
    {
      // The built-in templates compiled ahead of time: scripts/precompile-templates.js writes the
      // table into dist/ (src/ holds an empty one), and the bundle takes that.
      name: 'precompiled-templates',
      setup(esbuild) {
        esbuild.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => ({
          contents: await readFile(`${root}dist/render/precompiled-templates.js`, 'utf8'),
          loader: 'js',
        }));
      },
    },
    {
      // gray-matter requires its own js-yaml 3 (100 KB, plus the 280 KB esprima it loads for
      // `!!js/function`) for its default YAML engine. src/parse/front-matter.ts always passes its
      // own engine, which reads YAML with js-yaml 5's core schema and never evaluates it, so
      // gray-matter's copy becomes a stand-in that refuses; the front matter tests through bin/
      // fail if gray-matter ever calls it.
      name: 'gray-matter-without-js-yaml',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^js-yaml$/ }, (args) => (/[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'js-yaml', namespace: 'stand-in' } : undefined));
        esbuild.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
          contents: "const refuse = () => { throw new Error('gray-matter\\'s js-yaml is not bundled: front matter is read by src/parse/front-matter.ts'); };\nmodule.exports = { safeLoad: refuse, safeDump: refuse };\n",
          loader: 'js',
        }));
      },
    },
  ],
});
// Most chunks never call require(): the banner is blanked there (the line stays, so the source
// maps still line up), and loading them does not import node:module.
for (const output of Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'))) {
  const file = `${root}${output}`;
  const code = await readFile(file, 'utf8');
  if (code.startsWith(`${REQUIRE_BANNER}\n`) && !/\brequire\b/.test(code.slice(REQUIRE_BANNER.length))) {
    await writeFile(file, code.slice(REQUIRE_BANNER.length));
  }
}
await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));

// The static site's one script (src/export/site-script/search.ts: the search and the index's
// filters), with MiniSearch, for browsers: one self-contained file that the site build copies
// next to the pages (a page opened from file:// can load a script beside it, but not import
// modules or fetch files). MiniSearch's licence travels with it.
const miniSearchLicence = (await readFile(`${root}node_modules/minisearch/LICENSE.txt`, 'utf8')).trim();
await build({
  absWorkingDir: root,
  entryPoints: ['src/export/site-script/search.ts'],
  outfile: `${root}dist/site/search.js`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  banner: { js: `/*\n * postmortem's site script: search and filters. It includes MiniSearch, under this licence:\n *\n${miniSearchLicence.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */` },
  logLevel: 'warning',
});

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
// dist/bundle/meta.json says which sources and packages each file holds, in the shape of
// esbuild's metafile (written at the end: inputs and imports per file, entryPoint on the five
// entries, chunksJoined); the start-up tests read it to check what a command loads.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { planChunkGroups } from './bundle-chunks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const REQUIRE_BANNER = "import { createRequire as __postmortemCreateRequire } from 'node:module'; const require = __postmortemCreateRequire(import.meta.url);";
const outdir = `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
const entryPoints = {
  run: 'src/cli/run.ts',
  'lint-worker': 'src/lint/lint-worker.ts',
  'site-worker': 'src/export/site-worker.ts',
  'site-search-worker': 'src/export/site-search-worker.ts',
  'collection-worker': 'src/collection/collection-worker.ts',
};
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  // Kept in memory: rollup writes the files (below).
  write: false,
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
    {
      // commander requires node:child_process when it loads, for executable subcommands, which
      // postmortem has none of; loading it (with net, dgram and streams) cost every command's
      // start-up. commander gets a stand-in that loads the module at its first use.
      name: 'commander-lazy-child-process',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'node:child_process', namespace: 'lazy-builtin' } : undefined));
        esbuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
          contents: `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });\n`,
          loader: 'js',
        }));
      },
    },
    {
      // markdown-it imports decodeHTML and decodeHTMLStrict from the entities package's index, which
      // also brings its encoders: a 23 KB table of entity names that the parser never uses and
      // every command that parses a postmortem compiled and built. Both functions come from the
      // package's own `entities/lib/decode.js` export, which markdown-it gets instead.
      name: 'markdown-it-entities-decoder',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^entities$/ }, (args) =>
          /[\\/]markdown-it[\\/]/.test(args.importer) ? esbuild.resolve('entities/lib/decode.js', { kind: args.kind, resolveDir: args.resolveDir }) : undefined,
        );
      },
    },
    {
      // An ES module import of node:process makes Node build the module's ESM facade, which reads
      // every property of process, and so runs its lazy getters: it created process.stdin and
      // process.allowedNodeEnvironmentFlags (about 1.5 ms of every command's start, through chalk's
      // `import process from 'node:process'`). The importers use only the default export, the
      // process object itself, which a stand-in gives them; an import of a named export fails the
      // build ("No matching export").
      name: 'process-without-facade',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^(?:node:)?process$/ }, (args) => (args.kind === 'import-statement' ? { path: 'node:process', namespace: 'process-stand-in' } : undefined));
        esbuild.onLoad({ filter: /.*/, namespace: 'process-stand-in' }, () => ({ contents: 'export default globalThis.process;\n', loader: 'js' }));
      },
    },
    {
      // @secretlint/core logs with `debug` (read from DEBUG=@secretlint/*) and times every rule
      // with @secretlint/profiler (performance marks kept for secretlint's own --profile), neither
      // of which postmortem shows. Loading them (with node:perf_hooks) and marking each rule's
      // start and end cost about 3 ms of a one-file lint of a file with a secret, so core gets
      // stand-ins that do nothing; the rules and their results are secretlint's own.
      name: 'secretlint-without-debug-and-profiler',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^(?:debug|@secretlint\/profiler)$/ }, (args) => (/[\\/]@secretlint[\\/]core[\\/]/.test(args.importer) ? { path: args.path, namespace: 'secretlint-stand-in' } : undefined));
        esbuild.onLoad({ filter: /.*/, namespace: 'secretlint-stand-in' }, (args) => ({
          contents: args.path === 'debug' ? 'const log = () => {};\nlog.enabled = false;\nexport default () => log;\n' : 'export const secretLintProfiler = { mark() {} };\n',
          loader: 'js',
        }));
      },
    },
  ],
});
// esbuild's output stays in memory, and rollup joins its small chunks into files (which and why:
// scripts/bundle-chunks.js). Most chunks never call require(): the banner is blanked there (the
// line stays, so the source maps still line up), and loading them does not import node:module.
const esbuilt = new Map();
for (const file of result.outputFiles) {
  const name = relative(outdir, file.path);
  const text = file.text;
  const blank = name.endsWith('.js') && text.startsWith(`${REQUIRE_BANNER}\n`) && !/\brequire\b/.test(text.slice(REQUIRE_BANNER.length));
  esbuilt.set(name, blank ? text.slice(REQUIRE_BANNER.length) : text);
}
const bundleDir = `${relative(root, outdir).split(sep).join('/')}/`;
const groups = planChunkGroups(result.metafile, bundleDir);
const groupOf = new Map(groups.flatMap((members, index) => members.map((name) => [name, `group-${index}`])));
// esbuild's files are rollup's modules, under their own paths in dist/bundle/ (read from memory),
// so the source maps' relative paths resolve as esbuild wrote them.
const moduleId = (name) => join(outdir, name);
const esbuiltName = (id) => (id.startsWith(`${outdir}${sep}`) && esbuilt.has(relative(outdir, id)) ? relative(outdir, id) : null);
const esbuiltInputs = (id) => Object.keys(result.metafile.outputs[`${bundleDir}${esbuiltName(id)}`]?.inputs ?? {});
const rolled = await rollup({
  input: Object.fromEntries(Object.keys(entryPoints).map((name) => [name, moduleId(`${name}.js`)])),
  // esbuild has already tree-shaken; rollup only moves its chunks into files.
  treeshake: false,
  plugins: [
    {
      name: 'esbuild-output',
      resolveId(source, importer) {
        if (importer !== undefined && esbuiltName(importer) !== null && source.startsWith('./')) return moduleId(source.slice(2));
        if (esbuiltName(source) !== null) return source;
        return { id: source, external: true };
      },
      load(id) {
        const name = esbuiltName(id);
        if (name === null) throw new Error(`bundle: esbuild wrote no ${id}`);
        return { code: esbuilt.get(name), map: esbuilt.get(`${name}.map`) ?? null };
      },
    },
  ],
  onwarn(warning, warn) {
    // esbuild's chunks import each other in cycles by design, and its CommonJS wrappers use `this`.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
    // Files that import each other could run a chunk's code before the one it needs: the plan avoids it.
    if (warning.code === 'CIRCULAR_CHUNK') throw new Error(`bundle: joined chunks import each other: ${warning.message}`);
    // gray-matter's JavaScript front-matter engine, which src/parse/front-matter.ts never lets run.
    if (warning.code === 'EVAL' && warning.id !== undefined && esbuiltInputs(warning.id).some((input) => input.includes('/gray-matter/'))) return;
    warn(warning);
  },
});
const { output } = await rolled.write({
  dir: outdir,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunk-[hash].js',
  sourcemap: true,
  // Every chunk is named: one that is not joined keeps a file of its own, where rollup would
  // otherwise move a chunk that only a joined group imports into that group.
  manualChunks: (id) => {
    const name = esbuiltName(id);
    return name === null || !name.startsWith('chunk-') ? undefined : (groupOf.get(name) ?? name.replace(/\.js$/, ''));
  },
  // Each file imports what it needs; an entry does not also import its chunks' chunks ahead.
  hoistTransitiveImports: false,
});
await rolled.close();

// dist/bundle/meta.json in the shape of esbuild's metafile (the start-up tests read it): each
// file's inputs are the sources of the esbuild chunks joined into it.
const written = new Set(output.map((file) => file.fileName));
const importOf = (kind) => (path) => (written.has(path) ? { path: `${bundleDir}${path}`, kind } : { path, kind, external: true });
const metafile = { inputs: result.metafile.inputs, outputs: {} };
for (const file of output) {
  if (file.type !== 'chunk') continue;
  const members = file.moduleIds.map(esbuiltName).filter((name) => name !== null);
  metafile.outputs[`${bundleDir}${file.fileName}`] = {
    bytes: Buffer.byteLength(file.code),
    inputs: Object.assign({}, ...members.map((name) => result.metafile.outputs[`${bundleDir}${name}`]?.inputs ?? {})),
    imports: [...file.imports.map(importOf('import-statement')), ...file.dynamicImports.map(importOf('dynamic-import'))],
    ...(file.isEntry ? { entryPoint: result.metafile.outputs[`${bundleDir}${file.fileName}`]?.entryPoint } : {}),
    chunksJoined: members.length,
  };
}
await writeFile(`${outdir}/meta.json`, JSON.stringify(metafile));

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

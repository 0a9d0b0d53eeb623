// Which of esbuild's chunks scripts/bundle.js joins into one file (used there, and by
// test/cli/bundle-chunks.test.ts).
//
// Why: esbuild splits the bundle into one chunk per set of entry points that share code, and
// with the CLI's many lazy import()s that is about 125 chunks; `postmortem lint one.md` loaded
// 42 of them, many under 2 KB. Node spends about half a millisecond resolving, reading and
// linking each ES module, so one-file lint spent some 20 ms on loading files alone. esbuild
// has no setting to join chunks, so rollup re-chunks its output by the plan made here.
//
// The plan: a "root" is an entry point or a target of import(). What a root loads is the
// static closure of its chunk, plus whatever is certainly loaded already when the root is
// imported (what every chunk that imports it has loaded). Two groups of chunks are joined when
// that saves more module loads than it costs in code loaded for nothing, counting every root
// alike: each root that loads both saves one module (MS_PER_MODULE); each root that loads only
// one now also reads the other (MS_PER_KIB). Both weights were measured on this machine
// (2 cores, Node 20): 40 modules chained cost about 16 ms more than one, and 210 KB more code
// about as much as 26 modules fewer saved. Two limits keep every command's loading honest:
// - no root is given a chunk holding an npm package it did not load (so `--help` still loads
//   no parser, and a site's main thread no Markdown library), nor one importing a Node module
//   it did not (node:child_process or node:crypto cost a few milliseconds each), and
// - no root is given more than EXTRA_LIMIT bytes of code it does not need.
// The choice is greedy (the best pair first, until no pair gains) and deterministic.

const MS_PER_MODULE = 0.45;
const MS_PER_KIB = 0.05;
const EXTRA_LIMIT = 32 * 1024;

/**
 * Plans the groups for an esbuild metafile (`outdir` is the bundle's folder, relative as the
 * metafile writes it, with a trailing slash). Returns the groups of two or more chunks, each an
 * array of chunk file names (`chunk-XXXX.js`) sorted by name; entry files are never grouped.
 */
export function planChunkGroups(metafile, outdir, { msPerModule = MS_PER_MODULE, msPerKib = MS_PER_KIB, extraLimit = EXTRA_LIMIT } = {}) {
  const outputs = new Map(
    Object.entries(metafile.outputs)
      .filter(([path]) => path.endsWith('.js'))
      .map(([path, output]) => [path.slice(outdir.length), output]),
  );
  const names = [...outputs.keys()].sort();
  const internal = (kind) => (name) => outputs.get(name).imports.filter((imported) => imported.kind === kind && !imported.external).map((imported) => imported.path.slice(outdir.length));
  const staticImports = internal('import-statement');
  const dynamicImports = internal('dynamic-import');
  const closure = (name) => {
    const seen = new Set();
    const stack = [name];
    while (stack.length > 0) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...staticImports(next));
    }
    return seen;
  };
  // esbuild gives the targets of import() an entryPoint too; only the named entries are not chunk-*.
  const entries = names.filter((name) => outputs.get(name).entryPoint !== undefined && !name.startsWith('chunk-'));
  const roots = [...new Set([...entries, ...names.flatMap(dynamicImports)])].sort();
  const closures = new Map(roots.map((root) => [root, closure(root)]));
  const importers = new Map(roots.map((root) => [root, new Set()]));
  for (const root of roots) for (const name of closures.get(root)) for (const target of dynamicImports(name)) if (target !== root) importers.get(target).add(root);

  // What is loaded once a root has run: its closure, plus what all its importers have loaded.
  const loaded = new Map();
  const visiting = new Set();
  const loadedBy = (root) => {
    if (loaded.has(root)) return loaded.get(root);
    if (visiting.has(root)) return closures.get(root);
    visiting.add(root);
    let common = null;
    for (const importer of importers.get(root)) {
      const before = loadedBy(importer);
      common = common === null ? new Set(before) : new Set([...common].filter((name) => before.has(name)));
    }
    const result = new Set([...closures.get(root), ...(entries.includes(root) ? [] : (common ?? []))]);
    visiting.delete(root);
    loaded.set(root, result);
    return result;
  };

  const holdsPackage = new Map(names.map((name) => [name, Object.keys(outputs.get(name).inputs).some((input) => input.includes('node_modules/'))]));
  // Node's built-in modules each chunk imports (node:child_process, node:crypto...).
  const builtins = new Map(names.map((name) => [name, outputs.get(name).imports.filter((imported) => imported.external && imported.kind === 'import-statement').map((imported) => imported.path)]));
  const bytes = (set) => [...set].reduce((sum, name) => sum + outputs.get(name).bytes, 0);
  const groups = names.filter((name) => !entries.includes(name)).map((name) => [name]);
  const groupOf = new Map(groups.map((group) => [group[0], group]));
  // What loading `names` loads once groups are files: a chunk brings its group, and each chunk its static imports.
  const expand = (start) => {
    const seen = new Set();
    const stack = [...start];
    while (stack.length > 0) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(groupOf.get(next) ?? []), ...staticImports(next));
    }
    return seen;
  };
  const needed = roots.map((root) => bytes(loadedBy(root)));

  for (;;) {
    const loads = roots.map((root) => expand(loadedBy(root)));
    const loadedBuiltins = loads.map((set) => new Set([...set].flatMap((name) => builtins.get(name))));
    const extra = loads.map((set, index) => bytes(set) - needed[index]);
    // For each group and root: whether the root loads it, and what loading it would add.
    const table = groups.map((group) => {
      const brings = expand(group);
      return loads.map((set, index) => {
        if (group.some((name) => set.has(name))) return null;
        const added = [...brings].filter((name) => !set.has(name));
        const newBuiltin = added.some((name) => builtins.get(name).some((builtin) => !loadedBuiltins[index].has(builtin)));
        return { bytes: bytes(added), package: newBuiltin || added.some((name) => holdsPackage.get(name)) };
      });
    });
    // Which groups each group's static imports reach: joining two groups that a third lies
    // between would make files import each other in a cycle.
    const reaches = groups.map((group) => {
      const reached = new Set();
      for (const name of expand(group)) reached.add(groupOf.get(name) ?? name);
      return reached;
    });
    const between = (x, y) => groups.some((group, z) => z !== x && z !== y && (reaches[x].has(group) || reaches[y].has(group)) && (reaches[z].has(groups[x]) || reaches[z].has(groups[y])));
    let best = null;
    for (let x = 0; x < groups.length; x += 1) {
      for (let y = x + 1; y < groups.length; y += 1) {
        let both = 0;
        let kib = 0;
        let allowed = true;
        for (let index = 0; index < roots.length && allowed; index += 1) {
          const a = table[x][index];
          const b = table[y][index];
          if (a === null && b === null) both += 1;
          else if (a === null || b === null) {
            const added = a === null ? b : a;
            allowed = !added.package && extra[index] + added.bytes <= extraLimit;
            kib += added.bytes / 1024;
          }
        }
        if (!allowed || both === 0) continue;
        const gain = msPerModule * both - msPerKib * kib;
        if (gain > 0 && (best === null || gain > best.gain) && !between(x, y)) best = { x, y, gain };
      }
    }
    if (best === null) break;
    const joined = groups[best.x];
    joined.push(...groups[best.y]);
    for (const name of groups[best.y]) groupOf.set(name, joined);
    groups.splice(best.y, 1);
  }
  return groups.filter((group) => group.length > 1).map((group) => group.sort());
}

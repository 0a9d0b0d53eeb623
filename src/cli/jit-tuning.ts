/**
 * How a large batch job (a site build) tunes V8's optimising compiler for itself, on the
 * Node.js releases that need it. Only the command line does this, for its own process: the
 * library never changes flags of the program that imports it.
 *
 * Node 20's V8 (11.x) has two compilers above its interpreter: Sparkplug, whose code is quick
 * to make, and TurboFan, whose code is fast but slow to make. With V8's default interrupt
 * budget TurboFan optimises hundreds of functions in the first second of a site build, and on
 * a 2-core machine compiling them took about as much CPU as the build itself spent running
 * them (1.1 s of a 1,000-page build's 2.6 s, measured per thread from /proc). Four times the
 * budget leaves TurboFan the functions that stay hot: the same build used 15% less CPU and
 * 10-15% less wall time. Node 22's V8 (12.x) has Maglev between the two, which does this job
 * by itself (the same build ran in 1.18 s there without any flag), so nothing is set there;
 * nor when the user has set the flag themselves.
 */

/** V8's default `--interrupt-budget` in Node 20 (V8 11.3), in bytes of bytecode run (`node --v8-options`). */
const NODE_20_INTERRUPT_BUDGET = 66 * 1024;

/**
 * The V8 flags for a batch job on Node `nodeVersion` (`process.versions.node`), or null when
 * it needs none: only Node 20, whose V8 and its default are known, and never when the user
 * started Node with an `--interrupt-budget` of their own (`execArgv`).
 */
export function batchJitFlags(nodeVersion: string = process.versions.node, execArgv: readonly string[] = process.execArgv): string | null {
  if (nodeVersion.split('.')[0] !== '20') return null;
  if (execArgv.some((argument) => /^--interrupt[-_]budget\b/.test(argument))) return null;
  return `--interrupt-budget=${4 * NODE_20_INTERRUPT_BUDGET}`;
}

/**
 * Sets {@link batchJitFlags} for this process, before the batch's code runs (and before it
 * starts worker threads, which take the process's flags). Only tuning: the job's results are
 * the same with or without it.
 */
export async function tuneJitForBatch(): Promise<void> {
  const flags = batchJitFlags();
  if (flags === null) return;
  const v8 = await import('node:v8');
  v8.setFlagsFromString(flags);
}

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
 * by itself (the same build ran in 1.18 s there without any flag), so nothing is set there.
 */

/** V8's default `--interrupt-budget` in V8 11 (Node 20), in bytes of bytecode run. */
const V8_11_INTERRUPT_BUDGET = 66 * 1024;

/**
 * The V8 flags for a batch job on the V8 of `v8Version` (`process.versions.v8`), or null
 * when it has none: only V8 11, where the flag and its default are known.
 */
export function batchJitFlags(v8Version: string = process.versions.v8): string | null {
  return v8Version.split('.')[0] === '11' ? `--interrupt-budget=${4 * V8_11_INTERRUPT_BUDGET}` : null;
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

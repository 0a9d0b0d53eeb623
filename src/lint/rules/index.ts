/** Every built-in lint rule, in the order they are documented. One module per rule; the file name is the id. */
import type { Rule } from '../types.js';

/** The built-in rules. */
export const builtinRules: ReadonlyArray<Rule<any>> = [];

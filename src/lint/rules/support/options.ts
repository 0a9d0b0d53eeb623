/**
 * Checks for rule options, shared so that every rule words an invalid option the same way.
 * Each returns an error message naming the option, or null when the value is fine.
 */

/** An optional list of non-empty strings. */
export function checkStringList(options: Record<string, unknown>, name: string, allowed?: readonly string[]): string | null {
  const value = options[name];
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    return `option "${name}" must be a list of non-empty strings`;
  }
  if (allowed) {
    const unknown = (value as string[]).filter((item) => !allowed.includes(item));
    if (unknown.length > 0) return `option "${name}" has unknown value${unknown.length > 1 ? 's' : ''} ${unknown.map((item) => `"${item}"`).join(', ')} (known: ${allowed.join(', ')})`;
  }
  return null;
}

/** An optional whole number at least `minimum`, or null to switch a bound off. */
export function checkCount(options: Record<string, unknown>, name: string, minimum = 0, nullable = false): string | null {
  const value = options[name];
  if (value === undefined || (nullable && value === null)) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    return `option "${name}" must be a whole number of at least ${minimum}${nullable ? ' (or null for no bound)' : ''}`;
  }
  return null;
}

/** An optional true or false. */
export function checkBoolean(options: Record<string, unknown>, name: string): string | null {
  const value = options[name];
  if (value === undefined || typeof value === 'boolean') return null;
  return `option "${name}" must be true or false`;
}

/** A non-empty string on one line (a replacement text written into the file). */
export function checkOneLineString(options: Record<string, unknown>, name: string): string | null {
  const value = options[name];
  if (typeof value !== 'string' || value === '' || /[\r\n]/.test(value)) return `option "${name}" must be a non-empty string on one line`;
  return null;
}

/** Options the rule does not know, reported so that a typo in config is not silently ignored. */
export function checkKnownOptions(options: Record<string, unknown>, known: readonly string[]): string | null {
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length === 0) return null;
  return `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${known.length > 0 ? known.join(', ') : 'none'})`;
}

/** The first error among several checks, or null. */
export function firstError(...errors: Array<string | null>): string | null {
  return errors.find((error) => error !== null) ?? null;
}

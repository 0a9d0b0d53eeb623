/** Small logic helpers for conditions Handlebars' `#if` cannot express alone. */
import { helperArguments, type TemplateHelpers } from './helper.js';

const isTruthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** Logic helpers. */
export const logicHelpers: TemplateHelpers = {
  and: {
    usage: '{{#if (and rootCause resolution)}}',
    description: 'True when every argument is non-empty (empty lists count as false).',
    helper: (...args: unknown[]) => helperArguments(args).every(isTruthy),
  },
  or: {
    usage: '{{#if (or rootCause resolution)}}',
    description: 'True when any argument is non-empty (empty lists count as false).',
    helper: (...args: unknown[]) => helperArguments(args).some(isTruthy),
  },
  not: {
    usage: '{{#if (not timeline)}}',
    description: 'True when the argument is empty, false, null or an empty list.',
    helper: (...args: unknown[]) => !isTruthy(helperArguments(args)[0]),
  },
  eq: {
    usage: '{{#if (eq status "final")}}',
    description: 'True when the two arguments are equal.',
    helper: (...args: unknown[]) => {
      const [left, right] = helperArguments(args);
      return left === right;
    },
  },
  some: {
    usage: '{{#if (some timeline "label")}}',
    description: 'True when any item of a list has a non-empty value for the key, e.g. to show a Label column only when needed.',
    helper: (...args: unknown[]) => {
      const [list, key] = helperArguments(args);
      return Array.isArray(list) && list.some((item) => item !== null && typeof item === 'object' && isTruthy((item as Record<string, unknown>)[String(key)]));
    },
  },
};

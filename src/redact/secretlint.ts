/**
 * secretlint's engine and the rules of its recommended preset, in one module so that
 * src/redact/secrets.ts loads them with one import() (one bundle file, not two).
 */
export { lintSource } from '@secretlint/core';
export { rules } from '@secretlint/secretlint-rule-preset-recommend';

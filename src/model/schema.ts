/**
 * The JSON Schema of the postmortem model, as shipped in the package's `schema/` folder.
 * It is read from disk rather than imported so that the same file serves other tools
 * (editors, CI checks of answers files) and the package exports it unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Two levels up reaches the package root both from src/model/ (tests, tsx) and dist/model/.
const schemaUrl = new URL('../../schema/postmortem.schema.json', import.meta.url);

/** Absolute path of `schema/postmortem.schema.json` in the installed package. */
export const postmortemSchemaPath: string = fileURLToPath(schemaUrl);

/** The JSON Schema (draft 2020-12) of the `Postmortem` model. Treat it as read-only. */
export const postmortemSchema: Readonly<Record<string, unknown>> = JSON.parse(
  readFileSync(schemaUrl, 'utf8'),
) as Record<string, unknown>;

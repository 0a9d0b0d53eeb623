/**
 * YAML read as data, for the files a user hands the tool besides postmortems: config files
 * and answers files. The `core` schema keeps dates as strings and knows no tag that could
 * construct an object or run code; the alias cap stops a "billion laughs" file from
 * expanding without bound. Errors name the file, line and column.
 *
 * `yaml` is a CommonJS package: this module imports it statically, and callers that want it
 * loaded lazily import this module, never `yaml` itself. esbuild's bundle gets a dynamic
 * `import('yaml')` wrong once `yaml` also sits in a shared chunk (the import resolves to the
 * chunk's internal exports, not the package's), which broke YAML configs in the shipped CLI.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { PostmortemError } from '../model/errors.js';
import { positionOf } from './json-data.js';

/**
 * Parses one YAML document as plain data. Throws `PostmortemError` naming `filePath`, with
 * the line and column of the first syntax error; `what` starts the message (`not valid YAML`,
 * `cannot read this config file: invalid YAML`).
 */
export function parseYamlData(text: string, filePath: string, what = 'not valid YAML'): unknown {
  const document = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  const [first] = document.errors;
  if (first) {
    const reason = first.code === 'MULTIPLE_DOCS' ? 'contains more than one YAML document' : first.message;
    throw new PostmortemError(`${what}: ${reason}`, { filePath, ...positionOf(text, first.pos[0]) });
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new PostmortemError(`${what}: ${(error as Error).message}`, { filePath }, { cause: error });
  }
}

/**
 * The line (1-based) in `text` (YAML, or JSON, which YAML 1.2 reads alike) of the field a
 * JSON Pointer names (`/summary/start`, `/timeline/2/at`), or of the nearest field above it
 * that is there (a missing key is reported where its parent is); null when the text does not
 * parse or the pointer leads nowhere in it.
 */
export function lineOfField(text: string, pointer: string): number | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'core', prettyErrors: false, lineCounter });
  if (document.errors.length > 0) return null;
  const segments = pointer.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document.contents;
  let offset: number | null = (node as { range?: number[] } | null)?.range?.[0] ?? null;
  for (const segment of segments) {
    let next: unknown;
    let keyOffset: number | null = null;
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === segment);
      next = pair?.value;
      keyOffset = (pair?.key as { range?: number[] } | null)?.range?.[0] ?? null;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      next = node.items[Number(segment)];
    }
    const nextOffset = keyOffset ?? (next as { range?: number[] } | null)?.range?.[0] ?? null;
    if (nextOffset === null) break;
    node = next;
    offset = nextOffset;
  }
  return offset === null ? null : lineCounter.linePos(offset).line;
}

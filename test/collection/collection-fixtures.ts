/**
 * Collections written for the collection reader's tests: many small postmortems that differ
 * from one another, with files that cannot be read in the middle, so that a run split over
 * threads has batches to share and errors to keep in place.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SERVICES = ['ledger-api', 'photo-upload', 'session-store', 'email-digest', 'route-planner'];
const TAGS = ['config-change', 'capacity', 'expired-certificate', 'dependency-upgrade'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A postmortem that differs with `index`: front matter or not, timeline length, tasks done or not, a prose tail. */
export function collectionPostmortem(index: number): string {
  const month = 1 + (index % 12);
  const day = 1 + (index % 27);
  const date = `2025-${pad(month)}-${pad(day)}`;
  const service = SERVICES[index % SERVICES.length] as string;
  const tag = TAGS[index % TAGS.length] as string;
  const hour = 8 + (index % 9);
  const entries = 3 + (index % 5);
  const front = index % 3 === 0
    ? []
    : ['---', `title: The ${service} stopped answering (${index})`, `date: ${date}`, `severity: SEV${1 + (index % 4)}`, `status: ${['draft', 'in-review', 'final'][index % 3]}`, 'authors: [Noor Haddad]', 'timezone: UTC', `services: [${service}]`, `tags: [${tag}, follow-up-${index % 2}]`, '---', ''];
  const timeline = Array.from({ length: entries }, (_, entry) => {
    const label = entry === 0 ? 'Detection: ' : entry === entries - 1 ? 'Resolution: ' : '';
    return `- ${pad(hour + Math.floor(entry / 2))}:${pad((entry * 13) % 60)} UTC: ${label}step ${entry} of the ${service} recovery.`;
  });
  return [
    ...front,
    `# The ${service} stopped answering (${index})`,
    '',
    '## Summary',
    '',
    `**Duration:** ${pad(hour)}:00 to ${pad(hour + 2)}:30 UTC on ${date}`,
    '',
    `**Impact:** ${10 + (index % 70)}% of requests to the ${service} failed.`,
    '',
    `The ${service} ran out of worker slots after a change to its pool size.`,
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
    '## Root Cause',
    '',
    `A deploy of build ${index} halved the pool of the ${service}; queued requests then timed out.`,
    '',
    '## Resolution',
    '',
    'The previous build was deployed again and the queue drained within ten minutes.',
    '',
    '## Corrective Actions',
    '',
    `- [${index % 2 === 0 ? 'x' : ' '}] Alert on pool saturation of the ${service} (owner: Noor Haddad, due: 2025-${pad(month)}-28, issue: #${100 + index})`,
    `- [ ] Check pool sizes in deploy review (owner: Ilse Varga, due: 2026-0${1 + (index % 9)}-15)`,
    '',
    '## Lessons Learned',
    '',
    'Pool sizes belong in the deploy checklist.',
    '',
    '## Customer communication',
    '',
    `Status page update ${index} went out at the start and the end.`,
    '',
  ].join('\n');
}

/** Files that cannot be read as postmortems, each with the error the reader gives (message, line). */
export const UNREADABLE: Record<string, { bytes: Uint8Array | string; message: string; line: number | null }> = {
  binary: { bytes: new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x42, 0x0a]), message: 'looks like a binary file (NUL byte at offset 3), not text', line: null },
  'not-utf8': { bytes: new Uint8Array([...Buffer.from('# Title\n\nline two\n'), 0xc3, 0x28, 0x0a]), message: 'is not valid UTF-8 (bad byte 0xc3 at byte offset 18); save it as UTF-8', line: 4 },
  'utf16': { bytes: new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0x41, 0x00]), message: 'is UTF-16 text; save it as UTF-8', line: null },
  'bad-front-matter': { bytes: '---\ntitle: [unclosed\ndate: 2025-01-01\n---\n# Title\n', message: '', line: 2 },
};

/**
 * Writes `count` postmortems named `NNNN-incident.md` into `directory`, the unreadable files
 * named `NNNN-<kind>.md` among them at `unreadableAt` (indexes), and returns the names in the
 * order a directory walk gives them (sorted).
 */
export async function writeCollection(directory: string, count: number, unreadableAt: readonly number[] = []): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const names: string[] = [];
  const kinds = Object.keys(UNREADABLE);
  for (let index = 0; index < count; index += 1) {
    const kindIndex = unreadableAt.indexOf(index);
    const kind = kindIndex === -1 ? null : (kinds[kindIndex % kinds.length] as string);
    const name = `${String(index).padStart(4, '0')}-${kind ?? 'incident'}.md`;
    await writeFile(join(directory, name), kind ? (UNREADABLE[kind] as { bytes: Uint8Array | string }).bytes : collectionPostmortem(index));
    names.push(name);
  }
  return names;
}

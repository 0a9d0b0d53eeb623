// Which editor the multi-line questions open, and when they fall back to typing lines.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findEditor } from '../../src/cli/prompts.js';
import { makeTempDir } from '../cli/cli-harness.js';

let directory: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: directory, remove } = await makeTempDir());
  await writeFile(join(directory, 'myeditor'), '#!/bin/sh\n');
  await chmod(join(directory, 'myeditor'), 0o755);
  await writeFile(join(directory, 'notexecutable'), '');
});
afterEach(async () => {
  await remove();
});

describe('findEditor', () => {
  it('uses $VISUAL, then $EDITOR, when the program is on $PATH or at the path given', () => {
    expect(findEditor({ EDITOR: 'myeditor --wait', PATH: directory })).toBe('myeditor --wait');
    expect(findEditor({ VISUAL: join(directory, 'myeditor'), EDITOR: 'nothere' })).toBe(join(directory, 'myeditor'));
  });

  it('falls back (null) when neither is set or the program is not there', () => {
    expect(findEditor({ PATH: directory })).toBeNull();
    expect(findEditor({ EDITOR: '', PATH: directory })).toBeNull();
    expect(findEditor({ EDITOR: 'nothere', PATH: directory })).toBeNull();
    expect(findEditor({ EDITOR: 'notexecutable', PATH: directory })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { frontMatterFences } from './front-matter-fences.js';

const lines = (text: string): string[] => text.split('\n');

describe('frontMatterFences', () => {
  it('finds the opening line and the first --- or ... after it, CRLF and a byte order mark included', () => {
    expect(frontMatterFences(lines('---\ntitle: A\n---\n# A\n---\n'))).toEqual({ open: 0, close: 2 });
    expect(frontMatterFences(lines('\uFEFF---\r\ntitle: A\r\n...  \r\n# A\r\n'))).toEqual({ open: 0, close: 2 });
    expect(frontMatterFences(lines('---yaml\ntitle: A\n---\n'))).toEqual({ open: 0, close: 2 });
  });

  it('says when nothing closes the block, and finds none without an opening line (or with ----)', () => {
    expect(frontMatterFences(lines('---\ntitle: A\n# A\n'))).toEqual({ open: 0, close: null });
    expect(frontMatterFences(lines('# A\n---\ntitle: A\n---\n'))).toBeNull();
    expect(frontMatterFences(lines('----\ntext\n---\n'))).toBeNull();
    expect(frontMatterFences([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { changeStatus, reviewerNameProblem, type StatusChangeOptions } from '../../src/review/status-change.js';
import { reviewBody, reviewPostmortem } from './review-fixtures.js';

const BODY = reviewBody();
const change = (text: string, options: Omit<StatusChangeOptions, 'today'>) => changeStatus(text, parsePostmortem(text), { today: '2026-03-20', ...options });

describe('changeStatus', () => {
  it('sets status, adds reviewers and records the review date, in place', () => {
    const text = reviewPostmortem(['title: T', 'status: in-review  # under review', 'reviewers: [Ann Lee]']);
    const result = change(text, { status: 'final', reviewers: ['Bo Chen'] });
    expect(result).toMatchObject({ from: 'in-review', to: 'final', movedBack: false, addedReviewers: ['Bo Chen'], reviewers: ['Ann Lee', 'Bo Chen'], reviewedAt: '2026-03-20' });
    expect(result.text).toBe(reviewPostmortem(['title: T', 'status: final  # under review', 'reviewers: [Ann Lee, Bo Chen]', 'reviewedAt: 2026-03-20'], BODY));
  });

  it('does not add a name already listed (in any case), but still records the review date', () => {
    const text = reviewPostmortem(['title: T', 'reviewers:', '  - Ann Lee', 'reviewedAt: "2026-03-01"']);
    const result = change(text, { reviewers: ['ann lee', 'Bo Chen', 'BO CHEN'] });
    expect(result.addedReviewers).toEqual(['Bo Chen']);
    expect(result.text).toBe(reviewPostmortem(['title: T', 'reviewers:', '  - Ann Lee', '  - Bo Chen', 'reviewedAt: "2026-03-20"'], BODY));
  });

  it('records the review date when moving to final with reviewers and no date, and not otherwise', () => {
    const listed = reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]']);
    expect(change(listed, { status: 'final' }).text).toBe(reviewPostmortem(['status: final', 'reviewers: [Ann Lee]', 'reviewedAt: 2026-03-20'], BODY));
    expect(change(listed, { status: 'draft' }).edits).toEqual([{ op: 'set', key: 'status', value: 'draft' }]);
    const dated = reviewPostmortem(['status: in-review', 'reviewers: [Ann Lee]', 'reviewedAt: 2026-03-01']);
    expect(change(dated, { status: 'final' }).edits).toEqual([{ op: 'set', key: 'status', value: 'final' }]);
    expect(change(reviewPostmortem(['status: in-review']), { status: 'final' }).edits).toEqual([{ op: 'set', key: 'status', value: 'final' }]);
  });

  it('writes to the keys the parser reads: reviewer, reviewed_by, reviewed_at', () => {
    const text = reviewPostmortem(['reviewer: Ann Lee', 'reviewed_at: 2026-03-01']);
    expect(change(text, { reviewers: ['Bo Chen'] }).text).toBe(reviewPostmortem(['reviewer: Ann Lee, Bo Chen', 'reviewed_at: 2026-03-20'], BODY));
    const list = reviewPostmortem(['reviewed_by:', '- Ann Lee']);
    expect(change(list, { reviewers: ['Bo Chen'] }).text).toBe(reviewPostmortem(['reviewed_by:', '- Ann Lee', '- Bo Chen', 'reviewedAt: 2026-03-20'], BODY));
  });

  it('says when a move goes back in review order', () => {
    expect(change(reviewPostmortem(['status: final']), { status: 'draft' })).toMatchObject({ from: 'final', to: 'draft', movedBack: true });
    expect(change(reviewPostmortem(['status: final']), { status: 'in-review' }).movedBack).toBe(true);
    expect(change(reviewPostmortem(['title: T']), { status: 'draft' })).toMatchObject({ from: null, to: 'draft', movedBack: false });
  });

  it('changes nothing when the status is already the one asked for', () => {
    const text = reviewPostmortem(['status: Final']);
    expect(change(text, { status: 'final' })).toMatchObject({ from: 'final', to: 'final', edits: [], text });
  });

  it('adds front matter to a file without any', () => {
    const result = change(BODY, { status: 'in-review', reviewers: ['Ann Lee'] });
    expect(result.text).toBe(`---\nstatus: "in-review"\nreviewers: ["Ann Lee"]\nreviewedAt: "2026-03-20"\n---\n${BODY}`);
  });

  it('refuses a name that would not read back as one reviewer', () => {
    expect(() => change(reviewPostmortem(['title: T']), { reviewers: ['Ann, Bo'] })).toThrow(TypeError);
    expect(reviewerNameProblem('  ')).toBe("a reviewer's name cannot be empty");
    expect(reviewerNameProblem('Ann\nLee')).toBe("a reviewer's name must be one line of text");
    expect(reviewerNameProblem('Lee; Ann')).toMatch(/^give one name each time/);
    expect(reviewerNameProblem('x'.repeat(101))).toBe("a reviewer's name is at most 100 characters");
    expect(reviewerNameProblem("Dana O'Neil")).toBeNull();
  });
});

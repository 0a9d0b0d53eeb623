// Answers from flags and answers files, in the shape the interview and the draft use.
import { describe, expect, it } from 'vitest';
import { answersFromFlags, answersFromModel, mergeAnswers, taskFromFlag, timelineFromFlag } from '../../src/cli/new/answers.js';
import { normalizePostmortem } from '../../src/model/validate.js';

describe('answers from flags', () => {
  it('reads --timeline and --task parts, a time of - being none', () => {
    expect(timelineFromFlag('14:05|Deploy started|Detection')).toEqual({ time: '14:05', text: 'Deploy started', label: 'Detection' });
    expect(timelineFromFlag('-|Found by a customer|Detection Method')).toEqual({ time: null, text: 'Found by a customer', label: 'Detection Method' });
    expect(timelineFromFlag('14:05|Deploy started')).toEqual({ time: '14:05', text: 'Deploy started', label: null });
    expect(taskFromFlag('Add a check|Dana Lee|2026-04-01|P2')).toEqual({ text: 'Add a check', owner: 'Dana Lee', due: '2026-04-01', priority: 'P2' });
    expect(taskFromFlag('Add a check||2026-04-01')).toEqual({ text: 'Add a check', owner: null, due: '2026-04-01', priority: null });
  });

  it('reads --services and --tags as typed', () => {
    expect(answersFromFlags({ services: 'search-api, indexer', tags: 'credentials' })).toEqual({ services: 'search-api, indexer', tags: 'credentials' });
  });

  it('keeps flags not given absent, so that they are asked', () => {
    expect(answersFromFlags({ title: 'X', rootCause: 'One line', rootCauseDetail: 'Long', improvement: ['A'] })).toEqual({
      title: 'X',
      rootCauseSummary: 'One line',
      rootCause: 'Long',
      improvements: { items: ['A'], complete: true },
    });
  });
});

describe('answers from an answers file', () => {
  it('tells a key left out (asked) from a key set to null (answered: none)', () => {
    const raw = { title: 'X', summary: { usersAffectedPercent: null }, lessonsLearned: null, timeline: [{ time: null, at: '2026-03-14T06:00:00Z', text: 'Recovered.' }] };
    const answers = answersFromModel(raw, normalizePostmortem({ ...raw, timezone: 'UTC' }));
    expect(answers).toEqual({
      title: 'X',
      usersAffected: '',
      lessonsLearned: '',
      timeline: { items: [{ time: '6:00 AM', date: '2026-03-14', text: 'Recovered.', label: null }], complete: true },
    });
  });

  it('reads services and tags lists as the answers typed, and an empty list as none', () => {
    const raw = { services: ['search-api', 'indexer'], tags: [] };
    expect(answersFromModel(raw, normalizePostmortem(raw))).toEqual({ services: 'search-api, indexer', tags: '' });
  });

  it('carries the fields the interview does not ask about', () => {
    const raw = { status: 'final', reviewers: ['Ann Lee'], reviewedAt: '2026-03-20', conclusion: 'Done.', otherSections: [{ heading: 'Responders', text: '- Dana' }], summary: { text: 'Prose.' } };
    expect(answersFromModel(raw, normalizePostmortem(raw)).carried).toEqual({
      status: 'final',
      reviewers: ['Ann Lee'],
      reviewedAt: '2026-03-20',
      conclusion: 'Done.',
      summaryText: 'Prose.',
      otherSections: [{ heading: 'Responders', text: '- Dana' }],
    });
  });

  it('lets later answers win when merged', () => {
    expect(mergeAnswers({ title: 'Draft', date: '2026-03-14' }, { title: 'Flag' })).toEqual({ title: 'Flag', date: '2026-03-14' });
  });
});

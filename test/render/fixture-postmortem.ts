/**
 * A made-up postmortem with every field set, used by the renderer's unit tests: an expired
 * TLS certificate on an internal payments gateway.
 */
import type { Postmortem } from '../../src/model/postmortem.js';

/** A full postmortem; call it for a fresh copy each test can change. */
export function certificateExpiryPostmortem(): Postmortem {
  return {
    title: 'Payments gateway rejected card payments after its TLS certificate expired',
    date: '2026-03-14',
    severity: 'SEV2',
    status: 'in-review',
    authors: ['Dana Lee', 'Sam Ortiz'],
    reviewers: [],
    reviewedAt: null,
    timezone: 'UTC-4',
    services: ['payments-gateway'],
    tags: ['expired-certificate', 'silent-failure'],
    summary: {
      text: 'Card payments failed for every shop that settles through the east region while the gateway presented an expired certificate.',
      start: '2026-03-14T02:00:00-04:00',
      end: '2026-03-14T03:35:00-04:00',
      durationMinutes: 95,
      impact: 'Shoppers saw "payment could not be processed" at checkout; 4,210 orders were not placed.',
      usersAffectedPercent: 38,
      rootCause: 'The renewal job had been failing silently for six weeks, so the certificate expired at 02:00.',
    },
    timeline: [
      { time: null, at: null, label: 'Detection Method', text: 'The checkout error-rate alert, not the certificate monitor.' },
      { time: '2:00 AM', at: '2026-03-14T02:00:00-04:00', label: null, text: 'The certificate expired and handshakes with the card network began to fail.' },
      { time: '2:07 AM', at: '2026-03-14T02:07:00-04:00', label: 'Detection', text: 'The checkout error-rate alert paged the on-call engineer.' },
      { time: '2:40 AM', at: '2026-03-14T02:40:00-04:00', label: 'Escalation', text: 'Security on-call joined to issue a certificate by hand.' },
      { time: '3:35 AM', at: '2026-03-14T03:35:00-04:00', label: null, text: 'The new certificate was deployed and payments recovered.' },
    ],
    rootCause:
      'The gateway certificate is renewed by a nightly job that calls the internal CA.\n\nIn January the CA moved to a new hostname. The job kept calling the old one, logged a warning and exited 0, so nothing alerted.',
    resolution: 'Security issued a certificate by hand and we rolled it out to the four gateway hosts, one at a time.',
    correctiveActions: {
      improvements: ['Treat a failed renewal as a page, not a warning.', 'Monitor certificate expiry from outside the host.'],
      tasks: [
        { text: 'Point the renewal job at the new CA hostname', owner: 'Sam Ortiz', due: '2026-03-15', priority: 'P1', issue: 'PAY-311', done: true },
        { text: 'Alert when any certificate expires within 14 days | all regions', owner: 'Dana Lee', due: '2026-03-28', priority: 'P2', issue: null, done: false },
        { text: 'Write a runbook for issuing a certificate by hand', owner: null, due: null, priority: null, issue: null, done: false },
      ],
    },
    lessonsLearned:
      '### What went well\n\nThe error-rate alert caught the failure within minutes.\n\n### What went wrong\n\nThe renewal job reported success while failing.',
    conclusion: 'Payments were down for 95 minutes because a quiet job failure went unnoticed; the fixes above make it loud.',
    otherSections: [
      { heading: 'Responders', text: '- Sam Ortiz (incident commander)\n- Dana Lee (payments on-call)' },
      { heading: 'Glossary', text: '**CA**: certificate authority.' },
    ],
  };
}

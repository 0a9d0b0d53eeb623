/** summary-impact: the summary quantifies the impact, as a share or a count of who or what was affected. */
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { summaryHasContent, sectionsOf, summaryLine, summaryRanges, textOf } from './support/sections.js';

// Who or what an impact is counted in. Wider than the parser's list: requests, builds and funds are impact too.
const AFFECTED = '(?:users?|customers?|clients?|visitors?|people|accounts?|members?|subscribers?|merchants?|shoppers?|buyers?|sellers?|tenants?|organi[sz]ations?|teams?|developers?|employees?|staff|students?|players?|patients?|drivers?|riders?|readers?|learners?|requests?|queries|calls?|api calls?|transactions?|payments?|deposits?|assets?|balances?|orders?|purchases?|logins?|sessions?|sign-?ups?|messages?|emails?|notifications?|jobs?|builds?|deployments?|downloads?|uploads?|files?|pages?|page ?views?|sites?|websites?|repositories|repos?|hubs?|projects?|devices?|machines?|servers?|instances?|nodes?|validators?|wallets?|addresses|tokens?|funds?|traffic|searches|bookings?|tickets?|records?|rows?|events?|errors?|failures?|checkouts?|apps?|services?|regions?|countries|cities)';
// The unit takes its own spaces, and a count does not start after a comma: an open `\s*` before the
// `\s+` below, or a start at every comma of a long "1,1,1,...", backtracked quadratically.
const AMOUNT = '(?:\\d(?:[\\d,.]*\\d)?(?:\\s*(?:k|m|million|thousand|hundred|billion))?|a (?:few )?(?:dozen|hundred|thousand|million)|dozens|hundreds|thousands|tens of thousands|millions|all(?: of)?(?: the| our| its)?|every|each|none of(?: the| our)?|no|half(?: of)?(?: the| our)?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)';

/** Patterns that quantify an impact; any one of them is enough. */
const QUANTIFIED: RegExp[] = [
  // A share: "75% of users", "an error rate of 30%", "30 percent".
  /\d\s*(?:%|percent\b|per cent\b)/i,
  // A count of who or what: "1,200 orders", "all users", "3 of 40 tenants", "every request".
  new RegExp(`(?:^|[^\\w.,])${AMOUNT}\\s+(?:(?:of|out of)\\s+\\d[\\d,]*\\s+)?(?:(?!(?:hours?|minutes?|mins?|seconds?|days?|weeks?|months?|years?|h|am|pm)\\b)[\\w'-]+\\s+){0,3}${AFFECTED}\\b`, 'i'),
  // Money or tokens lost or at risk: "$12,000", "USD 4M", "€3k", "11m DAI".
  /(?:[$€£]\s?\d|(?<![\w,.])\d[\d,.]*\s*(?:(?:k|m|million|billion)\s*)?(?:usd|eur|gbp|dollars|euros|eth|btc|dai|usdc|usdt)\b)/i,
  // An explicit none is a quantity too: "No known impact", "no customers were affected".
  /\bno (?:known |user[- ]facing |customer[- ]facing |measurable |noticeable |perceivable )?(?:impact|outage|downtime)\b|\bno (?:users?|customers?|clients?) (?:were|was) (?:affected|impacted)\b/i,
];

export default defineRule({
  id: 'summary-impact',
  description: 'The summary quantifies the impact (a share or count of users, requests, orders...)',
  tags: ['summary'],
  severity: 'warn',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, lines, report }) {
    if (!summaryHasContent(doc)) return;
    if (doc.summary.usersAffectedPercent !== null) return;
    const texts = [...summaryRanges(doc, lines).map((range) => textOf(lines, range)), doc.summary.impact ?? ''];
    if (texts.some((text) => QUANTIFIED.some((pattern) => pattern.test(text)))) return;
    const impactSection = sectionsOf(doc, 'impact')[0];
    report({
      message: 'The impact is not quantified: say how many or what share of users, requests or orders were affected (for example "About 30% of checkout requests failed")',
      line: impactSection?.line ?? summaryLine(doc, lines),
    });
  },
});

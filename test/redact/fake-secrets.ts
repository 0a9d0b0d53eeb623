/**
 * Fake credentials for tests: shaped like the real ones (so the scanners find them) but
 * obviously fake (FAKE, repeated filler) and built by joining parts, so that no scanner or
 * push protection sees a whole credential in this repository's source.
 */

/** `count` copies of `part`. */
const filler = (part: string, count: number): string => part.repeat(count);

/** A base64url segment of a JWT: the JSON `{"fake":"<word>"}` encoded. */
const jwtPart = (word: string): string => Buffer.from(JSON.stringify({ fake: word, note: 'not a real token' })).toString('base64url');

/** One fake of each kind the rule must find: [name, the text written, the value --fix replaces]. */
export function fakeSecrets(): Array<{ name: string; line: string; value: string }> {
  const github = ['gh', 'p_', 'FAKE', filler('0aZ', 10), 'fa'].join('');
  const githubFine = ['github', '_pat_', 'FAKE', filler('0aZ9b', 15), 'fak'].join('');
  const awsId = ['AK', 'IA', 'FAKE', filler('EXMP', 3)].join('');
  const awsSecret = ['FAKE', filler('0aZ9/bY8+', 3), '0aZ9bY8x1'].join('');
  const slack = ['xo', 'xb-', '1234567890', '-', '1234567890', '-', 'FAKE', filler('fake', 5)].join('');
  const npm = ['np', 'm_', 'FAKE', filler('0aZ9', 8)].join('');
  const openai = ['s', 'k-', 'proj-', 'FAKE', filler('0aZ9_b', 9), 'T3Blbk', 'FJ', 'FAKE', filler('0aZ9_b', 9)].join('');
  const sendgrid = ['S', 'G.', 'FAKE', filler('0aZ9b', 3), '0aZ', '.', 'FAKE', filler('0aZ9b', 7), '0aZ9'].join('');
  const stripe = ['s', 'k_', 'live_', 'FAKE', filler('0aZ9', 6)].join('');
  const gitlab = ['gl', 'pat-', 'FAKE', filler('0aZ9', 4)].join('');
  const google = ['AI', 'za', 'FAKE', filler('0aZ9_b', 5), 'f'].join('');
  const jwt = [['ey', 'J'].join('') + jwtPart('header').slice(3), jwtPart('payload'), 'FAKEsignature0aZ9'].join('.');
  const dbPassword = ['Fake', 'Pa55', 'w0rd'].join('');
  const urlPassword = ['Fake', 'Hook', '9x7'].join('');
  const redisPassword = ['Fake', 'Redis', '42q'].join('');
  const assigned = ['Fake', '0aZ9', 'bY8x', 'Q7w'].join('');
  const keyBody = ['MII', filler('FAKEfake0123', 10)].join('');
  const pem = [['-----BEGIN RSA ', 'PRIVATE KEY-----'].join(''), keyBody, ['-----END RSA ', 'PRIVATE KEY-----'].join('')].join('\n');
  return [
    { name: 'a GitHub personal access token', line: `The CI job printed ${github} in its log.`, value: github },
    { name: 'a fine-grained GitHub token', line: `token ${githubFine} leaked`, value: githubFine },
    { name: 'an AWS access key ID', line: `Key ${awsId} was used.`, value: awsId },
    { name: 'an AWS secret access key', line: `aws_secret_access_key = ${awsSecret}`, value: awsSecret },
    { name: 'a Slack bot token', line: `SLACK_TOKEN was ${slack}`, value: slack },
    { name: 'an npm token', line: `registry token ${npm}`, value: npm },
    { name: 'an OpenAI key', line: `key ${openai} in the env dump`, value: openai },
    { name: 'a SendGrid key', line: `mailer used ${sendgrid}`, value: sendgrid },
    { name: 'a Stripe secret key', line: `billing key ${stripe}`, value: stripe },
    { name: 'a GitLab token', line: `runner token ${gitlab}`, value: gitlab },
    { name: 'a Google API key', line: `maps key ${google}`, value: google },
    { name: 'a JWT', line: `Authorization: Bearer ${jwt}`, value: jwt },
    { name: 'a password in a database connection string', line: `DATABASE_URL=postgres://app:${dbPassword}@db.internal:5432/orders`, value: dbPassword },
    { name: 'a password in an https URL', line: `The hook posted to https://deploy:${urlPassword}@ci.internal.net/hook`, value: urlPassword },
    { name: 'a password in a redis URL', line: `cache at redis://default:${redisPassword}@cache-1:6379`, value: redisPassword },
    { name: 'a password= assignment', line: `we found password=${assigned} in the config`, value: assigned },
    { name: 'a private key block', line: pem, value: keyBody },
  ];
}

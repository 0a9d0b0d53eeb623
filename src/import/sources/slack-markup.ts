/**
 * Slack's message markup made plain text for a timeline entry. Slack writes mentions, channel
 * links, special mentions and links inside angle brackets, and escapes `&`, `<` and `>` in
 * what the person typed, so the brackets are read first and the three entities undone after.
 */
import { oneLine } from '../record-fields.js';

/** The names markup refers to: user ids to display names, channel ids to channel names. */
export interface SlackNames {
  users: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack markup as plain text on one line: `<@U123>` becomes `@Name`, `<#C1|name>` `#name`,
 * `<!here>` `@here`, `<!subteam^S1|@oncall>` `@oncall`, `<!date^...|fallback>` its fallback,
 * `<https://x|label>` `label (https://x)`, `<https://x>` `https://x`, `<mailto:a@b.c|a@b.c>`
 * `a@b.c`; `&amp;`, `&lt;` and `&gt;` are decoded and line breaks become spaces.
 */
export function slackPlainText(text: string, names: SlackNames): string {
  const unbracketed = text.replace(/<([^<>\n]*)>/g, (_whole, inner: string) => bracketText(inner, names));
  return oneLine(unbracketed.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity)) ?? '';
}

function bracketText(inner: string, names: SlackNames): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  switch (target[0]) {
    case '@': {
      const id = target.slice(1);
      return `@${names.users.get(id) ?? (label ? label.replace(/^@/, '') : id)}`;
    }
    case '#': {
      const id = target.slice(1);
      return `#${label ? label.replace(/^#/, '') : (names.channels.get(id) ?? id)}`;
    }
    case '!':
      return specialMention(target.slice(1), label);
    default:
      return link(target, label);
  }
}

/** `!here`, `!channel`, `!everyone`, `!subteam^S1|@oncall`, `!date^1710425100^{date}|March 14`. */
function specialMention(command: string, label: string | null): string {
  const name = command.split('^')[0] as string;
  if (name === 'date') return label ?? '';
  if (label) return name === 'subteam' && !label.startsWith('@') ? `@${label}` : label;
  return `@${name === 'subteam' ? (command.split('^')[1] ?? name) : name}`;
}

/** A link: its label and where it goes, or only where it goes when the label says no more (Slack labels a pasted link with the link itself). */
function link(url: string, label: string | null): string {
  // A mail link is shown as the address; any other link as written.
  const shown = url.replace(/^mailto:/i, '');
  const saysNoMore = !label || label === url || label === shown || label === url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return saysNoMore ? shown : `${label} (${shown})`;
}

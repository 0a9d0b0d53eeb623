/**
 * Slack: a workspace export (the unzipped folder: `users.json`, `channels.json`, one folder per
 * channel of `YYYY-MM-DD.json` day files, each an array of messages), one channel's folder of
 * day files, or one day file. Each message a person wrote becomes `Name: text`, with user ids
 * made display names and Slack's markup made plain text.
 *
 * What is kept: messages, `/me` messages, files shared with a comment, replies also sent to the
 * channel (`thread_broadcast`), and bot messages that read like an alert or a deploy (the pager,
 * the monitoring, the deploy bot: what a timeline is rebuilt from). What is skipped: joins,
 * leaves, topic and purpose changes, pins and every other notice that is not a message; other
 * bot messages (reminders, stand-up prompts, polls); thread replies unless `includeThreads`.
 *
 * Only the day files that can hold an event in the window are read: a day file is named by its
 * date, and a day either side is read too, as the days are cut in a zone the file does not say.
 * Each day file, and users.json, is streamed: a 200 MB export is read in bounded memory.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { streamJsonArray } from '../json-stream.js';
import { countOf, field, isPlainObject, oneLine } from '../record-fields.js';
import { detachedString, inWindow, sourceFileError, statSource, utcDate } from '../source-input.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../types.js';
import { slackPlainText, type SlackNames } from './slack-markup.js';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Subtypes that are a person's message; every other subtype is a notice (join, topic, pin, ...) and skipped. */
const MESSAGE_SUBTYPES = new Set(['me_message', 'thread_broadcast', 'file_share']);

/**
 * A bot message is kept when it reads like an alert, a page, an incident update or a deploy:
 * what monitoring, the pager and the deploy pipeline post. Reminders, stand-up prompts, polls
 * and the like are noise in a timeline.
 */
const ALERT_WORDS =
  /\b(?:alerts?|alerting|firing|fired|triggered|resolved|recovered|acknowledged|incidents?|outage|down|degraded|critical|warning|errors?|fail(?:ed|ing|ure)?|pag(?:e|ed|ing)|deploy(?:s|ed|ing|ment)?|roll(?:ed)? ?back|rollback|released?|sev ?\d|p[0-4])\b/i;

/** Whether a bot's message text reads like an alert or a deploy notice. */
export function slackBotTextIsAlert(text: string): boolean {
  return ALERT_WORDS.test(text);
}

/** The reader of Slack exports. */
export const slackReader: TimelineSourceReader = {
  name: 'slack',
  detect(path, head, isDirectory) {
    if (isDirectory) return looksLikeSlackFolder(path);
    // A day file: an array of message objects with Slack's `ts` ("1710425100.000200").
    return /^\s*\[\s*(?:\{|$)/.test(head) && /"ts"\s*:\s*"\d{9,}\.\d+"/.test(head);
  },
  read(path, options) {
    return readSlack(path, options);
  },
};

function looksLikeSlackFolder(path: string): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.some((entry) => entry.isFile() && (entry.name === 'channels.json' || entry.name === 'users.json'))) return true;
  if (entries.some((entry) => entry.isFile() && DAY_FILE.test(entry.name))) return true;
  // An export's channel folders without the top-level files (so that reading it can say users.json is missing).
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .slice(0, 20)
    .some((entry) => {
      try {
        return readdirSync(join(path, entry.name)).some((name) => DAY_FILE.test(name));
      } catch {
        return false;
      }
    });
}

/** One day file to read, with its channel's name (for where an event came from). */
interface DayFile {
  absolute: string;
  display: string;
  date: string;
}

/** What was skipped that a reader of the timeline might miss: said once per source. */
interface Skipped {
  threadReplies: number;
  botMessages: number;
}

async function* readSlack(path: string, options: ImportReadOptions): AsyncGenerator<ImportedEvent> {
  const absolute = resolve(options.cwd, path);
  const stats = await statSource(absolute, path);
  const layout = stats.isDirectory() ? await folderLayout(absolute, path, options) : partLayout(absolute, path, [dirname(absolute), dirname(dirname(absolute))]);
  const names = await readNames(layout, options);
  const skipped: Skipped = { threadReplies: 0, botMessages: 0 };
  for (const day of layout.days) {
    if (!dayMayHoldWindow(day.date, options)) continue;
    yield* readDayFile(day, names, options, skipped);
  }
  // Said after the reading, so that a file that cannot be read gets its error alone.
  if (!layout.usersFile) {
    const searched = layout.searched.map((folder) => displayOf(folder, options)).join(' or ');
    options.onWarning?.(`${path}: no users.json in ${searched}: people are named from the messages' own profiles where they carry one, else by user id`);
  }
  const told: string[] = [];
  if (skipped.threadReplies > 0) told.push(`${countOf(skipped.threadReplies, 'thread reply', 'thread replies')} (--include-threads keeps them)`);
  if (skipped.botMessages > 0) told.push(`${countOf(skipped.botMessages, 'bot message')} that did not read like an alert or a deploy`);
  if (told.length > 0) options.onWarning?.(`${path}: skipped ${told.join(' and ')}`);
}

/** Where the day files and the name files are. */
interface SlackLayout {
  days: DayFile[];
  /** users.json, or null when there is none (a day file or channel folder on its own). */
  usersFile: string | null;
  /** channels.json and its kin (private channels), for channel ids written without a name. */
  channelFiles: string[];
  /** Where users.json was looked for, for the warning when it is not found. */
  searched: string[];
}

/** A workspace export folder (channel folders inside) or one channel's folder (day files inside). */
async function folderLayout(absolute: string, display: string, options: ImportReadOptions): Promise<SlackLayout> {
  const entries = await readdir(absolute, { withFileTypes: true }).catch((error: unknown) => {
    throw sourceFileError(error, display);
  });
  if (entries.some((entry) => entry.isFile() && DAY_FILE.test(entry.name))) {
    // One channel's folder: its names are in the export around it, when it is still there.
    return partLayout(absolute, display, [absolute, dirname(absolute)], entries);
  }
  const usersFile = join(absolute, 'users.json');
  if (!isFile(usersFile)) {
    throw new PostmortemError(
      'a Slack export without users.json: unzip the whole export (users.json is at the top of the zip) or import one channel folder or day file from it',
      { filePath: display },
    );
  }
  const channelFolders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  const wanted = selectedChannels(channelFolders, options.channels, display);
  const days: DayFile[] = [];
  for (const channel of wanted) {
    const files = await readdir(join(absolute, channel)).catch((error: unknown) => {
      throw sourceFileError(error, join(display, channel));
    });
    days.push(...dayFiles(join(absolute, channel), join(display, channel), files));
  }
  if (days.length === 0) throw new PostmortemError('a Slack export with no day files (YYYY-MM-DD.json) in its channel folders', { filePath: display });
  return { days, usersFile, channelFiles: channelListFiles(absolute), searched: [absolute] };
}

/** A day file, or a channel's folder: users.json is looked for in the folders named, nearest first. */
function partLayout(absolute: string, display: string, searched: string[], entries: Dirent[] | null = null): SlackLayout {
  const days = entries
    ? dayFiles(absolute, display, entries.filter((entry) => entry.isFile()).map((entry) => entry.name))
    : [{ absolute, display, date: DAY_FILE.exec(basename(absolute))?.[1] ?? '' }];
  const home = searched.find((folder) => isFile(join(folder, 'users.json'))) ?? null;
  return { days, usersFile: home ? join(home, 'users.json') : null, channelFiles: home ? channelListFiles(home) : [], searched };
}

function dayFiles(folder: string, display: string, names: string[]): DayFile[] {
  return names
    .filter((name) => DAY_FILE.test(name))
    .sort()
    .map((name) => ({ absolute: join(folder, name), display: join(display, name), date: name.slice(0, 10) }));
}

function channelListFiles(folder: string): string[] {
  return ['channels.json', 'groups.json'].map((name) => join(folder, name)).filter(isFile);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The channel folders to read: all, or those named (`#` optional, any case); a name the export does not have is an error. */
function selectedChannels(folders: string[], wanted: readonly string[] | undefined, display: string): string[] {
  if (!wanted || wanted.length === 0) return folders;
  const byName = new Map(folders.map((folder) => [folder.toLowerCase(), folder]));
  return [...new Set(wanted)].map((name) => {
    const folder = byName.get(name.replace(/^#/, '').toLowerCase());
    if (!folder) {
      // A large workspace has hundreds of channels: name the first few and count the rest.
      const shown = folders.slice(0, 20).map((channel) => `#${channel}`).join(', ');
      const known = folders.length === 0 ? 'none' : folders.length > 20 ? `${shown} and ${folders.length - 20} more` : shown;
      throw new PostmortemError(`no channel #${name.replace(/^#/, '')} in this Slack export (its channels: ${known})`, { filePath: display });
    }
    return folder;
  });
}

/** Whether a day file can hold an event in the window: its date, a day either side, against the window's UTC dates. */
function dayMayHoldWindow(date: string, options: ImportReadOptions): boolean {
  if (!date) return true;
  const DAY = 86_400_000;
  if (typeof options.since === 'number' && Number.isFinite(options.since) && date < utcDate(options.since - DAY)) return false;
  if (typeof options.until === 'number' && Number.isFinite(options.until) && date > utcDate(options.until + DAY)) return false;
  return true;
}

/**
 * users.json's names and the channel lists' names by id. The maps hold copies (see
 * detachedString): a streamed users.json of a large workspace is hundreds of megabytes, and
 * a name kept as read would keep its whole read block.
 */
async function readNames(layout: SlackLayout, options: ImportReadOptions): Promise<SlackNames> {
  const users = new Map<string, string>();
  if (layout.usersFile) {
    for await (const { value } of streamJsonArray(layout.usersFile, displayOf(layout.usersFile, options), { what: "Slack's users.json" })) {
      const id = text(field(value, 'id'));
      const name = isPlainObject(value) ? personName(value) : null;
      if (id && name) users.set(detachedString(id), detachedString(name));
    }
  }
  const channels = new Map<string, string>();
  for (const file of layout.channelFiles) {
    for await (const { value } of streamJsonArray(file, displayOf(file, options), { what: "Slack's channel list" })) {
      const id = text(field(value, 'id'));
      const name = text(field(value, 'name'));
      if (id && name) channels.set(detachedString(id), detachedString(name));
    }
  }
  return { users, channels };
}

/** A file found next to the source, named as the user would: relative to where they are when it is below it, else in full. */
function displayOf(absolute: string, options: ImportReadOptions): string {
  const path = relative(resolve(options.cwd), absolute);
  return path === '' ? '.' : path.startsWith('..') || isAbsolute(path) ? absolute : path;
}

/** users.json's name for a person: the display name they chose, else their full name, else their handle. */
function personName(user: Record<string, unknown>): string | null {
  const profile = user['profile'];
  return text(field(profile, 'display_name')) ?? text(user['real_name']) ?? text(field(profile, 'real_name')) ?? text(user['name']);
}

async function* readDayFile(day: DayFile, names: SlackNames, options: ImportReadOptions, skipped: Skipped): AsyncGenerator<ImportedEvent> {
  for await (const { index, value } of streamJsonArray(day.absolute, day.display, { what: 'a Slack day file (an array of messages)' })) {
    const message = isPlainObject(value) ? value : null;
    if (!message || (message['type'] !== undefined && message['type'] !== 'message')) continue;
    const at = slackTimestamp(message['ts']);
    if (at === null) {
      throw new PostmortemError(`message ${index + 1} has no readable ts (${JSON.stringify(message['ts']) ?? 'none'}): expected epoch seconds such as "1710425100.000200"`, { filePath: day.display });
    }
    if (!inWindow(at, options)) continue;
    const event = messageEvent(message, names, options, skipped);
    // A copy: the text of a streamed day file is a slice of its read block (see detachedString).
    if (event) yield { at, text: detachedString(event), label: null, source: 'slack', origin: `${day.display}#${index + 1}` };
  }
}

/** `Name: text` for a message worth a timeline entry, or null (counting the skips worth telling). */
function messageEvent(message: Record<string, unknown>, names: SlackNames, options: ImportReadOptions, skipped: Skipped): string | null {
  const subtype = text(message['subtype']);
  const isBot = subtype === 'bot_message' || (subtype === null && text(message['bot_id']) !== null);
  if (subtype !== null && subtype !== 'bot_message' && !MESSAGE_SUBTYPES.has(subtype)) return null;
  const threadTs = text(message['thread_ts']);
  if (threadTs !== null && threadTs !== text(message['ts']) && subtype !== 'thread_broadcast' && !options.includeThreads) {
    skipped.threadReplies += 1;
    return null;
  }
  const body = slackPlainText(messageText(message), names);
  if (!body) return null;
  if (isBot && !slackBotTextIsAlert(body)) {
    skipped.botMessages += 1;
    return null;
  }
  return `${oneLine(authorName(message, names)) ?? ''}: ${body}`;
}

/** The message's text; for a bot's message with attachments only, the first attachment's; for a file shared without comment, the file's title. */
function messageText(message: Record<string, unknown>): string {
  const own = text(message['text']);
  if (own) return own;
  const attachments = Array.isArray(message['attachments']) ? message['attachments'] : [];
  for (const attachment of attachments) {
    const found = text(field(attachment, 'fallback')) ?? text(field(attachment, 'text')) ?? text(field(attachment, 'title')) ?? text(field(attachment, 'pretext'));
    if (found) return found;
  }
  const files = Array.isArray(message['files']) ? message['files'] : [];
  const title = text(field(files[0], 'title')) ?? text(field(files[0], 'name'));
  return title ? `shared a file: ${title}` : '';
}

/** Who wrote a message: users.json's name, the message's own profile, a bot's name, or the id as it is. */
function authorName(message: Record<string, unknown>, names: SlackNames): string {
  const user = text(message['user']);
  const known = user ? names.users.get(user) : undefined;
  if (known) return known;
  const profile = message['user_profile'];
  const fromProfile = text(field(profile, 'display_name')) ?? text(field(profile, 'real_name')) ?? text(field(profile, 'name'));
  if (fromProfile) return fromProfile;
  const bot = text(message['username']) ?? text(field(message['bot_profile'], 'name'));
  return bot ?? user ?? text(message['bot_id']) ?? 'unknown';
}

/** Epoch milliseconds of Slack's `ts` ("1710425100.000200": seconds, then microseconds that make it unique), or null. */
export function slackTimestamp(ts: unknown): number | null {
  const match = typeof ts === 'string' ? /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts) : null;
  if (!match) return null;
  return Number(match[1]) * 1000 + Math.floor(Number((match[2] ?? '').padEnd(6, '0')) / 1000);
}

/** A non-empty string, trimmed, or null. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// Writes a generated Slack workspace export for the import benchmark (scripts/bench/import.js):
// users.json, channels.json and one folder per channel of YYYY-MM-DD.json day files, shaped as
// Slack writes them (4-space indented arrays of messages with `ts`, `user`, `text`, and now and
// then a join, a thread reply, a bot message and markup). Made up; no real workspace's text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// A small deterministic generator, so every run writes the same export.
import { random } from '../generate-postmortems.js';

const WORDS = 'checkout api error rate latency deploy rollback database replica queue worker cache timeout retry alert page dashboard canary region traffic config flag payment customer support status update restart node pool memory disk'.split(' ');

/**
 * Writes an export of `messages` messages into `folder`, spread evenly over `days` days from
 * `firstDay` (UTC) and over `channels` channels. Returns the bytes written and the day
 * files' count. With `oneDayFile`, every message goes into a single day file instead (a
 * large file, for the memory figure).
 */
export function writeSlackExport(folder, { messages = 100_000, days = 400, channels = 4, users = 300, firstDay = '2025-01-01', oneDayFile = false, seed = 12 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  mkdirSync(folder, { recursive: true });
  const userList = Array.from({ length: users }, (_, index) => ({
    id: `U${String(index).padStart(8, '0')}`,
    team_id: 'TBENCH0001',
    name: `person${index}`,
    deleted: false,
    real_name: `Person ${index}`,
    is_bot: false,
    profile: { display_name: index % 3 === 0 ? '' : `p${index}`, real_name: `Person ${index}` },
  }));
  const channelList = Array.from({ length: channels }, (_, index) => ({ id: `C${String(index).padStart(8, '0')}`, name: `channel-${index}`, created: 1700000000, members: [] }));
  let bytes = 0;
  const write = (path, value) => {
    const text = JSON.stringify(value, null, 4);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  write(join(folder, 'users.json'), userList);
  write(join(folder, 'channels.json'), channelList);
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  const perDayFile = oneDayFile ? messages : Math.ceil(messages / (days * channels));
  let written = 0;
  let files = 0;
  for (let day = 0; written < messages; day += 1) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (const channel of channelList) {
      if (written >= messages) break;
      const count = Math.min(perDayFile, messages - written);
      const list = [];
      for (let index = 0; index < count; index += 1) {
        const seconds = Math.floor((start + day * 86_400_000) / 1000 + (index * 86_400) / count);
        const ts = `${seconds}.${String(index).padStart(6, '0')}`;
        const user = pick(userList).id;
        const words = Array.from({ length: 6 + Math.floor(next() * 18) }, () => pick(WORDS)).join(' ');
        const roll = next();
        if (roll < 0.02) list.push({ type: 'message', subtype: 'channel_join', ts, user, text: `<@${user}> has joined the channel` });
        else if (roll < 0.1 && list.length > 0) list.push({ type: 'message', ts, user, text: words, thread_ts: list[list.length - 1].ts, parent_user_id: user });
        else if (roll < 0.13) list.push({ type: 'message', subtype: 'bot_message', ts, bot_id: 'B00000001', username: 'alerts', text: `[FIRING:1] ${words}` });
        else if (roll < 0.2) list.push({ type: 'message', ts, user, text: `<@${pick(userList).id}> ${words} <https://example.com/${pick(WORDS)}|${pick(WORDS)}> &amp; more`, user_profile: { display_name: '', real_name: 'Someone' } });
        else list.push({ type: 'message', ts, user, text: words });
      }
      mkdirSync(join(folder, channel.name), { recursive: true });
      write(join(folder, channel.name, `${date}.json`), list);
      written += count;
      files += 1;
      if (oneDayFile) break;
    }
  }
  return { bytes, files };
}

/** The user's name as git knows it: the default author of `new`, and who `actions --mine` means. */
import { execFile } from 'node:child_process';

/** `git config user.name`, quickly, or null: no git, no name, or not answering within a second. */
export function gitUserName(cwd: string, env: Record<string, string | undefined>): Promise<string | null> {
  return new Promise((done) => {
    execFile('git', ['config', 'user.name'], { cwd, env: env as NodeJS.ProcessEnv, timeout: 1000, encoding: 'utf8' }, (error, stdout) => {
      done(error ? null : stdout.trim() || null);
    });
  });
}

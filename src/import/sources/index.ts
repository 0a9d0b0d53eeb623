/**
 * The source readers, by name. Detection (which reader takes a file) tries them in the
 * order of IMPORT_SOURCE_NAMES.
 */
import type { TimelineSourceReader } from '../types.js';
import { alertmanagerReader } from './alertmanager.js';
import { gitReader } from './git.js';
import { pagerDutyReader } from './pagerduty.js';

export { alertmanagerReader, gitReader, pagerDutyReader };

/** The readers of this branch: PagerDuty, Alertmanager and git (Slack and generic come with detection). */
export const SOURCE_READERS: readonly TimelineSourceReader[] = [pagerDutyReader, alertmanagerReader, gitReader];

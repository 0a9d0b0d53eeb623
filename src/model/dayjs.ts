/**
 * dayjs, with the one plugin postmortem uses (strict `YYYY-MM-DD` parsing), for the interview's
 * checks, validation and template helpers. The parser and lint do their time arithmetic in
 * time.ts without it, so they never load it.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

export { dayjs };

/** Every helper the Markdown templates can call, registered on a Handlebars instance. */
import type Handlebars from 'handlebars';
import type { TemplateHelpers } from './helper.js';
import { logicHelpers } from './logic-helpers.js';
import { markdownHelpers } from './markdown-helpers.js';
import { otherSectionHelpers } from './other-section-helpers.js';
import { taskHelpers } from './task-helpers.js';
import { timeHelpers } from './time-helpers.js';
import { timelineHelpers } from './timeline-helpers.js';

export type { TemplateHelper, TemplateHelpers } from './helper.js';

/** All template helpers by name, in the order docs/templates.md lists them. */
export const templateHelpers: TemplateHelpers = {
  ...markdownHelpers,
  ...timeHelpers,
  ...timelineHelpers,
  ...taskHelpers,
  ...otherSectionHelpers,
  ...logicHelpers,
};

/** Registers every template helper on a Handlebars instance (once, when it is created). */
export function registerTemplateHelpers(handlebars: typeof Handlebars): void {
  for (const [name, { helper }] of Object.entries(templateHelpers)) handlebars.registerHelper(name, helper);
}

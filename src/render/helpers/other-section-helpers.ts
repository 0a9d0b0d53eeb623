/**
 * Helpers that place unrecognised sections. Layouts such as PagerDuty's have slots
 * (Responders, Trigger, Detection) the model has no field for; a section with that heading
 * goes in its slot, the rest at the end.
 */
import type { OtherSection } from '../../model/postmortem.js';
import { helperArguments, helperOptions, renderedPostmortem, textOf, type TemplateHelpers } from './helper.js';

const sameHeading = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function otherSectionsOf(options: Parameters<typeof renderedPostmortem>[0]): OtherSection[] {
  const sections = renderedPostmortem(options).otherSections;
  return Array.isArray(sections) ? sections : [];
}

/** Helpers for unrecognised sections. */
export const otherSectionHelpers: TemplateHelpers = {
  otherSection: {
    usage: '{{#with (otherSection "Responders")}}{{text}}{{/with}}',
    description: 'The first other section with that heading (any case), or nothing.',
    helper: (...args: unknown[]) => {
      const heading = textOf(helperArguments(args)[0]);
      return otherSectionsOf(helperOptions(args)).find((section) => sameHeading(section.heading, heading));
    },
  },
  otherSectionsExcept: {
    usage: '{{#each (otherSectionsExcept "Responders" "Trigger")}}...{{/each}}',
    description: 'The other sections, in order, without those whose headings are given (because the template placed them already).',
    helper: (...args: unknown[]) => {
      const placed = helperArguments(args).map(textOf);
      return otherSectionsOf(helperOptions(args)).filter((section) => !placed.some((heading) => sameHeading(section.heading, heading)));
    },
  },
};

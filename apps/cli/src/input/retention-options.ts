import type { OptionDefinition } from '../command-shape.js';

// The options every retention command (`sessions prune`, `objects prune`) shares, so they read
// and complete the same way.

export const OLDER_THAN_OPTION: OptionDefinition = {
  flags: '--older-than <age>',
  description: 'age: seconds (7776000), 90d, 12h, 30min, 2w, 3mo, 1y or P3M',
};

export const DRY_RUN_OPTION: OptionDefinition = {
  flags: '--dry-run',
  description: 'show what would be deleted, delete nothing',
};

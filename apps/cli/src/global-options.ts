import type { OptionDefinition } from './command-shape.js';

/** Options every command accepts, before or after the subcommand. */
export interface GlobalOptions {
  profile?: string;
  endpoint?: string;
  appKey?: string;
  service?: string;
  json: boolean;
  csv: boolean;
  yes: boolean;
  /** false with --no-color. */
  color: boolean;
  verbose: boolean;
}

export const GLOBAL_OPTION_DEFINITIONS: readonly OptionDefinition[] = [
  {
    flags: '--profile <name>',
    description: 'profile to use (default: OVH_PROFILE, then the default profile)',
  },
  { flags: '--endpoint <name|url>', description: 'API endpoint: ovh-eu, ovh-ca, ovh-us, … or any URL' },
  {
    flags: '--app-key <key>',
    description: 'application key (the secret is never taken from the command line)',
  },
  {
    flags: '--service <passport/pca>',
    description: 'work on one PCA service (default: the pinned one, else all)',
  },
  { flags: '--json', description: 'print JSON (documented shapes, exact bytes, ISO dates)' },
  { flags: '--csv', description: 'print lists as CSV' },
  { flags: '-y, --yes', description: 'answer yes to confirmations (required without a terminal)' },
  { flags: '--no-color', description: 'no colour (also NO_COLOR=1)' },
  { flags: '-v, --verbose', description: 'log each API call on stderr (secrets masked)' },
];

/** The global options followed by a value (`--profile acme`): that value is not a command. */
export const GLOBAL_OPTIONS_WITH_VALUE: readonly string[] = GLOBAL_OPTION_DEFINITIONS.filter((option) =>
  option.flags.includes('<'),
).map((option) => option.flags.split(' ')[0]!);

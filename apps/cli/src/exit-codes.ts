/**
 * The one table of exit codes. Commands set them through `process.exitCode` (never `process.exit`)
 * so pending output is flushed. Documented in docs/cli.md; scripts and cron jobs rely on them.
 */
export const ExitCode = {
  /** Everything asked for was done. */
  ok: 0,
  /** The command failed: API error, network, keychain, server refused. */
  failed: 1,
  /**
   * Bad usage or input: unknown flag, malformed ID, age, JSON, URL, profile; a destructive command
   * without a terminal and without --yes. A value given but malformed. Nothing was sent.
   */
  usage: 2,
  /** Partial failure: some items of a batch action succeeded, others failed. */
  partial: 3,
  /**
   * Not authenticated: a setting is absent (endpoint, application key, secret, consumer key; also
   * `login` without --app-key), or the consumer key is pending, refused, expired or unknown.
   */
  notAuthenticated: 4,
  /** Interrupted by the user (Ctrl-C), the shell convention 128 + SIGINT. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

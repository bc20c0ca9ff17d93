/** Diagnostics sink. Callers never pass secrets to it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug: () => {}, warn: () => {} };

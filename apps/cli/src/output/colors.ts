import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colour only on a terminal, never with NO_COLOR (any value), --no-color or TERM=dumb. */
export function shouldColor(
  stream: { isTTY?: boolean },
  env: { noColor: boolean; termDumb: boolean },
): boolean {
  return Boolean(stream.isTTY) && !env.noColor && !env.termDumb;
}

export function createColors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}

import { buildCli } from '../../build.mjs';

/** Vitest global setup: the tests run the bundle a user gets, so build it first (about 1 s). */
export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}

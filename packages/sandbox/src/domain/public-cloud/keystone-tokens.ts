/** Keystone tokens: valid 24 h (reference §8.2), refused after; expired ones pruned on issue. */
import { type RandomSource, randomAlphanumeric } from '../../state/seeded-random.js';
import { ownEntry } from '../cloud/own-entry.js';
import type { KeystoneTokenRecord, PublicCloudState } from './public-cloud-state.js';

export const TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

export function issueToken(
  cloud: PublicCloudState,
  random: RandomSource,
  input: { projectId: string; userId: string; nowMs: number },
): KeystoneTokenRecord {
  for (const [value, record] of Object.entries(cloud.tokens)) {
    if (record.expiresMs <= input.nowMs) delete cloud.tokens[value];
  }
  // Shaped like a Fernet token: `gAAAAA` then URL-safe characters.
  const token = `gAAAAA${randomAlphanumeric(random, 177)}`;
  const record = { token, ...input, issuedMs: input.nowMs, expiresMs: input.nowMs + TOKEN_LIFETIME_MS };
  delete (record as { nowMs?: number }).nowMs;
  cloud.tokens[token] = record;
  return record;
}

export function validToken(
  cloud: PublicCloudState,
  token: string,
  nowMs: number,
): KeystoneTokenRecord | undefined {
  const record = ownEntry(cloud.tokens, token);
  return record && record.expiresMs > nowMs ? record : undefined;
}

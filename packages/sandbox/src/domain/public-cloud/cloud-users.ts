/** OpenStack users of a project (`/cloud/project/{sn}/user`), shared by API v1 and Keystone. */
import { type RandomSource, randomAlphanumeric } from '../../state/seeded-random.js';
import { randomHex } from '../cloud/random-draws.js';
import type { CloudProjectRecord, CloudUserRecord, PublicCloudState } from './public-cloud-state.js';

/** cloud.user.RoleEnum (2026, reference §7). */
export const USER_ROLES = [
  'administrator',
  'ai_training_operator',
  'ai_training_read',
  'authentication',
  'backup_operator',
  'compute_operator',
  'image_operator',
  'infrastructure_supervisor',
  'key-manager_operator',
  'key-manager_read',
  'load-balancer_operator',
  'network_operator',
  'network_security_operator',
  'objectstore_operator',
  'quantum_operator',
  'quantum_reader',
  'share_operator',
  'volume_operator',
] as const;

export type UserStatus = 'creating' | 'ok';

export function createCloudUser(
  cloud: PublicCloudState,
  project: CloudProjectRecord,
  random: RandomSource,
  input: { description: string; roles: string[]; nowMs: number; creatingMs: number },
): CloudUserRecord {
  const user: CloudUserRecord = {
    id: cloud.nextUserId++,
    username: `user-${randomAlphanumeric(random, 12)}`,
    password: randomAlphanumeric(random, 32),
    openstackId: randomHex(random, 32),
    description: input.description,
    roles: input.roles,
    creationMs: input.nowMs,
    creatingMs: input.creatingMs,
  };
  project.users[String(user.id)] = user;
  return user;
}

export function userStatus(user: CloudUserRecord, nowMs: number): UserStatus {
  return nowMs < user.creationMs + user.creatingMs ? 'creating' : 'ok';
}

/** Object storage is what these roles reach (administrator reaches everything). */
export function canUseObjectStorage(user: CloudUserRecord): boolean {
  return user.roles.some((role) => role === 'administrator' || role === 'objectstore_operator');
}

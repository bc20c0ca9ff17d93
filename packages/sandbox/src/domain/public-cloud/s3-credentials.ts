/**
 * S3 credentials of OpenStack users (`/user/{id}/s3Credentials`, reference §7): an access key and a
 * secret, both 32 hex as OVH issues them. The S3 listeners look the secret up by access key.
 */
import type { RandomSource } from '../../state/seeded-random.js';
import { randomHex } from '../cloud/random-draws.js';
import type {
  CloudProjectRecord,
  CloudUserRecord,
  PublicCloudState,
  S3CredentialRecord,
} from './public-cloud-state.js';

export function createS3Credential(user: CloudUserRecord, random: RandomSource): S3CredentialRecord {
  const credential = { access: randomHex(random, 32), secret: randomHex(random, 32) };
  user.s3Credentials ??= [];
  user.s3Credentials.push(credential);
  return credential;
}

export interface FoundS3Credential {
  project: CloudProjectRecord;
  user: CloudUserRecord;
  credential: S3CredentialRecord;
}

export function findS3Credential(cloud: PublicCloudState, access: string): FoundS3Credential | undefined {
  for (const project of Object.values(cloud.projects)) {
    for (const user of Object.values(project.users)) {
      const credential = user.s3Credentials?.find((candidate) => candidate.access === access);
      if (credential) return { project, user, credential };
    }
  }
  return undefined;
}

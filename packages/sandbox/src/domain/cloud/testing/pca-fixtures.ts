/** Picks seeded objects for tests: they read the seeded state rather than rely on fixed ids. */
import type { CloudState, PcaServiceRecord, PcaSessionRecord } from '../cloud-state.js';

export interface PcaTarget {
  passport: string;
  service: PcaServiceRecord;
  /** `/cloud/{passport}/pca/{pca}` */
  base: string;
}

export function firstPca(cloud: CloudState): PcaTarget {
  const passport = Object.values(cloud.passports)[0]!;
  const service = Object.values(passport.pcaServices)[0]!;
  return {
    passport: passport.serviceName,
    service,
    base: `/cloud/${passport.serviceName}/pca/${service.serviceName}`,
  };
}

export function sessionsIn(
  service: PcaServiceRecord,
  baseState: PcaSessionRecord['baseState'],
): PcaSessionRecord[] {
  return Object.values(service.sessions).filter((session) => session.baseState === baseState);
}

export function firstSession(
  service: PcaServiceRecord,
  baseState: PcaSessionRecord['baseState'],
): PcaSessionRecord {
  const session = sessionsIn(service, baseState)[0];
  if (!session) throw new Error(`No seeded session in state ${baseState}`);
  return session;
}

export function firstUploading(service: PcaServiceRecord): PcaSessionRecord {
  const session = Object.values(service.sessions).find((candidate) => candidate.endMs === null);
  if (!session) throw new Error('No seeded session still uploading');
  return session;
}

/**
 * The seeded /cloud slice: 2–3 passports (32-hex project ids), each with 1–2 PCA offers
 * (`pca-` + 8 hex), `options.sessions` sessions per offer, `options.files` files per session
 * (derived on demand), past tasks and billing. Same options, same data.
 */
import type { SeedOptions } from '../../state/sandbox-state.js';
import {
  createSeededRandom,
  deriveSeed,
  type RandomSource,
  randomAlphanumeric,
  randomInt,
} from '../../state/seeded-random.js';
import type { CloudState, PcaAccountRecord, PcaServiceRecord } from './cloud-state.js';
import { randomHex } from './random-draws.js';
import { seedHistory } from './seed-pca-history.js';
import { SESSION_HISTORY_MS, seedSessions } from './seed-pca-sessions.js';

const DAY = 86_400_000;

export function seedCloudState(options: SeedOptions): CloudState {
  const random = createSeededRandom(deriveSeed(options.seed, 'cloud'));
  const cloud: CloudState = {
    passports: {},
    nextTaskId: randomInt(random, 11_000_000, 19_000_000),
    nextBillingId: randomInt(random, 1_000_000, 1_900_000),
  };
  const nextTaskId = () => {
    const id = cloud.nextTaskId;
    cloud.nextTaskId += randomInt(random, 1, 40);
    return id;
  };
  const nextBillingId = () => cloud.nextBillingId++;

  const passportCount = randomInt(random, 2, 3);
  for (let p = 0; p < passportCount; p++) {
    const passport = {
      serviceName: randomHex(random, 32),
      pcaServices: {} as Record<string, PcaServiceRecord>,
    };
    cloud.passports[passport.serviceName] = passport;
    // The first passport always has two offers, so clients must walk every one.
    const offerCount = p === 0 ? 2 : randomInt(random, 1, 2);
    for (let o = 0; o < offerCount; o++) {
      const service = seedPcaService(random, options);
      const srcIps = customerAddresses(random);
      // Each offer's sessions come from their own stream, so --sessions leaves the others' names alone.
      const sessionRandom = createSeededRandom(deriveSeed(options.seed, `sessions:${service.serviceName}`));
      seedSessions(sessionRandom, service, {
        count: Math.max(0, Math.floor(options.sessions)),
        filesPerSession: Math.max(0, Math.floor(options.files)),
        nowMs: options.nowMs,
        srcIps,
        nextBillingId,
      });
      seedHistory(random, service, { nowMs: options.nowMs, srcIps, nextTaskId, nextBillingId });
      passport.pcaServices[service.serviceName] = service;
    }
  }
  return cloud;
}

function seedPcaService(random: RandomSource, options: SeedOptions): PcaServiceRecord {
  const serviceName = `pca-${randomHex(random, 8)}`;
  const account: PcaAccountRecord = {
    domain: 'pca.ovh.net',
    host: 'sftp.pca.ovh.net',
    login: serviceName,
    password: randomAlphanumeric(random, 16),
    sshkey: null,
  };
  const withKey = random() < 0.6;
  const keyBytes = Buffer.from(Array.from({ length: 32 }, () => Math.floor(random() * 256)));
  if (withKey) account.sshkey = ed25519PublicKey(keyBytes, 'admin@srv-prod-01');
  const creationAgo = SESSION_HISTORY_MS + randomInt(random, 10, 300) * DAY;
  const nichandle = `${String.fromCharCode(97 + randomInt(random, 0, 25), 97 + randomInt(random, 0, 25))}${randomInt(random, 10_000, 99_999)}-ovh`;
  return {
    serviceName,
    account,
    sessions: {},
    tasks: {},
    billing: {},
    serviceInfos: {
      serviceId: randomInt(random, 10_000_000, 99_999_999),
      creationMs: Math.floor((options.nowMs - creationAgo) / 1000) * 1000,
      fallbackContact: nichandle,
      renew: { automatic: true, deleteAtExpiration: false, forced: false, manualPayment: false, period: 1 },
    },
  };
}

/** The customer's servers that upload sessions: documentation address ranges only. */
function customerAddresses(random: RandomSource): string[] {
  return [
    `203.0.113.${randomInt(random, 2, 254)}`,
    `198.51.100.${randomInt(random, 2, 254)}`,
    `2001:db8:${randomInt(random, 1, 0xffff).toString(16)}::${randomInt(random, 1, 0xff).toString(16)}`,
  ];
}

/** OpenSSH's public key line: base64 of (len, "ssh-ed25519", len, 32 key bytes). */
function ed25519PublicKey(keyBytes: Buffer, comment: string): string {
  const type = Buffer.from('ssh-ed25519');
  const length = (value: number) => {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    return buffer;
  };
  const blob = Buffer.concat([length(type.length), type, length(keyBytes.length), keyBytes]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

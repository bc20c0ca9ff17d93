import { describe, expect, it } from 'vitest';
import type { CloudState, PcaServiceRecord } from './cloud-state.js';
import { sessionFiles } from './file-catalog.js';
import { seedCloudState } from './seed-cloud-state.js';

const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);
const seedOptions = { seed: 7, sessions: 60, files: 8, nowMs: NOW };

function services(cloud: CloudState): PcaServiceRecord[] {
  return Object.values(cloud.passports).flatMap((passport) => Object.values(passport.pcaServices));
}

describe('seedCloudState', () => {
  it('gives the same data for the same seed, other data for another', () => {
    const first = JSON.stringify(seedCloudState(seedOptions));
    expect(JSON.stringify(seedCloudState(seedOptions))).toBe(first);
    expect(JSON.stringify(seedCloudState({ ...seedOptions, seed: 8 }))).not.toBe(first);
  });

  it('keeps ids and sizes when only the clock differs', () => {
    const ids = (cloud: CloudState) =>
      services(cloud).flatMap((service) => Object.values(service.sessions).map((s) => `${s.id}:${s.size}`));
    expect(ids(seedCloudState({ ...seedOptions, nowMs: NOW + 86_400_000 * 40 }))).toEqual(
      ids(seedCloudState(seedOptions)),
    );
  });

  it('seeds 2–3 passports of 1–2 PCA offers with OVH-shaped names', () => {
    const cloud = seedCloudState(seedOptions);
    const passports = Object.keys(cloud.passports);
    expect(passports.length).toBeGreaterThanOrEqual(2);
    expect(passports.length).toBeLessThanOrEqual(3);
    for (const name of passports) expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(cloud.passports[passports[0]!]!.pcaServices)).toHaveLength(2);
    for (const service of services(cloud)) {
      expect(service.serviceName).toMatch(/^pca-[0-9a-f]{8}$/);
      expect(Object.keys(service.sessions)).toHaveLength(60);
    }
  });

  it('makes realistic sessions: hex ids, spread dates, KB to TB, a few uploading or in error', () => {
    const all = services(seedCloudState({ ...seedOptions, sessions: 400 })).flatMap((service) =>
      Object.values(service.sessions),
    );
    for (const session of all) {
      expect(session.id).toMatch(/^[0-9a-f]{18}000000$/);
      expect(session.startMs).toBeLessThanOrEqual(NOW);
      expect(session.startMs).toBeGreaterThan(NOW - 760 * 86_400_000);
      if (session.endMs !== null) expect(session.endMs).toBeGreaterThanOrEqual(session.startMs);
    }
    const uploading = all.filter((session) => session.endMs === null);
    expect(uploading.length).toBeGreaterThan(0);
    for (const session of uploading) expect(['doing', 'doingBackup']).toContain(session.baseState);
    expect(all.some((session) => session.baseState === 'error')).toBe(true);
    expect(all.filter((session) => session.baseState === 'done').length / all.length).toBeGreaterThan(0.9);
    const sizes = all.map((session) => session.size);
    expect(Math.min(...sizes)).toBeLessThan(1e6);
    expect(Math.max(...sizes)).toBeGreaterThan(1e12);
    expect(all.some((session) => /[^\x20-\x7e]/.test(session.name))).toBe(true);
    expect(all.some((session) => /^www-/.test(session.name))).toBe(true);
  });

  it('seeds finished past tasks and backup billing for complete sessions', () => {
    for (const service of services(seedCloudState(seedOptions))) {
      const tasks = Object.values(service.tasks);
      expect(tasks.map((task) => task.function)).toContain('createUser');
      for (const task of tasks) {
        expect(task.id).toMatch(/^\d+$/);
        expect(task.createdAtMs + 2 * task.stepMs).toBeLessThan(NOW);
      }
      const done = Object.values(service.sessions).filter((session) => session.baseState === 'done').length;
      const backups = Object.values(service.billing).filter((item) => item.reference === 'backup');
      expect(backups).toHaveLength(done);
    }
  });

  it('handles zero sessions', () => {
    const cloud = seedCloudState({ ...seedOptions, sessions: 0 });
    for (const service of services(cloud)) expect(Object.keys(service.sessions)).toHaveLength(0);
  });

  it('seeds 1 000 sessions × 20 files quickly and compactly', () => {
    const started = performance.now();
    const cloud = seedCloudState({ seed: 3, sessions: 1000, files: 20, nowMs: NOW });
    const seededMs = performance.now() - started;
    const json = JSON.stringify(cloud);
    const sessionCount = services(cloud).reduce(
      (sum, service) => sum + Object.keys(service.sessions).length,
      0,
    );
    const listStarted = performance.now();
    let fileCount = 0;
    for (const service of services(cloud)) {
      for (const session of Object.values(service.sessions)) fileCount += sessionFiles(session).length;
    }
    const filesMs = performance.now() - listStarted;
    console.log(
      `seed: ${sessionCount} sessions in ${seededMs.toFixed(0)} ms, ${(json.length / 1e6).toFixed(2)} MB of JSON; ` +
        `${fileCount} files derived in ${filesMs.toFixed(0)} ms`,
    );
    expect(fileCount).toBe(sessionCount * 20);
  });
});

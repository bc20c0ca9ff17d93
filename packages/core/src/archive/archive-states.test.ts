import { describe, expect, it } from 'vitest';
import { ARCHIVE_OBJECT_PHASES, ARCHIVE_PHASES } from './archive-entities.js';
import {
  CLOUD_ARCHIVE_OBJECT_STATES,
  cloudArchiveObjectPhase,
} from './cloud-archive/cloud-archive-states.js';
import { COLD_ARCHIVE_STATES, coldArchivePhase } from './cold-archive/cold-archive-states.js';
import {
  DEEP_ARCHIVE_OBJECT_STATES,
  deepArchiveObjectPhase,
  deepArchiveObjectState,
} from './deep-archive/deep-archive-states.js';
import { legacySessionObjectPhase } from './legacy-pca/legacy-pca-phases.js';

// Each product keeps its own states; tables, filters and waits read the shared phases.
describe('product states onto the shared phases', () => {
  it('Cloud Archive objects: sealed → offline, unsealing → retrieving, unsealed → online', () => {
    expect(CLOUD_ARCHIVE_OBJECT_STATES.map(cloudArchiveObjectPhase)).toEqual([
      'offline',
      'retrieving',
      'online',
    ]);
    expect(cloudArchiveObjectPhase('frozen')).toBe('busy');
  });

  it('Cold Archive v1 buckets follow their tape lifecycle', () => {
    expect(Object.fromEntries(COLD_ARCHIVE_STATES.map((state) => [state, coldArchivePhase(state)]))).toEqual({
      none: 'open',
      archiving: 'archiving',
      archived: 'offline',
      restoring: 'retrieving',
      restored: 'online',
      deleting: 'deleting',
      flushed: 'empty',
    });
    expect(coldArchivePhase('mystery')).toBe('busy');
  });

  it('Cold Archive v2 objects: state from storage class and restore status', () => {
    expect(deepArchiveObjectState('STANDARD', undefined)).toBe('available');
    expect(deepArchiveObjectState('DEEP_ARCHIVE', undefined)).toBe('archived');
    expect(deepArchiveObjectState('DEEP_ARCHIVE', { inProgress: true })).toBe('restoring');
    expect(
      deepArchiveObjectState('DEEP_ARCHIVE', { inProgress: false, expireDate: '2026-12-02T00:00:00Z' }),
    ).toBe('restored');
    expect(DEEP_ARCHIVE_OBJECT_STATES.map(deepArchiveObjectPhase)).toEqual([
      'offline',
      'retrieving',
      'online',
      'online',
    ]);
  });

  it('legacy sessions: restoring → retrieving, ready → offline', () => {
    expect(legacySessionObjectPhase('restoring')).toBe('retrieving');
    expect(legacySessionObjectPhase('ready')).toBe('offline');
    expect(legacySessionObjectPhase('uploading')).toBe('uploading');
  });

  it('every mapping lands in the shared vocabulary', () => {
    const objectPhases = new Set<string>(ARCHIVE_OBJECT_PHASES);
    for (const phase of [
      ...CLOUD_ARCHIVE_OBJECT_STATES.map(cloudArchiveObjectPhase),
      ...DEEP_ARCHIVE_OBJECT_STATES.map(deepArchiveObjectPhase),
    ])
      expect(objectPhases.has(phase)).toBe(true);
    const archivePhases = new Set<string>(ARCHIVE_PHASES);
    for (const phase of COLD_ARCHIVE_STATES.map(coldArchivePhase))
      expect(archivePhases.has(phase)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Archive } from '../archive-entities.js';
import { LifecycleRefusedError, ValidationError } from '../archive-errors.js';
import {
  checkColdArchiveDelete,
  describeColdArchiveState,
  parseLockDays,
  planColdArchiveStep,
  stepApplied,
} from './cold-archive-rules.js';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;

function bucket(state: string, extra: Partial<Archive> = {}): Archive {
  return {
    product: 'cold-archive',
    project: 'p',
    region: 'RBX-ARCHIVE',
    name: 'b',
    id: 'b',
    state,
    phase: 'open',
    objects: 2,
    bytes: 10,
    lockedUntil: null,
    restoredUntil: null,
    ...extra,
  };
}

const plan = (archive: Archive, action: 'archive' | 'restore' | 'destroy', lockDays?: number) =>
  planColdArchiveStep(archive, action, { lockDays, serverNowMs: NOW });

describe('parseLockDays', () => {
  it.each(['1', '4500', ' 30 ', 365])('accepts %j', (value) => {
    expect(parseLockDays(value)).toBe(Number(String(value).trim()));
  });
  it.each(['0', '4501', '1.5', '-3', '', 'ten', '1e3', undefined])('refuses %j', (value) => {
    expect(() => parseLockDays(value)).toThrow(ValidationError);
  });
});

describe('planColdArchiveStep', () => {
  it('archive: from none with objects, the lock counted from the server clock', () => {
    const preview = plan(bucket('none'), 'archive', 10);
    expect(preview).toMatchObject({ settlesIn: 'archived', lockOnly: false, lockDays: 10 });
    expect(preview.lockedUntil).toBe(new Date(NOW + 10 * DAY).toISOString());
    expect(preview.costs.join(' ')).toMatch(/180 days/);
    expect(() => plan(bucket('none', { objects: 0 }), 'archive')).toThrow(/empty/);
    expect(() => plan(bucket('archiving'), 'archive')).toThrow(LifecycleRefusedError);
  });

  it('archive of an archived or restored bucket only extends its lock, never shortens it', () => {
    const locked = bucket('archived', { lockedUntil: new Date(NOW + 20 * DAY).toISOString() });
    expect(plan(locked, 'archive', 30)).toMatchObject({ lockOnly: true, settlesIn: 'archived' });
    expect(() => plan(locked, 'archive', 20)).toThrow(/only be extended/);
    expect(() => plan(locked, 'archive')).toThrow(/already archived/);
    expect(plan(bucket('restored'), 'archive', 1).lockOnly).toBe(true);
  });

  it('restore: from archived only, with the 30-day copy in the costs', () => {
    expect(plan(bucket('archived'), 'restore').costs.join(' ')).toMatch(/30 days/);
    expect(() => plan(bucket('restored', { restoredUntil: '2026-07-01T00:00:00.000Z' }), 'restore')).toThrow(
      /already restored \(readable until 2026-07-01/,
    );
    expect(() => plan(bucket('none'), 'restore')).toThrow(LifecycleRefusedError);
  });

  it('destroy: refused while locked (with the date), allowed once the lock has ended', () => {
    const until = new Date(NOW + DAY).toISOString();
    try {
      plan(bucket('archived', { lockedUntil: until }), 'destroy');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LifecycleRefusedError);
      expect((error as LifecycleRefusedError).until).toBe(until);
      expect((error as Error).message).toContain(until);
    }
    const ended = bucket('restored', { lockedUntil: new Date(NOW - 1).toISOString() });
    expect(plan(ended, 'destroy').settlesIn).toBe('flushed');
    expect(() => plan(bucket('none'), 'destroy')).toThrow(/only an archived or restored/);
  });

  it('names the state in words a user knows, not the enum', () => {
    const reason = (state: string, action: 'archive' | 'restore' | 'destroy') => {
      try {
        plan(bucket(state), action);
      } catch (error) {
        return (error as Error).message;
      }
      return 'allowed';
    };
    expect(reason('none', 'restore')).toBe(
      'Cannot restore p/RBX-ARCHIVE/b: it was never archived; only an archived bucket can be restored. Nothing was sent.',
    );
    expect(reason('archiving', 'restore')).toContain(': it is being archived; only an archived');
    expect(reason('restoring', 'archive')).toContain(': it is being restored; only a bucket never archived');
    expect(reason('deleting', 'destroy')).toContain(': it is being flushed; only an archived or restored');
    expect(reason('flushed', 'restore')).toContain(': it was flushed');
    expect(() => checkColdArchiveDelete(bucket('archiving'), true)).toThrow(/: it is being archived; /);
    expect(describeColdArchiveState('frozen')).toBe('its state is frozen');
    for (const action of ['archive', 'restore', 'destroy'] as const) {
      for (const state of ['none', 'archiving', 'restoring', 'deleting', 'flushed'])
        expect(reason(state, action)).not.toMatch(/it is (none|archiving|restoring|deleting|flushed)\b/);
    }
  });

  it('a lock is only set by archive', () => {
    expect(() => plan(bucket('archived'), 'restore', 3)).toThrow(ValidationError);
  });
});

describe('checkColdArchiveDelete and stepApplied', () => {
  it('delete: flushed or an empty none bucket; a none bucket with objects only recursively', () => {
    expect(() => checkColdArchiveDelete(bucket('flushed'), false)).not.toThrow();
    expect(() => checkColdArchiveDelete(bucket('none', { objects: 0 }), false)).not.toThrow();
    expect(() => checkColdArchiveDelete(bucket('none'), false)).toThrow(/--recursive/);
    expect(() => checkColdArchiveDelete(bucket('none'), true)).not.toThrow();
    expect(() => checkColdArchiveDelete(bucket('archived'), true)).toThrow(/once flushed/);
  });

  it('reads a lost answer as applied only when the bucket moved on as the step moves it', () => {
    const preview = plan(bucket('none'), 'archive');
    expect(stepApplied(preview, bucket('archiving'))).toBe(true);
    expect(stepApplied(preview, bucket('none'))).toBe(false);
    const lock = plan(bucket('archived'), 'archive', 5);
    expect(stepApplied(lock, bucket('archived', { lockedUntil: lock.lockedUntil }))).toBe(true);
    expect(stepApplied(lock, bucket('archived'))).toBe(false);
  });
});

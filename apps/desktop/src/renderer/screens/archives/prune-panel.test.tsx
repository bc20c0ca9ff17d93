// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../testing/fake-bridge.js';
import { renderWithBridge } from '../../testing/render-with-bridge.js';
import { sampleSessions } from '../../testing/sample-data.js';
import { PrunePanel } from './prune-panel.js';

afterEach(cleanup);

describe('retention panel', () => {
  it('previews what would go, and deletes only that plan after confirmation', async () => {
    const bridge = createFakeBridge();
    const old = sampleSessions(3);
    const planId = '0b5f2a4e-8a8b-4b55-9a51-2c0ad7c1f001';
    bridge.stub('archive:previewPrune', () => ({
      planId,
      olderThanSeconds: 7_776_000,
      keepNewest: 0,
      serviceIds: ['passport-1/pca-1'],
      serverTime: '2026-06-01T00:00:00.000Z',
      clockOffsetSeconds: 0,
      cutoff: '2026-03-03T00:00:00.000Z',
      sessions: old,
      totalBytes: 6_000_000,
      skipped: [
        {
          session: { ...old[0]!, id: 'f'.repeat(24), name: 'still-uploading', phase: 'uploading' },
          reason: 'uploading',
        },
      ],
      recentCount: 4,
    }));
    bridge.stub('archive:prune', () => ({
      results: [],
      deletedCount: 3,
      deletedBytes: 6_000_000,
      goneCount: 0,
      skippedCount: 0,
      failedCount: 0,
      tasks: [],
    }));
    renderWithBridge(<PrunePanel serviceId={undefined} onClose={() => {}} />, bridge);

    fireEvent.submit(screen.getByLabelText('Older than').closest('form')!);
    expect(await screen.findByText(/^3 sessions, 6 MB, would be deleted/)).toBeTruthy();
    expect(bridge.callsOf('archive:previewPrune')).toEqual([
      { olderThanSeconds: 90 * 86_400, keepNewest: 0 },
    ]);
    expect(screen.getByText('backup-00002')).toBeTruthy();
    expect(screen.getByText('Left alone (1)')).toBeTruthy();
    expect(bridge.callsOf('archive:prune')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: /^Delete 3 sessions \(6.MB\)$/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 sessions for good?' });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole('button', { name: /^Delete 3 sessions/ })),
    );
    await waitFor(() => expect(bridge.callsOf('archive:prune')).toEqual([{ planId }]));
    expect(await screen.findByText(/^3 deletions started/)).toBeTruthy();
  });
});

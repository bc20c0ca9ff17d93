// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../testing/fake-bridge.js';
import { renderWithBridge } from '../../testing/render-with-bridge.js';
import { ObjectPrunePanel } from './object-prune-panel.js';

afterEach(cleanup);

const archive = { product: 'deep-archive' as const, project: 'p1', region: 'EU-WEST-PAR', name: 'deep' };
const COST = '2 DEEP_ARCHIVE object(s) (30 bytes) are younger than 180 days: deleting them is charged';

function stubPlan(bridge: ReturnType<typeof createFakeBridge>, costs?: string[]) {
  bridge.stub('archives:previewPrune', () => ({
    planId: '0b5f2a4e-8a8b-4b55-9a51-2c0ad7c1f002',
    archive: 'p1/EU-WEST-PAR/deep',
    cutoff: '2026-03-03T00:00:00.000Z',
    serverTime: '2026-06-01T00:00:00.000Z',
    objects: [
      { key: 'a.bin', bytes: 10, lastModified: '2026-01-01T00:00:00.000Z', parts: [] },
      { key: 'b.bin', bytes: 20, lastModified: '2026-02-01T00:00:00.000Z', parts: [] },
    ],
    deleteCount: 2,
    totalBytes: 30,
    skipped: [],
    recentCount: 1,
    ...(costs && { costs }),
  }));
}

describe('object retention panel', () => {
  it('shows what the plan says deleting costs under its summary', async () => {
    const bridge = createFakeBridge();
    stubPlan(bridge, [COST]);
    renderWithBridge(<ObjectPrunePanel archive={archive} prefix="" onClose={() => {}} />, bridge);
    fireEvent.submit(screen.getByLabelText(/Older than/).closest('form')!);
    expect((await screen.findByTestId('object-prune-cost')).textContent).toBe(COST);
  });

  it('shows no cost line when the plan has none', async () => {
    const bridge = createFakeBridge();
    stubPlan(bridge);
    renderWithBridge(<ObjectPrunePanel archive={archive} prefix="" onClose={() => {}} />, bridge);
    fireEvent.submit(screen.getByLabelText(/Older than/).closest('form')!);
    expect(await screen.findByTestId('object-prune-summary')).toBeTruthy();
    expect(screen.queryByTestId('object-prune-cost')).toBeNull();
  });
});

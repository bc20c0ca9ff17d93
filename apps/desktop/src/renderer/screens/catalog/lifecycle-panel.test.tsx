// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveRow } from '../../../shared/ipc-types.js';
import { createFakeBridge } from '../../testing/fake-bridge.js';
import { renderWithBridge } from '../../testing/render-with-bridge.js';
import { LifecyclePanel } from './lifecycle-panel.js';

afterEach(cleanup);

const LOCK_END = '2027-01-01T12:00:00.000Z';
const row = (state: string, steps: ArchiveRow['steps']): ArchiveRow => ({
  product: 'cold-archive',
  project: 'p1',
  region: 'RBX-ARCHIVE',
  name: 'backups',
  state,
  phase: state === 'none' ? 'open' : 'offline',
  objects: 2,
  bytes: 2048,
  capabilities: ['list', 'retrieve', 'download', 'upload', 'delete', 'lifecycle'],
  lockedUntil: state === 'none' ? null : LOCK_END,
  restoredUntil: null,
  steps,
});
const planId = '0b5f2a4e-8a8b-4b55-9a51-2c0ad7c1f002';

describe('Cold Archive lifecycle panel', () => {
  it('checks the lock days, previews with the costs, and runs only that plan after confirmation', async () => {
    const bridge = createFakeBridge();
    bridge.stub('archives:previewLifecycle', () => ({
      planId,
      step: 'archive',
      archive: 'p1/RBX-ARCHIVE/backups',
      effects: ['Moves 2 object(s) to tape.'],
      costs: ['Billed for at least 180 days.'],
      lockDays: 90,
      lockedUntil: LOCK_END,
      lockOnly: false,
      settlesIn: 'archived',
      serverTime: '2026-10-03T12:00:00.000Z',
    }));
    bridge.stub('archives:runLifecycle', () => ({ operationId: planId, archive: row('archiving', []) }));
    const steps = [
      { step: 'archive' as const, refused: null, until: null },
      {
        step: 'restore' as const,
        refused: 'it was never archived; only an archived bucket can be restored',
        until: null,
      },
      { step: 'destroy' as const, refused: 'it was never archived', until: null },
      { step: 'delete' as const, refused: null, until: null },
    ];
    renderWithBridge(<LifecyclePanel row={row('none', steps)} />, bridge);
    expect(screen.getByText('it was never archived; only an archived bucket can be restored')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Restore' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Write-once lock' }));
    const days = screen.getByLabelText('Days (1–4,500)');
    fireEvent.change(days, { target: { value: '4501' } });
    expect(screen.getAllByText('A lock lasts a whole number of days from 1 to 4500.').length).toBeGreaterThan(
      0,
    );
    expect((screen.getByRole('button', { name: 'Archive' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(days, { target: { value: '90' } });
    expect(screen.getByTestId('lock-end').textContent).toMatch(
      /^Locked until .*only be extended, never shortened\.$/,
    );

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Archive' })));
    const dialog = await screen.findByRole('dialog', { name: 'Archive backups to tape?' });
    expect(within(dialog).getByText('Billed for at least 180 days.')).toBeTruthy();
    expect(bridge.callsOf('archives:previewLifecycle')).toEqual([
      {
        archive: { product: 'cold-archive', project: 'p1', region: 'RBX-ARCHIVE', name: 'backups' },
        step: 'archive',
        lockDays: 90,
      },
    ]);
    expect(bridge.callsOf('archives:runLifecycle')).toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Archive' })));
    await waitFor(() => expect(bridge.callsOf('archives:runLifecycle')).toEqual([{ planId }]));
  });

  it('says a step is under way while the bucket moves', () => {
    renderWithBridge(
      <LifecyclePanel row={{ ...row('archiving', []), phase: 'archiving' }} />,
      createFakeBridge(),
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Under way: archiving… followed until it is over, then you are told.',
    );
  });

  it('says in French until when a lock refuses destroy', () => {
    const bridge = createFakeBridge();
    const steps = [
      { step: 'archive' as const, refused: null, until: null },
      { step: 'restore' as const, refused: null, until: null },
      { step: 'destroy' as const, refused: `it is locked until ${LOCK_END}`, until: LOCK_END },
      { step: 'delete' as const, refused: 'it is archived', until: null },
    ];
    renderWithBridge(<LifecyclePanel row={row('archived', steps)} />, bridge, { language: 'fr' });
    expect((screen.getByRole('button', { name: 'Détruire' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('refused-destroy').textContent).toMatch(/^Verrouillé jusqu’au .*2027/);
    // On an archived bucket, archive only extends the lock: it waits for one.
    expect(screen.getByTestId('refused-archive').textContent).toBe(
      'Déjà archivé : cochez le verrou pour le prolonger.',
    );
  });
});

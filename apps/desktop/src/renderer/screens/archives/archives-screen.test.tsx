// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBridge, FakeBridgeError } from '../../testing/fake-bridge.js';
import { giveElementsABox } from '../../testing/fake-layout.js';
import { renderWithBridge } from '../../testing/render-with-bridge.js';
import { sampleFiles, sampleSessions } from '../../testing/sample-data.js';
import { ArchivesScreen } from './archives-screen.js';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveElementsABox();
});
afterAll(() => restoreLayout());
afterEach(cleanup);

function bridgeWithSessions(count: number) {
  const bridge = createFakeBridge();
  const sessions = sampleSessions(count);
  bridge.stub('archive:listServices', () => [
    { kind: 'pca', id: 'passport-1/pca-1', passport: 'passport-1', serviceName: 'pca-1' },
  ]);
  bridge.stub('archive:listSessions', () => sessions);
  bridge.stub('archive:listFiles', (input) => {
    const session = sessions.find((item) => item.id === input.sessionId)!;
    return sampleFiles(session, 3);
  });
  return { bridge, sessions };
}

describe('archives screen', () => {
  it('lists 10 000 sessions while drawing only a window of rows', async () => {
    const { bridge } = bridgeWithSessions(10_000);
    renderWithBridge(<ArchivesScreen />, bridge);
    expect(await screen.findByText('10000 of 10000 sessions')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Archive sessions' });
    // Rows are drawn once the virtualiser has measured the table.
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    expect(within(table).getAllByRole('row').length).toBeLessThan(100);
  });

  it('sorts by a column and searches by name', async () => {
    const { bridge } = bridgeWithSessions(50);
    renderWithBridge(<ArchivesScreen />, bridge);
    await screen.findByText('50 of 50 sessions');
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).not.toBe('none');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'backup-0004' } });
    expect(await screen.findByText('10 of 50 sessions')).toBeTruthy();
  });

  it('shows the details and files of the selected session', async () => {
    const { bridge, sessions } = bridgeWithSessions(5);
    renderWithBridge(<ArchivesScreen />, bridge);
    await screen.findByText('5 of 5 sessions');
    fireEvent.click(screen.getByText('backup-00002'));
    expect(await screen.findByRole('heading', { name: 'backup-00002' })).toBeTruthy();
    expect(await screen.findByText('dir/file-2.tar')).toBeTruthy();
    expect(bridge.callsOf('archive:listFiles')).toContainEqual({
      serviceId: 'passport-1/pca-1',
      sessionId: sessions[2]!.id,
    });
  });

  it('renames in place with Enter and refreshes the list', async () => {
    const { bridge, sessions } = bridgeWithSessions(3);
    bridge.stub('archive:renameSession', (input) => ({ ...input }));
    renderWithBridge(<ArchivesScreen />, bridge);
    await screen.findByText('3 of 3 sessions');
    fireEvent.click(screen.getByText('backup-00001'));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('New name for the session');
    fireEvent.change(input, { target: { value: 'quarterly "Q1" backup' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(bridge.callsOf('archive:renameSession')).toEqual([
        { serviceId: 'passport-1/pca-1', sessionId: sessions[1]!.id, name: 'quarterly "Q1" backup' },
      ]),
    );
    expect(await screen.findByText('Renamed to "quarterly "Q1" backup".')).toBeTruthy();
  });

  it('escape leaves the name unchanged', async () => {
    const { bridge } = bridgeWithSessions(2);
    renderWithBridge(<ArchivesScreen />, bridge);
    await screen.findByText('2 of 2 sessions');
    fireEvent.click(screen.getByText('backup-00001'));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('New name for the session');
    fireEvent.change(input, { target: { value: 'other' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByLabelText('New name for the session')).toBeNull();
    expect(bridge.callsOf('archive:renameSession')).toEqual([]);
  });

  it('asks before deleting, stating files and size, and deletes only on confirmation', async () => {
    const { bridge, sessions } = bridgeWithSessions(3);
    bridge.stub('archive:deleteSession', (input) => ({
      id: '77',
      serviceId: input.serviceId,
      function: 'delete',
      status: 'todo',
      phase: 'pending',
      todoDate: '2026-01-01T00:00:00.000Z',
      login: 'pca-user',
      ipAddress: null,
      comment: null,
    }));
    renderWithBridge(<ArchivesScreen />, bridge);
    await screen.findByText('3 of 3 sessions');
    fireEvent.click(screen.getByText('backup-00000'));
    await screen.findByText('dir/file-0.tar');
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete "backup-00000" for good?' });
    expect(dialog.textContent).toContain('3 files (1\u00a0MB)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsOf('archive:deleteSession')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const again = await screen.findByRole('dialog', { name: 'Delete "backup-00000" for good?' });
    await act(async () => {
      fireEvent.click(within(again).getByRole('button', { name: 'Delete the session' }));
    });
    await waitFor(() =>
      expect(bridge.callsOf('archive:deleteSession')).toEqual([
        { serviceId: 'passport-1/pca-1', sessionId: sessions[0]!.id },
      ]),
    );
    expect(await screen.findByText('Task 77 started: Deletion.')).toBeTruthy();
  });

  it('shows what went wrong, what to do and the query id when the list fails', async () => {
    const bridge = createFakeBridge();
    bridge.stub('archive:listServices', () => {
      throw new FakeBridgeError({
        code: 'notGranted',
        message: 'This call has not been granted (GET /cloud, query id EU.ext-1.abc)',
        queryId: 'EU.ext-1.abc',
        status: 403,
        field: null,
      });
    });
    renderWithBridge(<ArchivesScreen />, bridge);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The consumer key does not allow this call.');
    expect(alert.textContent).toContain('Log in again and request a wider access.');
    expect(alert.textContent).toContain('OVH query id: EU.ext-1.abc');
  });
});

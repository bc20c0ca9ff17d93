// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRow } from '../../../shared/ipc-types.js';
import { LiveTasksProvider } from '../../data/live-tasks.js';
import { createFakeBridge } from '../../testing/fake-bridge.js';
import { renderWithBridge, testProfile } from '../../testing/render-with-bridge.js';
import { TasksScreen } from './tasks-screen.js';

afterEach(cleanup);

const task = (id: string, status: string, phase: TaskRow['phase']): TaskRow => ({
  id,
  serviceId: 'pp/pca-1',
  function: 'restore',
  status,
  phase,
  todoDate: '2026-11-23T12:00:00+01:00',
  login: 'pca-1',
  ipAddress: null,
  comment: null,
});

describe('tasks screen', () => {
  it('shows each status once, translated, with the API word in the tooltip', async () => {
    const bridge = createFakeBridge();
    bridge.stub('task:list', () => [task('1', 'done', 'done'), task('2', 'doing', 'running')]);
    renderWithBridge(
      <LiveTasksProvider>
        <TasksScreen />
      </LiveTasksProvider>,
      bridge,
      { language: 'fr' },
    );
    act(() =>
      bridge.emit('task:progress', {
        profileName: testProfile.name,
        task: task('3', 'todo', 'pending'),
        progress: 0,
        sessionName: null,
      }),
    );
    const table = await screen.findByRole('table');
    // Newest first; the status column is the third.
    const statusCellsOf = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[2]!);
    await waitFor(() =>
      expect(statusCellsOf().map((cell) => cell.textContent)).toEqual(['En cours', 'Terminée']),
    );
    const statusCells = statusCellsOf();
    expect(statusCells.map((cell) => cell.querySelector('.badge')?.getAttribute('title'))).toEqual([
      'doing',
      'done',
    ]);

    const live = await waitFor(() => document.querySelector('.live-tasks li[data-task-id="3"]')!);
    expect(live.textContent).not.toMatch(/todo/);
    expect(live.querySelector('.badge')?.getAttribute('title')).toBe('todo');
  });

  it('shows a followed task that ended as ended, before the list is fetched again', async () => {
    const bridge = createFakeBridge();
    bridge.stub('task:list', () => [task('7', 'todo', 'pending')]);
    renderWithBridge(
      <LiveTasksProvider>
        <TasksScreen />
      </LiveTasksProvider>,
      bridge,
    );
    const table = await screen.findByRole('table');
    act(() =>
      bridge.emit('task:progress', {
        profileName: testProfile.name,
        task: task('7', 'done', 'done'),
        progress: 1,
        sessionName: null,
      }),
    );
    // Waits for the event's effect; a refetch would answer "todo" and keep this failing.
    await waitFor(() => {
      const statusCell = within(table).getAllByRole('row')[1]!.querySelectorAll('td')[2]!;
      expect(statusCell.querySelector('.badge')?.getAttribute('title')).toBe('done');
    });
  });
});

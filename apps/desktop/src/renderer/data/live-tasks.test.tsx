// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRow } from '../../shared/ipc-types.js';
import { LanguageSwitcher } from '../components/language-switcher.js';
import { TasksScreen } from '../screens/tasks/tasks-screen.js';
import { createFakeBridge } from '../testing/fake-bridge.js';
import { renderWithBridge, testProfile } from '../testing/render-with-bridge.js';
import { LiveTasksProvider } from './live-tasks.js';

afterEach(cleanup);

const restoreDone: TaskRow = {
  id: '4242',
  serviceId: 'pp/pca-1',
  function: 'restore',
  status: 'done',
  phase: 'done',
  todoDate: '2026-11-23T12:00:00+01:00',
  login: 'pca-1',
  ipAddress: null,
  comment: null,
};

describe('tasks followed live', () => {
  it('names the task in the window language, and its toast follows a language switch', async () => {
    const bridge = createFakeBridge();
    bridge.stub('task:list', () => [{ ...restoreDone, id: '17', function: 'setSessionName' }]);
    renderWithBridge(
      <>
        <LanguageSwitcher />
        <LiveTasksProvider>
          <TasksScreen />
        </LiveTasksProvider>
      </>,
      bridge,
    );
    act(() =>
      bridge.emit('task:progress', {
        profileName: testProfile.name,
        task: restoreDone,
        progress: 1,
        sessionName: 'mail-weekly',
      }),
    );
    expect(await screen.findByText('Task 4242 (Restore) finished: Done.')).toBeTruthy();
    expect(await screen.findByText('Restore “mail-weekly”')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    expect(await screen.findByText('Tâche 4242 (Restauration) terminée : Terminée.')).toBeTruthy();
    expect(await screen.findByText('Restauration « mail-weekly »')).toBeTruthy();
    const accountTasks = await screen.findByRole('table');
    expect(await within(accountTasks).findByText('Renommage')).toBeTruthy();
  });
});

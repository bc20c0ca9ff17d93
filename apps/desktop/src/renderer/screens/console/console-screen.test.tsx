// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../testing/fake-bridge.js';
import { renderWithBridge } from '../../testing/render-with-bridge.js';
import ConsoleScreen from './console-screen.js';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function consoleBridge() {
  const bridge = createFakeBridge();
  bridge.stub('console:listApis', () => ({ apis: ['/me'] }));
  bridge.stub('console:getSchema', () => ({
    api: '/me',
    routes: [
      { path: '/me', operations: [{ method: 'GET', description: 'Your account', parameters: [] }] },
      {
        path: '/me/api/credential/{credentialId}',
        operations: [
          { method: 'GET', description: 'A key', parameters: [] },
          { method: 'DELETE', description: 'Revoke a key', parameters: [] },
        ],
      },
    ],
  }));
  bridge.stub('console:call', (input) => ({
    status: 200,
    ok: true,
    queryId: 'EU.ext-1.q1',
    durationMs: 12,
    body: { called: `${input.method} ${input.path}` },
  }));
  return bridge;
}

describe('API console', () => {
  it('sends a GET at once and shows status, query id and the pretty answer, then keeps it in history', async () => {
    const bridge = consoleBridge();
    renderWithBridge(<ConsoleScreen />, bridge);
    await screen.findByText('Your account');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Status 200')).toBeTruthy();
    expect(screen.getByText('OVH query id: EU.ext-1.q1')).toBeTruthy();
    expect(screen.getByTestId('answer-body').textContent).toBe('{\n  "called": "GET /me"\n}');
    expect(bridge.callsOf('console:call')).toEqual([
      { method: 'GET', path: '/me', query: {}, body: null, confirmed: false },
    ]);
    const history = screen.getByRole('heading', { name: 'History' }).closest('section')!;
    expect(within(history).getByText('/me')).toBeTruthy();
  });

  it('asks before a DELETE and sends nothing when cancelled', async () => {
    const bridge = consoleBridge();
    renderWithBridge(<ConsoleScreen />, bridge);
    await screen.findByText('Your account');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'DELETE' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/me/api/credential/42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send DELETE /me/api/credential/42?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsOf('console:call')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const again = await screen.findByRole('dialog', { name: 'Send DELETE /me/api/credential/42?' });
    await act(async () => fireEvent.click(within(again).getByRole('button', { name: 'Send the call' })));
    await waitFor(() =>
      expect(bridge.callsOf('console:call')).toEqual([
        { method: 'DELETE', path: '/me/api/credential/42', query: {}, body: null, confirmed: true },
      ]),
    );
  });

  it('will not send invalid JSON or a path with placeholders left', async () => {
    const bridge = consoleBridge();
    renderWithBridge(<ConsoleScreen />, bridge);
    await screen.findByText('Your account');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    fireEvent.change(screen.getByLabelText('JSON body'), { target: { value: '{"a": ' } });
    expect(await screen.findByText(/^Not valid JSON/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('JSON body'), { target: { value: '{"a": 1}' } });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Path'), {
      target: { value: '/me/api/credential/{credentialId}' },
    });
    expect(screen.getByText('Fill credentialId in the path first.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

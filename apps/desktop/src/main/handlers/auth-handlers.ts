import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { LoginFlow } from '../services/login-flow.js';

type AuthChannels =
  | 'auth:startLogin'
  | 'auth:startTrial'
  | 'auth:relogin'
  | 'auth:refreshStatus'
  | 'auth:reopenValidation'
  | 'auth:logout';

export function createAuthHandlers(login: LoginFlow): Pick<IpcHandlers, AuthChannels> {
  return {
    'auth:startLogin': (input) => login.start(input),
    'auth:startTrial': () => login.startTrial(),
    'auth:relogin': ({ name, preset }) => login.relogin(name, preset),
    'auth:refreshStatus': () => login.refreshStatus(),
    'auth:reopenValidation': () => login.reopenValidation(),
    'auth:logout': () => login.logout(),
  };
}

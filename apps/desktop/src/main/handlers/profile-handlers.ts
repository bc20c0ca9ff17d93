import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { ProfileSessions } from '../services/profile-sessions.js';

export function createProfileHandlers(
  sessions: ProfileSessions,
): Pick<IpcHandlers, 'profiles:list' | 'profiles:switch' | 'profiles:remove'> {
  return {
    'profiles:list': () => sessions.list(),
    'profiles:switch': ({ name }) => sessions.switchTo(name),
    'profiles:remove': ({ name }) => sessions.remove(name),
  };
}

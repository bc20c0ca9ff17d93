import { createContext, type ReactNode, useContext } from 'react';
import type { ProfileSummary } from '../../shared/ipc-types.js';

const ActiveProfileContext = createContext<ProfileSummary | null>(null);

export function ActiveProfileProvider({
  profile,
  children,
}: {
  profile: ProfileSummary;
  children: ReactNode;
}) {
  return <ActiveProfileContext.Provider value={profile}>{children}</ActiveProfileContext.Provider>;
}

/** The profile every screen under the shell works on. */
export function useActiveProfile(): ProfileSummary {
  const profile = useContext(ActiveProfileContext);
  if (!profile) throw new Error('useActiveProfile outside ActiveProfileProvider');
  return profile;
}

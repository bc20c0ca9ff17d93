import { createContext, type ReactNode, useContext } from 'react';
import type { BridgeApi } from '../../shared/bridge-api.js';

const BridgeContext = createContext<BridgeApi | null>(null);

/** Gives components the bridge: `window.ovhPca` in the app, a fake one in component tests. */
export function BridgeProvider({ bridge, children }: { bridge: BridgeApi; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): BridgeApi {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppBridge } from './index';
import type { ConnectionState } from './browser';

const BridgeContext = createContext<AppBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: AppBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): AppBridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('useBridge() outside <BridgeProvider>');
  return b;
}

/** The WebSocket's state on the browser transport; always 'open' on Electron. */
export function useConnectionState(): ConnectionState {
  const bridge = useBridge();
  const [state, setState] = useState<ConnectionState>(() => bridge.connectionState?.() ?? 'open');
  useEffect(() => {
    if (!bridge.onConnectionChange) return;
    setState(bridge.connectionState?.() ?? 'open');
    return bridge.onConnectionChange(setState);
  }, [bridge]);
  return state;
}

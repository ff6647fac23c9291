/**
 * Picks the transport once, at start-up: the Electron preload's `window.faceaudit` when present, else the
 * browser host's WebSocket. The rest of the page sees only FaceAuditBridge.
 */
import type { FaceAuditBridge } from '../../../shared/api';
import { createBrowserBridge, readToken, type ConnectionInfo } from './browser';

declare global {
  interface Window {
    faceaudit?: FaceAuditBridge;
  }
}

export type AppBridge = FaceAuditBridge & Partial<ConnectionInfo>;

export function createBridge(): AppBridge {
  const injected = window.faceaudit;
  if (injected && typeof injected.call === 'function') return injected;
  return createBrowserBridge(readToken());
}

export { toUiError, type UiError } from './errors';

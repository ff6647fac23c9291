/**
 * The browser-host transport: the same API as the Electron preload, over one WebSocket to the local host.
 *
 * Frames (JSON text):
 *   page → host  { id, name, args }
 *   host → page  { id, ok: true, value } | { id, ok: false, error: WireError } | { event: ApiEvent }
 * Calls made while the socket is not open wait in a queue and go out when it opens. A call already sent when
 * the socket drops is rejected (its outcome is unknown, and resending a create or an import could repeat it).
 */
import type { ApiArgs, ApiEvent, ApiName, ApiResult, FaceAuditBridge, MediaVariant } from '../../../shared/api';
import { BridgeError, bridgeError } from './errors';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface ConnectionInfo {
  readonly hasToken: boolean;
  connectionState(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

export type BrowserBridge = FaceAuditBridge & ConnectionInfo & { readonly transport: 'browser' };

const TOKEN_KEY = 'faceaudit.token';

/**
 * The token arrives once in the address (#token=…). It is kept in sessionStorage, so reloads still work, and
 * removed from the visible address, so it does not end up in screenshots or the history.
 */
export function readToken(): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      /* storage unavailable: the token lives only in this page */
    }
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

interface Pending {
  frame: string;
  sent: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MIN_DELAY = 250;
const MAX_DELAY = 10_000;

export function createBrowserBridge(token: string): BrowserBridge {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(event: ApiEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;

  function setState(next: ConnectionState) {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) l(next);
  }

  function flush() {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    for (const p of pending.values()) {
      if (p.sent) continue;
      socket.send(p.frame);
      p.sent = true;
    }
  }

  function onMessage(data: unknown) {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      console.warn('FaceAudit: ignoring a frame that is not JSON');
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    const m = msg as Record<string, unknown>;
    if ('event' in m) {
      const event = m.event as ApiEvent;
      for (const l of [...eventListeners]) {
        try {
          l(event);
        } catch (e) {
          console.error(e);
        }
      }
      return;
    }
    if (typeof m.id !== 'number') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok === true) p.resolve(m.value);
    else {
      const err = (m.error ?? {}) as { code?: unknown; params?: unknown; message?: unknown };
      p.reject(
        new BridgeError({
          code: typeof err.code === 'string' ? err.code : 'bridge.unknown',
          params: err.params && typeof err.params === 'object' ? (err.params as Record<string, string | number>) : {},
          message: typeof err.message === 'string' ? err.message : 'error',
        }),
      );
    }
  }

  function connect() {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      flush();
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, p] of pending) {
        if (!p.sent) continue;
        pending.delete(id);
        p.reject(bridgeError('bridge.disconnected', 'The connection to the service dropped.'));
      }
      setState('reconnecting');
      const delay = Math.min(MAX_DELAY, MIN_DELAY * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt = Math.min(attempt + 1, 10);
      setTimeout(connect, delay);
    };
    ws.onerror = () => {
      /* a close event follows and schedules the reconnect */
    };
  }

  connect();

  return {
    transport: 'browser',
    hasToken: token !== '',
    call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResult<N>> {
      return new Promise<ApiResult<N>>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, {
          frame: JSON.stringify({ id, name, args }),
          sent: false,
          resolve: resolve as (v: unknown) => void,
          reject,
        });
        flush();
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    mediaUrl(caseId: string, id: number, variant: MediaVariant) {
      return `/media/${variant}?case=${encodeURIComponent(caseId)}&id=${id}&token=${encodeURIComponent(token)}`;
    },
    /** `file`: the path documents.export (or another export) returned; the host serves it from the case's exports/. */
    exportUrl(caseId: string, file: string) {
      const name = file.split(/[\\/]/u).pop() ?? '';
      return `/exports?case=${encodeURIComponent(caseId)}&file=${encodeURIComponent(name)}&token=${encodeURIComponent(token)}`;
    },
    connectionState: () => state,
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}

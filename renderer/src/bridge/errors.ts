import type { WireError } from '../../../shared/messages';

/**
 * An error as the UI shows it. Service errors arrive as WireError (code from shared/messages.ts); errors of
 * the transport itself use codes under `bridge.` that the UI dictionary translates.
 */
export interface UiError {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export class BridgeError extends Error {
  constructor(readonly error: UiError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

export function bridgeError(code: string, message: string, params: Record<string, string | number> = {}): BridgeError {
  return new BridgeError({ code, params, message });
}

function looksLikeWire(v: unknown): v is WireError {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' && (o.params === undefined || (typeof o.params === 'object' && o.params !== null));
}

function normalise(v: WireError | UiError): UiError {
  return { code: v.code, params: v.params ?? {}, message: typeof v.message === 'string' ? v.message : '' };
}

/**
 * Turns whatever a bridge call rejected with into a UiError. Accepts a BridgeError, a bare WireError, an Error
 * carrying `code`/`params` (or an `error` / `wire` property holding a WireError), or an Error whose message
 * ends in the JSON of a WireError (how Electron's ipcRenderer.invoke reports errors thrown in the main process).
 */
export function toUiError(e: unknown): UiError {
  if (e instanceof BridgeError) return e.error;
  if (looksLikeWire(e)) return normalise(e);
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    for (const k of ['error', 'wire', 'cause']) if (looksLikeWire(o[k])) return normalise(o[k] as WireError);
  }
  const message = e instanceof Error ? e.message : String(e);
  const json = /\{.*\}\s*$/s.exec(message);
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json[0]);
      if (looksLikeWire(parsed)) return normalise(parsed);
    } catch {
      /* not JSON */
    }
  }
  // Not a service error: show its text as it is.
  return { code: 'bridge.message', params: { details: message }, message };
}

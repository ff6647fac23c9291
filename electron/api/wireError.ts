/**
 * Errors as they cross to the page or the terminal: a UserError keeps its code and parameters; anything
 * else is an internal error, reported without its stack (the stack goes to the log, not the user).
 */
import { UserError, formatMessage, type WireError } from '../../shared/messages';

export function toWireError(error: unknown): WireError {
  if (error instanceof UserError) return { code: error.code, params: error.params, message: error.message };
  const details = error instanceof Error ? error.message : String(error);
  return { code: 'internal', params: { details }, message: formatMessage('internal', { details }, 'en') };
}

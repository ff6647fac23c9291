/**
 * Argument parsing shared by the verbs: strict, so a mistyped flag is an error that says what to do.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../shared/messages';

export type Out = (line: string) => void;

export function usageError(details: string): UserError {
  return new UserError('args.invalid', { details: `${details}. Run "faceaudit --help" for usage` });
}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

export function int(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--${name} needs a whole number, got "${String(value)}"`);
  return n;
}

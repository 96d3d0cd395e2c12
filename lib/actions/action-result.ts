/**
 * What every server action returns to its form: success, or translated error keys.
 * Client components import this file: it must stay free of server code
 * (lib/actions/run-action.ts runs the use cases and logs).
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; details?: Record<string, unknown>; /** The error already in the visitor's words, for islands that load no translations */ message?: string };

export const idleResult = { ok: false, error: "" } as const;

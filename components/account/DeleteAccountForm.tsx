"use client";

import { useEffect, useId } from "react";
import { deleteAccountAction } from "@/app/actions/account";
import { signOutAndGo } from "@/components/auth/sign-out";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";
import { useKeptFormAction } from "@/components/ui/useKeptFormAction";

type Labels = { confirm: string; submit: string; pending: string; done: string };

/**
 * Deletes the account after the person typed their address; then signs this
 * browser out. Labels come from the page (the account's texts are not shipped to
 * the browser); errors are translated under "errors", which is.
 */
export function DeleteAccountForm({ labels }: { labels: Labels }) {
  const errorText = useErrorText();
  const inputId = useId();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult<{ erasedOrders: number }>>(deleteAccountAction, idleResult);
  useEffect(() => {
    if (state.ok) void signOutAndGo("/compte/supprime");
  }, [state.ok]);
  const error = !state.ok && state.error ? errorText(Object.values(state.fieldErrors ?? {})[0] ?? state.error, state.details) : null;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label htmlFor={inputId} className="block font-medium">
        {labels.confirm}
      </label>
      <input id={inputId} name="confirmEmail" type="email" autoComplete="off" required className="min-h-11 w-full max-w-sm rounded-lg border border-gray-500 px-3" />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || state.ok} aria-busy={pending} className="min-h-11 rounded-lg bg-red-800 px-4 font-semibold text-white disabled:opacity-60">
          {pending || state.ok ? labels.pending : labels.submit}
        </button>
        <span role="status" aria-live="polite" className="text-sm font-medium">
          {error ? <span className="text-red-800">{error}</span> : state.ok ? labels.done : null}
        </span>
      </div>
    </form>
  );
}

"use client";

import type { ReactNode } from "react";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "./useErrorText";
import { useKeptFormAction } from "./useKeptFormAction";

type Props = {
  action: (state: ActionResult, formData: FormData) => Promise<ActionResult>;
  submitLabel: string;
  pendingLabel: string;
  successLabel: string;
  children: ReactNode;
  className?: string;
  danger?: boolean;
};

/** A form bound to a server action: pending button, success or translated error, input kept on errors. */
export function ActionForm({ action, submitLabel, pendingLabel, successLabel, children, className, danger }: Props) {
  const errorText = useErrorText();
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult>(action, idleResult);
  const error = !state.ok && state.error ? errorText(Object.values(state.fieldErrors ?? {})[0] ?? state.error, state.details) : null;
  return (
    <form onSubmit={onSubmit} className={className ?? "space-y-3"}>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} aria-busy={pending} className={`min-h-11 rounded-lg px-4 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-800" : "bg-brand-600"}`}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <span role="status" aria-live="polite" className="text-sm font-medium">
          {state.ok ? <span className="text-brand-700">{state.message ?? successLabel}</span> : error ? <span className="text-red-800">{error}</span> : null}
        </span>
      </div>
    </form>
  );
}

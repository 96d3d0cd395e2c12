"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startRoundAction } from "@/app/actions/delivery";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

/** "The driver leaves": every ready order of the round goes out for delivery. */
export function StartRoundForm({ shopId, slotStartsAt, ready }: { shopId: string; slotStartsAt: string; ready: number }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult<{ started: number; leftBehind: number }>, FormData>(startRoundAction, idleResult);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3 print:hidden">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="slotStartsAt" value={slotStartsAt} />
      <button type="submit" disabled={pending || ready === 0} aria-busy={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">
        {pending ? t("working") : t("startRound", { count: ready })}
      </button>
      <p role="status" aria-live="polite" className="text-sm font-medium">
        {state.ok ? t("roundStarted", { started: state.data.started, leftBehind: state.data.leftBehind }) : state.error ? <span className="text-red-800">{errorText(state.error)}</span> : null}
      </p>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { setArchivedAction } from "@/app/actions/products";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { useErrorText } from "@/components/ui/useErrorText";

export function ArchiveForm({ shopId, productId, archived, label }: { shopId: string; productId: string; archived: boolean; label: string }) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(setArchivedAction, idleResult);
  return (
    <form action={formAction}>
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" disabled={pending} aria-busy={pending} className="min-h-11 rounded-lg border border-red-800 px-4 font-medium text-red-800 disabled:opacity-60">{label}</button>
      {!state.ok && state.error && <p role="alert" className="text-sm text-red-800">{errorText(state.error)}</p>}
    </form>
  );
}

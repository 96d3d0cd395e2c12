"use client";

import { useState } from "react";
import { signOutAndGo } from "@/components/auth/sign-out";
import { signOutEverywhereAction } from "@/app/actions/account";

/** Ends every session of the account (a lost phone, a shared computer), then this one. */
export function SignOutEverywhereButton({ label, pendingLabel, failedLabel }: { label: string; pendingLabel: string; failedLabel: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          const confirm = new FormData();
          confirm.set("confirm", "everywhere");
          const result = await signOutEverywhereAction(confirm).catch(() => null);
          if (!result?.ok) {
            setFailed(true);
            setPending(false);
            return;
          }
          await signOutAndGo("/");
        }}
        className="min-h-11 rounded-lg border border-red-800 px-4 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
      {failed && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failedLabel}
        </p>
      )}
    </div>
  );
}

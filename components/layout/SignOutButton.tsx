"use client";

import { useState } from "react";
import { signOutAndGo } from "@/components/auth/sign-out";

export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        signOutAndGo("/").catch(() => setPending(false));
      }}
      className="min-h-11 rounded-lg px-3 hover:bg-brand-50 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

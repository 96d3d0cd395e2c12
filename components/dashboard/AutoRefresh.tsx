"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the board from the server every `seconds` and announces new
 * orders (the server passes the newest order's time as `latest`).
 */
export function AutoRefresh({ latest, seconds, newLabel, idleLabel }: { latest: string | null; seconds: number; newLabel: string; idleLabel: string }) {
  const router = useRouter();
  const first = useRef(latest);
  const [hasNew, setHasNew] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  useEffect(() => {
    if (latest && latest !== first.current) setHasNew(true);
  }, [latest]);
  return (
    <p role="status" aria-live="polite" className="text-sm" data-testid="board-refresh">
      {hasNew ? <span className="rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900">● {newLabel}</span> : <span className="text-muted">{idleLabel}</span>}
    </p>
  );
}

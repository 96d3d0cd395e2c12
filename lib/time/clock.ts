/**
 * The time background work runs on. Normally the system clock; a test harness
 * (COMPTOIR_TEST_CLOCK=1, never in a normal start) may move it forward, together
 * with the queue's due times (lib/jobs/test-clock.ts), to cross a grace period or
 * reach a reminder without waiting.
 */
const holder = globalThis as { comptoirClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (holder.comptoirClockOffsetMs ?? 0));
}

export function clockOffsetMs(): number {
  return holder.comptoirClockOffsetMs ?? 0;
}

/** Moves this process's clock forward (test harness only). */
export function advanceClockBy(ms: number): void {
  holder.comptoirClockOffsetMs = (holder.comptoirClockOffsetMs ?? 0) + ms;
}

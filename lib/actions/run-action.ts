import "server-only";
import { ZodError } from "zod";
import { waitForDatabase } from "@/lib/db/client";
import { isConnectionLoss, traceDatabaseWork } from "@/lib/db/connection-loss";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import type { ActionResult } from "./action-result";

type RunOptions = {
  /** The work can be run twice with the same effect as once (a checkout carries its idempotency key). */
  idempotent?: boolean;
};

/**
 * Runs a use case for a server action: bad input and domain refusals become
 * error keys (translated by the form under "errors.*"); anything unexpected is
 * logged and reported as a generic failure, never as a stack trace. Work that
 * meets a dropped database connection is run once more when that is safe —
 * nothing it sent could have committed, or it is idempotent — and otherwise the
 * customer is told whether it may have been saved (issue #13).
 */
export async function runAction<T>(work: () => Promise<T>, options: RunOptions = {}): Promise<ActionResult<T>> {
  let attempt = await traceDatabaseWork(work);
  if ("value" in attempt) return { ok: true, data: attempt.value };
  const lost = (a: typeof attempt) => "error" in a && (a.trace.connectionLost || isConnectionLoss(a.error));
  const firstMayHaveCommitted = attempt.trace.mayHaveCommitted;
  if (lost(attempt) && (options.idempotent || !attempt.trace.mayHaveCommitted) && (await waitForDatabase(db()))) {
    log().warn({ kind: "action" }, "server action retried after a lost database connection");
    attempt = await traceDatabaseWork(work);
    if ("value" in attempt) return { ok: true, data: attempt.value };
  }
  if (lost(attempt)) {
    log().error({ err: attempt.error, kind: "action" }, "server action stopped by a lost database connection");
    // Said from what was sent, not from whether a retry is safe: a checkout's COMMIT may have gone through.
    return { ok: false, error: firstMayHaveCommitted || attempt.trace.mayHaveCommitted ? "interruptedMaybeSaved" : "interruptedNothingSaved" };
  }
  return failure(attempt.error);
}

function failure(error: unknown): ActionResult<never> {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, error: "invalidInput", fieldErrors };
  }
  if (isDomainError(error)) {
    const reason = typeof error.details?.reason === "string" ? error.details.reason : error.code;
    return { ok: false, error: reason, details: error.details };
  }
  // Next's redirect() and notFound() are control flow, not failures.
  if (error instanceof Error && "digest" in error && typeof error.digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR)/.test(error.digest)) throw error;
  log().error({ err: error, kind: "action" }, "unexpected error in a server action");
  return { ok: false, error: "unexpected" };
}

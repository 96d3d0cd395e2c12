import "server-only";
import { ZodError } from "zod";
import { isDomainError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import type { ActionResult } from "./action-result";

/**
 * Runs a use case for a server action: bad input and domain refusals become
 * error keys (translated by the form under "errors.*"); anything unexpected is
 * logged and reported as a generic failure, never as a stack trace.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
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
}

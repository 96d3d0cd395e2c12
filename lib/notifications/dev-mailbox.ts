import "server-only";
import { env } from "@/lib/env";
import { requestClient } from "@/lib/http/request-client";

/** True when emails stay in the database instead of leaving by SMTP (the banner says so on every page). */
export function devMailboxEnabled(): boolean {
  return env().DEV_MAILBOX;
}

/**
 * The dev mailbox shows everyone's sign-in links and pickup codes: it answers only
 * when it is on and the request comes from this machine, through no proxy.
 */
export async function mayOpenDevMailbox(): Promise<boolean> {
  return devMailboxEnabled() && (await requestClient()).local;
}

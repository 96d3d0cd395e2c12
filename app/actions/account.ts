"use server";

import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { revokeAllAuthSessions } from "@/lib/auth/auth-sessions";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** Ends every session of the signed-in user, on every device (the browser then signs out too). */
export async function signOutEverywhereAction(): Promise<ActionResult<number>> {
  return runAction(async () => revokeAllAuthSessions(db(), { actor: await getActor() }));
}

import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";

/**
 * The caller the operator is serving: their town, commune and address, kept in a short-lived cookie of the
 * operator's browser (not in the address bar: a street does not belong in a shared desk's history) from the
 * phone line's search to the checkout, which offers them for the delivery address.
 */
const CALLER_COOKIE = "comptoir-caller";
const CALL_MINUTES = 120;

const callerOnTheLine = z.object({
  territoryId: z.string().min(1).max(64),
  communeId: z.string().min(1).max(64),
  addressLine: z.string().trim().max(200).default(""),
});

export type CallerOnTheLine = z.infer<typeof callerOnTheLine>;

export async function rememberCaller(caller: CallerOnTheLine): Promise<void> {
  (await cookies()).set(CALLER_COOKIE, JSON.stringify(callerOnTheLine.parse(caller)), { path: "/", httpOnly: true, sameSite: "lax", maxAge: CALL_MINUTES * 60 });
}

/** The caller being served in this town, if any (a cookie that does not parse is no caller). */
export async function callerOnTheLineIn(territoryId: string): Promise<CallerOnTheLine | null> {
  const raw = (await cookies()).get(CALLER_COOKIE)?.value;
  if (!raw) return null;
  try {
    const caller = callerOnTheLine.safeParse(JSON.parse(raw));
    return caller.success && caller.data.territoryId === territoryId ? caller.data : null;
  } catch {
    return null;
  }
}

import { env } from "@/lib/env";
import { databaseCheckouts } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/**
 * Test harness only: how many times this process's requests took a database
 * connection so far, to prove cached pages cost none (reading it costs none
 * either). Exists when COMPTOIR_TEST_CLOCK=1; 404 in every normal start.
 */
export function GET() {
  if (!env().COMPTOIR_TEST_CLOCK) return new Response("Not found", { status: 404 });
  return Response.json({ checkouts: databaseCheckouts() }, { headers: { "Cache-Control": "no-store" } });
}

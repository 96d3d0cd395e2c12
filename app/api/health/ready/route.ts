import { checkReadiness } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Readiness: send this instance traffic only when its database answers, its migrations are applied and its job queue keeps up. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json({ status: readiness.ready ? "ready" : "not ready", ...readiness }, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

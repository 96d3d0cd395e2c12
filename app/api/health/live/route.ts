export const dynamic = "force-dynamic";

/** Liveness: the process answers (restart it if not). It reads nothing, so a database outage does not get instances killed. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

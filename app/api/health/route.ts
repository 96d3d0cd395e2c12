import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Liveness and database readiness, for load balancers and the start script. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 });
}

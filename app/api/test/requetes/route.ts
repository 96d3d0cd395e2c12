import { env } from "@/lib/env";
import { databaseCheckouts } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/**
 * Test harness only: how many times this process's requests took a database
 * connection so far, to prove cached pages cost none (reading it costs none
 * either), and its memory (the benchmark's breakdown of the RSS). Exists when COMPTOIR_TEST_CLOCK=1; 404 in every normal start.
 */
export function GET() {
  if (!env().COMPTOIR_TEST_CLOCK) return new Response("Not found", { status: 404 });
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const megabytes = (bytes: number) => Math.round(bytes / 1048576);
  const memory = { rss: megabytes(rss), heapTotal: megabytes(heapTotal), heapUsed: megabytes(heapUsed), external: megabytes(external), arrayBuffers: megabytes(arrayBuffers) };
  return Response.json({ checkouts: databaseCheckouts(), memory }, { headers: { "Cache-Control": "no-store" } });
}

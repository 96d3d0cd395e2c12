import type { NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/same-origin";
import { advanceTime } from "@/lib/jobs/test-clock";
import { advanceClockBy, clockOffsetMs } from "@/lib/time/clock";

const body = z.union([z.object({ minutes: z.number().int().min(1).max(60 * 24 * 30) }), z.object({ reset: z.literal(true) })]);

/**
 * Test harness only: moves the app's clock and the job queue forward. Exists when
 * COMPTOIR_TEST_CLOCK=1 (the Playwright config sets it); 404 in every normal start.
 */
export async function POST(request: NextRequest) {
  if (!env().COMPTOIR_TEST_CLOCK || !isSameOrigin(request.headers)) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "send { minutes: 1…43200 } or { reset: true }" }, { status: 400 });
  // Resetting brings the process clock back; jobs already made due stay due.
  if ("reset" in parsed.data) advanceClockBy(-clockOffsetMs());
  else await advanceTime(db(), parsed.data.minutes * 60_000);
  return Response.json({ offsetMinutes: Math.round(clockOffsetMs() / 60_000) });
}

import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { admitSignIn, recordPasswordOutcome, signInDoor, signInSucceeded } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/prisma";
import { appUrl } from "@/lib/notifications/app-url";
import { clientFromHeaders } from "@/lib/http/client-address";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** What next-auth's client reads from a refused sign-in: a URL with the error, here with Retry-After. */
function tooManyAttempts(retryAfterSeconds: number): Response {
  return Response.json(
    { url: `${appUrl()}/connexion?error=RateLimited`, error: "RateLimited", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

async function handler(request: NextRequest, context: RouteContext) {
  const params = await context.params;
  const door = request.method === "POST" ? signInDoor(params.nextauth ?? []) : null;
  if (!door) return NextAuth(request, { params }, authOptions());

  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").slice(0, 320);
  const { ip } = clientFromHeaders(request.headers);
  const admitted = await admitSignIn(db(), { door, email, ip });
  if (!admitted.allowed) return tooManyAttempts(admitted.retryAfterSeconds);

  const response = await NextAuth(request, { params }, authOptions());
  if (door === "password") await recordPasswordOutcome(db(), { email, ip, succeeded: await signInSucceeded(response) });
  return response;
}

export { handler as GET, handler as POST };

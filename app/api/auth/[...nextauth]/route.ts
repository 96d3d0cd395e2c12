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

/** next-auth's forms are urlencoded; it would answer 500 to a body it cannot parse. */
function hasFormBody(request: NextRequest): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type === "" || type.startsWith("application/x-www-form-urlencoded");
}

/** next-auth answers 500 to a callback URL that is not http(s): such a request is refused first. */
function isUsableCallbackUrl(value: string | undefined | null): boolean {
  if (value === undefined || value === null) return true;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? appUrl() : undefined).protocol);
  } catch {
    return false;
  }
}

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

async function handler(request: NextRequest, context: RouteContext) {
  const params = await context.params;
  if (request.method === "POST" && !hasFormBody(request)) return Response.json({ error: "Bad request" }, { status: 400 });
  const badCookie = CALLBACK_COOKIES.find((name) => !isUsableCallbackUrl(request.cookies.get(name)?.value));
  if (!isUsableCallbackUrl(request.nextUrl.searchParams.get("callbackUrl")) || badCookie) {
    const headers = new Headers();
    if (badCookie) headers.append("Set-Cookie", `${badCookie}=; Path=/; Max-Age=0`);
    return Response.json({ error: "Bad request" }, { status: 400, headers });
  }
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

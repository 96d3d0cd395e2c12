import { NextResponse, type NextRequest } from "next/server";
import { isWellFormedActionRequest } from "@/lib/http/action-request";
import { contentSecurityPolicy, permissionsPolicy } from "@/lib/http/security-headers";

const badRequest = () => new NextResponse("Requête invalide / Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Runs before every page and route: refuses server-action bodies Next.js could
 * not decode with 400 (scripts/server.ts already refused malformed URLs), and gives
 * each response its Content-Security-Policy (with a per-request nonce) and
 * Permissions-Policy. Never used for authorization: every page and action checks.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !(await isWellFormedActionRequest(request))) return badRequest();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(request.nextUrl.pathname));
  return response;
}

export const config = {
  // Static files need no nonce; they get the fixed headers from next.config.js.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
